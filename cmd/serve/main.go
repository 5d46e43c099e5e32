// Command serve serves the web build of Autoencoder Lab (static/) on
// localhost, as `make serve` runs it:
//
//	go run ./cmd/serve -dir static -host localhost -port 8080
//
// -port 0 picks a free port and prints it. -host 0.0.0.0 (make serve
// HOST=0.0.0.0) serves every network the machine is on, a classroom's
// included, and prints the addresses to give the students. What is served, and with which
// headers, is static.Handler's; this command adds the listening socket and
// the timeouts a server open to a classroom's network needs.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"time"

	"aelab/static"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "serve:", err)
		os.Exit(1)
	}
}

// timeouts bound how long a client may hold a connection: a half-sent
// request or an idle keep-alive must not pin a socket (and a goroutine)
// for good.
type timeouts struct {
	header, read, write, idle time.Duration
}

// serverTimeouts are make serve's. Every request is a small GET, answered
// from local files: the header within 5 s, the whole request within 10 s.
// Writing app.wasm (3–4 MB gzipped) takes well under a second on a
// laptop's loopback, a few seconds over slow Wi-Fi: a minute leaves room.
var serverTimeouts = timeouts{header: 5 * time.Second, read: 10 * time.Second, write: time.Minute, idle: 2 * time.Minute}

// newServer is the http.Server of make serve for the handler h.
func newServer(h http.Handler, t timeouts) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: t.header,
		ReadTimeout:       t.read,
		WriteTimeout:      t.write,
		IdleTimeout:       t.idle,
	}
}

// run serves dir until ctx ends. It prints the address to open on out only
// once the port is really listening: a taken port is an error before any
// success is printed, and -port 0 prints the port it got. The flags' usage
// goes to errOut.
func run(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(errOut)
	dir := fs.String("dir", "static", "folder with index.html and app.wasm")
	host := fs.String("host", envOr("HOST", "localhost"), "address to listen on: localhost (this machine only) or 0.0.0.0 (every network, a classroom's; or $HOST)")
	port := fs.String("port", envOr("PORT", "8080"), "port to listen on, 0 for any free one (or $PORT)")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return nil // the usage is printed
	}
	if err != nil {
		return errors.New("bad flags (see above)")
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags: -dir, -host, -port)", fs.Arg(0))
	}
	portNum, err := strconv.ParseUint(*port, 10, 16)
	if err != nil {
		return fmt.Errorf("-port %q: want a port number from 0 to 65535", *port)
	}
	if _, err := os.Stat(filepath.Join(*dir, "app.wasm")); err != nil {
		return fmt.Errorf("%s has no app.wasm: build it first with `make web`", *dir)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*host, strconv.FormatUint(portNum, 10)))
	if err != nil {
		return fmt.Errorf("cannot listen on %s port %d (another server may be using it; try PORT=8081 or -port 0): %w", *host, portNum, err)
	}
	srv := newServer(static.Handler(*dir), serverTimeouts)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	got := ln.Addr().(*net.TCPAddr)
	fmt.Fprintf(out, "Autoencoder Lab: open http://localhost:%d/ (Ctrl-C to stop)\n", got.Port)
	if got.IP.IsUnspecified() {
		addrs, err := net.InterfaceAddrs()
		urls := lanURLs(addrs, got.Port)
		switch {
		case err != nil:
			fmt.Fprintf(out, "Students on this network: the machine's addresses are unknown (%v); port %d\n", err, got.Port)
		case len(urls) == 0:
			fmt.Fprintf(out, "Students: this machine is on no network but its own; port %d\n", got.Port)
		default:
			fmt.Fprintln(out, "Students on this network open:")
			for _, u := range urls {
				fmt.Fprintln(out, "  "+u)
			}
		}
	} else if !got.IP.IsLoopback() {
		fmt.Fprintf(out, "Students open http://%s/\n", net.JoinHostPort(got.IP.String(), strconv.Itoa(got.Port)))
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil {
			return err
		}
		if err := <-done; !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	}
}

// lanURLs are the addresses students type for a server on every network
// (-host 0.0.0.0) at port: one per address of the machine's that another
// machine can reach, IPv4 first (shorter to read out), without loopback
// and link-local ones.
func lanURLs(addrs []net.Addr, port int) []string {
	var v4, v6 []string
	for _, a := range addrs {
		n, ok := a.(*net.IPNet)
		if !ok || n.IP.IsLoopback() || n.IP.IsLinkLocalUnicast() || n.IP.IsUnspecified() || n.IP.IsMulticast() {
			continue
		}
		u := "http://" + net.JoinHostPort(n.IP.String(), strconv.Itoa(port)) + "/"
		if n.IP.To4() != nil {
			v4 = append(v4, u)
		} else {
			v6 = append(v6, u)
		}
	}
	return append(v4, v6...)
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}
