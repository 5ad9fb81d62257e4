// @ts-check
// The engine in a Web Worker, for large files: the explorer streams the bytes here, the worker
// reads them (posting how far it got) and then answers the explorer's questions, so the page
// never waits on a long read. Requests are { id, op, ...arguments }; each is answered with
// { id, value } or { id, error, trap }, and reading also posts { progress }.

/** @import { Loader, QuerySpec, ReadArgs, Store } from './api.js' */
/** @import { WorkerDictionaries } from './worker-engine.js' */

/**
 * The worker's side of its port to the page: what it posts goes to the page, and the page's
 * requests come to its `onmessage` (the type checker knows the page's DOM, not a worker's).
 */
const port = /** @type {Pick<Worker, 'postMessage' | 'onmessage'>} */ (/** @type {unknown} */ (globalThis));

/** @type {Loader | null} */
let loader = null;
/** @type {Store | null} */
let store = null;

/** The loader, which reading needs: `init` makes it, `read` uses it up. */
function reader() {
  if (!loader) throw new Error('the worker has no file to read: it was read already, or never started');
  return loader;
}

/** The dataset, which questions need: `read` makes it. */
function dataset() {
  if (!store) throw new Error('the worker holds no dataset yet');
  return store;
}

/**
 * What a store in the page gives at once, in one answer.
 *
 * @param {Store} store
 * @returns {WorkerDictionaries}
 */
function dictionaries(store) {
  return {
    title: store.title,
    description: store.description,
    summary: store.summary,
    eventCount: store.eventCount,
    problems: store.problems(),
    types: store.types(),
    places: store.places(),
    actors: store.actors(),
    documents: store.documents(),
    extent: store.extent(),
  };
}

const ops = {
  /**
   * The compiled engine, from the page (which checked it and compiled it once): the one with the
   * importers, built for speed (`fast`), or the page's own; each has its own bindings.
   */
  /** @param {{ module: WebAssembly.Module, fast: boolean }} args */
  async init({ module, fast }) {
    /** @type {typeof import('./pkg/dateline.js') | typeof import('./pkg/dateline_fast.js')} */
    const glue = await import(fast ? './pkg/dateline_fast.js' : './pkg/dateline.js');
    await glue.default({ module_or_path: module });
    loader = new glue.Loader();
  },
  /** @param {{ chunk: Uint8Array }} args */
  push({ chunk }) {
    reader().push(chunk);
  },
  /**
   * Reads what arrived, in steps, posting progress about ten times a second.
   *
   * @param {{ format: ReadArgs[0], name: ReadArgs[1], columns: ReadArgs[2], gazetteer: ReadArgs[3] }} args
   */
  read({ format, name, columns, gazetteer }) {
    const reading = reader();
    reading.start(format, name, columns, gazetteer);
    let said = 0;
    while (!reading.step(20000)) {
      if (performance.now() - said > 100) {
        said = performance.now();
        port.postMessage({ progress: { phase: reading.phase, progress: reading.progress, events: reading.events } });
      }
    }
    store = reading.take();
    loader = null;
    return dictionaries(store);
  },
  /**
   * The file the reader opened, on disk: its rows are read back from it from now on, a record
   * at a time (`FileReaderSync`, which a worker has), and the bytes it was read from go. True
   * when the store keeps its events in the file and took it.
   *
   * @param {{ file: File }} args
   */
  keepFile({ file }) {
    // A worker's own reader (the type checker knows the page's DOM, not a worker's).
    const Sync = /** @type {{ FileReaderSync: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer } }} */ (/** @type {unknown} */ (globalThis)).FileReaderSync;
    const disk = new Sync();
    return dataset().readRowsFrom((/** @type {number} */ from, /** @type {number} */ length) => new Uint8Array(disk.readAsArrayBuffer(file.slice(from, from + length))), file.size);
  },
  /** @param {{ spec: QuerySpec }} args */
  query({ spec }) {
    return dataset().query(spec);
  },
  /** @param {{ rows: Uint32Array }} args */
  summaries({ rows }) {
    return dataset().summaries(rows);
  },
  /** @param {{ spec: QuerySpec, format: string }} args */
  exportView({ spec, format }) {
    const held = dataset();
    if (!held.exportView) throw new Error('exports are written by the engine with the importers, which this page does not load (see the embedding guide).');
    return held.exportView(spec, format);
  },
};

/**
 * The memory of every typed array in an answer, to move to the page instead of copying it.
 *
 * @param {unknown} value
 * @returns {ArrayBuffer[]}
 */
function buffers(value) {
  /** @type {Set<ArrayBuffer>} */
  const found = new Set();
  /**
   * Typed arrays in `v` and the objects within it (a query's facets are two deep), not in
   * lists (of entries, which hold none).
   *
   * @param {unknown} v
   */
  const add = (v) => {
    // Shared memory is not moved (the engines make none).
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
    } else if (v && typeof v === 'object' && !Array.isArray(v)) for (const w of Object.values(v)) add(w);
  };
  add(value);
  return [...found];
}

port.onmessage = async (/** @type {MessageEvent<{ id: number | null, op: keyof typeof ops }>} */ { data }) => {
  const { id, op, ...args } = data;
  try {
    // Each operation takes the fields of its request, as WorkerEngine.call sends them.
    const run = /** @type {(args: object) => unknown} */ (ops[op]);
    const value = await run(args);
    if (id !== null) port.postMessage({ id, value }, buffers(value));
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error), trap: error instanceof WebAssembly.RuntimeError });
  }
};
