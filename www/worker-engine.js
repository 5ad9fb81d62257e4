// The engine in a Web Worker, for large files: the explorer (dateline.js) fetches this module only
// when a file of 32 MB or more arrives, starts the worker (engine-worker.js) and streams the
// bytes to it.
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
   */
  static async start(compileFast, compileCore) {
    const fast = await compileFast();
    const module = fast ?? await compileCore();
    const engine = new WorkerEngine(new Worker(workerUrl(), { type: 'module' }));
    await engine.call('init', { module, fast: fast !== null });
    return engine;
  }

  constructor(worker) {
    this.remote = true;
    this.worker = worker;
    this.pending = new Map();
    this.next = 0;
    this.onprogress = null;
    worker.onmessage = ({ data }) => {
      if (data.progress) {
        this.onprogress?.(data.progress);
        return;
      }
      const waiting = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.error === undefined) waiting?.resolve(data.value);
      else if (waiting) waiting.reject(Object.assign(new Error(data.error), { trap: data.trap }));
      else this.fail(Object.assign(new Error(data.error), { trap: true }));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(Object.assign(new Error(`the engine's worker failed: ${event.message || 'it could not start'}`), { trap: true }));
    };
  }

  fail(error) {
    this.broken = error;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  call(op, args = {}, transfer = []) {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      const id = this.next;
      this.next += 1;
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args }, transfer);
    });
  }

  /** Sends without waiting for an answer (a failure still breaks the engine). */
  send(op, args = {}, transfer = []) {
    if (!this.broken) this.worker.postMessage({ id: null, op, ...args }, transfer);
  }

  push(chunk) {
    // The chunk's memory moves to the worker, uncopied, when the chunk is all of it.
    const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
    const own = whole ? chunk : chunk.slice();
    this.send('push', { chunk: own }, [own.buffer]);
  }

  /** Reads what arrived: a RemoteStore, once read. */
  async read(format, name, columns, gazetteer) {
    return new RemoteStore(this, await this.call('read', { format, name, columns, gazetteer }));
  }

  free() {
    this.worker.terminate();
    this.fail(Object.assign(new Error('the engine was stopped'), { name: 'AbortError' }));
  }
}

/**
 * A dataset held by a WorkerEngine: the dictionaries as the in-page store gives them, and the
 * questions (query, summaries, exportView) as promises.
 */
class RemoteStore {
  constructor(engine, dictionaries) {
    // Answers come as promises (the explorer asks one question at a time).
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

  query(spec) { return this.engine.call('query', { spec }); }

  summaries(rows) { return this.engine.call('summaries', { rows }); }

  exportView(spec, format) { return this.engine.call('exportView', { spec, format }); }

  free() { this.engine.free(); }
}

let workerPolicy = null;

/**
 * The worker's script URL. Under Trusted Types (`require-trusted-types-for 'script'`) it goes
 * through a policy that lets this one URL through and nothing else.
 */
function workerUrl() {
  const url = new URL('engine-worker.js', HERE).href;
  if (!globalThis.trustedTypes?.createPolicy) return url;
  workerPolicy ??= globalThis.trustedTypes.createPolicy('dateline-worker', {
    createScriptURL: (text) => {
      if (text !== url) throw new TypeError(`${text} is not the explorer's worker`);
      return text;
    },
  });
  return workerPolicy.createScriptURL(url);
}
