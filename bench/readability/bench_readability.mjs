// Reference timing for extraction speed: Mozilla Readability on linkedom,
// over the same WCXB pages and in the same order as bench/bench_extract.cc,
// so the two pages/s figures compare directly. Single-threaded like the C++
// bench; reports wall time and the process's CPU time. A larger heap keeps
// V8 from spending most of the run collecting garbage near its default limit,
// so the reference is measured at its best:
//   cd bench/readability && npm install
//   node --max-old-space-size=8192 bench_readability.mjs [DIR] [--limit N]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

let dir = '../../../shared/data/wcxb-dev/dev/html';
let limit = 0;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--limit') limit = Number(args[++i]);
  else dir = args[i];
}
if (!fs.existsSync(dir)) {
  console.log(`bench_readability: ${dir} not found; nothing to measure`);
  process.exit(0);
}
let files = fs.readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort();
if (limit) files = files.slice(0, limit);
const pages = files.map((f) => zlib.gunzipSync(fs.readFileSync(path.join(dir, f))));
const bytes = pages.reduce((n, p) => n + p.length, 0);
const texts = pages.map((p) => p.toString('utf8'));

function run(extract) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let out = 0;
  let failed = 0;
  for (const html of texts) {
    try {
      out += extract(html);
    } catch {
      failed += 1;
    }
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, out, failed };
}

const parseOnly = run((html) => {
  parseHTML(html);
  return 0;
});
const readability = run((html) => {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article && article.textContent ? article.textContent.length : 0;
});

const mb = bytes / 1e6;
console.log(`pages: ${pages.length} from ${dir}, ${mb.toFixed(1)} MB`);
console.log('                           pages/s (wall)   MB/s (wall)   CPU s   failed');
for (const [name, r] of [['linkedom parse only', parseOnly], ['readability + linkedom', readability]]) {
  console.log(`${name.padEnd(26)} ${(pages.length / r.wall).toFixed(1).padStart(14)} ` +
              `${(mb / r.wall).toFixed(2).padStart(13)} ${r.cpu.toFixed(1).padStart(7)} ${String(r.failed).padStart(8)}`);
}
console.log(`text out ${(readability.out / 1e6).toFixed(1)} M chars`);
