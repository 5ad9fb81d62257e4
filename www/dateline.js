// @ts-check
// <dateline-explorer>: the embeddable explorer, a custom element with an open shadow root. This
// file is its lifecycle: it builds the shell (shell.js), loads a dataset into an engine of its
// own (loading.js, engines.js), shows it in the views (views.js), which ask the core one question
// per interaction, and keeps the state in the URL hash (state.js) and the exports (exports.js)
// while it is shown. Removing the element, or loading again, stops all of that.
//
// Attributes (all optional but src):
//   src       the dataset's URL; one whose path ends in `/` names a `dateline serve` server,
//             which answers every question (docs/scale.md)
//   heading   the title shown above the explorer (default: the dataset's title)
//   height    a CSS height, e.g. "720px"; the explorer scrolls inside it (default: grows with content)
//   views     which views to show, of: filters map timeline list (default: all)
//   filters   initial filters, as in a link: "types=airstrike,drone-strike&from=2020-01-01&text=asad"
//   selected  the id of the event to open
//   hash      if present, filters and selection live in the page's URL hash (for one explorer per page)
//   theme     light, dark or auto (default: auto, the reader's prefers-color-scheme)
//   lang      the interface's language and the locale of its numbers and dates (default: the
//             host page's lang, else English); Arabic and other right-to-left languages mirror
//   mode      "story": one event at a time, in date order (story.js); otherwise the explorer
//   basemap   the base map's URL (default: data/basemap-middle-east.json beside this file)
//   format    the data's format: package, timelinejs, timelinejs-sheet, acled, ucdp, csv
//             (default: detected from the content)
//   max-bytes the largest data file read, in bytes (default 200 MB); a larger one stops loading
//   timeout   seconds to wait for the data (default 60)
//   accept-files  if present, a data file dropped on the explorer opens in it
//   gazetteer a package's URL whose places are found by name in TimelineJS slides
//   columns   for plain CSV, which column is which: "date=Datum,lat=Breite,lon=Länge"
import { el } from './dom.js';
import { connectServer, Engines } from './engines.js';
import { loadBasemap } from './fetching.js';
import { Exports, save } from './exports.js';
import { load } from './loading.js';
import { Shell } from './shell.js';
import { formatState, HashLink, parseState } from './state.js';
import { Printout } from './print.js';
import { Status } from './status.js';
import { Locale, Said } from './strings.js';
import { Views } from './views.js';

/** @import { Loaded } from './loading.js' */
/** @import { State } from './state.js' */
/** @import { Store } from './api.js' */
/** @import { RemoteStore } from './worker-engine.js' */

const HERE = new URL('.', import.meta.url);
const VIEWS = ['filters', 'map', 'timeline', 'list'];
const DEFAULT_BASEMAP = 'data/basemap-middle-east.json';
const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
const DEFAULT_TIMEOUT_S = 60;

let instances = 0;

/**
 * True for a fault inside an engine (a trap, in the page or in a worker): its memory is lost.
 *
 * @param {unknown} error
 */
function isFault(error) {
  return error instanceof WebAssembly.RuntimeError || (error instanceof Error && /** @type {Error & { trap?: boolean }} */ (error).trap === true);
}

class DatelineExplorer extends HTMLElement {
  static observedAttributes = ['src', 'heading', 'height', 'views', 'filters', 'selected', 'hash', 'mode', 'format', 'columns', 'gazetteer', 'lang'];

  constructor() {
    super();
    instances += 1;
    this.uid = `dl${instances}`;
    this.shadow = this.attachShadow({ mode: 'open' });
    this.engines = new Engines({ connected: () => this.isConnected });
    // A load in progress, counted so that one started later wins.
    this.generation = 0;
    /** Stops the load in progress. @type {AbortController | null} */
    this.abort = null;
    /** @type {Shell | null} */
    this.shell = null;
    /** @type {Status | null} */
    this.status = null;
    // The dataset shown, and what is made of it once loaded.
    /** @type {Store | RemoteStore | null} */
    this.store = null;
    /** @type {Views | null} */
    this.views = null;
    /** @type {Exports | null} */
    this.exports = null;
    /** @type {HashLink | null} */
    this.hash = null;
    /** @type {AbortController | null} */
    this.dropListener = null;
    /** The file shown in place of `src`, if a reader chose one. @type {File | null} */
    this.file = null;
    /** Shows the element's children while loading. @type {HTMLSlotElement | null} */
    this.waiting = null;
    // True from an engine's fault until the fresh engine has drawn the view again: a second
    // fault meanwhile stops the explorer instead of starting it over and over.
    this.restoring = false;
  }

