// <dateline-explorer>: the embeddable explorer. One module, one custom element with an open
// shadow root. It fetches a dataset, loads it into the wasm core, and on every interaction asks
// the core one question (store.query) whose answer every view draws.
//
// Attributes (all optional but src):
//   src       the dataset's URL
//   heading   the title shown above the explorer (default: the dataset's title)
//   height    a CSS height, e.g. "720px"; the explorer scrolls inside it (default: grows with content)
//   views     which views to show, of: filters map timeline list (default: all)
//   filters   initial filters, as in a link: "types=airstrike,drone-strike&from=2020-01-01&text=asad"
//   selected  the id of the event to open
//   hash      if present, filters and selection live in the page's URL hash (for one explorer per page)
//   basemap   the base map's URL (default: data/basemap-middle-east.json beside this file)
//   format    the data's format: package, timelinejs, timelinejs-sheet, acled, ucdp, csv
//             (default: detected from the content)
//   max-bytes the largest data file read, in bytes (default 200 MB); a larger one stops loading
//   timeout   seconds to wait for the data (default 60)
//   accept-files  if present, a data file dropped on the explorer opens in it
//   gazetteer a package's URL whose places are found by name in TimelineJS slides
//   columns   for plain CSV, which column is which: "date=Datum,lat=Breite,lon=Länge"
import { clear, el } from './dom.js';
import { Filters } from './filters.js';
import { SiteMap } from './map.js';
import { MARK_LIMIT, Timeline } from './timeline.js';
import { EventCard, EventList } from './list.js';
import { plural } from './plural.js';

const HERE = new URL('.', import.meta.url);
const LISTS = ['types', 'actors', 'places', 'documents', 'precision'];
const VIEWS = ['filters', 'map', 'timeline', 'list'];
const PAGE_LIMIT = 1000;
// The list asks for the rest of its entries as they scroll into view.
const LIST_FIRST = 50;
const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const DEFAULT_TIMEOUT_S = 60;
// Files this large are read by an engine in a Web Worker, where the page allows one.
const WORKER_BYTES = 32 * 1024 * 1024;

const compiled = new Map();
const basemaps = new Map();
let instances = 0;
let engines = 0;
// Healthy engines of removed explorers, by kind, for the next explorer.
const idle = { core: [], full: [] };

/** Why the engine could not load, in words a host can act on. */
function coreError(error, url) {
  const text = String(error?.message ?? error);
  if (/Content Security Policy|unsafe-eval|wasm-eval/i.test(text)) {
    return new Error('The explorer\'s engine (WebAssembly) is blocked by this page\'s Content-Security-Policy: its script-src needs \'wasm-unsafe-eval\'.');
  }
  return new Error(`The explorer's engine (WebAssembly) could not load from ${url}: ${text}`);
}

/**
 * Compiles an engine once per page: `file` in pkg/, pinned by the meta tag `pin` when the page has
 * one. A wrong MIME type is tolerated: it is compiled from its bytes.
 */
function compileModule(file, pin) {
  const url = new URL(`pkg/${file}`, HERE);
  if (!compiled.has(file)) {
    compiled.set(file, (async () => {
      // A host serving the explorer from elsewhere may pin the engine's hash (docs/embed.md).
      const integrity = document.querySelector(`meta[name="${pin}"]`)?.getAttribute('content') || undefined;
      let response;
      try {
        response = await fetch(url, { integrity });
      } catch {
        const why = integrity ? `the request failed, or the file does not match the page's ${pin} hash` : 'the request failed (offline, blocked, or not allowed from this page)';
        throw new Error(`The explorer's engine (WebAssembly) could not load from ${url}: ${why}.`);
      }
      if (!response.ok) throw new Error(`The explorer's engine (WebAssembly) could not load from ${url}: the server answered ${response.status}.`);
      const type = response.headers.get('content-type') ?? '';
      try {
        if (type.split(';')[0].trim() === 'application/wasm') return await WebAssembly.compileStreaming(response);
        console.warn(`Dateline: ${url} is served as "${type}", not application/wasm; compiling it from its bytes instead.`);
        return await WebAssembly.compile(await response.arrayBuffer());
      } catch (error) {
        throw coreError(error, url);
      }
    })().catch((error) => { compiled.delete(file); throw error; }));
  }
  return compiled.get(file);
}

/** The engine every explorer runs: it reads Dateline packages and answers every question. */
function compileCore() {
  return compileModule('dateline_bg.wasm', 'dateline-wasm-integrity');
}

/** True where the page pins the engine's hash but not that of the engine with the importers. */
function fullNotPinned() {
  return document.querySelector('meta[name="dateline-wasm-integrity"]') && !document.querySelector('meta[name="dateline-fast-wasm-integrity"]');
}

/**
 * The engine with the importers (ACLED, UCDP, TimelineJS, CSV), built for speed: fetched only
 * when a file in one of those formats is opened, or a file too large for the page is read in a
 * worker. It answers the same questions as the page's engine.
 */
