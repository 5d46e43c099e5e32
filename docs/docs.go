// Package docs holds the lab's documentation for its users. parameters.md
// is written from the scenes' declarations by `go generate ./docs` (gen/),
// whose test fails when it is stale; the other pages are written by hand.
package docs

//go:generate go run ./gen -o parameters.md