  connectedCallback() {
    this.start();
    if (this.hasAttribute('accept-files')) {
      this.dropListener = new AbortController();
      const signal = this.dropListener.signal;
      this.addEventListener('dragover', (e) => { e.preventDefault(); this.shell?.setDropping(true); }, { signal });
      this.addEventListener('dragleave', () => this.shell?.setDropping(false), { signal });
      this.addEventListener('drop', (e) => {
        e.preventDefault();
        this.shell?.setDropping(false);
        const file = e.dataTransfer?.files?.[0];
        if (file) this.openFile(file);
      }, { signal });
    }
  }

  disconnectedCallback() {
    this.stop();
    this.engines.release();
    this.dropListener?.abort();
    this.dropListener = null;
  }

  /**
   * @param {string} name
   * @param {string | null} before
   * @param {string | null} after
   */
  attributeChangedCallback(name, before, after) {
    if (!this.isConnected || before === after || !this.shell) return;
    if (['src', 'views', 'format', 'columns', 'gazetteer', 'lang'].includes(name)) this.start();
    else if (name === 'filters' && this.views) this.set({ ...parseState(after ?? '', this.views.core, this.views.extent), event: this.views.state.event });
    else if (name === 'selected') this.set({ event: after || null });
    else if (name === 'heading') this.shell.setTitle(after || this.store?.title, after === '');
    else if (name === 'height') this.shell.setHeight(after);
    else if (name === 'hash') this.watchHash();
    else if (name === 'mode') this.showMode();
  }

  /** Lays out and runs story mode while the `mode` attribute says "story". */
  showMode() {
    const story = this.getAttribute('mode') === 'story';
    this.shell?.setStory(story);
    this.views?.story?.setActive(story);
  }

  /**
   * Opens a file the reader chose (from a file picker or a drop), in place of `src`.
   *
   * @param {File} file
   */
  openFile(file) {
    this.start(file);
  }

  /**
   * Downloads the events the current view selects, as `format` (package, csv, geojson, citations).
   *
   * @param {string} format
   */
  async download(format) {
    if (!this.exports || !this.views) return;
    let out;
    try {
      out = await this.exports.view(this.views.spec(), format);
      this.exportFailed(null);
    } catch (error) {
      this.exportFailed(error);
      return;
    }
    save(out, this.shadow);
  }

  /**
   * Every event shown, with its documents, places and actors, as a package's JSON bytes: a
   * promise of them (`null` when nothing is loaded).
   */
  async packageBytes() {
    if (!this.exports) return null;
    try {
      return new TextEncoder().encode((await this.exports.view({}, 'package')).text);
    } catch (error) {
      this.exportFailed(error);
      return null;
    }
  }

  /** The current filters and selection in link syntax, for links and embed snippets. */
  get stateText() {
    return this.views ? formatState(this.views.state, this.views.core, this.views.extent) : '';
  }

