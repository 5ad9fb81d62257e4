// @ts-check
// The engines: the wasm core compiled once per page and instantiated once per explorer, so that a
// fault in one explorer's engine cannot reach another's. There are two kinds. `core`, the page's
// engine, reads Dateline packages and answers every question. `full`, with the importers (ACLED,
// UCDP, TimelineJS, CSV) and the writers of exports, is built for speed and fetched only when a
// file in another format is opened, an export is written, or a large file is read in a Web Worker
// (worker-engine.js, fetched only then). A `dateline serve` server can stand in for both
// (remote-engine.js, fetched only for one).


import { Said } from './strings.js';

/** @import { Engine } from './api.js' */
/** @typedef {'core' | 'full'} Kind */

const HERE = new URL('.', import.meta.url);

/** Compiled modules by file name, shared by every explorer on the page. @type {Map<string, Promise<WebAssembly.Module>>} */
const compiled = new Map();
/** Healthy engines of removed explorers, by kind, for the next explorer. @type {Record<Kind, Engine[]>} */
const idle = { core: [], full: [] };
/** Engines instantiated so far on the page: each gets bindings of its own. */
let instantiated = 0;

/**
 * Why the engine could not load, in words a host can act on.
 *
 * @param {unknown} error
 * @param {URL} url
 */
function coreError(error, url) {
  const text = error instanceof Error ? error.message : String(error);
  if (/Content Security Policy|unsafe-eval|wasm-eval/i.test(text)) return new Said('engineBlocked');
  // The browser's own words, as it gives them.
  return new Said('engineFailed', [url.href, text]);
}

/**
 * Compiles an engine once per page: `file` in pkg/, pinned by the meta tag `pin` when the page has
 * one. A wrong MIME type is tolerated: it is compiled from its bytes.
 *
 * @param {string} file
 * @param {string} pin
 * @returns {Promise<WebAssembly.Module>}
 */
function compileModule(file, pin) {
  const url = new URL(`pkg/${file}`, HERE);
  let module = compiled.get(file);
  if (!module) {
    module = (async () => {
      // A host serving the explorer from elsewhere may pin the engine's hash (docs/embed.md).
      const integrity = document.querySelector(`meta[name="${pin}"]`)?.getAttribute('content') || undefined;
      let response;
      try {
        response = await fetch(url, { integrity });
      } catch {
        throw integrity ? new Said('engineMismatch', [url.href, pin]) : new Said('engineUnreachable', [url.href]);
      }
      if (!response.ok) throw new Said('engineAnswered', [url.href, String(response.status)]);
      const type = response.headers.get('content-type') ?? '';
      try {
        if (type.split(';')[0].trim() === 'application/wasm') return await WebAssembly.compileStreaming(response);
        console.warn(`Dateline: ${url} is served as "${type}", not application/wasm; compiling it from its bytes instead.`);
        return await WebAssembly.compile(await response.arrayBuffer());
      } catch (error) {
        throw coreError(error, url);
      }
    })().catch((error) => { compiled.delete(file); throw error; });
    compiled.set(file, module);
  }
  return module;
}

/** The engine every explorer runs: it reads Dateline packages and answers every question. */
function compileCore() {
  return compileModule('dateline_bg.wasm', 'dateline-wasm-integrity');
}

/** True where the page pins the engine's hash but not that of the engine with the importers. */
function fullNotPinned() {
  return document.querySelector('meta[name="dateline-wasm-integrity"]') !== null && !document.querySelector('meta[name="dateline-fast-wasm-integrity"]');
}

/** The engine with the importers, which answers the same questions as the page's. */
function compileFull() {
  if (fullNotPinned()) {
    return Promise.reject(new Said('fullNotPinned'));
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
    console.warn(`Dateline: the engine for large files could not load, so the worker runs the page's: ${error instanceof Error ? error.message : error}`);
    return null;
  }
}

