// Reads tests/tokenize/testdata/cases.txt: one case per line, with the escapes
// \n \r \t \f \\ \xHH (one raw byte) and \uHHHH (a code point as UTF-8).
// tests/tokenize/golden_cases.cc decodes the same way.
import { readFileSync } from "node:fs";

function utf8(cp) {
  return Buffer.from(String.fromCodePoint(cp), "utf8");
}

export function unescapeCase(line) {
  const out = [];
  for (let i = 0; i < line.length; ) {
    const c = line[i];
    if (c !== "\\" || i + 1 >= line.length) {
      const cp = line.codePointAt(i);
      out.push(utf8(cp));
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const e = line[i + 1];
    const simple = { n: "\n", r: "\r", t: "\t", f: "\f", "\\": "\\" }[e];
    if (simple !== undefined) {
      out.push(Buffer.from(simple));
      i += 2;
    } else if (e === "x") {
      out.push(Buffer.from([parseInt(line.substr(i + 2, 2), 16)]));
      i += 4;
    } else if (e === "u") {
      out.push(utf8(parseInt(line.substr(i + 2, 4), 16)));
      i += 6;
    } else {
      throw new Error(`unknown escape \\${e} in: ${line}`);
    }
  }
  return Buffer.concat(out);
}

export function readCases(path) {
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map(unescapeCase);
}

// What every reference here does with invalid UTF-8: the WHATWG decoder
// replaces each maximal invalid subpart with one U+FFFD.
export function decodeLossy(bytes) {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
