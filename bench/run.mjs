// ./build.sh bench: the benchmarks, in headless Chromium on this machine. Prints a table and
// writes every figure to bench/results.json as rows { bench, impl, n, median_ms, p95_ms,
// mb_per_s, bytes } (null where a field does not apply). Timings are medians of repeated runs
// in one browser session; compare ratios from one run, not numbers across machines.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../tests/browser/server.mjs';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const gz = async (path) => gzipSync(await readFile(path), { level: 9 }).length;
const rows = [];

// Download size: what the explorer page needs (JS, CSS, wasm) to show a Dateline package, and
// what the panel adds.
const explorer = ['www/dateline.js', 'www/dom.js', 'www/filters.js', 'www/map.js', 'www/timeline.js', 'www/list.js', 'www/engine-worker.js',
  'www/dateline.css', 'www/pkg/dateline.js', 'www/pkg/dateline_bg.wasm'];
const panel = ['www/panel.js', 'www/pkg/dateline_extract.js', 'www/pkg/dateline_extract_bg.wasm', 'www/data/gazetteer.json', 'www/data/lexicon.json'];
let total = 0;
for (const f of explorer) total += await gz(f);
rows.push({ bench: 'size', impl: 'dateline', n: null, median_ms: null, p95_ms: null, mb_per_s: null, bytes: total });
let extra = 0;
for (const f of panel) extra += await gz(f);
rows.push({ bench: 'size-extractor', impl: 'dateline', n: null, median_ms: null, p95_ms: null, mb_per_s: null, bytes: extra });
// The engine with the importers, which the page fetches for a file in another format than a
// package (and a worker runs to read a large file).
rows.push({ bench: 'size-importers', impl: 'dateline', n: null, median_ms: null, p95_ms: null, mb_per_s: null,
  bytes: await gz('www/pkg/dateline_fast_bg.wasm') + await gz('www/pkg/dateline_fast.js') });
// Each part, and the extractor's.
for (const f of ['www/pkg/dateline_fast_bg.wasm', 'www/pkg/dateline_fast.js', 'www/pkg/dateline_extract_bg.wasm', 'www/data/gazetteer.json', 'www/data/lexicon.json']) {
  rows.push({ bench: `size:${f.replace('www/', '')}`, impl: 'dateline', n: null, median_ms: null, p95_ms: null, mb_per_s: null, bytes: await gz(f) });
}

// Synthetic ACLED-style datasets, made once by the CLI (deterministic from the seed).
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
mkdirSync('bench/generated', { recursive: true });
for (const n of SIZES) {
  const csv = `bench/generated/acled-${n}.csv`;
  const pkg = `bench/generated/package-${n}.json`;
  const args = ['synth', String(n), '--seed', '1'];
  if (!existsSync(csv)) args.push('--acled', csv);
  if (n <= 100000 && !existsSync(pkg)) args.push('--package', pkg);
  if (args.length > 4) execFileSync('target/release/dateline', args, { stdio: 'inherit' });
}

const server = await serve('www', 0, { '/bench/': 'bench', '/extraction/': 'tests/extraction', '/node_modules/': 'node_modules' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...FLAGS, '--enable-precise-memory-info', '--js-flags=--max-old-space-size=16384 --expose-gc'] });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/extract.html`);
  await page.waitForFunction(() => window.results || window.failure, null, { timeout: 120000 });
  const failure = await page.evaluate(() => window.failure);
  if (failure) throw new Error(failure);
  rows.push(...await page.evaluate(() => window.results));
  for (const n of SIZES) {
    // A fresh page per size: each starts with an empty heap and its own wasm memory.
    const scale = await browser.newPage();
    scale.on('console', (m) => { if (m.type() === 'error') console.error(m.text()); });
    await scale.goto(`http://127.0.0.1:${server.address().port}/bench/scale.html`);
    await scale.waitForFunction(() => window.ready);
    const files = { csv: `/bench/generated/acled-${n}.csv`, package: n <= 100000 ? `/bench/generated/package-${n}.json` : null, text: 'convoy checkpoint' };
    try {
      rows.push(...await scale.evaluate(({ n, files }) => window.bench(n, files), { n, files }));
    } catch (error) {
      console.error(`scale ${n}: ${error.message.split('\n')[0]}`);
      rows.push({ bench: 'load-csv', impl: 'dateline', n, median_ms: null, p95_ms: null, mb_per_s: null, bytes: null, error: error.message.split('\n')[0] });
    }
    await scale.close();
  }
} finally {
  await browser.close();
  server.close();
}

await writeFile('bench/results.json', `${JSON.stringify(rows, null, 1)}\n`);
const fmt = (v, d = 1) => (v === null || v === undefined ? '' : typeof v === 'number' ? v.toFixed(d) : String(v));
console.log('| bench | impl | n | median ms | p95 ms | MB/s | bytes |\n|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.bench} | ${r.impl} | ${r.n ?? ''} | ${fmt(r.median_ms, 2)} | ${fmt(r.p95_ms, 2)} | ${fmt(r.mb_per_s, 1)} | ${r.bytes ?? ''} |${r.error ? ` ${r.error}` : ''}`);
}
