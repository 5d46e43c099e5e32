// Command serve serves the web build of Autoencoder Lab (static/) on
// localhost, as `make serve` runs it:
//
//	go run ./cmd/serve -dir static -port 8080
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path/filepath"

	"aelab/static"
)

func main() {
	dir := flag.String("dir", "static", "folder with index.html and app.wasm")
	port := flag.String("port", envOr("PORT", "8080"), "port to listen on (or $PORT)")
	flag.Parse()
	if _, err := os.Stat(filepath.Join(*dir, "app.wasm")); err != nil {
		log.Fatalf("%s has no app.wasm: build it first with `make web`", *dir)
	}
	addr := "localhost:" + *port
	fmt.Printf("Autoencoder Lab: open http://%s/ (Ctrl-C to stop)\n", addr)
	log.Fatal(http.ListenAndServe(addr, static.Handler(*dir)))
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
