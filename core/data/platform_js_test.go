//go:build js

package data

const isJS = true
