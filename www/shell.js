// @ts-check
// The explorer's frame in its shadow root: the style sheet, a header (title, status line,
// progress bar, Cancel, the Story toggle, the Export menu), the problems box, and a section for
// each view shown (with story mode's controls above the card),
// laid out by dateline.css. The views draw into the sections; status.js writes the header.
import { clear, el } from './dom.js';

/** @import { Locale } from './strings.js' */

const HERE = new URL('.', import.meta.url);
/** @type {[string, 'exportCsv' | 'exportGeojson' | 'exportPackage' | 'exportCitations'][]} */
const EXPORTS = [['csv', 'exportCsv'], ['geojson', 'exportGeojson'], ['package', 'exportPackage'], ['citations', 'exportCitations']];
// Wider than this, the filters stand beside the views, always open; narrower, they fold above
// them, one tap away.
const WIDE_PX = 980;

export class Shell {
  /**
   * Builds the frame in `shadow`, in place of what it held.
   *
   * @param {ShadowRoot} shadow the explorer's shadow root
   * @param {object} options
   * @param {string} options.uid the prefix of ids inside the shadow root
   * @param {string|null} options.heading the title (null: the dataset's, once loaded)
   * @param {Set<string>} options.views the views shown, of: filters map timeline list
   * @param {Locale} options.locale the language of the interface, its numbers and dates
   * @param {(format: string) => void} options.onExport an export chosen from the menu
   * @param {() => void} options.onExportMenu the Export menu opened
   * @param {(story: boolean) => void} options.onMode story mode chosen (true) or left (false)
   */
  constructor(shadow, options) {
    const { uid, heading, views, locale, onExport, onExportMenu, onMode } = options;
    /** The language the explorer speaks. */
    this.locale = locale;
    const t = locale.text;
    this.abort = new AbortController();
    /** Ends with the shell: listeners on its nodes go with it. */
    this.signal = this.abort.signal;
    const link = el('link', { rel: 'stylesheet', href: new URL('dateline.css', HERE).href });
    /** Kept once the style sheet has loaded (or failed to): the views are drawn then. */
    this.styled = new Promise((done) => {
      link.addEventListener('load', done, { once: true, signal: this.signal });
      link.addEventListener('error', done, { once: true, signal: this.signal });
    });
    /** A section for view `name`, when it is shown. @param {string} name @param {string} label */
    const part = (name, label) => (views.has(name) ? el('section', { class: `dl-${name}`, 'aria-label': label, 'data-uid': uid }) : null);
    this.title = el('h2', { class: 'dl-title' }, heading ?? '');
    this.status = el('p', { class: 'dl-status', role: 'status', 'aria-live': 'polite' }, t.loading);
    this.cancel = el('button', { type: 'button', class: 'dl-button dl-cancel' }, t.cancel);
    this.bar = el('progress', { class: 'dl-progress', 'aria-label': t.dataReceived, hidden: true });
    this.problems = el('div', { class: 'dl-problems', hidden: true });
    this.filters = part('filters', t.filters);
    this.map = part('map', t.map);
    this.timeline = part('timeline', t.timeline);
    this.card = views.has('list') ? el('section', { class: 'dl-card', 'aria-label': t.selectedEvent, hidden: true }) : null;
    this.list = part('list', t.eventList);
    const filtersBox = this.filters
      ? el('details', { class: 'dl-filters-box' }, el('summary', {}, t.filters), this.filters)
      : null;
    const main = this.map || this.timeline ? el('div', { class: 'dl-main' }, this.map, this.timeline) : null;
    // Story mode steps through the events' cards: it is offered where there are cards.
    this.story = this.card ? el('nav', { class: 'dl-story', 'aria-label': t.story, hidden: true }) : null;
    this.modeButton = this.card ? el('button', { type: 'button', class: 'dl-button dl-mode', 'aria-pressed': 'false', title: t.storyHint }, t.story) : null;
    this.modeButton?.addEventListener('click', () => onMode(this.modeButton?.getAttribute('aria-pressed') !== 'true'), { signal: this.signal });
    const side = this.list ? el('div', { class: 'dl-side' }, this.story, this.card, this.list) : null;
    this.root = el('div', { class: 'dl-root', part: 'root', lang: locale.tag, dir: locale.dir },
      el('header', { class: 'dl-header' }, this.title, this.status, this.bar, this.cancel, this.modeButton, this.exportMenu(onExport, onExportMenu)),
      this.problems,
      el('div', { class: `dl-body${filtersBox ? '' : ' dl-no-filters'}${side ? '' : ' dl-no-side'}${main ? '' : ' dl-no-main'}` }, filtersBox, main, side));
    this.nodes = [link, this.root];
    clear(shadow).append(...this.nodes);
    if (filtersBox) filtersBox.open = shadow.host.getBoundingClientRect().width > WIDE_PX;
  }

  /**
   * The Export menu: a button per format.
   *
   * @param {(format: string) => void} onExport
   * @param {() => void} onExportMenu
   */
  exportMenu(onExport, onExportMenu) {
    const signal = this.signal;
    const menu = el('details', { class: 'dl-export' }, el('summary', {}, this.locale.text.export),
      el('div', { class: 'dl-export-menu' },
        el('p', {}, this.locale.text.exportLead),
        ...EXPORTS.map(([format, label]) => {
          const button = el('button', { type: 'button', class: 'dl-link-button', 'data-format': format }, this.locale.text[label]);
          button.addEventListener('click', () => { menu.open = false; onExport(format); }, { signal });
          return button;
        })));
    menu.addEventListener('toggle', () => { if (menu.open) onExportMenu(); }, { signal });
    return menu;
  }

  /**
   * The title (none for `null` or `undefined`); `hidden` hides the title's place too.
   *
   * @param {string | null | undefined} text
   * @param {boolean} hidden
   */
  setTitle(text, hidden) {
    this.title.textContent = text ?? '';
    this.title.hidden = hidden;
  }

  /**
   * A fixed height (a CSS length, in which the explorer scrolls), or none for `null`.
   *
   * @param {string | null} height
   */
  setHeight(height) {
    this.root.style.height = height && CSS.supports('height', height) ? height : '';
    this.root.classList.toggle('dl-fixed', Boolean(this.root.style.height));
  }

  /**
   * Lays the explorer out for story mode (one card at a time beside the map and timeline), or
   * for exploring (filters, list and card).
   *
   * @param {boolean} on
   */
  setStory(on) {
    this.root.classList.toggle('dl-story-mode', on && Boolean(this.story));
    this.modeButton?.setAttribute('aria-pressed', String(on));
  }

  /**
   * Shows that a file dragged over the explorer would open in it, or no longer.
   *
   * @param {boolean} on
   */
  setDropping(on) {
    this.root.classList.toggle('dl-dropping', on);
  }

  destroy() {
    this.abort.abort();
    for (const node of this.nodes) node.remove();
  }
}
