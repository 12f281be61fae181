// Writes the BPE ranks that the npm `tiktoken` package ships as .tiktoken
// files (one "base64(token) rank" line per token, tiktoken's own format).
// Usage: node export_ranks.mjs OUT_DIR
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";

const require = createRequire(import.meta.url);
const outDir = process.argv[2];
for (const name of ["cl100k_base", "o200k_base"]) {
  const enc = require(`tiktoken/encoders/${name}.json`);
  const lines = [];
  for (const row of enc.bpe_ranks.split("\n")) {
    if (!row) continue;
    const [, offset, ...tokens] = row.split(" ");
    tokens.forEach((t, i) => lines.push(`${t} ${Number(offset) + i}`));
  }
  writeFileSync(`${outDir}/${name}.tiktoken`, lines.join("\n") + "\n");
  console.log(`${name}: ${lines.length} ranks`);
}
