// @ts-check
// The views of one dataset and the state they show. Each change of the state asks the store one
// question, `store.query(spec)`, whose answer every view draws: facet options, map counts,
// timeline bins and ticks, the page of events and the selected event's card.
import { Filters } from './filters.js';
import { SiteMap } from './map.js';
import { MARK_LIMIT, Timeline } from './timeline.js';
import { EventCard, EventList } from './list.js';
import { Story } from './story.js';
import { emptyState } from './state.js';

/** @import { Dictionaries, Engine, QueryResult, QuerySpec, Store, Summary } from './api.js' */
/** @import { Basemap } from './map.js' */
/** @import { Shell } from './shell.js' */
/** @import { State } from './state.js' */
/** @import { Status } from './status.js' */
/** @import { Locale } from './strings.js' */
/** @import { RemoteStore } from './worker-engine.js' */

/**
 * What the views ask of the explorer: the reader's input, and the core's help with drawing.
 *
 * @typedef {object} Actions
 * @property {(id: string | null) => void} select an event, or none
 * @property {(id: string) => void} togglePlace a place chosen, or no longer
 * @property {(ids: string[]) => void} togglePlaces places chosen together, or no longer
 * @property {Engine['clusterPoints']} cluster
 * @property {Engine['mergePlaces']} merge
 * @property {(from: number, to: number) => void} setRange the days chosen
 * @property {(from: number | null, to: number | null) => void} setView the days shown
 * @property {() => void} resized a view's size changed
 * @property {() => void} modeChanged the list became a table, or back
 * @property {(rows: Uint32Array) => Summary[] | Promise<Summary[]>} summaries
 */

// The table shows this many events at once; the list asks for the rest of its entries as they
// scroll into view.
const PAGE_LIMIT = 1000;
const LIST_FIRST = 50;
// The timeline shows a little more than the events' extent, so that the first and last are
// not drawn on its edges.
const VIEW_PAD = 0.02;

export class Views {
  /**
   * Draws the views the shell has sections for, and the state given.
   *
   * @param {Shell} shell
   * @param {object} options
   * @param {Store | RemoteStore} options.store the dataset: in the page, or in a worker (answers
   *   by promise)
   * @param {Engine} options.core the page's engine: the dictionaries it holds, dates, and the
   *   map's merging and grouping of markers
   * @param {Basemap | null} options.basemap the base map; `null` draws no map until `showMap`
   * @param {State} options.state the state to show first
   * @param {Locale} options.locale the language the views speak; it writes dates from the
   *   parts the page's engine gives
   * @param {Status} options.status where the count of events shown goes
   * @param {(change: Partial<State>) => void} options.onInput the reader changed the state
   * @param {(error: unknown) => void} options.onFailed the engine failed inside
   */
  constructor(shell, options) {
    const { store, core, basemap, locale } = options;
    this.options = options;
    locale.parts = core.dateParts;
    /** The page's engine. */
    this.core = core;
    this.store = store;
    this.state = options.state;
    this.extent = store.extent();
    this.destroyed = false;
    // An engine in a worker answers one question at a time (see `render`).
    this.asking = false;
    this.askAgain = false;
    /** @type {Dictionaries} */
    const dictionaries = {
      types: store.types(), places: store.places(), actors: store.actors(), documents: store.documents(),
      families: core.Dateline.families(), precisions: core.Dateline.precisions(),
    };
    /** @type {Actions} */
    const actions = {
      select: (id) => {
        const before = this.state.event;
        options.onInput({ event: id });
        if (this.destroyed) return;
        // The views were redrawn: put the keyboard where the reader's attention goes.
        if (id) this.card?.focusTitle();
        else if (before) this.list?.focus(before);
      },
      togglePlace: (id) => options.onInput({ places: this.state.places.includes(id) ? this.state.places.filter((p) => p !== id) : [...this.state.places, id] }),
      // Several places at once (a group the map cannot pull apart): all off when all are on.
      togglePlaces: (ids) => options.onInput({ places: ids.every((id) => this.state.places.includes(id))
        ? this.state.places.filter((p) => !ids.includes(p)) : [...new Set([...this.state.places, ...ids])] }),
      cluster: (xs, ys, weights, radius) => core.clusterPoints(xs, ys, weights, radius),
      merge: (parents, xs, ys, radius) => core.mergePlaces(parents, xs, ys, radius),
      setRange: (from, to) => options.onInput({ from, to }),
      setView: (viewFrom, viewTo) => options.onInput({ viewFrom, viewTo }),
      resized: () => this.render(),
      // The table shows the first PAGE_LIMIT events at once: they are asked for when it opens.
      modeChanged: () => this.render(),
      summaries: (rows) => this.summaries(rows),
    };
    this.filters = shell.filters && new Filters(shell.filters, dictionaries, options.onInput, { ask: () => this.render(), core, locale, extent: this.extent });
    /** Draws the map once its base map is in. @param {Basemap} arrived */
    this.makeMap = (arrived) => shell.map && new SiteMap(shell.map, arrived, dictionaries.places, locale, actions);
    this.map = basemap && this.makeMap(basemap);
    this.timeline = shell.timeline && new Timeline(shell.timeline, dictionaries.families, locale, actions);
    this.list = shell.list && new EventList(shell.list, locale, actions);
    this.card = shell.card && new EventCard(shell.card, locale, actions);
    /**
     * The timeline follows the story: a step to an event outside the days shown moves them to
     * it, keeping their span.
     *
     * @param {Summary} s
     * @returns {Partial<State>}
     */
    const follow = (s) => {
      const { viewFrom, viewTo } = this.state;
      if (viewFrom === null || viewTo === null || s.start === null || s.end === null || (s.end >= viewFrom && s.start <= viewTo)) return {};
      const from = Math.round((s.start + s.end - (viewTo - viewFrom)) / 2);
      return { viewFrom: from, viewTo: from + viewTo - viewFrom };
    };
    this.story = shell.story && shell.card && new Story(shell.story, shell.root, shell.card, locale, {
      step: (s) => {
        options.onInput({ event: s.id, ...follow(s) });
        if (this.destroyed) return;
        // The steps in view: on a narrow screen the map is below them and the card below that,
        // so a reader sees each event's place as the card changes.
        this.card?.focusTitle(true);
        shell.story?.scrollIntoView({ block: 'nearest' });
      },
      // Opening the first event on entering story mode leaves the keyboard where it is.
      begin: (s) => options.onInput({ event: s.id, ...follow(s) }),
      summaries: actions.summaries,
    });
  }

