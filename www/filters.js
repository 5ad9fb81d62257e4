// @ts-check
// The filter panel: text, dates, and one list of options per facet, each with the count the
// core says a click would give; a facet of many options draws those with the highest counts
// until the reader asks for all. Draws and forwards input; never counts.
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

/** How many options a facet draws until the reader asks for all of them. */
const LIMIT = 20;

/**
 * The indices of the `LIMIT` options with the highest `counts`, equal counts by label (so that
 * engines whose facets list options in different orders draw the same ones; before any count
 * has come, the first `LIMIT`), and those in `keep`, in ascending order.
 *
 * @param {Uint32Array | undefined} counts
 * @param {Option[]} options
 * @param {number[]} keep
 */
function highest(counts, options, keep) {
  /** @type {number[]} highest count first */
  const top = [];
  if (!counts) top.push(...options.slice(0, LIMIT).map((_, i) => i));
  else {
    /** @param {number} i @param {number} j */
    const above = (i, j) => counts[i] > counts[j] || (counts[i] === counts[j] && options[i].label < options[j].label);
    for (let i = 0; i < options.length; i += 1) {
      if (top.length === LIMIT && !above(i, top[LIMIT - 1])) continue;
      let at = top.length;
      while (at > 0 && above(i, top[at - 1])) at -= 1;
      top.splice(at, 0, i);
      if (top.length > LIMIT) top.pop();
    }
  }
  return [...new Set([...top, ...keep])].sort((a, b) => a - b);
}

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

    /** The last counts of each facet's options, in their order. @type {Record<Facet, Uint32Array> | null} */
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
   * elements: a facet of more than `LIMIT` draws its most frequent (see `drawGroup`) until the
   * reader asks for all, as a file with thousands of actors and places would otherwise draw a
   * checkbox for each.
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
      /** @type {HTMLButtonElement | null} */
      more: null,
    };
    if (options.length > LIMIT) {
      const more = el('button', { type: 'button', class: 'dl-link-button dl-more', 'aria-controls': list.id });
      more.addEventListener('click', () => {
        group.all = !group.all;
        this.drawGroup(group);
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
   * Draws the options of `group` to show, with the last counts: all of them, or (over `LIMIT`,
   * until the reader asks for all) the `LIMIT` with the highest counts, the chosen ones and the
   * one with the focus, in the facet's order so that they keep their places as counts change.
   * Drawn options stay put: an option's element is only added or removed, never moved.
   *
   * @param {ReturnType<Filters['group']>} group
   */
  drawGroup(group) {
    const counts = this.counts?.[group.key];
    const every = group.all || group.options.length <= LIMIT;
    const focused = /** @type {Document | ShadowRoot} */ (this.root.getRootNode()).activeElement;
    const keep = [...group.chosen].map((id) => group.index.get(id) ?? -1).filter((i) => i >= 0);
    for (const [i, { input }] of group.drawn) if (input === focused) keep.push(i);
    const shown = every ? group.options.map((_, i) => i) : highest(counts, group.options, keep);
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
      if (!counts) continue;
      const n = counts[i];
      drawn.count.textContent = this.locale.number(n);
      drawn.item.classList.toggle('dl-empty', n === 0 && !drawn.input.checked);
    }
    if (group.more) {
      group.more.textContent = group.all ? this.locale.text.showFewer
        : this.locale.say('showAll', { args: [this.locale.number(group.options.length)] });
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
    this.counts = {
      types: result.typeCounts, places: result.placeCounts, actors: result.actorCounts,
      documents: result.documentCounts, precision: result.precisionCounts,
    };
    for (const key of FACETS) {
      this.groups[key].chosen = new Set(state[key]);
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
