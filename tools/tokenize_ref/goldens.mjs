// Encodes every case of cases.txt with the reference BPE implementations and
// writes one golden file per tokenizer: line i holds the ids of case i.
//   tiktoken (npm): the Rust tiktoken core compiled to WebAssembly, with the
//     ranks and pre-tokenizer pattern the package ships; encode_ordinary, so
//     special-token text counts as plain text.
//   @huggingface/tokenizers (npm): Hugging Face's JavaScript tokenizers, for
//     the tokenizer.json files built by build_hf_tokenizers.mjs.
// Invalid UTF-8 is decoded first the WHATWG way (decodeLossy in cases.mjs).
// Usage: node goldens.mjs TESTDATA_DIR
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { Tiktoken } from "tiktoken/lite";
import { Tokenizer } from "@huggingface/tokenizers";
import { readCases, decodeLossy } from "./cases.mjs";

const require = createRequire(import.meta.url);
const dir = process.argv[2];
const cases = readCases(`${dir}/cases.txt`).map(decodeLossy);

function writeGolden(name, encode) {
  const lines = cases.map((t) => Array.from(encode(t)).join(" "));
  writeFileSync(`${dir}/${name}.golden`, lines.join("\n") + "\n");
  console.log(`${name}.golden: ${lines.length} cases`);
}

for (const name of ["cl100k_base", "o200k_base"]) {
  const e = require(`tiktoken/encoders/${name}.json`);
  const enc = new Tiktoken(e.bpe_ranks, e.special_tokens, e.pat_str);
  writeGolden(name, (t) => enc.encode_ordinary(t));
  enc.free();
}
for (const name of ["gpt2_style", "llama3_style", "qwen2_style"]) {
  const json = JSON.parse(readFileSync(`${dir}/${name}.tokenizer.json`, "utf8"));
  const tok = new Tokenizer(json, {});
  writeGolden(name, (t) => tok.encode(t, { add_special_tokens: false }).ids);
}
