// An independent check of WARC files with webrecorder's warcio (npm), used
// by the crawl's WARC tests (tests/e2e/crawl_warc_e2e_test.cc).
//
//   node warc_check.mjs NODE_MODULES_DIR FILE...
//
// Prints one JSON line per record:
//   {"file","type","id","uri","concurrent_to","block_ok","payload_ok","status","content_sha256"}
// block_ok: WARC-Block-Digest matches the SHA-1 (base32) of the block as
// warcio reads it, null without one; payload_ok: WARC-Payload-Digest
// matches the SHA-1 of the entity body (the HTTP body with its chunked
// transfer coding removed), null without one; content_sha256: SHA-256 of a
// response's body with its transfer and content codings undone (warcio
// parses the HTTP head, node's zlib decodes: warcio does not decode br).
// The last line is
// {"summary": {"records": N, "errors": [...]}}; the exit code is 1 when a
// file does not parse to its end.
import { createHash } from "node:crypto";
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { createReadStream } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// warcio from the folder scripts/install-test-tools.sh installed it into.
const { WARCParser } = createRequire(join(process.argv[2], "warc_check.cjs"))("warcio");

function base32(bytes) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let out = "", acc = 0, bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(acc >>> bits) & 31];
    }
    acc &= 0xff;
  }
  if (bits > 0) out += alphabet[(acc << (5 - bits)) & 31];
  while (out.length % 8) out += "=";
  return out;
}

const sha1 = (bytes) => "sha1:" + base32(createHash("sha1").update(bytes).digest());

function indexOf(bytes, pattern, from = 0) {
  outer: for (let i = from; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

// RFC 9112 §7.1; what is there when cut short.
function dechunk(body) {
  const parts = [];
  let pos = 0;
  for (;;) {
    const nl = indexOf(body, [10], pos);
    if (nl < 0) break;
    const size = parseInt(Buffer.from(body.subarray(pos, nl)).toString("latin1").split(";")[0].trim(), 16);
    if (Number.isNaN(size)) return null;
    pos = nl + 1;
    if (size === 0) break;
    parts.push(body.subarray(pos, Math.min(pos + size, body.length)));
    pos += size + 2;
    if (pos > body.length) break;
  }
  return Buffer.concat(parts);
}

function entityBody(block) {
  const end = indexOf(block, [13, 10, 13, 10]);
  if (end < 0) return null;
  const head = Buffer.from(block.subarray(0, end)).toString("latin1");
  const body = block.subarray(end + 4);
  if (/^transfer-encoding:.*chunked/im.test(head)) return dechunk(body) ?? body;
  return body;
}

// RFC 9110 §8.4: the content codings, undone in reverse order, by node's
// own zlib (warcio itself decodes gzip and deflate, not br).
function decodeContent(body, codings) {
  const list = (codings || "").split(",").map((c) => c.trim().toLowerCase()).filter((c) => c && c !== "identity");
  for (const c of list.reverse()) {
    if (c === "gzip" || c === "x-gzip") body = gunzipSync(body);
    else if (c === "br") body = brotliDecompressSync(body);
    else if (c === "deflate") {
      try { body = inflateSync(body); } catch { body = inflateRawSync(body); }
    } else throw new Error(`unknown content coding ${c}`);
  }
  return body;
}

const errors = [];
let records = 0;
for (const file of process.argv.slice(3)) {
  try {
    // Raw blocks for the digests, then warcio's own HTTP parsing and decoding.
    const raw = [];
    for await (const record of new WARCParser(createReadStream(file), { parseHttp: false })) {
      const block = await record.readFully(false);
      raw.push(block);
    }
    let i = 0;
    for await (const record of new WARCParser(createReadStream(file))) {
      const h = record.warcHeaders.headers;
      const type = h.get("WARC-Type");
      const block = raw[i++];
      const out = {
        file,
        type,
        id: h.get("WARC-Record-ID"),
        uri: h.get("WARC-Target-URI") ?? null,
        concurrent_to: h.get("WARC-Concurrent-To") ?? null,
        block_ok: h.get("WARC-Block-Digest") ? h.get("WARC-Block-Digest") === sha1(block) : null,
        payload_ok: null,
        status: null,
        content_sha256: null,
      };
      if (h.get("WARC-Payload-Digest")) {
        const body = entityBody(block);
        out.payload_ok = body !== null && h.get("WARC-Payload-Digest") === sha1(body);
      }
      if (record.httpHeaders) out.status = Number(record.httpHeaders.statusCode) || null;
      if (type === "response" && record.httpHeaders) {
        const body = entityBody(block);
        const content = decodeContent(body, record.httpHeaders.headers.get("Content-Encoding"));
        out.content_sha256 = createHash("sha256").update(content).digest("hex");
      }
      records++;
      console.log(JSON.stringify(out));
    }
    if (i !== raw.length) errors.push(`${file}: ${raw.length} raw records, ${i} parsed`);
  } catch (e) {
    errors.push(`${file}: ${e.message}`);
  }
}
console.log(JSON.stringify({ summary: { records, errors } }));
process.exit(errors.length ? 1 : 0);
