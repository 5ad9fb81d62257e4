// The engine in a Web Worker, for large files: the explorer streams the bytes here, the worker
// reads them (posting how far it got) and then answers the explorer's questions, so the page
// never waits on a long read. Requests are { id, op, ...arguments }; each is answered with
// { id, value } or { id, error, trap }, and reading also posts { progress }.
let loader = null;
let store = null;

function dictionaries() {
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
  async init({ module, fast }) {
    const glue = await import(fast ? './pkg/dateline_fast.js' : './pkg/dateline.js');
    await glue.default({ module_or_path: module });
    loader = new glue.Loader();
  },
  push({ chunk }) {
    loader.push(chunk);
  },
  /** Reads what arrived, in steps, posting progress about ten times a second. */
  read({ format, name, columns, gazetteer }) {
    loader.start(format, name, columns, gazetteer);
    let said = 0;
    while (!loader.step(20000)) {
      if (performance.now() - said > 100) {
        said = performance.now();
        postMessage({ progress: { phase: loader.phase, progress: loader.progress, events: loader.events } });
      }
    }
    store = loader.take();
    loader = null;
    return dictionaries();
  },
  query({ spec }) {
    return store.query(spec);
  },
  summaries({ rows }) {
    return store.summaries(rows);
  },
  exportView({ spec, format }) {
    if (!store.exportView) throw new Error('exports are written by the engine with the importers, which this page does not load (see the embedding guide).');
    return store.exportView(spec, format);
  },
};

/** The memory of every typed array in an answer, to move to the page instead of copying it. */
function buffers(value) {
  const found = new Set();
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) {
      if (ArrayBuffer.isView(v)) found.add(v.buffer);
      else if (v && typeof v === 'object' && !Array.isArray(v)) for (const w of Object.values(v)) if (ArrayBuffer.isView(w)) found.add(w.buffer);
    }
  }
  return [...found];
}

onmessage = async ({ data }) => {
  const { id, op, ...args } = data;
  try {
    const value = await ops[op](args);
    if (id !== null) postMessage({ id, value }, buffers(value));
  } catch (error) {
    postMessage({ id, error: String(error?.message ?? error), trap: error instanceof WebAssembly.RuntimeError });
  }
};
