// @ts-check
// Loading a dataset: its bytes stream into an engine as they arrive (inflow.js), while the base
// map and a gazetteer are fetched; then the engine reads them, in a Web Worker for a large file,
// or else in the page, in steps that leave the page free between them.
import { fetchBytes, loadBasemap, readFile } from './fetching.js';
import { Inflow } from './inflow.js';

/** @import { Loader, ReadArgs, ReadingProgress, Store } from './api.js' */
/** @import { Basemap } from './map.js' */
/** @import { Engines } from './engines.js' */
/** @import { RemoteStore } from './worker-engine.js' */

/**
 * A dataset loaded: the store, the base map on its way (`null` when no map is shown: the list
 * and timeline are drawn without waiting for it), and the bytes the page's engine read with the
 * arguments it read them with, kept for the engine that writes exports (`null` when the store
 * writes them itself).
 *
 * @typedef {{ store: Store | RemoteStore, basemap: Promise<Basemap> | null, source: Source | null }} Loaded
 */

/** The bytes of a dataset, and how they were read. @typedef {{ chunks: Uint8Array[], args: ReadArgs }} Source */

/** The time a step of reading in the page aims at, in ms (a frame or two). */
const STEP_MS = { under: 12, over: 40 };

/**
 * A promise kept in a task of its own, once the page has had its turn: input, drawing, timers.
 * (Not scheduler.yield(), which goes on ahead of drawing.)
 */
export function nextTask() {
  return new Promise(/** @param {(value?: undefined) => void} resolve */ (resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Frees `sink`, which an engine that failed may refuse: it is dropped whole then.
 *
 * @param {Inflow} sink
 */
function free(sink) {
  try {
    sink.free();
  } catch {
    // A failed engine may not free; it is dropped whole with its instance.
  }
}

/**
 * Loads a dataset: a promise of it, or of `null` when loading was stopped.
 *
 * @param {object} options
 * @param {URL | File} options.data the dataset's address, or a file the reader chose
 * @param {string} [options.format] the data's format, if the explorer was told
 * @param {string} [options.columns] for plain CSV, which column is which
 * @param {URL|null} options.gazetteer a package whose places TimelineJS slides are matched with
 * @param {URL|null} options.basemap the base map's address; `null` when no map is shown
 * @param {number} options.maxBytes the largest data file read
 * @param {number} options.timeoutSeconds how long the data may take to arrive
 * @param {Engines} options.engines the explorer's engines
 * @param {AbortSignal} options.signal stops loading
 * @param {() => boolean} options.stopped true once this load is no longer wanted
 * @param {Promise<unknown>} options.styled kept once the explorer's style sheet is in
 * @param {(size: number, total: number) => void} options.onArrived the bytes arrived, of those
 *   announced (0 for unknown)
 * @param {(progress: ReadingProgress) => void} options.onReading
 *   how far reading got
 * @returns {Promise<Loaded | null>}
 */
export async function load(options) {
  const { data, format, columns, gazetteer, basemap, engines, signal, stopped, onArrived, onReading } = options;
  // The data streams into the engine as it arrives, held back only until the engine is up, which
  // loads at the same time.
  const sink = new Inflow({ core: engines.get('core'), full: () => engines.get('full'), format });
  // Stopped (Cancel, a newer load, removal): the bytes and any reading worker go at once.
  signal.addEventListener('abort', () => free(sink), { once: true });
  try {
    const limits = { maxBytes: options.maxBytes, timeoutSeconds: options.timeoutSeconds, signal };
    const map = basemap ? loadBasemap(basemap.href, signal) : null;
    // Whoever draws the map hears if it fails; a load stopped meanwhile needs no word of it.
    map?.catch(() => {});
    const [, places] = await Promise.all([
      data instanceof File ? readFile(data, sink, signal, onArrived) : fetchBytes(data, { ...limits, sink, onProgress: onArrived }),
      gazetteer ? fetchBytes(gazetteer, limits) : undefined,
      options.styled,
    ]);
    const loader = await sink.settled();
    // No loader: loading stopped, and the sink let it go.
    if (!loader || stopped()) return null;
    const name = data instanceof File ? data.name : decodeURIComponent(data.pathname.split('/').pop() || data.hostname);
    /** @type {ReadArgs} */
    const args = [format, name, columns, places];
    // The loader stays the sink's (and goes with it) until the dataset is ready.
    if (loader.remote) {
      // A large file: the worker reads it while the page carries on.
      loader.onprogress = onReading;
      const store = await loader.read(...args);
      // A file the reader opened stays on disk: a card, a list or an export reads its rows
      // back from it, and the worker lets go of the bytes it read.
      if (data instanceof File) await store.keepFile(data);
      // The views ask the page's engine for the dictionaries and dates.
      await engines.get('core');
      if (stopped()) return null;
      sink.take();
      return { store, basemap: map, source: null };
    }
    // In the page: read in steps, the page free between them.
    loader.start(...args);
    await readInSteps(loader, stopped, onReading);
    if (stopped()) return null;
    sink.take();
    const store = loader.take();
    // The page's engine writes no exports: the bytes are kept for the engine that does.
    const kept = sink.kept;
    return { store, basemap: map, source: store.exportView || !kept ? null : { chunks: kept, args } };
  } finally {
    // Stopped before reading (a cap, a timeout, a newer load): the bytes go.
    free(sink);
  }
}

/**
 * Reads what arrived in steps of about 25 ms, yielding to the page between them and saying how
 * far it got, until done or `stopped()`.
 *
 * @param {Loader} loader
 * @param {() => boolean} stopped
 * @param {(progress: ReadingProgress) => void} onReading
 */
async function readInSteps(loader, stopped, onReading) {
  let rows = 2000;
  for (;;) {
    const begun = performance.now();
    if (loader.step(rows)) return;
    const spent = performance.now() - begun;
    if (spent < STEP_MS.under) rows *= 2;
    else if (spent > STEP_MS.over && rows > 100) rows = Math.floor(rows / 2);
    onReading({ phase: loader.phase, progress: loader.progress, events: loader.events });
    await nextTask();
    if (stopped()) return;
  }
}
