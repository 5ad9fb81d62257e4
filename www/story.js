// @ts-check
// Story mode: the matching events one at a time, in the core's date order, each with its card in
// full while the map and the timeline show where and when it is. Previous and Next buttons, the
// arrow keys and a horizontal swipe step through them; the step is the selected event, so it is
// in the address like any selection. Draws and forwards only: the order is the core's rows.
import { clear, el } from './dom.js';

/** @import { QueryResult, Summary } from './api.js' */
/** @import { Locale } from './strings.js' */

// A swipe is a horizontal move of at least this many px, clearly more across than down.
const SWIPE_PX = 48;

export class Story {
  /**
   * @param {HTMLElement} nav where the buttons and the position go
   * @param {HTMLElement} root the explorer's frame, whose arrow keys step (outside text fields
   *   and the map, which pans with them)
   * @param {HTMLElement} swipeArea where a swipe steps
   * @param {Locale} locale the language of the buttons and the position
   * @param {object} actions
   * @param {(event: Summary) => void} actions.step the reader stepped to `event`
   * @param {(event: Summary) => void} actions.begin story mode shows its first event
   * @param {(rows: Uint32Array) => Summary[] | Promise<Summary[]>} actions.summaries
   */
  constructor(nav, root, swipeArea, locale, actions) {
    this.nav = nav;
    this.locale = locale;
    this.root = root;
    this.actions = actions;
    this.abort = new AbortController();
    /** Story mode is on: the controls show and the keys step. */
    this.active = false;
    /** @type {QueryResult | null} */
    this.result = null;
    // The answer a first event was chosen for, so it is chosen once.
    /** @type {QueryResult | null} */
    this.begun = null;
    const signal = this.abort.signal;
    const t = locale.text;
    this.previous = el('button', { type: 'button', class: 'dl-button dl-story-previous', 'aria-label': t.previousEvent }, t.previous);
    this.next = el('button', { type: 'button', class: 'dl-button dl-story-next', 'aria-label': t.nextEvent }, t.next);
    this.position = el('p', { class: 'dl-story-position' });
    this.previous.addEventListener('click', () => this.go(-1), { signal });
    this.next.addEventListener('click', () => this.go(1), { signal });
    clear(nav).append(this.previous, this.position, this.next);
    root.addEventListener('keydown', (e) => {
      if (!this.active || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      if (e.target instanceof Element && e.target.closest('input, textarea, select, .dl-map-frame')) return;
      e.preventDefault();
      this.go(e.key === 'ArrowRight' ? 1 : -1);
    }, { signal });
    /** @type {{ id: number, x: number, y: number } | null} */
    let touch = null;
    swipeArea.addEventListener('pointerdown', (e) => {
      if (this.active && e.pointerType !== 'mouse' && e.isPrimary) touch = { id: e.pointerId, x: e.clientX, y: e.clientY };
    }, { signal });
    swipeArea.addEventListener('pointerup', (e) => {
      if (!touch || e.pointerId !== touch.id) return;
      const [dx, dy] = [e.clientX - touch.x, e.clientY - touch.y];
      touch = null;
      if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > 2 * Math.abs(dy)) this.go(dx < 0 ? 1 : -1);
    }, { signal });
    swipeArea.addEventListener('pointercancel', () => { touch = null; }, { signal });
  }

  /**
   * Turns story mode on or off.
   *
   * @param {boolean} on
   */
  setActive(on) {
    this.active = on;
    this.nav.hidden = !on;
    this.begun = null;
    if (this.result) this.update(this.result);
  }

  /**
   * Shows where the selected event stands among the matching ones; in story mode with none
   * selected, opens the first.
   *
   * @param {QueryResult} result
   */
  update(result) {
    this.result = result;
    if (!this.active) return;
    const at = this.index();
    const count = result.rows.length;
    const { locale } = this;
    this.position.textContent = count === 0 ? locale.say('noneMatch')
      : at < 0 ? locale.say('events', { count }) : locale.say('storyAt', { args: [locale.number(at + 1), locale.number(count)] });
    this.previous.disabled = at <= 0;
    this.next.disabled = at < 0 || at >= count - 1;
    if (at < 0 && count > 0 && this.begun !== result) {
      this.begun = result;
      this.open(0, this.actions.begin);
    }
  }

  /** The place of the selected event among the matching ones, or -1. */
  index() {
    const selected = this.result?.selected;
    return selected ? this.result?.rows.indexOf(selected.row) ?? -1 : -1;
  }

  /**
   * Steps `by` events (1 is the next, -1 the previous), if there is one.
   *
   * @param {number} by
   */
  go(by) {
    const at = this.index();
    if (at < 0 || !this.result) return;
    const to = at + by;
    if (to >= 0 && to < this.result.rows.length) this.open(to, this.actions.step);
  }

  /**
   * Asks the core which event is at `index` of the matching ones, then hands it to `then`.
   *
   * @param {number} index
   * @param {(event: Summary) => void} then
   */
  open(index, then) {
    const result = this.result;
    if (!result) return;
    const answer = this.actions.summaries(result.rows.subarray(index, index + 1));
    /** @param {Summary[]} list */
    const done = (list) => {
      if (this.result === result && list[0]) then(list[0]);
    };
    if (answer instanceof Promise) answer.then(done);
    else done(answer);
  }

  destroy() {
    this.abort.abort();
    clear(this.nav);
  }
}
