// window.aelab, the lab's scripting interface (DESIGN.md, "window.aelab"),
// with typed errors at its boundary.
//
// The Go program (wasm/aelab.go) does the work; its functions take the
// arguments this file has checked and cannot throw themselves: a Go
// function called from JavaScript returns a value or panics, and a panic
// would end the program. So the checks that decide whether a call makes
// sense are here, where a mistake in a script can be a thrown TypeError or
// RangeError with a message, and a failure inside Go comes back as a
// marker that this file turns into an Error. What a slider accepts (range,
// choices) stays Go's: a value of the right type that is out of range is
// clamped and warned about in state().warnings, as in a link.
"use strict";

/**
 * aelabBoundary builds window.aelab around the Go program's functions.
 * @param {object} raw the Go functions (wasm/aelab.go), kept private here
 * @param {WebAssembly.Memory} memory the Go instance's memory
 */
function aelabBoundary(raw, memory) {
  // call runs the Go function name and throws what it reports as failed.
  const call = (name, ...args) => {
    const out = raw[name](...args);
    if (out !== null && typeof out === "object" && "aelab_error" in out) {
      throw new Error(`aelab.${name}: ${out.aelab_error}`);
    }
    return out;
  };
  // describe names a value's kind for an error message, briefly: a 100 kB
  // string must not become a 100 kB message.
  const describe = (v) => {
    if (v === null) return "null";
    if (typeof v === "string") return v.length > 40 ? `a string "${v.slice(0, 40)}…"` : `"${v}"`;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (typeof v === "bigint") return `a BigInt (${v}n; pass Number(${v}n))`.slice(0, 80);
    if (Array.isArray(v)) return "an array";
    return typeof v === "undefined" ? "undefined" : `a${typeof v === "object" ? "n" : ""} ${typeof v}`;
  };
  const isValue = (v) => typeof v === "number" || typeof v === "string" || typeof v === "boolean";

  const aelab = {
    ready: true,
    state: () => call("state"),
    /**
     * set(name, value) does what moving that control does and returns the
     * value applied. value is a number, a string or a boolean, as a link
     * carries them; anything else (a BigInt, an object, a function, a
     * symbol, null, undefined) is a TypeError. A value of the right type
     * that a parameter does not accept is clamped or replaced by the
     * default and listed in state().warnings, as in a link.
     */
    set(name, value) {
      if (typeof name !== "string") {
        throw new TypeError(`aelab.set(name, value): name must be a parameter's name (a string), got ${describe(name)}`);
      }
      if (!isValue(value)) {
        throw new TypeError(`aelab.set(${describe(name)}, value): value must be a number, a string or a boolean, got ${describe(value)}`);
      }
      return call("set", name, value);
    },
    scene(id) {
      if (typeof id !== "string") {
        throw new TypeError(`aelab.scene(id): id must be a scene's id (a string), got ${describe(id)}`);
      }
      return call("scene", id);
    },
    /**
     * train(n) runs n training steps now and returns state(). n is a whole
     * number from 0 to raw.maxTrainSteps; train() is one step, as the step
     * button. A count that is not a number is a TypeError; a negative, NaN,
     * fractional or larger count is a RangeError: a script that asked for
     * -5 or 2.5 steps has a mistake that silently training 0 or 2 would
     * hide, and one that asked for 10⁹ would freeze the tab.
     */
    train(n = 1) {
      if (typeof n !== "number") {
        throw new TypeError(`aelab.train(n): n must be a number of steps, got ${describe(n)}`);
      }
      if (!Number.isInteger(n) || n < 0 || n > raw.maxTrainSteps) {
        throw new RangeError(`aelab.train(n): n must be a whole number of steps from 0 to ${raw.maxTrainSteps}, got ${n}`);
      }
      return call("train", n);
    },
    reset: () => call("reset"),
    play: () => call("play"),
    pause: () => call("pause"),
    /**
     * frameStats() is the frame timings of the last ~2 s, and the size of
     * the WebAssembly memory now: what the Go program has taken from the
     * browser (it grows, never shrinks).
     */
    frameStats: () => ({ ...call("frameStats"), wasm_memory_bytes: memory.buffer.byteLength }),
    screenshot: () => call("screenshot"),
  };
  return Object.freeze(aelab);
}
