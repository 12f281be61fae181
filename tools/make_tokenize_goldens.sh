#!/usr/bin/env bash
# Regenerates the tokenizer test data in tests/tokenize/testdata from the
# reference implementations (tests/tokenize/testdata/README.md says what each
# file is). Needs node/npm (the npm registry) and Debian's `sentencepiece`
# (spm_train, spm_encode). The C++ tests only read the files this writes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ref="$root/tools/tokenize_ref"
data="$root/tests/tokenize/testdata"

(cd "$ref" && npm ci --no-audit --no-fund --silent)

# tiktoken ranks shipped inside the npm package, zstd-compressed.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node "$ref/export_ranks.mjs" "$tmp"
for name in cl100k_base o200k_base; do
  zstd -q -19 -f "$tmp/$name.tiktoken" -o "$data/$name.tiktoken.zst"
done

# SentencePiece models trained here on the multilingual sample.
spm_train --input="$data/multilingual.txt" --model_prefix="$data/spm_unigram" \
  --vocab_size=1200 --model_type=unigram --character_coverage=0.9995 \
  --num_threads=1 --minloglevel=2 >/dev/null 2>&1
spm_train --input="$data/multilingual.txt" --model_prefix="$data/spm_bpe_bytes" \
  --vocab_size=1200 --model_type=bpe --byte_fallback=true --character_coverage=0.9995 \
  --num_threads=1 --minloglevel=2 >/dev/null 2>&1
rm -f "$data"/spm_*.vocab

# Small byte-level BPE tokenizer.json files in three layouts.
node "$ref/build_hf_tokenizers.mjs" "$data/multilingual.txt" 2000 "$data"

# Goldens: BPE from the npm references, SentencePiece from spm_encode. The
# SentencePiece goldens hold one line per line of each case (spm_encode reads
# lines), in order.
node "$ref/goldens.mjs" "$data"
node --input-type=module -e "
  import { readCases } from '$ref/cases.mjs';
  import { writeFileSync } from 'node:fs';
  const segs = [];
  for (const c of readCases('$data/cases.txt')) {
    let start = 0;
    for (let i = 0; i <= c.length; i++) {
      if (i === c.length || c[i] === 10) { segs.push(c.subarray(start, i)); start = i + 1; }
    }
  }
  writeFileSync('$tmp/spm_input.txt', Buffer.concat(segs.flatMap((s) => [s, Buffer.from('\n')])));
"
for model in spm_unigram spm_bpe_bytes; do
  spm_encode --model="$data/$model.model" --output_format=id <"$tmp/spm_input.txt" >"$data/$model.golden"
done
ls -l "$data"
