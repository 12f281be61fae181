// Throughput of the npm reference tokenizers on the same documents as
// bench/bench_tokenize.cc: MB/s of UTF-8 text per CPU second of this process
// (process.cpuUsage, so a busy machine distorts it little).
// Usage: node bench.mjs DOCUMENTS.jsonl|TEXT [MB, default 8] [only: name substring]
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { Tiktoken } from "tiktoken/lite";
import { Tiktoken as JsTiktoken } from "js-tiktoken/lite";
import { Tokenizer } from "@huggingface/tokenizers";

const require = createRequire(import.meta.url);
const data = new URL("../../tests/tokenize/testdata/", import.meta.url).pathname;
const [file = `${data}multilingual.txt`, mbArg = "8", only = ""] = process.argv.slice(2);
const maxBytes = Number(mbArg) * 1e6;

const docs = [];
let bytes = 0;
const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.length > 0);
for (let pass = 0; bytes < maxBytes && lines.length > 0; pass++) {
  for (const line of lines) {
    if (bytes >= maxBytes) break;
    const text = line.startsWith("{") ? JSON.parse(line).text : line;
    docs.push(text);
    bytes += Buffer.byteLength(text, "utf8");
  }
  if (pass > 10000) break;
}
console.log(`text: ${file}, ${docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB`);

function cpuSeconds() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function measure(name, encode) {
  if (!name.includes(only)) return;
  const start = cpuSeconds();
  const all = [];
  let tokens = 0;
  for (const d of docs) {
    const ids = encode(d);
    tokens += ids.length;
    all.push(Uint32Array.from(ids));
  }
  const secs = cpuSeconds() - start;
  // SHA-256 of every id as little-endian uint32, as bench_tokenize prints it.
  const digest = createHash("sha256");
  for (const ids of all) digest.update(Buffer.from(ids.buffer, ids.byteOffset, ids.byteLength));
  console.log(
    `${name.padEnd(44)} ${(bytes / 1e6 / secs).toFixed(2).padStart(8)} MB/s per core  ${(tokens / 1e6 / secs).toFixed(2)} M tokens/s  ${tokens} tokens  ids ${digest.digest("hex").slice(0, 12)}`,
  );
}

for (const name of ["cl100k_base", "o200k_base"]) {
  const e = require(`tiktoken/encoders/${name}.json`);
  const wasm = new Tiktoken(e.bpe_ranks, e.special_tokens, e.pat_str);
  measure(`tiktoken ${name} (Rust core, WebAssembly)`, (t) => wasm.encode_ordinary(t));
  wasm.free();
  const js = new JsTiktoken(require(`js-tiktoken/ranks/${name}`));
  measure(`js-tiktoken ${name}`, (t) => js.encode(t));
}
const json = JSON.parse(readFileSync(`${data}llama3_style.tokenizer.json`, "utf8"));
const hf = new Tokenizer(json, {});
measure("@huggingface/tokenizers llama3_style", (t) => hf.encode(t, { add_special_tokens: false }).ids);
