// transformers.js side of bench/embeddings.sh: the same ONNX files and sentences, feature-extraction
// with pooling "mean" and normalize true, at batch 1 and 32. Prints "RESULT" and "PARITY" lines.
//   node bench.mjs <models dir> <sentences.txt> <reference.json> [rounds]
import { env, pipeline } from "@huggingface/transformers";
import { readFileSync } from "node:fs";

const [modelsDir, sentencesFile, referenceFile, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 3);
env.allowRemoteModels = false;
env.localModelPath = modelsDir;
const texts = readFileSync(sentencesFile, "utf8").split("\n").filter((l) => l.length > 0);
const reference = JSON.parse(readFileSync(referenceFile, "utf8")).sentences;

const cosine = (a, b) => {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
  return dot / Math.sqrt(na * nb);
};

async function measure(name, batch, run) {
  await run(texts.slice(0, 64)); // warm-up
  const rates = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    await run(texts);
    rates.push(texts.length / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  console.log(`RESULT ${name} ${batch} ${rates[Math.floor(rounds / 2)].toFixed(1)}`);
}

for (const [name, dtype] of [["transformers.js-fp32", "fp32"], ["transformers.js-int8", "q8"]]) {
  const extractor = await pipeline("feature-extraction", "all-MiniLM-L6-v2", { dtype });
  const embed = (input) => extractor(input, { pooling: "mean", normalize: true });
  // the same pipeline as the reference? (truncation at 256, mean pooling, L2)
  const ref = dtype === "fp32" ? "fp32" : "int8";
  let min = 1;
  for (const s of reference) {
    min = Math.min(min, cosine((await embed(s.text)).data, s[ref]));
  }
  console.log(`PARITY ${name} min cosine to the ${ref} reference over 12 sentences: ${min.toFixed(6)}`);
  await measure(name, 1, async (set) => { for (const t of set) await embed(t); });
  await measure(name, 32, async (set) => {
    for (let i = 0; i < set.length; i += 32) await embed(set.slice(i, i + 32));
  });
  await extractor.dispose();
}
