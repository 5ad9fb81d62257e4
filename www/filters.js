// @ts-check
// The filter panel: text, dates, and one list of options per facet, each with the count the
// core says a click would give; a facet of many options draws those the core ranks highest
// until the reader asks for all. Draws and forwards input; never counts, never ranks.
import { clear, el } from './dom.js';
import { FACETS } from './state.js';

/** @import { DateSpan, Dictionaries, Engine, FacetLimits, QueryResult, RankedFacet } from './api.js' */
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

/** How many options a facet draws until the reader asks for all of them. */
const LIMIT = 20;

export class Filters {
  /**
   * @param {HTMLElement} root where to draw
   * @param {Dictionaries} dictionaries the options of each facet
   * @param {(change: Partial<State>) => void} onChange receives partial state changes
   * @param {object} options
   * @param {() => void} options.ask asks the core again, as a facet now wants more or fewer
   *   options (see `limits`)
   * @param {Pick<Engine, 'dateSpan' | 'formatDay' | 'yearOf'>} options.core the page's engine,
   *   which reads and writes what the date fields hold
   * @param {Locale} options.locale the language of the labels and counts
   * @param {DateSpan | null} options.extent the data's dates: on a scale of years, the date
   *   fields hold years
   */
  constructor(root, dictionaries, onChange, { ask, core, locale, extent }) {
    this.root = root;
    this.onChange = onChange;
    this.ask = ask;
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

    /** The last counts of each facet's options, by option index. @type {Record<Facet, Map<number, number>> | null} */
    this.counts = null;
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
   * A fieldset of checkboxes for the options of facet `key`. Only the options in `drawn` have
   * elements: a facet of more than `LIMIT` draws the options the core gives (its most frequent
   * and the chosen ones, see `drawGroup`) until the reader asks for all, as a file with
   * thousands of actors and places would otherwise draw a checkbox for each.
   *
   * @param {string} title
   * @param {Facet} key
   * @param {Option[]} options
   */
  group(title, key, options) {
    const list = el('ul', { class: 'dl-options', id: `${this.root.dataset.uid}-${key}` });
    const node = el('fieldset', { class: 'dl-field dl-group' }, el('legend', {}, title), list);
    const group = {
      node, list, options, key,
      /** Each option's index, by id. */
      index: new Map(options.map((o, i) => [o.id, i])),
      /** The options drawn, by index, in the list in index order. @type {Map<number, Drawn>} */
      drawn: new Map(),
      /** The ids chosen, as the last state said and the reader's clicks since. */
      chosen: new Set(),
      all: false,
      /** How many options have a count, as the last answer said. */
      total: options.length,
      /** @type {HTMLButtonElement | null} */
      more: null,
    };
    if (options.length > LIMIT) {
      const more = el('button', { type: 'button', class: 'dl-link-button dl-more', 'aria-controls': list.id });
      more.addEventListener('click', () => {
        group.all = !group.all;
        this.ask();
      }, { signal: this.abort.signal });
      group.more = more;
      node.append(more);
    }
    this.drawGroup(group);
    return group;
  }

  /**
   * The checkbox and count of option `i` of `group`.
   *
   * @param {ReturnType<Filters['group']>} group
   * @param {number} i
   * @returns {Drawn}
   */
  option(group, i) {
    const option = group.options[i];
    const id = `${this.root.dataset.uid}-${group.key}-${i}`;
    const input = el('input', { type: 'checkbox', id, value: option.id });
    input.addEventListener('change', () => {
      if (input.checked) group.chosen.add(option.id);
      else group.chosen.delete(option.id);
      this.onChange({ [group.key]: group.options.filter((o) => group.chosen.has(o.id)).map((o) => o.id) });
    }, { signal: this.abort.signal });
    const count = el('span', { class: 'dl-count' });
    const label = el('label', { for: id },
      option.swatch ? el('span', { class: `dl-swatch dl-family-${option.swatch}`, 'aria-hidden': 'true' }) : null,
      el('span', { class: 'dl-option-label' }, option.label), count);
    const item = el('li', { class: 'dl-option' }, input, label);
    // CSSOM, not a style attribute, so that a strict Content Security Policy allows it.
    if (option.depth) item.style.setProperty('--dl-depth', String(option.depth));
    return { input, count, item };
  }

  /**
   * How many options of each facet to ask the core for: all of a facet whose reader asked for
   * all, else `LIMIT`.
   *
   * @returns {FacetLimits}
   */
  limits() {
    const { groups } = this;
    /** @param {ReturnType<Filters['group']>} g */
    const limit = (g) => (g.all ? g.options.length : LIMIT);
    return {
      types: limit(groups.types), actors: limit(groups.actors), places: limit(groups.places),
      documents: limit(groups.documents), precision: limit(groups.precision),
    };
  }

  /**
   * Draws the options of `group` to show, with the last counts: all of a facet of at most
   * `LIMIT` (those the core did not give count 0), else the ones the core gave (the most
   * frequent and the chosen ones, or all with a count once the reader asked for all) and the
   * one with the focus, in the facet's order so that they keep their places as counts change.
   * Drawn options stay put: an option's element is only added or removed, never moved.
   *
   * @param {ReturnType<Filters['group']>} group
   */
  drawGroup(group) {
    const counts = this.counts?.[group.key];
    const focused = /** @type {Document | ShadowRoot} */ (this.root.getRootNode()).activeElement;
    /** @type {number[]} */
    let shown;
    if (group.options.length <= LIMIT) shown = group.options.map((_, i) => i);
    else if (!counts) shown = group.options.slice(0, LIMIT).map((_, i) => i);
    else {
      const keep = [...counts.keys()];
      for (const id of group.chosen) keep.push(group.index.get(id) ?? -1);
      for (const [i, { input }] of group.drawn) if (input === focused) keep.push(i);
      shown = [...new Set(keep)].filter((i) => i >= 0).sort((a, b) => a - b);
    }
    const wanted = new Set(shown);
    for (const [i, { item }] of group.drawn) {
      if (!wanted.has(i)) {
        item.remove();
        group.drawn.delete(i);
      }
    }
    let next = group.list.firstElementChild;
    for (const i of shown) {
      let drawn = group.drawn.get(i);
      if (drawn) next = drawn.item.nextElementSibling;
      else {
        drawn = this.option(group, i);
        group.drawn.set(i, drawn);
        group.list.insertBefore(drawn.item, next);
      }
      drawn.input.checked = group.chosen.has(drawn.input.value);
      // The focused option the core no longer gave keeps the count it had: only its own
      // facet's filter changed, which its facet's counts leave out.
      if (!counts || (!counts.has(i) && drawn.input === focused)) continue;
      const n = counts.get(i) ?? 0;
      drawn.count.textContent = this.locale.number(n);
      drawn.item.classList.toggle('dl-empty', n === 0 && !drawn.input.checked);
    }
    if (group.more) {
      group.more.textContent = group.all ? this.locale.text.showFewer
        : this.locale.say('showAll', { args: [this.locale.number(group.total)] });
      // Every option with a count is drawn already: there is no more to show (the button stays
      // while it has the focus, which would otherwise be lost).
      group.more.hidden = !group.all && group.total <= LIMIT && group.more !== focused;
    }
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
    /** @param {RankedFacet} f */
    const byOption = (f) => new Map([...f.options].map((option, i) => [option, f.counts[i]]));
    const { facets } = result;
    this.counts = {
      types: byOption(facets.types), places: byOption(facets.places), actors: byOption(facets.actors),
      documents: byOption(facets.documents), precision: byOption(facets.precision),
    };
    for (const key of FACETS) {
      this.groups[key].chosen = new Set(state[key]);
      this.groups[key].total = facets[key].total;
      this.drawGroup(this.groups[key]);
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
