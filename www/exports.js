// Exports of one dataset: the events a query spec selects, written as CSV, GeoJSON, a package or
// a citation list, and saved as a download. The page's engine writes no files: for a dataset it
// holds, the engine with the importers reads the same bytes again, once, in steps that leave the
// page free, and writes every export.
import { el } from './dom.js';
import { nextTask } from './loading.js';

/** Records read or events laid out between two turns of the page, while reading for exports. */
const STEP_ROWS = 20000;

const changed = () => Object.assign(new Error('The data changed before the export was written.'), { name: 'AbortError' });

export class Exports {
  /**
   * @param {object} options
   * @param {object} options.store the dataset shown
   * @param {{ chunks: Uint8Array[], args: unknown[] } | null} options.source the bytes the page's
   *   engine read and the arguments it read them with, kept for the engine that writes; `null`
   *   when the store writes exports itself
   * @param {import('./engines.js').Engines} options.engines the explorer's engines
   */
  constructor(options) {
    this.options = options;
    this.writing = null;
    this.freed = false;
  }

  /** The events `spec` selects, written as `format`: a promise of `{ text, mime, fileName }`. */
  async view(spec, format) {
    if (!this.options.source) return this.options.store.exportView(spec, format);
    const writer = await this.writer();
    if (this.freed) throw changed();
    return writer.exportView(spec, format);
  }

  /** Readies the engine that writes, so that a choice from the Export menu is written at once. */
  prepare() {
    if (this.options.source) this.writer().catch(() => {});
  }

  /**
   * The dataset again, in the engine with the importers: read once, from the bytes the page's
   * engine read, and freed with these exports.
   */
  writer() {
    const { source, engines } = this.options;
    this.writing ??= engines.get('full').then(async (full) => {
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

/** Saves an export (`{ text, mime, fileName }`) as a download, through a link in `parent`. */
export function save(out, parent) {
  const url = URL.createObjectURL(new Blob([out.text], { type: out.mime }));
  const a = el('a', { href: url, download: out.fileName, hidden: true });
  parent.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
