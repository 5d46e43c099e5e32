// `make bench-tfjs`: the lab's deeper-net benchmarks as WebAssembly under
// node and TensorFlow.js 4.22's wasm backend on the same nets (bench.mjs),
// one after the other in the same run, and the ratios DESIGN.md budgets:
// BenchmarkTrainDeep ≥ 2.5× TF.js, BenchmarkTrainDeepMNIST ≥ 1.5× TF.js.
// Exits 1 when a ratio is under its budget.
//
//	node bench/tfjs/compare.mjs [rounds]   (default 3; from the repository root or anywhere)
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const budgets = { TrainDeep: 2.5, TrainDeepMNIST: 1.5 };

const rounds = Number(process.argv[2] || 3);
const goroot = execFileSync("go", ["env", "GOROOT"], { encoding: "utf8" }).trim();
// Build the WebAssembly test binary once; each round then runs it and
// TF.js back to back. The best of the rounds stands for each side: on a
// shared 2-core machine a round that another process disturbs can only be
// slower, never faster.
const bin = path.join(root, "out", "nn.test.wasm");
execFileSync("go", ["test", "-c", "-o", bin, "./core/nn/"],
  { cwd: root, stdio: "inherit", env: { ...process.env, GOOS: "js", GOARCH: "wasm" } });
const lab = {}, tfjs = {};
for (let r = 1; r <= rounds; r++) {
  const goOut = execFileSync(`${goroot}/lib/wasm/go_js_wasm_exec`, [bin, "-test.run", "^$",
    "-test.bench", "^BenchmarkTrainDeep", "-test.benchtime", "2s"], { cwd: path.join(root, "core/nn"), encoding: "utf8" });
  for (const m of goOut.matchAll(/^Benchmark(\w+)\s.*?([\d.]+) samples\/s/gm)) {
    console.log(`round ${r} lab  ${m[1]}: ${m[2]} samples/s`);
    lab[m[1]] = Math.max(lab[m[1]] || 0, Number(m[2]));
  }
  const tfOut = execFileSync("node", [path.join(here, "bench.mjs"), "wasm", "2"], { encoding: "utf8" });
  for (const line of tfOut.split("\n")) {
    if (!line.startsWith("{")) continue;
    const res = JSON.parse(line);
    console.log(`round ${r} tfjs ${line}`);
    tfjs[res.bench] = Math.max(tfjs[res.bench] || 0, res.samples_per_s);
  }
}

let ok = true;
console.log(`\nbest of ${rounds} rounds\nbenchmark         lab wasm/s   TF.js wasm/s   ratio   budget`);
for (const [name, budget] of Object.entries(budgets)) {
  const ratio = lab[name] / tfjs[name];
  const pass = ratio >= budget;
  ok &&= pass;
  console.log(`${name.padEnd(16)} ${String(Math.round(lab[name])).padStart(11)} ${String(tfjs[name]).padStart(14)}  ${ratio.toFixed(2).padStart(5)}×  ≥ ${budget}×  ${pass ? "ok" : "UNDER BUDGET"}`);
}
process.exit(ok ? 0 : 1);
