// Subsets DejaVu Sans to the characters the lab draws, to keep the web
// bundle within its budget (DESIGN.md: app.wasm ≤ 3.5 MB gzipped): the full
// fonts are 1.5 MB, 0.74 MB gzipped. Run from the repository root:
//
//	npm install --prefix assets/fonttool subset-font@2
//	node assets/fonttool/subset.mjs /usr/share/fonts/truetype/dejavu
//
// (Debian's fonts-dejavu-core provides the source fonts.) The hinting
// instructions are kept: golang/freetype uses them for crisp small text.
import { readFile, writeFile } from "node:fs/promises";
import subsetFont from "subset-font";

const ranges = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x017f], // Latin-1 Supplement, Latin Extended-A (× · ° ² ±)
  [0x0300, 0x036f], // combining marks (x̃, x̂)
  [0x0370, 0x03ff], // Greek (λ σ θ η μ γ ε Σ)
  [0x1d00, 0x1dbf], // phonetic extensions (superscript capitals ᴰ ᴷ ᵀ)
  [0x2000, 0x206f], // punctuation (‖ – — … ′)
  [0x2070, 0x209f], // superscripts and subscripts (ⁿ ₙ ₁ ₂)
  [0x2100, 0x214f], // letterlike symbols (ℝ)
  [0x2190, 0x21ff], // arrows (→ ↦)
  [0x2200, 0x22ff], // mathematical operators (∑ ∂ ≈ ∈ ≤ ‖)
  [0x25a0, 0x25ff], // geometric shapes (▶ ■ ●)
];
// Bold is for headings, button labels and readout values: Latin, Greek,
// digits and a few symbols are enough.
const boldRanges = [
  [0x0020, 0x007e],
  [0x00a0, 0x00ff],
  [0x0300, 0x036f], // combining marks (x̂)
  [0x0370, 0x03ff],
  [0x1d2c, 0x1d6a], // superscript letters (ᵀ ᴰ ᴷ)
  [0x2070, 0x209f],
];
const boldExtra = "‖–—…′‹›→←↔⇧≡≈≤≥−×·∑∂∈ℝ∠";

const chars = (rs, extra = "") => {
  let t = extra;
  for (const [a, b] of rs) for (let c = a; c <= b; c++) t += String.fromCodePoint(c);
  return t;
};

const dir = process.argv[2] ?? "/usr/share/fonts/truetype/dejavu";
for (const [name, text] of [
  ["DejaVuSans.ttf", chars(ranges)],
  ["DejaVuSans-Bold.ttf", chars(boldRanges, boldExtra)],
]) {
  const src = await readFile(`${dir}/${name}`);
  const out = await subsetFont(src, text, { targetFormat: "truetype", preserveHinting: true });
  await writeFile(new URL(`../${name}`, import.meta.url), out);
  console.log(`${name}: ${src.length} → ${out.length} bytes`);
}
