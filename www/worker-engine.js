// @ts-check
// The engine in a Web Worker, for large files: the explorer (dateline.js) fetches this module only
// when a file of 32 MB or more arrives, starts the worker (engine-worker.js) and streams the
// bytes to it.

/**
 * @import { Actor, DateSpan, DocumentEntry, ExportFile, PlaceEntry, Problem, QueryResult,
 *   QuerySpec, ReadArgs, ReadingProgress, Summary, TypeEntry } from './api.js'
 */

/**
 * What the worker hands back once it has read a file: what a store in the page gives at once.
 *
 * @typedef {object} WorkerDictionaries
 * @property {string} title
 * @property {string | undefined} description
 * @property {string | undefined} summary
 * @property {number} eventCount
 * @property {Problem[]} problems
 * @property {TypeEntry[]} types
 * @property {PlaceEntry[]} places
 * @property {Actor[]} actors
 * @property {DocumentEntry[]} documents
 * @property {DateSpan | null} extent
 */

/**
 * What each request to the worker answers (see engine-worker.js).
 *
 * @typedef {{ init: void, push: void, read: WorkerDictionaries, keepFile: boolean,
 *   query: QueryResult, summaries: Summary[], exportView: ExportFile }} Answers
 */

/**
 * A message from the worker: an answer (`value`, or `error` and whether the engine trapped)
 * to request `id`, or how far reading got.
 *
 * @typedef {{ id: number | null, value?: unknown, error?: string, trap?: boolean,
 *   progress?: ReadingProgress }} Message
 */

/**
 * The Trusted Types of the browser, where it has them (the type checker's DOM lists none): a
 * policy's script URL is an object the browser takes wherever it takes a script's URL.
 *
 * @typedef {{ createPolicy(name: string, rules: { createScriptURL(text: string): string }):
 *   { createScriptURL(text: string): string | URL } }} TrustedTypes
 */

const HERE = new URL('.', import.meta.url);

/**
 * An engine in a Web Worker, for a large file: the page streams the bytes to it, it reads them
 * while the page carries on, then answers the explorer's questions (see engine-worker.js).
 */
export class WorkerEngine {
  /**
   * Starts a worker on the engine with the importers (`compileFast()`, null where that one is
   * not to be had) or else the page's (`compileCore()`, which reads packages only); rejects when
   * the page allows no worker.
   *
   * @param {() => Promise<WebAssembly.Module | null>} compileFast
   * @param {() => Promise<WebAssembly.Module>} compileCore
   */
  static async start(compileFast, compileCore) {
    const fast = await compileFast();
    const module = fast ?? await compileCore();
    const engine = new WorkerEngine(new Worker(workerUrl(), { type: 'module' }));
    await engine.call('init', { module, fast: fast !== null });
    return engine;
  }

  /** @param {Worker} worker running engine-worker.js */
  constructor(worker) {
    /** It answers by promise. @type {true} */
    this.remote = true;
    this.worker = worker;
    /** The requests not yet answered, by id. @type {Map<number, { resolve(value: unknown): void, reject(error: Error): void }>} */
    this.pending = new Map();
    this.next = 0;
    /** Hears how far reading got. @type {((progress: ReadingProgress) => void) | null} */
    this.onprogress = null;
    /** Why the engine can answer no more, once it cannot. @type {Error | null} */
    this.broken = null;
    worker.onmessage = (/** @type {MessageEvent<Message>} */ { data }) => {
      if (data.progress) {
        this.onprogress?.(data.progress);
        return;
      }
      const waiting = data.id === null ? undefined : this.pending.get(data.id);
      if (data.id !== null) this.pending.delete(data.id);
      if (data.error === undefined) waiting?.resolve(data.value);
      else if (waiting) waiting.reject(Object.assign(new Error(data.error), { trap: data.trap }));
      else this.fail(Object.assign(new Error(data.error), { trap: true }));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(Object.assign(new Error(`the engine's worker failed: ${event.message || 'it could not start'}`), { trap: true }));
    };
  }

