// @ts-check
// The explorer's state: its filters, the selected event and the visible time range. Its link
// syntax ("types=a,b&from=2020-01-01&event=x") is what the `filters` attribute, links, embed
// snippets and the page's URL hash hold; the dates in it are read and written by the core: days,
// or on a scale of years, years as EDTF writes them ("from=Y-13800000000&to=-0044").

/** @import { DateSpan, Engine } from './api.js' */

/**
 * What the explorer shows: the filters (ids chosen per facet, words, a day range), the selected
 * event, and the time range the timeline shows (`null`: the data's).
 *
 * @typedef {object} State
 * @property {string[]} types
 * @property {string[]} actors
 * @property {string[]} places
 * @property {string[]} documents
 * @property {string[]} precision
 * @property {string} text
 * @property {number | null} from
 * @property {number | null} to
 * @property {string | null} event
 * @property {number | null} viewFrom
 * @property {number | null} viewTo
 */

/** The facets a reader chooses ids of. @typedef {'types' | 'actors' | 'places' | 'documents' | 'precision'} Facet */

/** @type {Facet[]} */
export const FACETS = ['types', 'actors', 'places', 'documents', 'precision'];

/**
 * The empty state: no filters, nothing selected, the whole time range.
 *
 * @returns {State}
 */
export function emptyState() {
  return { types: [], actors: [], places: [], documents: [], precision: [], text: '', from: null, to: null, event: null, viewFrom: null, viewTo: null };
}

/**
 * The years a time number counts on the scale of the data's `extent`, or null where it counts
 * days.
 *
 * @param {DateSpan | null} extent
 */
function perUnitOf(extent) {
  return extent?.unit === 'year' ? extent.perUnit ?? 1 : null;
}

/**
 * Reads state from link syntax; unknown keys are ignored.
 *
 * @param {string} text
 * @param {Pick<Engine, 'dateSpan'>} core
 * @param {DateSpan | null} extent the data's: on a scale of years, the dates are years
 */
export function parseState(text, core, extent) {
  const perUnit = perUnitOf(extent) ?? undefined;
  const state = emptyState();
  const params = new URLSearchParams(text.replace(/^#/, ''));
  for (const key of FACETS) {
    const value = params.get(key);
    if (value) state[key] = value.split(',').filter(Boolean);
  }
  state.text = params.get('text') ?? '';
  state.event = params.get('event') || null;
  for (const [key, end] of /** @type {const} */ ([['from', 'fromDay'], ['to', 'toDay']])) {
    const value = params.get(key);
    if (!value) continue;
    try { state[key] = core.dateSpan(value, perUnit)[end]; } catch { /* an unreadable date in a link is left out */ }
  }
  return state;
}

/**
 * Writes the filters and selection of `state` in link syntax (the time range shown is left out).
 *
 * @param {State} state
 * @param {Pick<Engine, 'formatDay' | 'formatYear' | 'yearOf'>} core
 * @param {DateSpan | null} extent the data's: on a scale of years, the dates are years
 */
export function formatState(state, core, extent) {
  const perUnit = perUnitOf(extent);
  /** @param {number} n @param {boolean} last */
  const date = (n, last) => (perUnit === null ? core.formatDay(n) : core.formatYear(core.yearOf(n, perUnit, last)));
  const params = new URLSearchParams();
  for (const key of FACETS) if (state[key].length) params.set(key, state[key].join(','));
  if (state.text) params.set('text', state.text);
  if (state.from !== null) params.set('from', date(state.from, false));
  if (state.to !== null) params.set('to', date(state.to, true));
  if (state.event) params.set('event', state.event);
  return params.toString().replaceAll('%2C', ',');
}

/**
 * The state kept in the page's URL hash, both ways, for one explorer per page: a hash that says
 * otherwise than the state (on creation, or when it changes: a link followed, the back button)
 * replaces the state's filters and selection, and `write` puts the state in the hash without a
 * new history entry.
 */
export class HashLink {
  /**
   * @param {object} options
   * @param {Pick<Engine, 'dateSpan' | 'formatDay' | 'formatYear' | 'yearOf'>} options.core the engine, for dates
   * @param {DateSpan | null} options.extent the data's, whose scale the dates are on
   * @param {() => State} options.state the explorer's state now
   * @param {(state: State) => void} options.onRead a hash read that differs from the state
   */
  constructor(options) {
    this.options = options;
    this.abort = new AbortController();
    window.addEventListener('hashchange', () => this.read(), { signal: this.abort.signal });
    this.read();
  }

  /** Reads the hash; the time range shown stays as it is. */
  read() {
    const { core, state, onRead, extent } = this.options;
    const now = state();
    if (location.hash.length > 1 && location.hash.slice(1) !== formatState(now, core, extent)) {
      onRead({ ...parseState(location.hash, core, extent), viewFrom: now.viewFrom, viewTo: now.viewTo });
    }
  }

  /**
   * Puts `state` in the hash, in place of what it held.
   *
   * @param {State} state
   */
  write(state) {
    const text = formatState(state, this.options.core, this.options.extent);
    history.replaceState(history.state, '', text ? `#${text}` : location.pathname + location.search);
  }

  destroy() {
    this.abort.abort();
  }
}
