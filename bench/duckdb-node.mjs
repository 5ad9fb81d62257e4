// The Node side of the DuckDB-WASM comparison (bench/duckdb.js): bundles the package's page
// module with Apache Arrow, which it imports by a bare name a browser cannot resolve, and
// measures what a page using it downloads.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const DIST = 'node_modules/@duckdb/duckdb-wasm/dist';
const BUNDLE = 'bench/generated/duckdb-browser.mjs';

/**
 * Writes the bundle the scale page imports and resolves to the download's result rows: the page
 * module (with Arrow), the worker and the wasm module of the eh build, each gzipped at level 9
 * as Dateline's files are, and their sum (`size-duckdb-wasm`).
 */
export async function prepareDuckdb() {
  await build({ entryPoints: [`${DIST}/duckdb-browser.mjs`], bundle: true, format: 'esm', platform: 'browser', minify: true, outfile: BUNDLE, logLevel: 'warning' });
  const files = [BUNDLE, `${DIST}/duckdb-browser-eh.worker.js`, `${DIST}/duckdb-eh.wasm`];
  const row = (bench, bytes) => ({ bench, impl: 'duckdb-wasm', n: null, median_ms: null, p95_ms: null, mb_per_s: null, bytes });
  const rows = [];
  let total = 0;
  for (const f of files) {
    const bytes = gzipSync(await readFile(f), { level: 9 }).length;
    total += bytes;
    rows.push(row(`size:${f.split('/').pop()}`, bytes));
  }
  return [row('size', total), ...rows];
}
