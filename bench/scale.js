// Load, brush and text-query benchmarks at scale, for Dateline and for the usual JS stack
// (papaparse + crossfilter2) and a plain typed-array scan, in one page and one run. bench/run.mjs
// drives it: window.bench(n, files) resolves to result rows.
// Files this large are read by the engine in the page's worker, which is built for speed
// (www/dateline.js); smaller ones by the page's own engine, built for size. Each is measured as
// the page uses it.
import { median, p95, dayOf, FIRST, LAST, windows } from './windows.js';

const WORKER_BYTES = 32 * 1024 * 1024;

/** The largest dataset papaparse + crossfilter2, the typed-array scan and DuckDB-WASM load. */
const JS_STACK_MAX = 1000000;

/** How many times each load is timed: its median is reported. */
const LOADS = 3;

/**
 * Runs `measure` (which gives [ms, value]) `runs` times: the median time and the last value.
 * `done(value, i)` is called with every value but the last, which the caller keeps; each run
 * starts from a collected heap.
 */
function medianOf(runs, measure, done) {
  const times = [];
  let value;
  for (let i = 0; i < runs; i += 1) {
    if (i > 0) done(value, i - 1);
    value = undefined;
    globalThis.gc?.();
    const [ms, v] = measure();
    times.push(ms);
    value = v;
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(times.length / 2)], value];
}

function time(fn) {
  const t = performance.now();
  const value = fn();
  return [performance.now() - t, value];
}

const heap = () => performance.memory?.usedJSHeapSize ?? 0;
const row = (bench, impl, n, fields) => ({ bench, impl, n, median_ms: null, p95_ms: null, mb_per_s: null, bytes: null, ...fields });

/**
 * papaparse + crossfilter2 and the typed-array scan on the same bytes: the load row pushed to
 * `rows`, a brush step of each, and the crossfilter (its date filter to clear after).
 */
function jsStack(n, bytes, mb, rows) {
  // Load: papaparse (header: true) and a crossfilter with dimensions on date, type, location, actor.
  globalThis.gc?.();
  const heapBefore = heap();
  let heapBytes = 0;
  const [cfMs, cf] = medianOf(LOADS, () => time(() => {
    const text = new TextDecoder().decode(bytes);
    const parsed = Papa.parse(text, { header: true, skipEmptyLines: true });
    for (const r of parsed.data) r.day = dayOf(r.event_date);
    const x = crossfilter(parsed.data);
    const date = x.dimension((r) => r.day);
    const type = x.dimension((r) => r.sub_event_type);
    const location = x.dimension((r) => r.location);
    const actor = x.dimension((r) => r.actor1);
    const month = x.dimension((r) => Math.floor(r.day / 30.44));
    return {
      x, date, type, location, actor, month,
      types: type.group(), locations: location.group(), actors: actor.group(), months: month.group(), all: x.groupAll(),
      data: parsed.data,
    };
  }), (_, i) => {
    if (i === 0) heapBytes = heap() - heapBefore;
  });
  rows.push(row('load-csv', 'papaparse+crossfilter2', n, { median_ms: cfMs, mb_per_s: mb / (cfMs / 1000), bytes: heapBytes }));

  // The typed-array scan: columns sorted by day, built from the parsed rows (not timed as load).
  const order = cf.data.map((_, i) => i).sort((a, b) => cf.data[a].day - cf.data[b].day);
  const code = (key) => {
    const ids = new Map();
    const col = new Uint16Array(order.length);
    order.forEach((r, i) => {
      const v = cf.data[r][key];
      if (!ids.has(v)) ids.set(v, ids.size);
      col[i] = ids.get(v);
    });
    return [col, ids.size];
  };
  const day = Int32Array.from(order, (r) => cf.data[r].day);
  const [typeCol, nTypes] = code('sub_event_type');
  const [locCol, nLocs] = code('location');
  const [actCol, nActs] = code('actor1');
  const counts = { t: new Uint32Array(nTypes), l: new Uint32Array(nLocs), a: new Uint32Array(nActs), bins: new Uint32Array(160) };
  const lower = (d) => {
    let lo = 0;
    let hi = day.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (day[mid] < d) lo = mid + 1; else hi = mid; }
    return lo;
  };

  const steps = {
    crossfilter2: ([from, to]) => {
      cf.date.filterRange([from, to + 1]);
      cf.types.all(); cf.locations.all(); cf.actors.all(); cf.months.all();
      const total = cf.all.value();
      cf.date.bottom(100);
      return total;
    },
    'typed-scan': ([from, to]) => {
      counts.t.fill(0); counts.l.fill(0); counts.a.fill(0); counts.bins.fill(0);
      const lo = lower(from);
      const hi = lower(to + 1);
      const width = (LAST - FIRST + 1) / 160;
      for (let i = lo; i < hi; i += 1) {
        counts.t[typeCol[i]] += 1; counts.l[locCol[i]] += 1; counts.a[actCol[i]] += 1;
        counts.bins[Math.floor((day[i] - FIRST) / width)] += 1;
      }
      const page = [];
      for (let i = lo; i < Math.min(hi, lo + 100); i += 1) page.push(i);
      return hi - lo;
    },
  };
  return { cf, steps };
}

