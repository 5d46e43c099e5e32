// The loader: downloads app.wasm with a progress bar, starts the Go
// program, hands window.aelab to the page once the first frame is drawn,
// and says so in words whenever the program cannot start or stops. It is a
// file, not inline script, so that the page's Content-Security-Policy can
// forbid inline script and eval (see index.html).
"use strict";

// aelab.screenshot() reads the canvas with toDataURL, which needs the last
// frame kept: ask for it before ebiten creates its WebGL context.
(() => {
  const getContext = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, attrs) {
    if (type === "webgl" || type === "webgl2") attrs = { ...attrs, preserveDrawingBuffer: true };
    return getContext.call(this, type, attrs);
  };
})();

(async () => {
  const loader = document.getElementById("loader");
  const text = document.getElementById("loader-text");
  const bar = document.getElementById("loader-bar");
  document.getElementById("loader-reload").addEventListener("click", () => location.reload());

  // fail shows msg over whatever the page shows, the canvas included: the
  // loader stays in the page (hidden once the lab is up) for this.
  let failed = false;
  const fail = (msg) => {
    if (failed) return;
    failed = true;
    text.textContent = msg;
    loader.setAttribute("role", "alert");
    loader.classList.remove("hidden");
    loader.classList.add("failed");
  };
  if (!("WebAssembly" in window)) {
    fail("This browser cannot run WebAssembly; please use a current Chrome, Firefox, Safari or Edge.");
    return;
  }

  let instance;
  try {
    const resp = await fetch("app.wasm");
    if (!resp.ok) throw new Error(`app.wasm: HTTP ${resp.status}`);
    // The server sends app.wasm gzipped; X-Decoded-Length is its real size,
    // which the bytes read below count.
    const total = +resp.headers.get("X-Decoded-Length") || +resp.headers.get("Content-Length") || 0;
    const reader = resp.body.getReader();
    const chunks = [];
    let got = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      got += value.length;
      if (total) {
        bar.style.width = `${Math.min(100, (100 * got) / total).toFixed(1)}%`;
        text.textContent = `Loading the lab… ${(got / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB`;
      }
    }
    const bytes = new Uint8Array(got);
    let off = 0;
    for (const c of chunks) { bytes.set(c, off); off += c.length; }
    text.textContent = "Starting…";
    const go = new Go();
    // The exit hook: the Go program calls it when it ends, by returning,
    // by log.Fatal or by a panic (exit code 2; the panic's text is in the
    // console). Whatever the page then shows is frozen: say so.
    go.exit = (code) => {
      if (code !== 0) console.warn("aelab: the Go program exited with code", code);
      fail(code === 0
        ? "The lab stopped. Reload the page to start it again."
        : `The lab stopped after an error (exit code ${code}; the browser's console has the details). Reload the page to start it again.`);
    };
    ({ instance } = await WebAssembly.instantiate(bytes, go.importObject));
    // The Go program calls aelabPage.install with its functions after its
    // first frame (wasm/aelab.go); window.aelab is them behind aelab.js's
    // checks. "aelab-ready" goes out on a later turn of the event loop:
    // install runs inside a frame, with the lab locked, and a listener that
    // called aelab at once would wait on that lock forever.
    window.aelabPage = {
      install(raw) {
        window.aelab = aelabBoundary(raw, instance.exports.mem);
        setTimeout(() => {
          if (!failed) loader.classList.add("hidden");
          dispatchEvent(new Event("aelab-ready"));
        }, 0);
      },
    };
    go.run(instance).catch((e) => {
      console.error(e);
      fail(`The lab stopped after an error: ${e.message}. Reload the page to start it again.`);
    });
  } catch (e) {
    console.error(e);
    fail(`The lab could not start: ${e.message}`);
  }
})();
