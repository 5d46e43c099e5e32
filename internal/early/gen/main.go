// Command gen writes the desktop app's usage text, app.Usage for the
// scenes as declared now, for package early to embed (go generate
// ./internal/early).
package main

import (
	"bytes"
	"flag"
	"log"
	"os"

	"aelab/scenes"
	"aelab/scenes/app"
)

func main() {
	out := flag.String("o", "usage.txt", "file to write")
	flag.Parse()
	if err := os.WriteFile(*out, Text(), 0o644); err != nil {
		log.Fatal(err)
	}
}

// Text is the usage of the desktop app.
func Text() []byte {
	var b bytes.Buffer
	app.Usage(&b, app.New(app.Options{Scenes: scenes.All()}))
	return b.Bytes()
}
