// ./build.sh bench: the benchmarks, in headless Chromium on this machine. Prints a table and
// writes every figure to bench/results.json as rows { bench, impl, n, median_ms, p95_ms,
// mb_per_s, bytes } (null where a field does not apply). Timings are medians of repeated runs
// in one browser session; compare ratios from one run, not numbers across machines.
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from '../tests/browser/server.mjs';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const gz = async (path) => gzipSync(await readFile(path), { level: 9 }).length;
const rows = [];

// Download size: what the explorer page needs (JS, CSS, wasm), and what the panel adds.
const explorer = ['www/dateline.js', 'www/dom.js', 'www/filters.js', 'www/map.js', 'www/timeline.js', 'www/list.js',
  'www/dateline.css', 'www/pkg/dateline.js', 'www/pkg/dateline_bg.wasm'];
const panel = ['www/panel.js', 'www/pkg/dateline_extract.js', 'www/pkg/dateline_extract_bg.wasm', 'www/data/gazetteer.json', 'www/data/lexicon.json'];
let total = 0;
for (const f of explorer) total += await gz(f);
rows.push({ bench: 'size', impl: 'dateline', n: null, median_ms: null, p95_ms: null, mb_per_s: null, bytes: total });
let extra = 0;
for (const f of panel) extra += await gz(f);
rows.push({ bench: 'size-extractor', impl: 'dateline', n: null, median_ms: null, p95_ms: null, mb_per_s: null, bytes: extra });
for (const f of ['www/pkg/dateline_extract_bg.wasm', 'www/data/gazetteer.json', 'www/data/lexicon.json']) {
  rows.push({ bench: `size:${f.replace('www/', '')}`, impl: 'dateline', n: null, median_ms: null, p95_ms: null, mb_per_s: null, bytes: await gz(f) });
}

const server = await serve('www', 0, { '/bench/': 'bench', '/extraction/': 'tests/extraction' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/extract.html`);
  await page.waitForFunction(() => window.results || window.failure, null, { timeout: 120000 });
  const failure = await page.evaluate(() => window.failure);
  if (failure) throw new Error(failure);
  rows.push(...await page.evaluate(() => window.results));
} finally {
  await browser.close();
  server.close();
}

await writeFile('bench/results.json', `${JSON.stringify(rows, null, 1)}\n`);
const fmt = (v, d = 1) => (v === null || v === undefined ? '' : typeof v === 'number' ? v.toFixed(d) : String(v));
console.log('| bench | impl | n | median ms | p95 ms | bytes |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.bench} | ${r.impl} | ${r.n ?? ''} | ${fmt(r.median_ms, 2)} | ${fmt(r.p95_ms, 2)} | ${r.bytes ?? ''} |`);
