// @ts-check
// The printout: when the reader prints, every matching event is written out as its full card
// (title, date, place, quotes and sources) in a section only print shows; dateline.css's print
// rules leave out the map, the timeline and every control. An engine in a worker answers too
// late for a print, which starts at once: there the list as drawn is printed.
import { clear, el } from './dom.js';
import { EventCard } from './list.js';

/** @import { QuerySpec, Store } from './api.js' */
/** @import { RemoteStore } from './worker-engine.js' */
/** @import { Locale } from './strings.js' */

/** The most events printed in full; a print of more would run to thousands of pages. */
export const PRINT_LIMIT = 1000;

export class Printout {
  /**
   * Adds the printout's section to `root`; it is filled before each print and emptied after.
   *
   * @param {HTMLElement} root the explorer's root
   * @param {AbortSignal} signal ends the printout (with the explorer's shell)
   * @param {Store | RemoteStore} store the dataset shown
   * @param {Locale} locale the language the cards are written in
   * @param {() => QuerySpec} spec the current view's question
   */
  constructor(root, signal, store, locale, spec) {
    this.store = store;
    this.locale = locale;
    this.spec = spec;
    this.section = el('section', { class: 'dl-print' });
    root.append(this.section);
    addEventListener('beforeprint', () => this.fill(), { signal });
    addEventListener('afterprint', () => clear(this.section), { signal });
  }

  /** Writes out the matching events' cards, in date order. */
  fill() {
    clear(this.section);
    const { store } = this;
    if (store.remote) return;
    const rows = store.query({ ...this.spec(), withRows: true, limit: 0, viewLimit: 0 }).rows;
    for (const summary of store.summaries(rows.subarray(0, PRINT_LIMIT))) {
      const card = store.event(summary.id);
      const box = el('article', { class: 'dl-card dl-print-card' });
      new EventCard(box, this.locale, { select() {} }).update(card);
      this.section.append(box);
    }
  }
}
