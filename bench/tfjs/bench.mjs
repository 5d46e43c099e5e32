// TensorFlow.js 4.22 on the nets of BenchmarkTrainDeep and
// BenchmarkTrainDeepMNIST (core/nn/bench_test.go): the same layer sizes,
// tanh hidden layers and a linear output, minibatch 64, plain SGD with
// learning rate 0.01 on the loss (1/N) Σ ‖y − x‖², 512 random points in
// [0, 1)^D. Prints samples/s for each net, one JSON line per net, so that
// `make bench-tfjs` can put the lab's WebAssembly figures beside them in the
// same run.
//
//	node bench.mjs [backend] [seconds]   (backend: wasm (default) or cpu)
import * as tf from "@tensorflow/tfjs";
import "@tensorflow/tfjs-backend-wasm";

const backend = process.argv[2] || "wasm";
const seconds = Number(process.argv[3] || 2);
const batch = 64;
const points = 512;

const nets = [
  { name: "TrainDeep", sizes: [64, 32, 16, 2, 16, 32, 64] },
  { name: "TrainDeepMNIST", sizes: [784, 128, 32, 2, 32, 128, 784] },
];

// mulberry32: a small seeded generator, so every run trains on the same data.
function rand(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bench({ name, sizes }) {
  const r = rand(1);
  const dim = sizes[0];
  const batches = [];
  for (let b = 0; b < points / batch; b++) {
    const v = new Float32Array(batch * dim);
    for (let i = 0; i < v.length; i++) v[i] = r();
    batches.push(tf.tensor2d(v, [batch, dim]));
  }
  const model = tf.sequential();
  for (let l = 1; l < sizes.length; l++) {
    model.add(tf.layers.dense({
      units: sizes[l],
      inputShape: l === 1 ? [dim] : undefined,
      activation: l === sizes.length - 1 ? "linear" : "tanh",
      kernelInitializer: "glorotUniform",
    }));
  }
  const opt = tf.train.sgd(0.01);
  const step = (x) => {
    opt.minimize(() => tf.squaredDifference(model.apply(x), x).sum().div(batch), false);
  };
  let k = 0;
  for (let i = 0; i < 20; i++) step(batches[k++ % batches.length]); // warm up
  let steps = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    for (let i = 0; i < 5; i++) step(batches[k++ % batches.length]);
    steps += 5;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  const loss = tf.tidy(() => tf.squaredDifference(model.apply(batches[0]), batches[0]).sum().div(batch).dataSync()[0]);
  if (!Number.isFinite(loss)) throw new Error(`${name}: loss ${loss}`);
  batches.forEach((t) => t.dispose());
  model.dispose();
  return { bench: name, backend: tf.getBackend(), samples_per_s: Math.round((steps * batch) / elapsed), loss };
}

await tf.setBackend(backend);
await tf.ready();
const flags = backend === "wasm"
  ? { simd: await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"), threads: await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT") }
  : {};
for (const net of nets) console.log(JSON.stringify({ ...bench(net), ...flags }));
