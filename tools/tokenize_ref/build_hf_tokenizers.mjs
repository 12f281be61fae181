// Trains a small byte-level BPE (plain pair-frequency merges) on a text file
// and writes it as three Hugging Face tokenizer.json files in the layouts of
// GPT-2, Llama 3 and Qwen 2, so the tokenizer.json reader is tested on each.
// Usage: node build_hf_tokenizers.mjs TRAIN_TEXT NUM_MERGES OUT_DIR
import { readFileSync, writeFileSync } from "node:fs";

const [trainPath, numMergesArg, outDir] = process.argv.slice(2);
const numMerges = Number(numMergesArg);

// GPT-2's byte-to-character table: printable bytes map to themselves, the
// rest to code points from 256 up.
function bytesToUnicode() {
  const bs = [];
  for (let b = 33; b <= 126; b++) bs.push(b);
  for (let b = 161; b <= 172; b++) bs.push(b);
  for (let b = 174; b <= 255; b++) bs.push(b);
  const cs = [...bs];
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bs.includes(b)) {
      bs.push(b);
      cs.push(256 + n);
      n++;
    }
  }
  const map = new Map();
  bs.forEach((b, i) => map.set(b, String.fromCodePoint(cs[i])));
  return map;
}

const GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
const LLAMA3_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const QWEN2_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

const b2u = bytesToUnicode();
const text = readFileSync(trainPath, "utf8");
const wordCounts = new Map();
for (const m of text.matchAll(new RegExp(GPT2_PATTERN, "gu"))) {
  const w = [...Buffer.from(m[0], "utf8")].map((b) => b2u.get(b)).join("\u0000");
  wordCounts.set(w, (wordCounts.get(w) || 0) + 1);
}
let words = [...wordCounts].map(([w, c]) => ({ syms: w.split("\u0000"), count: c }));

const vocab = {};
let nextId = 0;
for (let b = 0; b < 256; b++) vocab[b2u.get(b)] = nextId++;
const merges = [];
for (let k = 0; k < numMerges; k++) {
  const pairs = new Map();
  for (const w of words) {
    for (let i = 0; i + 1 < w.syms.length; i++) {
      const key = w.syms[i] + "\u0000" + w.syms[i + 1];
      pairs.set(key, (pairs.get(key) || 0) + w.count);
    }
  }
  let best = null;
  let bestCount = 0;
  for (const [key, c] of pairs) {
    if (c > bestCount || (c === bestCount && key < best)) {
      best = key;
      bestCount = c;
    }
  }
  if (!best || bestCount < 2) break;
  const [a, b] = best.split("\u0000");
  merges.push([a, b]);
  if (!(a + b in vocab)) vocab[a + b] = nextId++;
  for (const w of words) {
    const out = [];
    for (let i = 0; i < w.syms.length; i++) {
      if (i + 1 < w.syms.length && w.syms[i] === a && w.syms[i + 1] === b) {
        out.push(a + b);
        i++;
      } else {
        out.push(w.syms[i]);
      }
    }
    w.syms = out;
  }
}

function addedToken(id, content) {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
}

function write(name, { normalizer, preTokenizer, ignoreMerges, mergesAsStrings, added }) {
  const addedTokens = added.map((content, i) => addedToken(nextId + i, content));
  const json = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer,
    pre_tokenizer: preTokenizer,
    post_processor: null,
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: ignoreMerges,
      vocab,
      merges: mergesAsStrings ? merges.map(([a, b]) => `${a} ${b}`) : merges,
    },
  };
  writeFileSync(`${outDir}/${name}.tokenizer.json`, JSON.stringify(json, null, 1) + "\n");
}

const byteLevelNoRegex = { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: false };
write("gpt2_style", {
  normalizer: null,
  preTokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
  ignoreMerges: false,
  mergesAsStrings: true,
  added: ["<|endoftext|>"],
});
write("llama3_style", {
  normalizer: null,
  preTokenizer: {
    type: "Sequence",
    pretokenizers: [
      { type: "Split", pattern: { Regex: LLAMA3_PATTERN }, behavior: "Isolated", invert: false },
      byteLevelNoRegex,
    ],
  },
  ignoreMerges: true,
  mergesAsStrings: false,
  added: ["<|begin_of_text|>", "<|end_of_text|>"],
});
write("qwen2_style", {
  normalizer: { type: "NFC" },
  preTokenizer: {
    type: "Sequence",
    pretokenizers: [
      { type: "Split", pattern: { Regex: QWEN2_PATTERN }, behavior: "Isolated", invert: false },
      byteLevelNoRegex,
    ],
  },
  ignoreMerges: false,
  mergesAsStrings: false,
  added: ["<|endoftext|>", "<|im_start|>", "<|im_end|>"],
});
console.log(`${merges.length} merges, vocabulary ${nextId} + added tokens`);