  /**
   * The engine can answer no more: every request waiting fails with `error`, and every later one.
   *
   * @param {Error} error
   */
  fail(error) {
    this.broken = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  /**
   * Asks the worker: a promise of its answer.
   *
   * @template {keyof Answers} K
   * @param {K} op
   * @param {object} [args]
   * @param {Transferable[]} [transfer] memory that moves to the worker
   * @returns {Promise<Answers[K]>}
   */
  call(op, args = {}, transfer = []) {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      const id = this.next;
      this.next += 1;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args }, transfer);
    });
  }

  /**
   * Sends without waiting for an answer (a failure still breaks the engine).
   *
   * @param {keyof Answers} op
   * @param {object} [args]
   * @param {Transferable[]} [transfer] memory that moves to the worker
   */
  send(op, args = {}, transfer = []) {
    if (!this.broken) this.worker.postMessage({ id: null, op, ...args }, transfer);
  }

  /** @param {Uint8Array} chunk */
  push(chunk) {
    // The chunk's memory moves to the worker, uncopied, when the chunk is all of it.
    const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
    const own = whole ? chunk : chunk.slice();
    this.send('push', { chunk: own }, [own.buffer]);
  }

  /**
   * Reads what arrived: a RemoteStore, once read.
   *
   * @param {ReadArgs} args
   */
  async read(...args) {
    const [format, name, columns, gazetteer] = args;
    return new RemoteStore(this, await this.call('read', { format, name, columns, gazetteer }));
  }

  free() {
    this.worker.terminate();
    this.fail(Object.assign(new Error('the engine was stopped'), { name: 'AbortError' }));
  }
}

/**
 * What a RemoteStore asks its questions of: a WorkerEngine, or a `dateline serve` server
 * (remote-engine.js).
 *
 * @typedef {{ call<K extends keyof Answers>(op: K, args?: object): Promise<Answers[K]>,
 *   free(): void }} Answerer
 */

/**
 * A dataset held by a WorkerEngine (or a server): the dictionaries as the in-page store gives
 * them, and the questions (query, summaries, exportView) as promises.
 */
export class RemoteStore {
  /**
   * @param {Answerer} engine
   * @param {WorkerDictionaries} dictionaries
   */
  constructor(engine, dictionaries) {
    /** Answers come as promises (the explorer asks one question at a time). @type {true} */
    this.remote = true;
    this.engine = engine;
    this.dictionaries = dictionaries;
  }

  get title() { return this.dictionaries.title; }

  get description() { return this.dictionaries.description; }

  get summary() { return this.dictionaries.summary; }

  get eventCount() { return this.dictionaries.eventCount; }

  problems() { return this.dictionaries.problems; }

  types() { return this.dictionaries.types; }

  places() { return this.dictionaries.places; }

  actors() { return this.dictionaries.actors; }

  documents() { return this.dictionaries.documents; }

  extent() { return this.dictionaries.extent; }

  /**
   * Reads the rows back from `file` on disk from now on, so the bytes read go: a promise of
   * true when the store keeps its events in the file and took it.
   *
   * @param {File} file the file the reader opened, which the store was read from
   */
  keepFile(file) { return this.engine.call('keepFile', { file }); }

  /** @param {QuerySpec} spec */
  query(spec) { return this.engine.call('query', { spec }); }

  /** @param {Uint32Array} rows */
  summaries(rows) { return this.engine.call('summaries', { rows }); }

  /** @param {QuerySpec} spec @param {string} format */
  exportView(spec, format) { return this.engine.call('exportView', { spec, format }); }

  free() { this.engine.free(); }
}

/** @type {{ createScriptURL(text: string): string | URL } | null} */
let workerPolicy = null;

/**
 * The worker's script URL. Under Trusted Types (`require-trusted-types-for 'script'`) it goes
 * through a policy that lets this one URL through and nothing else.
 */
function workerUrl() {
  const url = new URL('engine-worker.js', HERE).href;
  const trustedTypes = /** @type {{ trustedTypes?: TrustedTypes }} */ (globalThis).trustedTypes;
  if (!trustedTypes?.createPolicy) return url;
  workerPolicy ??= trustedTypes.createPolicy('dateline-worker', {
    createScriptURL: (text) => {
      if (text !== url) throw new TypeError(`${text} is not the explorer's worker`);
      return text;
    },
  });
  return workerPolicy.createScriptURL(url);
}