window.bench = async (n, files) => {
  const rows = [];
  // The CSV as the page gets it, in the chunks of its stream; joined into one array up to the
  // sizes the JS stack loads (its parser takes one string).
  const response = await fetch(files.csv);
  if (!response.ok) throw new Error(`${files.csv}: HTTP ${response.status}`);
  const chunks = [];
  let size = 0;
  for (const reader = response.body.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  let bytes = null;
  if (n <= JS_STACK_MAX) {
    bytes = new Uint8Array(size);
    let at = 0;
    for (const c of chunks.splice(0)) {
      bytes.set(c, at);
      at += c.length;
    }
  }
  // Each file is read by the engine the page reads it with: a CSV by the engine with the
  // importers, a package by the page's own engine, or by the other in a worker when it is large.
  const engine = async (name) => {
    const glue = await import(`/pkg/${name}.js`);
    const instance = await glue.default({ module_or_path: `/pkg/${name}_bg.wasm` });
    return { Dateline: glue.Dateline, Loader: glue.Loader, memory: instance.memory };
  };
  const full = await engine('dateline_fast');
  const { Dateline, Loader } = full;
  const mb = size / 1e6;
  // Past a million rows the chunks are read as the explorer's worker reads them, once.
  const readCsv = () => {
    if (bytes) return Dateline.fromBytes(bytes, 'acled', `synthetic-${n}.csv`);
    const loader = new Loader();
    for (const c of chunks) loader.push(c);
    loader.start('acled', `synthetic-${n}.csv`, undefined, undefined);
    while (!loader.step(1000000));
    return loader.take();
  };

  // Load: Dateline, from the CSV's bytes. Each load is timed LOADS times and the median kept; the
  // memory is what the first load took, and the last load's store is the one brushed below.
  const wasmBefore = full.memory.buffer.byteLength;
  let wasmBytes = 0;
  const [loadMs, store] = medianOf(bytes ? LOADS : 1, () => time(readCsv), (s, i) => {
    if (i === 0) wasmBytes = full.memory.buffer.byteLength - wasmBefore;
    s.free();
  });
  // One load: its memory is the store kept.
  if (!bytes) wasmBytes = full.memory.buffer.byteLength - wasmBefore;
  rows.push(row('load-csv', 'dateline', n, { median_ms: loadMs, mb_per_s: mb / (loadMs / 1000), bytes: wasmBytes }));

  // Load: the same from a package, where one is given.
  if (files.package) {
    const pkg = new Uint8Array(await (await fetch(files.package)).arrayBuffer());
    const reader = pkg.length >= WORKER_BYTES ? full : await engine('dateline');
    // The memory the first load took, as for the CSV: for the page's engine, with the allocator
    // of the engines built for size (src/large_blocks.rs).
    const before = reader.memory.buffer.byteLength;
    let grown = 0;
    const [ms, s] = medianOf(LOADS, () => time(() => reader.Dateline.fromBytes(pkg, 'package')), (s, i) => {
      if (i === 0) grown = reader.memory.buffer.byteLength - before;
      s.free();
    });
    rows.push(row('load-package', 'dateline', n, { median_ms: ms, mb_per_s: pkg.length / 1e6 / (ms / 1000), bytes: grown }));
    s.free();
  }

  // The JS stack only up to a million rows: at five it would take minutes and gigabytes.
  const js = n <= JS_STACK_MAX ? jsStack(n, bytes, mb, rows) : null;
  const implementations = {
    dateline: ([from, to]) => {
      const r = store.query({ from, to, limit: 100, viewFrom: FIRST, viewTo: LAST });
      return r.total;
    },
    ...js?.steps,
  };
  for (const kind of ['jump', 'slide']) {
    const steps = windows(kind);
    for (const [impl, step] of Object.entries(implementations)) {
      // Each series starts after a full collection, so no one pays for another's garbage.
      window.gc?.();
      step(steps[0]);
      const times = steps.map((w) => time(() => step(w))[0]);
      rows.push(row(`brush-${kind}`, impl, n, { median_ms: median(times), p95_ms: p95(times) }));
    }
  }
  js?.cf.date.filterAll();

  // A free-text filter over the notes.
  if (files.text) {
    const times = [];
    window.gc?.();
    for (let i = 0; i < 11; i += 1) times.push(time(() => store.query({ text: files.text, limit: 100 }))[0]);
    rows.push(row('text-query', 'dateline', n, { median_ms: median(times), p95_ms: p95(times) }));
  }
  // The engine's memory, and the tab's: the engine's with the file's bytes where the page holds
  // them, as for a file fetched from an address. A file the reader opened stays on disk (the
  // worker reads a row back from the File when asked), and the engine's is the tab's then.
  rows.push(row('memory', 'dateline', n, { bytes: full.memory.buffer.byteLength }));
  // Where the engine's memory goes: each part of the store (the rest is free space it keeps).
  for (const [part, bytes] of Object.entries(store.memoryReport())) rows.push(row(`memory:${part}`, 'dateline', n, { bytes }));
  rows.push(row('memory-tab-fetched', 'dateline', n, { bytes: full.memory.buffer.byteLength + size }));
  store.free();

  // DuckDB-WASM on the same bytes and windows, once Dateline's store is freed; one load of a
  // large file, as it takes tens of seconds.
  if (files.duckdb && n <= JS_STACK_MAX) {
    const loads = size >= WORKER_BYTES * 4 ? 1 : LOADS;
    const { benchDuckdb } = await import('/bench/duckdb.js');
    rows.push(...await benchDuckdb({ n, bytes, windows, first: FIRST, last: LAST, loads, row }));
  }
  return rows;
};
window.ready = true;
