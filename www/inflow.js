// @ts-check
// Chunks of a data file on their way into an engine, as they arrive: held until an engine is
// chosen and up, then handed to it (a Loader in the page, or an engine in a Web Worker).
import { startWorker, workersAllowed } from './engines.js';

/** @import { Engine, Loader } from './api.js' */
/** @import { WorkerEngine } from './worker-engine.js' */

// Files this large are read by an engine in a Web Worker, where the page allows one.
const WORKER_BYTES = 32 * 1024 * 1024;

/**
 * Chunks of a data file on their way into an engine: one in the page (a Loader), or, for a large
 * file, one in a Web Worker (falling back to the page when no worker can start). A file is large
 * when its announced size is, or, with no size announced, once that much has arrived. In the
 * page, a Dateline package goes to the page's engine, and a file in another format (named, or
 * detected from its first bytes once it has arrived) to the engine with the importers. Until the
 * engine is chosen and up, chunks wait here.
 */
export class Inflow {
  /**
   * @param {object} options
   * @param {Promise<Engine>} options.core the page's engine
   * @param {() => Promise<Engine>} options.full gives the engine with the importers
   * @param {string} [options.format] the format the explorer was told, if any
   */
  constructor(options) {
    const { core, full, format } = options;
    this.core = core;
    this.full = full;
    this.format = format;
    // A failure to load is reported when the engine is chosen, not as an unhandled rejection.
    core.catch(() => {});
    /** The chunks waiting for the engine; `null` once loading stopped. @type {Uint8Array[] | null} */
    this.pending = [];
    this.received = 0;
    /** The engine's loader, once it is up. @type {Loader | WorkerEngine | null} */
    this.loader = null;
    /** Kept once the engine is chosen and up. @type {Promise<Loader | WorkerEngine | null> | null} */
    this.target = null;
    // Every chunk, unless a worker takes them: the page's engine does not write exports, so for
    // those the engine with the importers reads the same bytes again (see exports.js).
    /** @type {Uint8Array[] | null} */
    this.kept = [];
  }

  /** The first bytes that arrived, enough to tell the format. */
  head() {
    const head = new Uint8Array(Math.min(this.received, 8192));
    let at = 0;
    for (const chunk of this.pending ?? []) {
      if (at === head.length) break;
      const part = chunk.subarray(0, head.length - at);
      head.set(part, at);
      at += part.length;
    }
    return head;
  }

  /**
   * Picks the engine, once: a worker for a large file where one can run, else one in the page.
   *
   * @param {boolean} large
   */
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

  /**
   * Hands the chunks so far to the loader chosen, or frees it when loading has stopped.
   *
   * @template {Loader | WorkerEngine} L
   * @param {L} loader
   * @returns {L | null}
   */
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

  /**
   * One more chunk of the file.
   *
   * @param {Uint8Array} chunk
   */
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

  /**
   * The size announced, before any chunk: a large file goes to a worker at once.
   *
   * @param {number} bytes
   */
  reserve(bytes) {
    if (bytes >= WORKER_BYTES && this.pending) this.choose(true);
  }

  /**
   * The engine every chunk went to, once the download is over and it is up (`null` once
   * loading stopped).
   *
   * @returns {Promise<Loader | WorkerEngine | null>}
   */
  async settled() {
    this.choose(false);
    await this.target;
    return this.loader;
  }

  /** The loader, now the caller's. */
  take() {
    const loader = this.loader;
    this.loader = null;
    return loader;
  }

  /** Loading stopped: the chunks and the loader (a worker, too) go at once. */
  free() {
    this.pending = null;
    this.kept = null;
    this.loader?.free();
    this.loader = null;
  }
}