function compileFull() {
  if (fullNotPinned()) {
    return Promise.reject(new Error('This page pins the hash of the explorer\'s engine but not of the engine with the importers, which reads formats other than Dateline packages and writes exports: add a dateline-fast-wasm-integrity meta tag (see the embedding guide).'));
  }
  return compileModule('dateline_fast_bg.wasm', 'dateline-fast-wasm-integrity');
}

/**
 * The engine a worker runs to read a large file: the one with the importers, or null where it is
 * not to be used (the page pins the engine's hash but not this one's) or cannot load: the worker
 * then runs the page's engine, which reads packages.
 */
async function compileFast() {
  if (fullNotPinned()) return null;
  try {
    return await compileFull();
  } catch (error) {
    console.warn(`Dateline: the engine for large files could not load, so the worker runs the page's: ${error.message}`);
    return null;
  }
}

const KINDS = {
  core: { wasm: 'dateline_bg.wasm', glue: 'dateline.js', compile: compileCore },
  full: { wasm: 'dateline_fast_bg.wasm', glue: 'dateline_fast.js', compile: compileFull },
};

/**
 * A fresh engine of a kind (`core`, or `full` with the importers) for one explorer: the compiled
 * module, instantiated with its own memory and its own copy of the bindings. A fault in one
 * explorer's engine cannot reach another's, and loading again starts from a clean instance. An
 * instance outlives its explorer (a module is never unloaded), so a removed explorer's healthy
 * engines go back to a pool for the next one.
 */
async function loadEngine(kind) {
  if (idle[kind].length) return idle[kind].pop();
  const { wasm, glue, compile } = KINDS[kind];
  const module = await compile();
  engines += 1;
  const bindings = await import(new URL(`pkg/${glue}#${kind}${engines}`, HERE).href);
  try {
    const exports = await bindings.default({ module_or_path: module });
    return { ...bindings, memory: exports.memory };
  } catch (error) {
    throw coreError(error, new URL(`pkg/${wasm}`, HERE));
  }
}

function loadBasemap(url, signal) {
  if (!basemaps.has(url)) {
    basemaps.set(url, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`the base map ${url} answered ${r.status}`);
      return r.json();
    }).catch((error) => { basemaps.delete(url); throw error; }));
  }
  return Promise.race([basemaps.get(url), new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))]);
}

/**
 * An engine in a Web Worker, for a large file (worker-engine.js, fetched only then): it runs the
 * engine with the importers, or the page's where that one is not to be had.
 */
async function startWorker() {
  const { WorkerEngine } = await import('./worker-engine.js');
  return WorkerEngine.start(compileFast, compileCore);
}

/** True where a module worker from the explorer's own folder can run. */
function workersAllowed() {
  return typeof Worker === 'function' && new URL(HERE).origin === location.origin;
}

/**
 * Chunks of a data file on their way into an engine: one in the page (a Loader), or, for a large
 * file, one in a Web Worker (falling back to the page when no worker can start). A file is large
 * when its announced size is, or, with no size announced, once that much has arrived. In the
 * page, a Dateline package goes to the page's engine, and a file in another format (named, or
 * detected from its first bytes once it has arrived) to the engine with the importers. Until the
 * engine is chosen and up, chunks wait here.
 */
class Inflow {
  /**
   * `core` is the page's engine (a promise), `full()` gives the engine with the importers, and
   * `format` is the format the explorer was told, if any.
   */
  constructor(core, full, format) {
    this.core = core;
    this.full = full;
    this.format = format;
    // A failure to load is reported when the engine is chosen, not as an unhandled rejection.
    core.catch(() => {});
    this.pending = [];
    this.received = 0;
    this.loader = null;
    this.target = null;
    // Every chunk, unless a worker takes them: the page's engine does not write exports, so for
    // those the engine with the importers reads the same bytes again (see `exportView`).
    this.kept = [];
  }

  /** The first bytes that arrived, enough to tell the format. */
  head() {
    const head = new Uint8Array(Math.min(this.received, 8192));
    let at = 0;
    for (const chunk of this.pending) {
      if (at === head.length) break;
      const part = chunk.subarray(0, head.length - at);
      head.set(part, at);
      at += part.length;
    }
    return head;
  }

  /** Picks the engine, once: a worker for a large file where one can run, else one in the page. */
  choose(large) {
    if (this.target) return;
    const local = async () => {
      const core = await this.core;
      const format = this.format ?? core.Dateline.detectFormat(this.head());
      const engine = format && !core.Dateline.reads(format) ? await this.full() : core;
      return this.attach(new engine.Loader());
    };
    this.target = large && workersAllowed()
      ? startWorker().then((worker) => {
        this.kept = null;
        return this.attach(worker);
      }, (error) => {
        console.warn('Dateline: reading in the page, as no worker could start:', error.message);
        return local();
      })
      : local();
  }

  attach(loader) {
    if (!this.pending) {
      loader.free();
      return null;
    }
    for (const chunk of this.pending) loader.push(chunk);
    this.pending = [];
    this.loader = loader;
    return loader;
  }

