//go:build js

package data

import (
	"errors"
	"fmt"
	"strconv"
	"syscall/js"
)

// BaseURL is where the browser build fetches the data files from: relative
// to the page, the static/data/ folder that `make web` fills.
var BaseURL = "data/"

func init() { fetcher = fetchFile }

// fetchFile gets BaseURL + file with the page's fetch() and reads the body
// chunk by chunk, so that progress moves as the bytes arrive (Content-Length
// gives the total; the server sends the .gz files as they are, without
// Content-Encoding, so that it counts the bytes read).
func fetchFile(file string, progress Progress) ([]byte, error) {
	url := BaseURL + file
	resp, err := await(js.Global().Call("fetch", url))
	if err != nil {
		return nil, fmt.Errorf("data: fetching %s: %w", url, err)
	}
	if !resp.Get("ok").Bool() {
		return nil, fmt.Errorf("data: fetching %s: HTTP %d %s", url, resp.Get("status").Int(), resp.Get("statusText").String())
	}
	total := int64(-1)
	// A host that sends the .gz file with Content-Encoding: gzip has the
	// browser unpack it: Content-Length then counts other bytes than the
	// body gives, so the total is unknown (DecodeImages takes either).
	enc := resp.Get("headers").Call("get", "Content-Encoding")
	if cl := resp.Get("headers").Call("get", "Content-Length"); cl.Type() == js.TypeString && (enc.Type() != js.TypeString || enc.String() == "identity") {
		if n, err := strconv.ParseInt(cl.String(), 10, 64); err == nil {
			total = n
		}
	}
	var buf []byte
	if total > 0 {
		buf = make([]byte, 0, total)
	}
	progress(0, total)
	reader := resp.Get("body").Call("getReader")
	for {
		chunk, err := await(reader.Call("read"))
		if err != nil {
			return nil, fmt.Errorf("data: reading %s: %w", url, err)
		}
		if chunk.Get("done").Bool() {
			break
		}
		v := chunk.Get("value") // a Uint8Array
		n := v.Get("length").Int()
		buf = append(buf, make([]byte, n)...)
		js.CopyBytesToGo(buf[len(buf)-n:], v)
		if total >= 0 && int64(len(buf)) > total {
			total = -1 // never more than the total: it was not this body's
		}
		progress(int64(len(buf)), total)
	}
	return buf, nil
}

// await waits for a promise from a goroutine that is not a js callback.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.v, r.err
}
