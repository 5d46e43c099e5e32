//go:build !js

package data

import "embed"

// Natively the data sets are part of the binary (about 0.4 MB): a desktop
// lab needs no server. The browser build leaves them out of app.wasm and
// fetches them (fetch_js.go). The pattern takes the whole folder (licences
// and checksums too, a few kB) so that it matches before cmd/datagen has
// written the data.
//
//go:embed files/*
var files embed.FS

func init() {
	fetcher = func(file string, progress Progress) ([]byte, error) {
		b, err := files.ReadFile("files/" + file)
		if err != nil {
			return nil, err
		}
		progress(int64(len(b)), int64(len(b)))
		return b, nil
	}
}