  push(chunk) {
    this.kept?.push(chunk);
    if (this.loader) {
      this.loader.push(chunk);
      return;
    }
    if (!this.pending) return;
    this.pending.push(chunk);
    this.received += chunk.length;
    if (this.received >= WORKER_BYTES) this.choose(true);
  }

  /** The size announced, before any chunk: a large file goes to a worker at once. */
  reserve(bytes) {
    if (bytes >= WORKER_BYTES && this.pending) this.choose(true);
  }

  /** The engine every chunk went to, once the download is over and it is up. */
  settled() {
    this.choose(false);
    return this.target.then(() => this.loader);
  }

  /** The loader, now the caller's. */
  take() {
    const loader = this.loader;
    this.loader = null;
    return loader;
  }

  free() {
    this.pending = null;
    this.kept = null;
    this.loader?.free();
    this.loader = null;
  }
}

/**
 * A promise kept in a task of its own, once the page has had its turn: input, drawing, timers.
 * (Not scheduler.yield(), which goes on ahead of drawing.)
 */
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** The empty state: no filters, nothing selected. */
function emptyState() {
  return { types: [], actors: [], places: [], documents: [], precision: [], text: '', from: null, to: null, event: null, viewFrom: null, viewTo: null };
}

/** Reads state from link syntax ("types=a,b&from=2020-01-01&event=x"); unknown keys are ignored. */
export function parseState(text, core) {
  const state = emptyState();
  const params = new URLSearchParams(text.replace(/^#/, ''));
  for (const key of LISTS) {
    const value = params.get(key);
    if (value) state[key] = value.split(',').filter(Boolean);
  }
  state.text = params.get('text') ?? '';
  state.event = params.get('event') || null;
  for (const [key, end] of [['from', 'fromDay'], ['to', 'toDay']]) {
    const value = params.get(key);
    if (!value) continue;
    try { state[key] = core.dateSpan(value)[end]; } catch { /* an unreadable date in a link is left out */ }
  }
  return state;
}

/** Writes the filters and selection of `state` in link syntax. */
export function formatState(state, core) {
  const params = new URLSearchParams();
  for (const key of LISTS) if (state[key].length) params.set(key, state[key].join(','));
  if (state.text) params.set('text', state.text);
  if (state.from !== null) params.set('from', core.formatDay(state.from));
  if (state.to !== null) params.set('to', core.formatDay(state.to));
  if (state.event) params.set('event', state.event);
  return params.toString().replaceAll('%2C', ',');
}

class DatelineExplorer extends HTMLElement {
  static observedAttributes = ['src', 'heading', 'height', 'views', 'filters', 'selected', 'hash', 'format', 'columns', 'gazetteer'];

  constructor() {
    super();
    instances += 1;
    this.uid = `dl${instances}`;
    this.attachShadow({ mode: 'open' });
    this.generation = 0;
    this.views = null;
  }

  connectedCallback() {
    this.start();
    if (this.hasAttribute('accept-files')) {
      this.dropListener = new AbortController();
      const signal = this.dropListener.signal;
      this.addEventListener('dragover', (e) => { e.preventDefault(); this.shell?.root.classList.add('dl-dropping'); }, { signal });
      this.addEventListener('dragleave', () => this.shell?.root.classList.remove('dl-dropping'), { signal });
      this.addEventListener('drop', (e) => {
        e.preventDefault();
        this.shell?.root.classList.remove('dl-dropping');
        const file = e.dataTransfer?.files?.[0];
        if (file) this.openFile(file);
      }, { signal });
    }
  }

  disconnectedCallback() {
    this.stop();
    for (const kind of ['core', 'full']) if (this[kind]) idle[kind].push(this[kind]);
    this.dropEngines();
    this.dropListener?.abort();
  }

  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after || !this.shell) return;
    if (['src', 'views', 'format', 'columns', 'gazetteer'].includes(name)) this.start();
    else if (name === 'filters') this.set({ ...parseState(after ?? '', this.core), event: this.state.event });
    else if (name === 'selected') this.set({ event: after || null });
    else if (name === 'heading') {
      this.shell.title.textContent = after || this.store?.title || '';
      this.shell.title.hidden = after === '';
    }
    else if (name === 'height') this.applyHeight();
    else if (name === 'hash') this.watchHash();
  }

  /** Opens a file the reader chose (from a file picker or a drop), in place of `src`. */
  openFile(file) {
    this.start(file);
  }

  /** Downloads the events the current view selects, as `format` (package, csv, geojson, citations). */
  async download(format) {
    if (!this.store || !this.state) return;
    let out;
    try {
      out = await this.exportView(this.spec(), format);
      this.exportFailed(null);
    } catch (error) {
      this.exportFailed(error);
      return;
    }
    const url = URL.createObjectURL(new Blob([out.text], { type: out.mime }));
    const a = el('a', { href: url, download: out.fileName, hidden: true });
    this.shadowRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  /**
   * Every event shown, with its documents, places and actors, as a package's JSON bytes: a
   * promise of them (`null` when nothing is loaded).
   */
  async packageBytes() {
    if (!this.store) return null;
    try {
      return new TextEncoder().encode((await this.exportView({}, 'package')).text);
    } catch (error) {
      this.exportFailed(error);
      return null;
    }
  }

  /**
   * The events `spec` selects, written as `format`: `{ text, mime, fileName }`. The page's engine
   * reads and answers but does not write files; for a dataset it holds, the engine with the
   * importers reads the same bytes once (see `writer`) and writes every export.
   */
  async exportView(spec, format) {
    const store = this.store;
    if (!this.source) return store.exportView(spec, format);
    const writer = await this.writer();
    if (this.store !== store) throw Object.assign(new Error('The data changed before the export was written.'), { name: 'AbortError' });
    return writer.exportView(spec, format);
  }

  /**
   * The dataset again, in the engine with the importers, to write exports from: read once, in
   * steps that leave the page free, from the bytes the page's engine read (kept for this), and
   * freed with the dataset.
   */
  writer() {
    const source = this.source;
    source.writer ??= this.engine('full').then(async (full) => {
      const loader = new full.Loader();
      for (const chunk of source.chunks) loader.push(chunk);
      loader.start(...source.args);
      while (!loader.step(20000)) {
        await nextTask();
        if (source.freed) {
          loader.free();
          throw Object.assign(new Error('The data changed before the export was written.'), { name: 'AbortError' });
        }
      }
      return loader.take();
    }).catch((error) => {
      source.writer = null;
      throw error;
    });
    return source.writer;
  }

  /**
   * An export could not be written (`error`), or was (`null`, which clears the last failure): a
   * fault stops the explorer (see `failed`); an engine that could not load (a page that pins the
   * engine's hash only) leaves the views as they are, with the reason shown; a dataset that
   * changed meanwhile says nothing.
   */
  exportFailed(error) {
    if (error instanceof WebAssembly.RuntimeError || error?.trap === true) {
      this.failed(error);
      return;
    }
    const problems = this.shell?.problems;
    if (!problems || error?.name === 'AbortError') return;
    problems.querySelector('.dl-export-error')?.remove();
    if (error) problems.append(el('p', { class: 'dl-error dl-export-error', role: 'alert' }, `Could not export: ${error.message}`));
    problems.hidden = !problems.hasChildNodes();
  }

  /** The current filters and selection in link syntax, for links and embed snippets. */
  get stateText() {
    return this.state ? formatState(this.state, this.core) : '';
  }

  applyHeight() {
    const height = this.getAttribute('height');
    this.shell.root.style.height = height && CSS.supports('height', height) ? height : '';
    this.shell.root.classList.toggle('dl-fixed', Boolean(this.shell.root.style.height));
  }

  /**
   * Builds the skeleton and loads the data, from `src` or from `file` (a File the reader chose);
   * a second call starts over.
   */
  async start(file = null) {
    this.stop();
    const generation = ++this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const shown = new Set((this.getAttribute('views') ?? VIEWS.join(' ')).split(/\s+/).filter((v) => VIEWS.includes(v)));
    this.shell = this.skeleton(shown);
    this.applyHeight();
    // Loading can be stopped while the data arrives.
    this.shell.cancel.addEventListener('click', () => {
      const shell = this.shell;
      this.stop();
      this.shell = shell;
      this.showError('Loading cancelled.', true);
    }, { once: true });
    const src = this.getAttribute('src');
    if (!src && !file) {
      this.showError('No data to show: the explorer needs a src attribute naming a dataset.', false);
      return;
    }
    // The bytes received so far, in the core; given up when loading stops before reading them.
    let sink = null;
    try {
      const url = file ? null : new URL(src, document.baseURI);
      const basemapUrl = new URL(this.getAttribute('basemap') ?? 'data/basemap-middle-east.json', HERE);
      const gazetteer = this.getAttribute('gazetteer');
      // The data streams into the engine as it arrives (held back only until the engine is up,
      // which loads at the same time).
      sink = new Inflow(this.engine('core'), () => this.engine('full'), this.getAttribute('format') || undefined);
      // Stopped (Cancel, a newer load, removal): the bytes and any reading worker go at once.
      const dropped = sink;
      abort.signal.addEventListener('abort', () => {
        try {
          dropped.free();
        } catch {
          // A failed engine may not free; it is dropped whole.
        }
      }, { once: true });
      const [, basemap, places] = await Promise.all([
        file ? this.readFile(file, sink, abort.signal) : this.fetchData(url, abort.signal, sink),
        shown.has('map') ? loadBasemap(basemapUrl.href, abort.signal) : null,
        gazetteer ? this.fetchData(new URL(gazetteer, document.baseURI), abort.signal) : undefined,
        this.shell.styled,
      ]);
      const loader = await sink.settled();
      const stopped = () => abort.signal.aborted || generation !== this.generation;
      if (stopped()) return;
      const name = file ? file.name : decodeURIComponent(url.pathname.split('/').pop() || url.hostname);
      const args = [this.getAttribute('format') || undefined, name, this.getAttribute('columns') || undefined, places];
      // The loader stays the sink's (and goes with it) until the dataset is ready.
      if (loader.remote) {
        // A large file: the worker reads it while the page carries on.
        loader.onprogress = (progress) => this.showReading(progress);
        const store = await loader.read(...args);
        if (stopped()) return;
        this.store = store;
        sink.take();
      } else {
        // In the page: read in steps, the page free between them.
        loader.start(...args);
        await this.readInSteps(loader, stopped);
        if (stopped()) return;
        this.store = sink.take().take();
        // The page's engine writes no exports: keep the bytes for the engine that does.
        if (!this.store.exportView) this.source = { chunks: sink.kept, args };
      }
      this.shell.cancel.remove();
      this.shell.bar.remove();
      this.shell.status.removeAttribute('aria-busy');
      this.mount(shown, basemap);
    } catch (error) {
      const stopped = error instanceof WebAssembly.RuntimeError || error.trap === true;
      if (error instanceof WebAssembly.RuntimeError) this.dropEngines();
      if (generation !== this.generation || abort.signal.aborted) return;
      this.showError(stopped
        ? 'The explorer\'s engine stopped while reading the data: it may be too large for a browser tab (the engine can use at most 4 GB). Loading again starts it afresh.'
        : error.message, true);
    } finally {
      // Stopped before reading (a cap, a timeout, a newer load): the bytes go.
      try {
        sink?.free();
      } catch {
        // A failed engine may not free; it is dropped whole.
      }
    }
  }

  /**
   * This explorer's engine of a kind (`core`, the page's; `full`, with the importers), loaded
   * when first needed and kept while the explorer is on the page.
   */
  engine(kind) {
    if (this[kind]) return Promise.resolve(this[kind]);
    this.loading ??= {};
    this.loading[kind] ??= loadEngine(kind).then((engine) => {
      if (this.isConnected) this[kind] = engine;
      else idle[kind].push(engine);
      return engine;
    }).finally(() => { this.loading[kind] = null; });
    return this.loading[kind];
  }

  /** Forgets this explorer's engines: after a fault, or once they are back in the pool. */
  dropEngines() {
    this.core = null;
    this.full = null;
  }

  /**
   * Fetches `url` as bytes, stopping at the size cap (whatever Content-Length claims) and at the
   * timeout, with a message that says which.
   */
  async fetchData(url, signal, sink = null) {
    const max = Number(this.getAttribute('max-bytes')) || DEFAULT_MAX_BYTES;
    const seconds = Number(this.getAttribute('timeout')) || DEFAULT_TIMEOUT_S;
    const timeout = AbortSignal.timeout(seconds * 1000);
    const both = AbortSignal.any([signal, timeout]);
    const tooBig = () => new Error(`The data at ${url.href} is larger than this explorer reads (${max.toLocaleString('en')} ${plural(max, 'byte')}); loading stopped.`);
    const late = () => new Error(`The data at ${url.href} did not arrive within ${seconds} ${plural(seconds, 'second')}.`);
    let response;
    try {
      response = await fetch(url, { signal: both });
    } catch (error) {
      if (signal.aborted) throw error;
      if (timeout.aborted) throw late();
      throw new Error(`Could not load the data from ${url.href}: the request failed (offline, blocked, or not allowed from this page).`);
    }
    if (!response.ok) {
      throw new Error(`Could not load the data from ${url.href}: the server answered ${response.status} ${response.statusText}.`.replace(' .', '.'));
    }
    if (Number(response.headers.get('content-length')) > max) throw tooBig();
    // The size announced picks the engine: a worker for a large file.
    sink?.reserve(Number(response.headers.get('content-length')) || 0);
    // Chunks go to `sink` (the core's loader) as they arrive; without one they are gathered.
    const chunks = [];
    let size = 0;
    let first;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > max) {
          reader.cancel();
          throw tooBig();
        }
        first ??= value.find((b) => b > 32);
        if (first === 0x3c) {
          reader.cancel();
          throw new Error(`${url.href} is a web page, not a data file. Check the src address.`);
        }
        if (sink) {
          sink.push(value);
          this.progress(size, Number(response.headers.get('content-length')) || 0);
        } else {
          chunks.push(value);
        }
      }
    } catch (error) {
      if (timeout.aborted && !signal.aborted) throw late();
      throw error;
    }
    if (sink) return null;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return bytes;
  }

  /**
   * Reads what arrived in steps of about 25 ms, yielding to the page between them, with the
   * rows and a progress bar in the status line, until done or `stopped()`.
   */
  async readInSteps(loader, stopped) {
    let rows = 2000;
    this.said = 0;
    for (;;) {
      const begun = performance.now();
      if (loader.step(rows)) return;
      const spent = performance.now() - begun;
      if (spent < 12) rows *= 2;
      else if (spent > 40 && rows > 100) rows = Math.floor(rows / 2);
      this.showReading({ phase: loader.phase, progress: loader.progress, events: loader.events });
      await nextTask();
      if (stopped()) return;
    }
  }

  /** Shows how far reading got: a progress bar, and the events read in the status line. */
  showReading({ phase, progress, events }) {
    const shell = this.shell;
    if (!shell?.bar.isConnected) return;
    shell.bar.hidden = false;
    shell.bar.max = 1;
    shell.bar.value = progress;
    shell.bar.setAttribute('aria-label', phase === 'reading' ? 'Data read' : 'Events indexed');
    // The status is a live region: busy while the count runs, so it is read out once it settles.
    shell.status.setAttribute('aria-busy', 'true');
    if (phase !== this.saidPhase || performance.now() - (this.said ?? 0) > 200) {
      this.said = performance.now();
      this.saidPhase = phase;
      const count = events.toLocaleString('en-US');
      const percent = Math.floor(progress * 100);
      shell.status.textContent = phase === 'reading'
        ? `Reading… ${count} ${plural(events, 'event')} (${percent}%)` : `Indexing ${count} ${plural(events, 'event')}… ${percent}%`;
    }
  }

  /** Says how much has arrived, in the status line. */
  progress(size, total = 0) {
    const shell = this.shell;
    if (!shell || size < 1e6) return;
    const mb = (n) => (n / 1e6).toFixed(1);
    shell.status.textContent = total ? `Loading… ${mb(size)} of ${mb(total)} MB` : `Loading… ${mb(size)} MB`;
    shell.bar.hidden = false;
    if (total) {
      shell.bar.max = total;
      shell.bar.value = Math.min(size, total);
    } else {
      shell.bar.removeAttribute('value');
    }
  }

  /** Streams a file the reader chose into the core's loader. */
  async readFile(file, sink, signal) {
    sink.reserve(file.size);
    const reader = file.stream().getReader();
    let size = 0;
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (done) return null;
      size += value.length;
      sink.push(value);
      this.progress(size, file.size);
    }
  }

  skeleton(shown) {
    const link = el('link', { rel: 'stylesheet', href: new URL('dateline.css', HERE).href });
    const styled = new Promise((done) => {
      link.addEventListener('load', done, { once: true });
      link.addEventListener('error', done, { once: true });
    });
    const part = (name, label) => (shown.has(name) ? el('section', { class: `dl-${name}`, 'aria-label': label, 'data-uid': this.uid }) : null);
    const shell = {
      styled,
      title: el('h2', { class: 'dl-title' }, this.getAttribute('heading') ?? ''),
      status: el('p', { class: 'dl-status', role: 'status', 'aria-live': 'polite' }, 'Loading…'),
      cancel: el('button', { type: 'button', class: 'dl-button dl-cancel' }, 'Cancel'),
      bar: el('progress', { class: 'dl-progress', 'aria-label': 'Data received', hidden: true }),
      problems: el('div', { class: 'dl-problems', hidden: true }),
      filters: part('filters', 'Filters'),
      map: part('map', 'Map of sites'),
      timeline: part('timeline', 'Timeline'),
      card: shown.has('list') ? el('section', { class: 'dl-card', 'aria-label': 'Selected event', hidden: true }) : null,
      list: part('list', 'Events'),
    };
    const filtersBox = shell.filters
      ? el('details', { class: 'dl-filters-box' }, el('summary', {}, 'Filters'), shell.filters)
      : null;
    const main = shell.map || shell.timeline ? el('div', { class: 'dl-main' }, shell.map, shell.timeline) : null;
    const side = shell.list ? el('div', { class: 'dl-side' }, shell.card, shell.list) : null;
    shell.root = el('div', { class: 'dl-root', part: 'root' },
      el('header', { class: 'dl-header' }, shell.title, shell.status, shell.bar, shell.cancel, this.exportMenu()),
      shell.problems,
      el('div', { class: `dl-body${filtersBox ? '' : ' dl-no-filters'}${side ? '' : ' dl-no-side'}${main ? '' : ' dl-no-main'}` }, filtersBox, main, side));
    clear(this.shadowRoot).append(link, shell.root);
    // Wide: filters beside the views, always open. Narrow: folded above them, one tap away.
    if (filtersBox) filtersBox.open = this.getBoundingClientRect().width > 980;
    return shell;
  }

  exportMenu() {
    const formats = [['csv', 'CSV (ACLED columns)'], ['geojson', 'GeoJSON (map points)'], ['package', 'Dateline package (JSON)'], ['citations', 'Citation list (text)']];
    const menu = el('details', { class: 'dl-export' }, el('summary', {}, 'Export'),
      el('div', { class: 'dl-export-menu' },
        el('p', {}, 'The events shown now:'),
        ...formats.map(([format, label]) => {
          const button = el('button', { type: 'button', class: 'dl-link-button', 'data-format': format }, label);
          button.addEventListener('click', () => { menu.open = false; this.download(format); });
          return button;
        })));
    // Opening the menu readies the engine that writes exports, so a choice is written at once.
    menu.addEventListener('toggle', () => {
      if (menu.open && this.source) this.writer().catch(() => {});
    });
    return menu;
  }

  mount(shown, basemap) {
    const store = this.store;
    if (!this.hasAttribute('heading')) this.shell.title.textContent = store.title;
    this.shell.title.hidden = this.getAttribute('heading') === '';
    this.showProblems(store.problems(), store.summary);
    const dictionaries = {
      types: store.types(), places: store.places(), actors: store.actors(), documents: store.documents(),
      families: this.core.Dateline.families(), precisions: this.core.Dateline.precisions(),
    };
    this.extent = store.extent();
    const actions = {
      select: (id) => {
        const before = this.state.event;
        this.set({ event: id });
        // The views were redrawn: put the keyboard where the reader's attention goes.
        if (id) this.views.card?.focusTitle();
        else if (before) this.views.list?.focus(before);
      },
      togglePlace: (id) => this.set({ places: this.state.places.includes(id) ? this.state.places.filter((p) => p !== id) : [...this.state.places, id] }),
      // Several places at once (a group the map cannot pull apart): all off when all are on.
      togglePlaces: (ids) => this.set({ places: ids.every((id) => this.state.places.includes(id))
        ? this.state.places.filter((p) => !ids.includes(p)) : [...new Set([...this.state.places, ...ids])] }),
      cluster: (xs, ys, weights, radius) => this.core.clusterPoints(xs, ys, weights, radius),
      merge: (parents, xs, ys, radius) => this.core.mergePlaces(parents, xs, ys, radius),
      setRange: (from, to) => this.set({ from, to }),
      setView: (viewFrom, viewTo) => this.set({ viewFrom, viewTo }),
      resized: () => this.render(),
      // The table shows the first PAGE_LIMIT events at once: they are asked for when it opens.
      modeChanged: () => this.render(),
      summaries: (rows) => {
        const store = this.store;
        try {
          const answer = store.summaries(rows);
          return typeof answer?.then === 'function'
            ? answer.catch((error) => {
              if (this.store === store && error.name !== 'AbortError') this.failed(error);
              return [];
            })
            : answer;
        } catch (error) {
          this.failed(error);
          return [];
        }
      },
    };
    this.views = {
      filters: this.shell.filters && new Filters(this.shell.filters, dictionaries, (change) => this.set(change), this.core.dateSpan),
      map: this.shell.map && basemap && new SiteMap(this.shell.map, basemap, dictionaries.places, actions),
      timeline: this.shell.timeline && new Timeline(this.shell.timeline, dictionaries.families, actions),
      list: this.shell.list && new EventList(this.shell.list, actions),
      card: this.shell.card && new EventCard(this.shell.card, actions),
    };
    this.state = parseState(this.getAttribute('filters') ?? '', this.core);
    this.state.event = this.getAttribute('selected') || this.state.event;
    this.watchHash();
    this.render();
  }

  watchHash() {
    this.hashListener?.abort();
    this.hashListener = null;
    if (!this.hasAttribute('hash') || !this.state) return;
    this.hashListener = new AbortController();
    const read = () => {
      if (location.hash.length > 1 && location.hash.slice(1) !== formatState(this.state, this.core)) {
        this.state = { ...parseState(location.hash, this.core), viewFrom: this.state.viewFrom, viewTo: this.state.viewTo };
        this.render();
      }
    };
    window.addEventListener('hashchange', read, { signal: this.hashListener.signal });
    read();
  }

  set(change) {
    if (!this.state) return;
    this.state = { ...this.state, ...change };
    if (this.hashListener) {
      const text = formatState(this.state, this.core);
      history.replaceState(history.state, '', text ? `#${text}` : location.pathname + location.search);
    }
    this.render();
    if (!this.state) return;
    this.dispatchEvent(new CustomEvent('dateline-change', { detail: { state: formatState(this.state, this.core) } }));
  }

  /** The query spec of the current state. */
  spec() {
    const { state } = this;
    const pad = this.extent ? Math.max(Math.round((this.extent.toDay - this.extent.fromDay) * 0.02), 1) : 0;
    const spec = {
      types: state.types, actors: state.actors, places: state.places, documents: state.documents,
      precision: state.precision, text: state.text,
      limit: this.views?.list?.mode === 'table' ? PAGE_LIMIT : LIST_FIRST,
      withRows: Boolean(this.views?.list),
      selected: state.event ?? undefined,
    };
    if (state.from !== null) spec.from = state.from;
    if (state.to !== null) spec.to = state.to;
    if (this.extent || state.viewFrom !== null) {
      spec.viewFrom = state.viewFrom ?? this.extent.fromDay - pad;
      spec.viewTo = state.viewTo ?? this.extent.toDay + pad;
    }
    return spec;
  }

  /** One interaction: one core query, then every view draws the answer. */
  render() {
    const { store, state, views } = this;
    if (!store || !views) return;
    const spec = this.spec();
    if (views.timeline) {
      spec.laneWidth = views.timeline.width();
      spec.viewLimit = MARK_LIMIT;
    }
    // A link or attribute may name what this dataset does not have: say so and start clean.
    const startClean = (error) => {
      this.showProblems([{ severity: 'error', path: 'filters', line: 0, column: 0, message: error.message }]);
      this.state = { ...emptyState(), viewFrom: state.viewFrom, viewTo: state.viewTo };
      const { limit, withRows, viewFrom, viewTo, laneWidth, viewLimit } = spec;
      return store.query({ limit, withRows, viewFrom, viewTo, laneWidth, viewLimit });
    };
    if (store.remote) {
      // An engine in a worker: one question at a time. Input meanwhile (a brush being dragged)
      // asks again once the answer is drawn, for the state as it is then.
      if (this.asking) {
        this.askAgain = true;
        return;
      }
      this.asking = true;
      store.query(spec).catch((error) => (error.trap ? Promise.reject(error) : startClean(error))).then((answer) => {
        if (this.store !== store) return;
        this.asking = false;
        this.draw(answer);
        if (this.askAgain) {
          this.askAgain = false;
          this.render();
        }
      }, (error) => {
        if (this.store === store && error.name !== 'AbortError') this.failed(error);
      });
      return;
    }
    let result;
    try {
      try {
        result = store.query(spec);
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
        result = startClean(error);
      }
    } catch (error) {
      this.failed(error);
      return;
    }
    this.draw(result);
  }

  /** Every view draws one answer of the core. */
  draw(result) {
    const { store, views } = this;
    const state = this.state;
    if (!views || !state) return;
    if (state.event && !result.selected) this.state.event = null;
    const card = result.selected;
    views.filters?.update(this.state, result, this.core.formatDay);
    views.map?.update(result, this.state.places, card?.placeDetails?.id ?? null);
    views.timeline?.update(result, this.state, this.state.event);
    views.list?.update(result, this.state.event);
    views.card?.update(card ?? null);
    const of = store.eventCount;
    const events = `${of} ${plural(of, 'event')}`;
    this.shell.status.textContent = result.total === of ? events : `${result.total} of ${events} ${plural(result.total, 'matches', 'match')}`;
  }

  showProblems(problems, summary) {
    const box = this.shell.problems;
    const errors = problems.filter((p) => p.severity === 'error');
    box.hidden = errors.length === 0;
    if (!errors.length) return;
    const lead = summary ? `${summary}. ` : '';
    const where = (p) => [p.path, p.line ? `line ${p.line}, column ${p.column}` : ''].filter(Boolean).join(', ');
    clear(box).append(el('details', {},
      el('summary', {}, `${lead}${errors.length} ${plural(errors.length, 'problem')} in the data; what could be read is shown.`),
      el('ul', {}, ...errors.slice(0, 8).map((p) => el('li', {}, el('code', {}, where(p)), ' ', p.message))),
      errors.length > 8 ? el('p', {}, `and ${errors.length - 8} more.`) : null));
  }

  /**
   * The engine failed inside (a fault, or a panic that stopped it): its memory can no longer be
   * trusted. This explorer drops it and offers to load again, on a fresh engine; other explorers
   * on the page have engines of their own and carry on.
   */
  failed(error) {
    console.error('Dateline: the engine stopped:', error);
    const shell = this.shell;
    this.store = null;
    this.dropEngines();
    this.stop();
    this.shell = shell;
    this.showError('The explorer stopped because of an internal error. Loading again starts it afresh.', true);
  }

  showError(message, retry) {
    const shell = this.shell;
    shell.cancel?.remove();
    shell.bar?.remove();
    shell.status.textContent = 'Not loaded';
    shell.status.removeAttribute('aria-busy');
    const button = retry ? el('button', { type: 'button', class: 'dl-button' }, 'Try again') : null;
    button?.addEventListener('click', () => this.start(), { once: true });
    clear(shell.problems).append(el('div', { class: 'dl-error', role: 'alert' }, el('p', {}, message), button));
    shell.problems.hidden = false;
  }

  stop() {
    this.generation += 1;
    this.asking = false;
    this.askAgain = false;
    this.abort?.abort();
    this.hashListener?.abort();
    this.hashListener = null;
    for (const view of Object.values(this.views ?? {})) view?.destroy();
    this.views = null;
    try {
      this.store?.free();
    } catch {
      // A failed engine may not free; it is dropped whole with its instance.
    }
    this.store = null;
    this.state = null;
    if (this.source) {
      this.source.freed = true;
      this.source.writer?.then((writer) => {
        try {
          writer.free();
        } catch {
          // As above.
        }
      }, () => {});
      this.source = null;
    }
  }
}

if (!customElements.get('dateline-explorer')) customElements.define('dateline-explorer', DatelineExplorer);
