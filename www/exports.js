// @ts-check
// Exports of one dataset: the events a query spec selects, written as CSV, GeoJSON, a package or
// a citation list, and saved as a download. The page's engine writes no files: for a dataset it
// holds, the engine with the importers reads the same bytes again, once, in steps that leave the
// page free, and writes every export.
import { el } from './dom.js';
import { nextTask } from './loading.js';
import { Said } from './strings.js';

/** @import { ExportFile, QuerySpec, Store } from './api.js' */
/** @import { Engines } from './engines.js' */
/** @import { Source } from './loading.js' */
/** @import { RemoteStore } from './worker-engine.js' */

/** Records read or events laid out between two turns of the page, while reading for exports. */
const STEP_ROWS = 20000;

const changed = () => Object.assign(new Error('The data changed before the export was written.'), { name: 'AbortError' });

export class Exports {
  /**
   * @param {object} options
   * @param {Store | RemoteStore} options.store the dataset shown
   * @param {Source | null} options.source the bytes the page's engine read and the arguments it
   *   read them with, kept for the engine that writes; `null` when the store writes exports
   * @param {Engines} options.engines the explorer's engines
   */
  constructor(options) {
    this.options = options;
    /** The dataset again, in the engine that writes, once asked for. @type {Promise<Store> | null} */
    this.writing = null;
    this.freed = false;
  }

  /**
   * The events `spec` selects, written as `format`.
   *
   * @param {QuerySpec} spec
   * @param {string} format `csv`, `geojson`, `package` or `citations`
   * @returns {Promise<ExportFile>}
   */
  async view(spec, format) {
    const { store, source } = this.options;
    if (!source) {
      if (!store.exportView) throw new Said('noExports');
      return store.exportView(spec, format);
    }
    const writer = await this.writer(source);
    if (this.freed) throw changed();
    if (!writer.exportView) throw new Said('noWriters');
    return writer.exportView(spec, format);
  }

  /** Readies the engine that writes, so that a choice from the Export menu is written at once. */
  prepare() {
    if (this.options.source) this.writer(this.options.source).catch(() => {});
  }

  /**
   * The dataset again, in the engine with the importers: read once, from `source`, the bytes the
   * page's engine read, and freed with these exports.
   *
   * @param {Source} source
   */
  writer(source) {
    this.writing ??= this.options.engines.get('full').then(async (full) => {
      const loader = new full.Loader();
      for (const chunk of source.chunks) loader.push(chunk);
      loader.start(...source.args);
      while (!loader.step(STEP_ROWS)) {
        await nextTask();
        if (this.freed) {
          loader.free();
          throw changed();
        }
      }
      return loader.take();
    }).catch((error) => {
      this.writing = null;
      throw error;
    });
    return this.writing;
  }

  destroy() {
    this.freed = true;
    this.writing?.then((writer) => {
      try {
        writer.free();
      } catch {
        // A failed engine may not free; it is dropped whole with its instance.
      }
    }, () => {});
    this.writing = null;
  }
}

/**
 * Saves an export as a download, through a link in `parent`.
 *
 * @param {ExportFile} out
 * @param {ShadowRoot | HTMLElement} parent
 */
export function save(out, parent) {
  const url = URL.createObjectURL(out.blob ?? new Blob([out.text], { type: out.mime }));
  const a = el('a', { href: url, download: out.fileName, hidden: true });
  parent.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
