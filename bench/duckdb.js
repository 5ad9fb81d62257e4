// DuckDB-WASM beside Dateline in the scale page: the same CSV's bytes loaded into a table, and
// the same brush windows answered in SQL. Its files come from node_modules (the npm package,
// version pinned in package.json); bench/duckdb-node.mjs bundles its page module with Apache
// Arrow (the module imports it by a bare name) and measures its download.
import * as duckdb from '/bench/generated/duckdb-browser.mjs';
import { median, p95 } from './windows.js';

const DIST = '/node_modules/@duckdb/duckdb-wasm/dist';
/** Bins of the timeline, as the typed-array scan draws them. */
const BINS = 160;

/**
 * Loads `bytes` (the CSV) into DuckDB-WASM `loads` times (the median kept) and times the brush
 * steps of `windows(kind)` over [first, last]. Resolves to result rows made by `row`.
 */
export async function benchDuckdb({ n, bytes, windows, first, last, loads, row }) {
  const rows = [];
  // The eh build (WebAssembly exceptions) in its own worker: the build DuckDB's docs pick for
  // Chromium without cross-origin isolation.
  const worker = new Worker(`${DIST}/duckdb-browser-eh.worker.js`);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(`${DIST}/duckdb-eh.wasm`);
  const conn = await db.connect();
  // Everything is local: no extension is fetched.
  await conn.query('SET autoinstall_known_extensions = false');
  await conn.query('SET autoload_known_extensions = false');

  // Load: the bytes handed to the worker and read by read_csv into a table sorted by day (as
  // Dateline's store is), with the day as an integer column for the brush.
  const times = [];
  for (let i = 0; i < loads; i += 1) {
    await conn.query('DROP TABLE IF EXISTS ev');
    await db.dropFile('acled.csv').catch(() => {});
    const copy = bytes.slice();
    const t = performance.now();
    await db.registerFileBuffer('acled.csv', copy);
    await conn.query(`CREATE TABLE ev AS SELECT *, (event_date - DATE '1970-01-01')::INTEGER AS day
      FROM read_csv('acled.csv', header = true) ORDER BY day`);
    times.push(performance.now() - t);
  }
  await db.dropFile('acled.csv');
  const memory = await conn.query('SELECT sum(memory_usage_bytes)::BIGINT AS b FROM duckdb_memory()')
    .then((t) => Number(t.getChildAt(0).get(0)))
    .catch(() => null);
  const loadMs = median(times);
  rows.push(row('load-csv', 'duckdb-wasm', n, { median_ms: loadMs, mb_per_s: bytes.length / 1e6 / (loadMs / 1000), bytes: memory }));

  // A brush step: the facet counts by type, actor and place (each facet without its own filter,
  // which with only the date brush set is the brushed window), the total, the timeline's bins of
  // every event in the view (without the brush, the timeline's own filter) and the first 100 rows.
  const width = (last - first + 1) / BINS;
  const step = async ([from, to]) => {
    const where = `day BETWEEN ${from} AND ${to}`;
    await conn.query(`SELECT sub_event_type, actor1, location, count(*) AS n FROM ev WHERE ${where}
      GROUP BY GROUPING SETS ((sub_event_type), (actor1), (location), ())`);
    await conn.query(`SELECT floor((day - ${first}) / ${width})::INTEGER AS bin, count(*) AS n FROM ev
      WHERE day BETWEEN ${first} AND ${last} GROUP BY bin`);
    await conn.query(`SELECT * FROM ev WHERE ${where} ORDER BY day LIMIT 100`);
  };
  for (const kind of ['jump', 'slide']) {
    const steps = windows(kind);
    await step(steps[0]);
    const spent = [];
    for (const w of steps) {
      const t = performance.now();
      await step(w);
      spent.push(performance.now() - t);
    }
    rows.push(row(`brush-${kind}`, 'duckdb-wasm', n, { median_ms: median(spent), p95_ms: p95(spent) }));
  }
  await conn.close();
  await db.terminate();
  return rows;
}
