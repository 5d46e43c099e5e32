//go:build js

package data

// In the browser Load waits on fetch(): Start loads in a goroutine.
const background = true
