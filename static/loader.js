// The loader: checks the page can run the lab at all (served over HTTP,
// WebGL, WebAssembly) and says what to do when it cannot, downloads the
// program with a progress bar in the bytes that cross the network,
// compiles it while it downloads, starts the Go program, hands
// window.aelab to the page once the first frame is drawn, and says so in
// words whenever the program cannot start or stops. It is a file, not
// inline script, so that the page's Content-Security-Policy can forbid
// inline script and eval (see index.html).
//
// Its <script> element says what to fetch: data-wasm is the program
// (app.wasm; make dist gives it a hashed name), data-size and data-gz-size
// its size unpacked and packed (make dist writes them; without them the
// response's headers tell), data-sw a service worker to register (make
// dist's sw.js, which keeps the lab for offline use).
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

// The rest is in a block: its names stay out of the page's global scope.
{
const script = document.currentScript;

// hasWebGL reports whether the browser gives a WebGL context, as ebiten
// needs one: asked before the program downloads, so that a machine without
// it (WebGL switched off, a remote desktop, no hardware acceleration) hears
// why at once rather than after the download. The trial context is let go
// at once.
function hasWebGL() {
  const c = document.createElement("canvas");
  for (const type of ["webgl2", "webgl"]) {
    let gl = null;
    try { gl = c.getContext(type); } catch (e) { /* no context of this type */ }
    if (gl) {
      const lose = gl.getExtension("WEBGL_lose_context");
      if (lose) lose.loseContext();
      return true;
    }
  }
  return false;
}

// fetchProgram gets the program's response: its gzip twin (NAME.gz, a
// third of the size on a host that does not compress) when there is one
// and the browser can unpack it, else NAME itself.
async function fetchProgram(name) {
  if ("DecompressionStream" in window) {
    const gz = await fetch(name + ".gz");
    if (gz.ok) return gz;
  }
  const resp = await fetch(name);
  if (!resp.ok) throw new Error(`${name}: HTTP ${resp.status}`);
  return resp;
}

// programStream reads resp's body and returns the program's bytes as a
// stream, calling progress(sent, total) as they arrive, in bytes that
// crossed the network and never above total (0 when unknown), and
// progress(null) once the last has come. Whatever the host does, the
// first bytes say what came: gzip (the .gz twin as a file: every byte read
// crossed the network; unpacked here) or the program itself, either sent
// as is (every byte crossed) or packed by the host with Content-Encoding
// and unpacked by the browser (the bytes read are unpacked ones: what
// crossed is their share of the packed size).
async function programStream(resp, progress) {
  const reader = resp.body.getReader();
  const head = await reader.read();
  if (head.done) throw new Error(`${resp.url}: empty response`);
  const b = head.value;
  const gzip = b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
  const length = +resp.headers.get("Content-Length") || 0;
  const encoded = !gzip && (resp.headers.get("Content-Encoding") || "identity") !== "identity";
  const size = +script.dataset.size || +resp.headers.get("X-Decoded-Length") || 0;
  let total = length || +(gzip || encoded ? script.dataset.gzSize : script.dataset.size) || 0;
  // A host that packs on the fly (chunked) sends no length: the bar then
  // counts the unpacked bytes against the unpacked size.
  let scale = 1;
  if (encoded) {
    if (size && total) scale = total / size;
    else total = size;
  }
  let read = 0;
  const count = (chunk) => {
    read += chunk.length;
    progress(Math.min(Math.round(read * scale), total || Infinity), total);
  };
  count(b);
  const body = new ReadableStream({
    start(c) { c.enqueue(b); },
    async pull(c) {
      const { done, value } = await reader.read();
      if (done) { c.close(); progress(null); return; }
      count(value);
      c.enqueue(value);
    },
    cancel(why) { return reader.cancel(why); },
  });
  return gzip ? body.pipeThrough(new DecompressionStream("gzip")) : body;
}

// instantiate compiles the program while it downloads where the browser
// can (instantiateStreaming, given a response typed application/wasm,
// whatever type the host sent), else from its bytes once they are all in.
async function instantiate(stream, imports) {
  const resp = new Response(stream, { headers: { "Content-Type": "application/wasm" } });
  if (WebAssembly.instantiateStreaming) return WebAssembly.instantiateStreaming(resp, imports);
  return WebAssembly.instantiate(await resp.arrayBuffer(), imports);
}

(async () => {
  const loader = document.getElementById("loader");
  const text = document.getElementById("loader-text");
  const bar = document.getElementById("loader-bar");
  const reload = document.getElementById("loader-reload");
  reload.addEventListener("click", () => location.reload());

  // fail shows msg over whatever the page shows, the canvas included: the
  // loader stays in the page (hidden once the lab is up) for this. A
  // message about the browser or the way the page was opened (again false)
  // has no reload button: reloading cannot help there; tips go below it
  // as a list.
  let failed = false;
  const fail = (msg, tips = [], again = true) => {
    if (failed) return;
    failed = true;
    text.textContent = msg;
    if (tips.length) {
      const ul = document.createElement("ul");
      ul.id = "loader-tips";
      for (const tip of tips) {
        const li = document.createElement("li");
        li.textContent = tip;
        ul.append(li);
      }
      text.after(ul);
    }
    if (!again) reload.remove();
    loader.setAttribute("role", "alert");
    loader.classList.remove("hidden");
    loader.classList.add("failed");
  };
  if (location.protocol === "file:") {
    fail("The lab must be served over HTTP: a browser does not let a page opened from a file load its program.", [
      "In the lab's folder, run: python3 -m http.server 8080 — then open http://localhost:8080/",
      "From the source, run: make serve — then open http://localhost:8080/",
      "Or use the desktop app, which needs no browser.",
    ], false);
    return;
  }
  if (!("WebAssembly" in window)) {
    fail("This browser cannot run WebAssembly; please use a current Chrome, Firefox, Safari or Edge.", [], false);
    return;
  }
  if (!hasWebGL()) {
    fail("The lab needs WebGL, which this browser has switched off or cannot give.", [
      "Open the lab in another browser (a current Chrome, Firefox, Safari or Edge).",
      "Switch on hardware acceleration in the browser's settings (Chrome: Settings › System), then restart the browser.",
      "On a remote desktop or a virtual machine, open it on the computer itself.",
      "Or use the desktop app, which draws without a browser.",
    ], false);
    return;
  }
  // keepOffline registers the service worker that keeps the lab's files
  // for offline use (sw.js), once the lab is up: its copy then comes from
  // the browser's cache rather than competing with the download. A browser
  // that refuses (a private window, plain http) loses only that.
  const keepOffline = () => {
    if (!script.dataset.sw || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register(script.dataset.sw).catch((e) => console.warn("aelab: no offline copy:", e.message));
  };

  let instance;
  try {
    const go = new Go();
    const resp = await fetchProgram(script.dataset.wasm || "app.wasm");
    const stream = await programStream(resp, (sent, total) => {
      if (sent === null) {
        // downloaded: the compilation ends, then the Go program starts
        text.textContent = "Starting…";
        return;
      }
      if (!total) {
        text.textContent = `Loading the lab… ${(sent / 1e6).toFixed(1)} MB`;
        return;
      }
      bar.style.width = `${((100 * sent) / total).toFixed(1)}%`;
      text.textContent = `Loading the lab… ${(sent / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} MB`;
    });
    // The exit hook: the Go program calls it when it ends, by returning,
    // by log.Fatal or by a panic (exit code 2; the panic's text is in the
    // console). Whatever the page then shows is frozen: say so.
    go.exit = (code) => {
      if (code !== 0) console.warn("aelab: the Go program exited with code", code);
      fail(code === 0
        ? "The lab stopped. Reload the page to start it again."
        : `The lab stopped after an error (exit code ${code}; the browser's console has the details). Reload the page to start it again.`);
    };
    ({ instance } = await instantiate(stream, go.importObject));
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
          keepOffline();
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
}