  /**
   * Builds the shell and loads the data, from `src` or from `file` (a File the reader chose);
   * a second call starts over.
   *
   * @param {File | null} file
   * @param {State | null} restore the view to show, in place of the attributes' (after a fault)
   */
  async start(file = null, restore = null) {
    this.stop();
    this.file = file;
    this.restoring = restore !== null;
    const generation = ++this.generation;
    const abort = new AbortController();
    this.abort = abort;
    // Another language's strings arrive first: the shell is drawn in them.
    const locale = await Locale.load(Locale.tagOf(this));
    if (generation !== this.generation) return;
    const shown = new Set((this.getAttribute('views') ?? VIEWS.join(' ')).split(/\s+/).filter((v) => VIEWS.includes(v)));
    this.shell?.destroy();
    const shell = new Shell(this.shadow, {
      uid: this.uid,
      heading: this.getAttribute('heading'),
      views: shown,
      locale,
      onExport: (format) => this.download(format),
      onExportMenu: () => this.exports?.prepare(),
      onMode: (story) => this.setAttribute('mode', story ? 'story' : 'explore'),
    });
    shell.setStory(this.getAttribute('mode') === 'story');
    this.shell = shell;
    this.status = new Status(shell);
    const status = this.status;
    // The element's own children (a static list of the events, say) stay in view at the top
    // until the views are drawn: on a slow link readers have the events before the engine.
    this.waiting = document.createElement('slot');
    shell.root.insertBefore(this.waiting, shell.problems);
    shell.setHeight(this.getAttribute('height'));
    // Loading can be stopped while the data arrives.
    shell.cancel.addEventListener('click', () => {
      this.stop();
      status.stopped(locale.say('cancelled'), () => this.start());
    }, { once: true, signal: shell.signal });
    const src = this.getAttribute('src');
    const stopped = () => abort.signal.aborted || generation !== this.generation;
    try {
      /** @type {URL | File} */
      let data;
      if (file) data = file;
      else if (src) data = new URL(src, document.baseURI);
      else {
        status.stopped(locale.say('noSource'), null);
        return;
      }
      const gazetteer = this.getAttribute('gazetteer');
      const basemap = shown.has('map') ? new URL(this.getAttribute('basemap') ?? DEFAULT_BASEMAP, HERE) : null;
      const timeoutSeconds = Number(this.getAttribute('timeout')) || DEFAULT_TIMEOUT_S;
      /** @type {Loaded | null} */
      let loaded;
      if (data instanceof URL && data.pathname.endsWith('/')) {
        // A server answers every question; the page's engine still names dates and draws.
        const map = basemap && loadBasemap(basemap.href, abort.signal);
        map?.catch(() => {});
        const [store] = await Promise.all([connectServer(data, { timeoutSeconds, notices: shell.problems, locale, signal: abort.signal }), this.engines.get('core'), shell.styled]);
        loaded = { store, basemap: map, source: null };
      } else loaded = await load({
        data,
        format: this.getAttribute('format') || undefined,
        columns: this.getAttribute('columns') || undefined,
        gazetteer: gazetteer ? new URL(gazetteer, document.baseURI) : null,
        basemap,
        maxBytes: Number(this.getAttribute('max-bytes')) || DEFAULT_MAX_BYTES,
        timeoutSeconds,
        engines: this.engines,
        signal: abort.signal,
        stopped,
        styled: shell.styled,
        onArrived: (size, total) => status.arrived(size, total),
        onReading: (progress) => status.reading(progress),
      });
      if (!loaded || stopped()) return;
      status.loaded();
      this.mount(shell, status, loaded, restore);
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) this.engines.drop();
      if (stopped()) return;
      this.restoring = false;
      status.stopped(isFault(error) ? locale.say('tooLarge') : locale.message(error), () => this.start());
    }
  }

  /**
   * Shows a dataset just loaded: its title, its problems, the views and the state asked for.
   *
   * @param {Shell} shell
   * @param {Status} status
   * @param {Loaded} loaded
   * @param {State | null} restore
   */
  mount(shell, status, { store, basemap, source }, restore) {
    this.waiting?.remove();
    this.store = store;
    this.exports = new Exports({ store, source, engines: this.engines });
    // Loading waits for the page's engine: the views ask it for dates and names.
    const core = this.engines.core;
    if (!core) throw new Said('engineLost');
    const heading = this.getAttribute('heading');
    shell.setTitle(heading ?? store.title, heading === '');
    status.problems(store.problems(), store.summary);
    const state = restore ?? parseState(this.getAttribute('filters') ?? '', core, store.extent());
    if (!restore) state.event = this.getAttribute('selected') || state.event;
    const views = new Views(shell, {
      store, core, basemap: null, state, locale: shell.locale,
      status,
      onInput: (change) => this.set(change),
      onFailed: (error) => this.failed(error),
    });
    this.views = views;
    new Printout(shell.root, shell.signal, store, shell.locale, () => views.spec());
    // The list and timeline are drawn now; the map once its base map is in.
    basemap?.then((arrived) => views.showMap(arrived), (error) => {
      if (views.destroyed || (error instanceof Error && error.name === 'AbortError')) return;
      shell.map?.append(el('p', { class: 'dl-note', role: 'status' }, shell.locale.say('mapFailed', { args: [shell.locale.message(error)] })));
    });
    this.watchHash();
    views.story?.setActive(this.getAttribute('mode') === 'story');
    views.render();
    // A fault while drawing has stopped this load already (see `failed`).
    if (restore && !views.destroyed) status.restarted();
    this.restoring = false;
  }

  /** Keeps the state in the page's URL hash while the `hash` attribute is there. */
  watchHash() {
    this.hash?.destroy();
    this.hash = null;
    const views = this.views;
    if (!this.hasAttribute('hash') || !views) return;
    this.hash = new HashLink({
      core: views.core,
      extent: views.extent,
      state: () => views.state,
      onRead: (state) => {
        views.state = state;
        views.render();
      },
    });
  }

  /**
   * A change of the state: the hash follows, the views draw it, and listeners hear of it.
   *
   * @param {Partial<State>} change
   */
  set(change) {
    const views = this.views;
    if (!views) return;
    views.state = { ...views.state, ...change };
    this.hash?.write(views.state);
    views.render();
    if (views.destroyed) return;
    this.dispatchEvent(new CustomEvent('dateline-change', { detail: { state: formatState(views.state, views.core, views.extent) } }));
  }

  /**
   * The engine failed inside (a fault, or a panic that stopped it): its memory can no longer be
   * trusted. This explorer drops it and loads the data again on a fresh engine, with the view
   * (filters, selection, time range) as it was; other explorers on the page have engines of
   * their own and carry on. A second fault before the view is back stops it, with a retry.
   *
   * @param {unknown} error
   */
  failed(error) {
    console.error('Dateline: the engine stopped:', error);
    // The state is plain values: nothing in it lives in the lost engine's memory.
    const kept = this.views?.state ?? null;
    const again = this.restoring;
    this.store = null;
    this.engines.drop();
    this.stop();
    if (kept && !again) {
      this.start(this.file, kept);
      return;
    }
    this.restoring = false;
    if (this.status) this.status.stopped(this.status.shell.locale.say('internalError'), () => this.start(this.file));
  }

  /**
   * An export could not be written (`error`), or was (`null`, which clears the last failure): a
   * fault stops the explorer (see `failed`); an engine that could not load (a page that pins the
   * engine's hash only) leaves the views as they are, with the reason shown; a dataset that
   * changed meanwhile says nothing.
   *
   * @param {unknown} error
   */
  exportFailed(error) {
    if (isFault(error)) this.failed(error);
    else if (error === null) this.status?.exportFailed(null);
    else if (!(error instanceof Error && error.name === 'AbortError')) this.status?.exportFailed(error instanceof Error ? error : new Error(String(error)));
  }

  /** Stops loading and drops the dataset, its views and exports; the shell stays, to say why. */
  stop() {
    this.generation += 1;
    this.abort?.abort();
    this.abort = null;
    this.hash?.destroy();
    this.hash = null;
    this.views?.destroy();
    this.views = null;
    this.exports?.destroy();
    this.exports = null;
    try {
      this.store?.free();
    } catch {
      // A failed engine may not free; it is dropped whole with its instance.
    }
    this.store = null;
  }
}

/** The element, as pages that hold one see it. @typedef {DatelineExplorer} Explorer */

if (!customElements.get('dateline-explorer')) customElements.define('dateline-explorer', DatelineExplorer);
