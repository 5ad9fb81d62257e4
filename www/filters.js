// @ts-check
// The filter panel: text, dates, and one list of options per facet, each with the count the
// core says a click would give. Draws and forwards input; never counts.
import { clear, el } from './dom.js';
import { FACETS } from './state.js';

/** @import { DateSpan, Dictionaries, Engine, QueryResult } from './api.js' */
/** @import { Locale } from './strings.js' */
/** @import { Facet, State } from './state.js' */

/**
 * One option of a facet: the id it stands for, its label, and how it is drawn.
 *
 * @typedef {{ id: string, label: string, swatch?: string, depth?: number }} Option
 */

/**
 * An option as drawn: its checkbox, the count beside it, and its list item.
 *
 * @typedef {{ input: HTMLInputElement, count: HTMLSpanElement, item: HTMLLIElement }} Drawn
 */

const DEBOUNCE_MS = 180;

export class Filters {
  /**
   * @param {HTMLElement} root where to draw
   * @param {Dictionaries} dictionaries the options of each facet
   * @param {(change: Partial<State>) => void} onChange receives partial state changes
   * @param {object} options
   * @param {Pick<Engine, 'dateSpan' | 'formatDay' | 'yearOf'>} options.core the page's engine,
   *   which reads and writes what the date fields hold
   * @param {Locale} options.locale the language of the labels and counts
   * @param {DateSpan | null} options.extent the data's dates: on a scale of years, the date
   *   fields hold years
   */
  constructor(root, dictionaries, onChange, { core, locale, extent }) {
    this.root = root;
    this.onChange = onChange;
    this.core = core;
    this.locale = locale;
    /** Years a number on a scale of years; `null` on a scale of days, whose fields hold days. */
    this.perUnit = extent?.unit === 'year' ? extent.perUnit ?? 1 : null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.abort = new AbortController();
    const signal = this.abort.signal;
    const uid = root.dataset.uid;
    const t = locale.text;

    this.text = el('input', { type: 'search', id: `${uid}-text`, class: 'dl-input', placeholder: t.searchHint, autocomplete: 'off' });
    this.text.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.onChange({ text: this.text.value }), DEBOUNCE_MS);
    }, { signal });
    // Days in a date picker; on a scale of years, years as numbers (signed, of any size).
    const years = this.perUnit !== null;
    /** @param {string} id */
    const field = (id) => el('input', years
      ? { type: 'text', id, class: 'dl-input dl-year', inputmode: 'text', placeholder: t.yearHint, autocomplete: 'off', spellcheck: 'false' }
      : { type: 'date', id, class: 'dl-input' });
    this.from = field(`${uid}-from`);
    this.to = field(`${uid}-to`);
    this.dateError = el('p', { class: 'dl-field-error', role: 'alert' });
    for (const input of [this.from, this.to]) {
      input.addEventListener('change', () => this.dateChanged(), { signal });
    }
    const clearDates = el('button', { type: 'button', class: 'dl-link-button' }, t.anyDate);
    clearDates.addEventListener('click', () => this.onChange({ from: null, to: null }), { signal });
    this.reset = el('button', { type: 'button', class: 'dl-button dl-reset' }, t.resetFilters);
    this.reset.addEventListener('click', () => this.onChange({
      types: [], actors: [], places: [], documents: [], precision: [], text: '', from: null, to: null,
    }), { signal });

    this.groups = {
      types: this.group(t.eventType, 'types', dictionaries.types.map((type) => ({ id: type.id, label: locale.name('type', type.id, type.label), swatch: type.family }))),
      places: this.group(t.place, 'places', dictionaries.places.map((p) => ({ id: p.id, label: p.name, depth: p.depth }))),
      actors: this.group(t.actor, 'actors', dictionaries.actors.map((a) => ({ id: a.id, label: a.name }))),
      documents: this.group(t.source, 'documents', dictionaries.documents.map((d) => ({ id: d.id, label: d.title }))),
      precision: this.group(t.dateKnownTo, 'precision', dictionaries.precisions.map((p) => ({ id: p.id, label: locale.name('precision', p.id, p.label) }))),
    };

    clear(root).append(
      el('div', { class: 'dl-filter-head' }, this.reset),
      el('div', { class: 'dl-field' }, el('label', { for: `${uid}-text` }, t.search), this.text),
      el('fieldset', { class: 'dl-field dl-dates' },
        el('legend', {}, t.dates),
        el('label', { for: `${uid}-from` }, years ? t.fromYear : t.from), this.from,
        el('label', { for: `${uid}-to` }, years ? t.toYear : t.to), this.to,
        clearDates, this.dateError),
      ...Object.values(this.groups).map((g) => g.node),
    );
  }

  /**
   * A fieldset of checkboxes, one per option of facet `key`.
   *
   * @param {string} title
   * @param {Facet} key
   * @param {Option[]} options
   */
  group(title, key, options) {
    const uid = this.root.dataset.uid;
    const list = el('ul', { class: 'dl-options' });
    /** @type {Map<string, Drawn>} */
    const inputs = new Map();
    for (const option of options) {
      const id = `${uid}-${key}-${inputs.size}`;
      const input = el('input', { type: 'checkbox', id, value: option.id });
      input.addEventListener('change', () => {
        const chosen = [...inputs.values()].filter((o) => o.input.checked).map((o) => o.input.value);
        this.onChange({ [key]: chosen });
      }, { signal: this.abort.signal });
      const count = el('span', { class: 'dl-count' });
      const label = el('label', { for: id },
        option.swatch ? el('span', { class: `dl-swatch dl-family-${option.swatch}`, 'aria-hidden': 'true' }) : null,
        el('span', { class: 'dl-option-label' }, option.label), count);
      const item = el('li', { class: 'dl-option' }, input, label);
      // CSSOM, not a style attribute, so that a strict Content Security Policy allows it.
      if (option.depth) item.style.setProperty('--dl-depth', String(option.depth));
      list.append(item);
      inputs.set(option.id, { input, count, item });
    }
    const node = el('fieldset', { class: 'dl-field dl-group' }, el('legend', {}, title), list);
    return { node, inputs };
  }

  /** The date inputs changed: a range of days, or the reason a date is not one. */
  dateChanged() {
    /** @type {{ from?: number | null, to?: number | null }} */
    const change = {};
    for (const [key, input] of /** @type {const} */ ([['from', this.from], ['to', this.to]])) {
      if (!input.value) { change[key] = null; continue; }
      try {
        change[key] = this.core.dateSpan(input.value, this.perUnit ?? undefined)[key === 'from' ? 'fromDay' : 'toDay'];
      } catch (error) {
        // The core says why in English; other languages say that it is not a date.
        this.dateError.textContent = this.locale.english && error instanceof Error ? error.message : this.locale.say('notADate', { args: [input.value] });
        return;
      }
    }
    this.dateError.textContent = '';
    this.onChange(change);
  }

  /**
   * Shows the state and the counts of one query result.
   *
   * @param {State} state
   * @param {QueryResult} result
   */
  update(state, result) {
    if (this.text.value !== state.text && this.root.ownerDocument.activeElement !== this.text) this.text.value = state.text;
    this.from.value = this.shown(state.from, false);
    this.to.value = this.shown(state.to, true);
    const counts = {
      types: result.typeCounts, places: result.placeCounts, actors: result.actorCounts,
      documents: result.documentCounts, precision: result.precisionCounts,
    };
    for (const key of FACETS) {
      const chosen = new Set(state[key]);
      [...this.groups[key].inputs.values()].forEach(({ input, count, item }, i) => {
        input.checked = chosen.has(input.value);
        const n = counts[key][i];
        count.textContent = this.locale.number(n);
        item.classList.toggle('dl-empty', n === 0 && !input.checked);
      });
    }
    const active = FACETS.some((k) => state[k].length)
      || state.text || state.from !== null || state.to !== null;
    this.reset.disabled = !active;
  }

  /**
   * What a date field holds for time number `n` (`null`: none): its day, or on a scale of years
   * its first year (the last with `last`).
   *
   * @param {number | null} n
   * @param {boolean} last
   */
  shown(n, last) {
    if (n === null) return '';
    return this.perUnit === null ? this.core.formatDay(n) : String(this.core.yearOf(n, this.perUnit, last));
  }

  destroy() {
    clearTimeout(this.timer);
    this.abort.abort();
    clear(this.root);
  }
}
