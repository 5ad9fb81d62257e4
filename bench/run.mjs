// ./build.sh bench: the benchmarks, in headless Chromium on this machine. Prints a table and
// writes every figure to bench/results.json as rows { bench, impl, n, median_ms, p95_ms,
// mb_per_s, bytes } (null where a field does not apply; the first-render rows also have network
// and runs_ms, their ratio rows a ratio, and the memory-tab-opened row bytes_per_event and
// workers). Timings are medians of repeated runs in one browser session; compare ratios from
// one run, not numbers across machines.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { measureDownload } from '../tests/browser/download.mjs';
import { firstRender } from './first-render.mjs';
import { openedTabMemory } from './tab-memory.mjs';
import { serve } from '../tests/browser/server.mjs';
import { prepareDuckdb } from './duckdb-node.mjs';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Files of the explorer as served (target/www/), gzipped.
const gz = async (path) => gzipSync(await readFile(`target/www/${path}`), { level: 9 }).length;
const sizeRow = (bench, bytes) => ({ bench, impl: 'dateline', n: null, median_ms: null, p95_ms: null, mb_per_s: null, bytes });

const rows = [];

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

// With BENCH_ONLY=scale, only the load, brush, text-query and memory figures at each size: no
// download sizes, first render or extraction.
const ONLY_SCALE = process.env.BENCH_ONLY === 'scale';

// DuckDB-WASM beside Dateline at every size unless BENCH_DUCKDB=0.
const DUCKDB = process.env.BENCH_DUCKDB !== '0';
if (DUCKDB) rows.push(...await prepareDuckdb());

const server = await serve('target/www', 0, { '/bench/': 'bench', '/extraction/': 'tests/extraction', '/node_modules/': 'node_modules' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...FLAGS, '--enable-precise-memory-info', '--js-flags=--max-old-space-size=16384 --expose-gc'] });
try {
  const base = `http://127.0.0.1:${server.address().port}`;
  if (!ONLY_SCALE) {
    // Download size: the scripts, style sheets and wasm that a news article embedding the explorer
    // fetches to show the seed package (the article's own files apart, and the data apart), as
    // the browser received them (`size-transfer`) and as brotli and gzip have them.
    const download = await measureDownload(browser, base);
    console.log(`size: the article's explorer fetched ${download.files.map((f) => `${f.path} (${f.encoding ?? 'not compressed'})`).join(', ')}`);
    rows.push(sizeRow('size', download.gzip), sizeRow('size-br', download.br), sizeRow('size-transfer', download.received));
    // What the page's Add article panel adds; the engine with the importers, which the explorer
    // fetches for a file in another format than a package, and its worker for a large file.
    let extractor = 0;
    for (const f of ['panel.js', 'pkg/dateline_extract.js', 'pkg/dateline_extract_bg.wasm', 'data/gazetteer.json', 'data/lexicon.json']) extractor += await gz(f);
    rows.push(sizeRow('size-extractor', extractor));
    rows.push(sizeRow('size-importers', await gz('pkg/dateline_fast_bg.wasm') + await gz('pkg/dateline_fast.js') + await gz('engine-worker.js')));
    for (const f of ['pkg/dateline_bg.wasm', 'pkg/dateline_fast_bg.wasm', 'pkg/dateline_fast.js', 'pkg/dateline_extract_bg.wasm', 'data/gazetteer.json', 'data/lexicon.json']) {
      rows.push(sizeRow(`size:${f}`, await gz(f)));
    }
    // First useful render of fifty events against TimelineJS, unthrottled and on slow 4G.
    rows.push(...await firstRender(browser, base));
    const page = await browser.newPage();
    await page.goto(`${base}/bench/extract.html`);
    await page.waitForFunction(() => window.results || window.failure, null, { timeout: 120000 });
    const failure = await page.evaluate(() => window.failure);
    if (failure) throw new Error(failure);
    rows.push(...await page.evaluate(() => window.results));
  }
  for (const n of SIZES) {
    // A fresh page per size: each starts with an empty heap and its own wasm memory.
    const scale = await browser.newPage();
    scale.on('console', (m) => { if (m.type() === 'error') console.error(m.text()); });
    await scale.goto(`${base}/bench/scale.html`);
    await scale.waitForFunction(() => window.ready);
    const files = { csv: `/bench/generated/acled-${n}.csv`, package: n <= 100000 ? `/bench/generated/package-${n}.json` : null, text: 'convoy checkpoint', duckdb: DUCKDB };
    try {
      rows.push(...await scale.evaluate(({ n, files }) => window.bench(n, files), { n, files }));
    } catch (error) {
      console.error(`scale ${n}: ${error.message.split('\n')[0]}`);
      rows.push({ bench: 'load-csv', impl: 'dateline', n, median_ms: null, p95_ms: null, mb_per_s: null, bytes: null, error: error.message.split('\n')[0] });
    }
    await scale.close();
    // The tab's memory with the same CSV opened in the explorer, as a reader opens a file.
    try {
      rows.push(...await openedTabMemory(browser, base, n, files.csv.slice(1)));
    } catch (error) {
      console.error(`memory-tab-opened ${n}: ${error.message.split('\n')[0]}`);
      rows.push({ bench: 'memory-tab-opened', impl: 'dateline', n, median_ms: null, p95_ms: null, mb_per_s: null, bytes: null, error: error.message.split('\n')[0] });
    }
  }
} finally {
  await browser.close();
  server.close();
}

await writeFile('bench/results.json', `${JSON.stringify(rows, null, 1)}\n`);
const fmt = (v, d = 1) => (v === null || v === undefined ? '' : typeof v === 'number' ? v.toFixed(d) : String(v));
console.log('| bench | impl | n | network | median ms | p95 ms | MB/s | bytes | ratio |\n|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.bench} | ${r.impl} | ${r.n ?? ''} | ${r.network ?? ''} | ${fmt(r.median_ms, 2)} | ${fmt(r.p95_ms, 2)} | ${fmt(r.mb_per_s, 1)} | ${r.bytes ?? ''} | ${fmt(r.ratio, 2)} |${r.bytes_per_event ? ` ${fmt(r.bytes_per_event)} bytes an event` : ''}${r.error ? ` ${r.error}` : ''}`);
}
