//go:build !js

package data

// Natively the files are embedded: Start loads at once (tests see the
// images after Reset, deterministically).
const background = false