/** @type {Record<Kind, { wasm: string, glue: string, compile: () => Promise<WebAssembly.Module> }>} */
const KINDS = {
  core: { wasm: 'dateline_bg.wasm', glue: 'dateline.js', compile: compileCore },
  full: { wasm: 'dateline_fast_bg.wasm', glue: 'dateline_fast.js', compile: compileFull },
};

/**
 * A fresh engine of a kind: the compiled module, instantiated with its own memory and its own
 * copy of the bindings, so loading again starts from a clean instance. An instance outlives its
 * explorer (a module is never unloaded): a removed explorer's healthy engines go back to a pool
 * for the next one.
 *
 * @param {Kind} kind
 * @returns {Promise<Engine>}
 */
async function instantiate(kind) {
  const pooled = idle[kind].pop();
  if (pooled) return pooled;
  const { wasm, glue, compile } = KINDS[kind];
  instantiated += 1;
  // The bindings of either engine, imported afresh (the fragment makes the URL new), fetched
  // while the module compiles rather than after: on a slow link that is a round trip less.
  /** @type {[WebAssembly.Module, typeof import('./pkg/dateline.js') | typeof import('./pkg/dateline_fast.js')]} */
  const [module, bindings] = await Promise.all([compile(), import(new URL(`pkg/${glue}#${kind}${instantiated}`, HERE).href)]);
  try {
    const exports = await bindings.default({ module_or_path: module });
    return { ...bindings, memory: exports.memory };
  } catch (error) {
    throw coreError(error, new URL(`pkg/${wasm}`, HERE));
  }
}

/**
 * An engine in a Web Worker, for a large file: it runs the engine with the importers, or the
 * page's where that one is not to be had.
 */
export async function startWorker() {
  const { WorkerEngine } = await import('./worker-engine.js');
  return WorkerEngine.start(compileFast, compileCore);
}

/**
 * The dataset a `dateline serve` server answers for, asked over HTTP (remote-engine.js, fetched
 * only then): a promise of its store, once the server has given its dictionaries.
 *
 * @param {URL} url the server's address, ending in `/`
 * @param {Parameters<typeof import('./remote-engine.js').connect>[1]} options
 */
export async function connectServer(url, options) {
  const { connect } = await import('./remote-engine.js');
  return connect(url, options);
}

/** True where a module worker from the explorer's own folder can run. */
export function workersAllowed() {
  return typeof Worker === 'function' && new URL(HERE).origin === location.origin;
}

/**
 * One explorer's engines of each kind (`core`, the page's; `full`, with the importers), loaded
 * when first asked for and kept while the explorer is on the page. `release()` gives them to
 * the page's pool when the explorer leaves it; `drop()` forgets them after a fault.
 */
export class Engines {
  /**
   * @param {object} options
   * @param {() => boolean} options.connected whether the explorer is on the page: an engine that
   *   arrives once it has left goes to the pool
   */
  constructor(options) {
    this.options = options;
    /** @type {Engine | null} */
    this.core = null;
    /** @type {Engine | null} */
    this.full = null;
    /** @type {Record<Kind, Promise<Engine> | null>} */
    this.loading = { core: null, full: null };
  }

  /**
   * The engine of `kind`, once loaded.
   *
   * @param {Kind} kind
   * @returns {Promise<Engine>}
   */
  get(kind) {
    const ready = this[kind];
    if (ready) return Promise.resolve(ready);
    let loading = this.loading[kind];
    if (!loading) {
      loading = instantiate(kind).then((engine) => {
        if (this.options.connected()) this[kind] = engine;
        else idle[kind].push(engine);
        return engine;
      }).finally(() => { this.loading[kind] = null; });
      this.loading[kind] = loading;
    }
    return loading;
  }

  /** Gives the engines, healthy, to the next explorer. */
  release() {
    if (this.core) idle.core.push(this.core);
    if (this.full) idle.full.push(this.full);
    this.drop();
  }

  /** Forgets the engines: after a fault, or once they are in the pool. */
  drop() {
    this.core = null;
    this.full = null;
  }
}