  /**
   * Draws the map, whose base map arrived after the other views were drawn.
   *
   * @param {Basemap} basemap
   */
  showMap(basemap) {
    if (this.destroyed || this.map) return;
    this.map = this.makeMap(basemap);
    this.render();
  }

  /**
   * The list fields of the events at `rows`, for the part of a long list in view.
   *
   * @param {Uint32Array} rows
   * @returns {Summary[] | Promise<Summary[]>}
   */
  summaries(rows) {
    try {
      const answer = this.store.summaries(rows);
      return answer instanceof Promise
        ? answer.catch((error) => {
          if (!this.destroyed && !aborted(error)) this.options.onFailed(error);
          return [];
        })
        : answer;
    } catch (error) {
      this.options.onFailed(error);
      return [];
    }
  }

  /**
   * The query spec of the current state.
   *
   * @returns {QuerySpec}
   */
  spec() {
    const { state, extent } = this;
    const pad = extent ? Math.max(Math.round((extent.toDay - extent.fromDay) * VIEW_PAD), 1) : 0;
    /** @type {QuerySpec} */
    const spec = {
      types: state.types, actors: state.actors, places: state.places, documents: state.documents,
      precision: state.precision, text: state.text,
      limit: this.list?.mode === 'table' ? PAGE_LIMIT : LIST_FIRST,
      withRows: Boolean(this.list),
      selected: state.event ?? undefined,
      // Without the filter panel no facet is drawn: no options are asked for.
      facetLimits: this.filters?.limits() ?? { types: 0, actors: 0, places: 0, documents: 0, precision: 0 },
    };
    if (state.from !== null) spec.from = state.from;
    if (state.to !== null) spec.to = state.to;
    if (extent) {
      spec.viewFrom = state.viewFrom ?? extent.fromDay - pad;
      spec.viewTo = state.viewTo ?? extent.toDay + pad;
    } else if (state.viewFrom !== null && state.viewTo !== null) {
      spec.viewFrom = state.viewFrom;
      spec.viewTo = state.viewTo;
    }
    return spec;
  }

  /** One interaction: one question to the store, then every view draws the answer. */
  render() {
    const { store, state } = this;
    if (this.destroyed) return;
    const spec = this.spec();
    if (this.timeline) spec.viewLimit = MARK_LIMIT;
    /**
     * A link or attribute may name what this dataset does not have: say so, and the spec that
     * starts clean.
     *
     * @param {unknown} error
     * @returns {QuerySpec}
     */
    const startClean = (error) => {
      this.options.status.problems([{ severity: 'error', path: 'filters', line: 0, column: 0, message: error instanceof Error ? error.message : String(error) }]);
      this.state = { ...emptyState(), viewFrom: state.viewFrom, viewTo: state.viewTo };
      const { limit, withRows, viewFrom, viewTo, viewLimit, facetLimits } = spec;
      return { limit, withRows, viewFrom, viewTo, viewLimit, facetLimits };
    };
    if (store.remote) {
      // An engine in a worker: one question at a time. Input meanwhile (a brush being dragged)
      // asks again once the answer is drawn, for the state as it is then.
      if (this.asking) {
        this.askAgain = true;
        return;
      }
      this.asking = true;
      store.query(spec).catch((error) => (trapped(error) ? Promise.reject(error) : store.query(startClean(error)))).then((answer) => {
        if (this.destroyed) return;
        this.asking = false;
        this.draw(answer);
        if (this.askAgain) {
          this.askAgain = false;
          this.render();
        }
      }, (error) => {
        if (!this.destroyed && !aborted(error)) this.options.onFailed(error);
      });
      return;
    }
    let result;
    try {
      try {
        result = store.query(spec);
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
        result = store.query(startClean(error));
      }
    } catch (error) {
      this.options.onFailed(error);
      return;
    }
    this.draw(result);
  }

  /**
   * Every view draws one answer of the store.
   *
   * @param {QueryResult} result
   */
  draw(result) {
    const { state } = this;
    if (state.event && !result.selected) state.event = null;
    const card = result.selected;
    this.filters?.update(state, result);
    this.map?.update(result, state.places, card?.placeDetails?.id ?? null);
    this.timeline?.update(result, state, state.event);
    this.list?.update(result, state.event);
    this.card?.update(card ?? null);
    this.story?.update(result);
    this.options.status.matching(result.total, this.store.eventCount);
  }

  destroy() {
    this.destroyed = true;
    for (const view of [this.filters, this.map, this.timeline, this.list, this.card, this.story]) view?.destroy();
  }
}

/**
 * True for an error of an engine in a worker that trapped: its memory is lost.
 *
 * @param {unknown} error
 */
function trapped(error) {
  return error instanceof Error && /** @type {Error & { trap?: boolean }} */ (error).trap === true;
}

/**
 * True for a question given up (the data changed, or the engine was stopped), which is no fault.
 *
 * @param {unknown} error
 */
function aborted(error) {
  return error instanceof Error && error.name === 'AbortError';
}
