// @ts-check
// The timeline: the core's bins as a strip (certain counts solid, possible counts faded), each
// event in its lane (a dot for a known day, a span with faded ends for an uncertain date), the
// response-to chain as arrows, a brush to set the date range, and zoom. Draws and forwards only:
// lanes, bins, ticks and spans all come from the core; this file maps day numbers to pixels.
import { clear, closest, el, svg } from './dom.js';

/** @import { DateSpan, Named, QueryResult, Summary } from './api.js' */
/** @import { State } from './state.js' */
/** @import { Locale } from './strings.js' */

const STRIP = 44;       // height of the bins strip
const AXIS = 26;        // height of the axis
const LANE = 24;        // height of one lane
const MIN_MARK = 14;    // the narrowest mark, so a short span can still be seen and hit
const HISTOGRAM_LANES = 6; // the height of the histogram drawn when events are too many to draw
const LABEL_FONT = '12px system-ui, sans-serif'; // must match .dl-mark-label and .dl-tick in dateline.css
const MAJOR_FONT = `600 ${LABEL_FONT}`; // must match .dl-tick-major
const TICK_GAP = 8;     // between one tick's date and the next
const LABEL_PAD = 5;    // between a mark and its title
const LABEL_GAP = 8;    // between a title and the next mark in its lane
const MIN_LABEL = 28;   // narrower than this, a title is left out (it stays in the mark's name)
const MAX_LANES = 14;   // lanes shared among the families shown for titles; beyond, titles are
                        // shortened (a mark that fits nowhere still gets a lane of its own)
/** The most events drawn one by one; the core returns at most this many in view. */
export const MARK_LIMIT = 400;

export class Timeline {
  /**
   * @param {HTMLElement} root
   * @param {Named[]} families the core's type families, each with a faded fill for spans
   * @param {Locale} locale the language of its controls, names and axis
   * @param {{ select(id: string): void, setRange(from: number, to: number): void,
   *           setView(from: number | null, to: number | null): void, resized?(): void }} actions
   */
  constructor(root, families, locale, actions) {
    this.root = root;
    this.locale = locale;
    const t = locale.text;
    this.families = families.map((f) => f.id);
    /** The families' names, by id. */
    this.familyNames = new Map(families.map((f) => [f.id, locale.name('family', f.id, f.label)]));
    this.actions = actions;
    this.abort = new AbortController();
    /** The time range drawn last; `null` before a dated event is. @type {DateSpan | null} */
    this.view = null;
    /** The width drawn last, in px. */
    this.lastWidth = 0;
    /** The height drawn last, in px. */
    this.height = 0;
    const uid = root.dataset.uid;
    this.uid = uid;
    const signal = this.abort.signal;
    /** @param {string} label @param {string} text @param {() => void} handler */
    const button = (label, text, handler) => {
      const b = el('button', { type: 'button', class: 'dl-icon-button', 'aria-label': label, title: label }, text);
      b.addEventListener('click', handler, { signal });
      return b;
    };
    this.svg = svg('svg', { class: 'dl-timeline-svg', role: 'group', 'aria-label': t.timelineName });
    this.scroller = el('div', { class: 'dl-timeline-scroll' }, this.svg);
    const controls = el('div', { class: 'dl-timeline-controls' },
      button(t.earlier, '◀', () => this.shift(-0.4)),
      button(t.zoomInTime, '+', () => this.scale(0.5)),
      button(t.zoomOutTime, '−', () => this.scale(2)),
      button(t.later, '▶', () => this.shift(0.4)),
      button(t.wholePeriod, '⤢', () => this.actions.setView(null, null)),
      el('span', { class: 'dl-hint' }, t.dragHint));
    this.legend = el('p', { class: 'dl-timeline-legend' },
      el('span', { class: 'dl-key dl-key-day', 'aria-hidden': 'true' }), `${t.knownDay} `,
      el('span', { class: 'dl-key dl-key-span', 'aria-hidden': 'true' }), `${t.spanKey} `,
      el('span', { class: 'dl-key dl-key-arrow', 'aria-hidden': 'true' }), t.responseKey);
    /** Which family each group of lanes holds, top to bottom. */
    this.lanesKey = el('p', { class: 'dl-timeline-legend dl-lanes-key' });
    clear(root).append(controls, this.scroller, this.lanesKey, this.legend);
    this.listen();
    this.resizer = new ResizeObserver(() => { if (this.width() !== this.lastWidth) this.actions.resized?.(); });
    this.resizer.observe(this.scroller);
  }

  /** The width to draw at, in px: the scroller's, at least 200. */
  width() {
    return Math.max(this.scroller.clientWidth, 200);
  }

  /**
   * Pixel x of the start of day `day`: only once a time range is drawn.
   *
   * @param {number} day
   */
  x(day) {
    const v = /** @type {DateSpan} */ (this.view);
    return ((day - v.fromDay) / (v.toDay - v.fromDay + 1)) * this.lastWidth;
  }

  /**
   * The day at pixel x: only once a time range is drawn.
   *
   * @param {number} x
   */
  day(x) {
    const v = /** @type {DateSpan} */ (this.view);
    return Math.floor(v.fromDay + (x / this.lastWidth) * (v.toDay - v.fromDay + 1));
  }

  /**
   * Zooms the time axis by `factor` (below 1 is closer) around its middle.
   *
   * @param {number} factor
   */
  scale(factor) {
    if (!this.view) return;
    const { fromDay, toDay } = this.view;
    const mid = (fromDay + toDay) / 2;
    const half = Math.max(((toDay - fromDay + 1) * factor) / 2, 3);
    this.actions.setView(Math.round(mid - half), Math.round(mid + half));
  }

  /**
   * Moves the time axis by `fraction` of its range (below 0 is earlier).
   *
   * @param {number} fraction
   */
  shift(fraction) {
    if (!this.view) return;
    const { fromDay, toDay } = this.view;
    const by = Math.round((toDay - fromDay + 1) * fraction);
    this.actions.setView(fromDay + by, toDay + by);
  }

  /** Brushing a range of dates, and zooming with a modifier key and the wheel, or by pinching. */
  listen() {
    const signal = this.abort.signal;
    /** @type {{ x0: number, x1: number, rect: SVGRectElement } | null} */
    let brush = null;
    // Two pointers pinch the time axis: the day between them at the start stays between them.
    /** The pointers down, by id, at their x in px. @type {Map<number, number>} */
    const down = new Map();
    /** @type {{ span: number, day: number } | null} */
    let pinch = null;
    /** The middle of the first two pointers down and how far apart they are, in px. */
    const pair = () => {
      const [a, b] = down.values();
      return { mid: (a + b) / 2 - this.svg.getBoundingClientRect().left, d: Math.max(Math.abs(a - b), 8) };
    };
    this.svg.addEventListener('pointerdown', (e) => {
      down.set(e.pointerId, e.clientX);
      if (down.size === 2 && this.view) {
        brush?.rect.remove();
        brush = null;
        const { mid, d } = pair();
        const span = this.view.toDay - this.view.fromDay + 1;
        pinch = { span: span * d, day: this.view.fromDay + (mid / this.lastWidth) * span };
        this.svg.setPointerCapture(e.pointerId);
        return;
      }
      if (down.size > 1 || !this.view || closest(e, '.dl-mark') || e.button !== 0) return;
      const x = e.clientX - this.svg.getBoundingClientRect().left;
      brush = { x0: x, x1: x, rect: svg('rect', { class: 'dl-brush', x, y: 0, width: 0, height: this.height }) };
      this.svg.append(brush.rect);
      this.svg.setPointerCapture(e.pointerId);
    }, { signal });
    this.svg.addEventListener('pointermove', (e) => {
      if (pinch && down.has(e.pointerId)) {
        down.set(e.pointerId, e.clientX);
        const { mid, d } = pair();
        // The span shown times the pointers' distance stays what it was when the pinch began.
        const span = Math.max(pinch.span / d, 7);
        const from = pinch.day - (mid / this.lastWidth) * span;
        this.actions.setView(Math.round(from), Math.round(from + span - 1));
        return;
      }
      if (!brush) return;
      brush.x1 = Math.min(Math.max(e.clientX - this.svg.getBoundingClientRect().left, 0), this.lastWidth);
      brush.rect.setAttribute('x', String(Math.min(brush.x0, brush.x1)));
      brush.rect.setAttribute('width', String(Math.abs(brush.x1 - brush.x0)));
    }, { signal });
    const end = () => {
      if (!brush) return;
      const [a, b] = [Math.min(brush.x0, brush.x1), Math.max(brush.x0, brush.x1)];
      brush.rect.remove();
      brush = null;
      if (b - a >= 4) this.actions.setRange(this.day(a), this.day(b));
    };
    /** @param {PointerEvent} e */
    const lift = (e) => {
      down.delete(e.pointerId);
      if (down.size < 2) pinch = null;
    };
    this.svg.addEventListener('pointerup', (e) => { lift(e); end(); }, { signal });
    this.svg.addEventListener('pointercancel', (e) => { lift(e); brush?.rect.remove(); brush = null; }, { signal });
    this.svg.addEventListener('wheel', (e) => {
      if (!e.ctrlKey && !e.altKey && Math.abs(e.deltaX) <= Math.abs(e.deltaY) && !e.shiftKey) return;
      e.preventDefault();
      this.scale(e.deltaY > 0 ? 1.25 : 0.8);
    }, { signal, passive: false });
  }

  /**
   * Where each event of `shown` (the core's, in date order) is drawn: its lane, its mark, and its
   * title beside it. The lanes are grouped by family, in the core's order of families; within a
   * family an event takes the first lane where its mark and whole title fit, else a new lane
   * while the family has lanes to spare, else the first lane where its mark fits, shortening the
   * title before it (never the selected event's), else a new lane: marks never overlap. Titles
   * are measured in the font they are drawn in.
   *
   * @template {{ s: Summary, start: number, end: number }} T
   * @param {T[]} shown
   * @param {DateSpan} view
   * @param {string | null} selected
   */
  layout(shown, view, selected) {
    const W = this.lastWidth;
    const present = this.families.filter((f) => shown.some((it) => it.s.family === f));
    const cap = Math.max(3, Math.floor(MAX_LANES / Math.max(present.length, 1)));
    /** @typedef {T & { lane: number, cx: number, width: number, firstOfFamily: boolean, label: { x: number, text: string } | null, room: number }} Placed */
    /** @type {Placed[]} */
    const out = [];
    let base = 0;
    for (const family of present) {
      /** @type {{ end: number, markEnd: number, last: Placed | null }[]} */
      const lanes = [];
      let first = true;
      for (const it of shown) {
        if (it.s.family !== family) continue;
        const left = this.x(Math.max(it.start, view.fromDay));
        const right = this.x(Math.min(it.end, view.toDay) + 1);
        const cx = (left + right) / 2;
        const width = Math.max(right - left, MIN_MARK);
        const markLeft = cx - width / 2;
        const markRight = cx + width / 2;
        // A title that has no room after its mark goes inside it, when the mark is a long span.
        const whole = textWidth(it.s.title);
        const inside = markRight + LABEL_PAD + Math.min(whole, MIN_LABEL * 3) > W && width - 2 * LABEL_PAD >= MIN_LABEL * 2;
        const labelX = inside ? Math.max(markLeft, 0) + LABEL_PAD * 2 : markRight + LABEL_PAD;
        const want = Math.min(whole, Math.max((inside ? Math.min(markRight, W) - LABEL_PAD * 2 : W - 2) - labelX, 0));
        let lane = lanes.findIndex((l) => l.end + LABEL_GAP <= markLeft);
        if (lane < 0 && lanes.length < cap) {
          lane = lanes.length;
          lanes.push({ end: -Infinity, markEnd: -Infinity, last: null });
        }
        if (lane < 0) lane = lanes.findIndex((l) => l.markEnd + 2 <= markLeft && l.last?.s.id !== selected);
        // Marks never overlap: where none fits, a lane more.
        if (lane < 0) {
          lane = lanes.length;
          lanes.push({ end: -Infinity, markEnd: -Infinity, last: null });
        }
        const before = lanes[lane].last;
        if (before?.label) before.room = Math.min(before.room, markLeft - LABEL_GAP - before.label.x);
        /** @type {Placed} */
        const placed = { ...it, lane: base + lane, cx, width, firstOfFamily: first, label: { x: labelX, text: it.s.title }, room: want };
        first = false;
        out.push(placed);
        lanes[lane] = { end: Math.max(markRight, labelX + want), markEnd: markRight, last: inside ? null : placed };
      }
      base += lanes.length;
    }
    for (const p of out) {
      const text = p.label && p.room >= MIN_LABEL ? shorten(p.s.title, p.room) : '';
      p.label = text && p.label ? { x: p.label.x, text } : null;
    }
    return out;
  }

  /**
   * Draws one query result. `state` gives the brushed range; `selected` the selected id.
   *
   * @param {QueryResult} result
   * @param {State} state
   * @param {string | null} selected
   */
  update(result, state, selected) {
    this.view = result.view;
    this.lastWidth = this.width();
    const W = this.lastWidth;
    // Too many events in view to draw one by one: a histogram instead, until a zoom or a
    // filter brings them down to what fits.
    const marksPage = result.viewPage ?? result.page;
    const crowded = result.viewTotal > marksPage.length;
    const shown = crowded ? [] : marksPage.flatMap((s) => (s.start !== null && s.end !== null
      && s.end >= (this.view?.fromDay ?? 0) && s.start <= (this.view?.toDay ?? 0)
      ? [{ s, start: s.start, end: s.end }] : []));
    const items = this.view ? this.layout(shown, this.view, selected) : [];
    const lanes = crowded ? HISTOGRAM_LANES : items.reduce((n, it) => Math.max(n, it.lane + 1), 0);
    const groups = items.filter((it) => it.firstOfFamily).map((it) => it.s.family);
    const { locale } = this;
    clear(this.lanesKey).append(...(groups.length > 1 ? [locale.text.lanes, ...groups.flatMap((f, i) => [
      i ? ', ' : '', el('span', { class: `dl-swatch dl-family-${f}`, 'aria-hidden': 'true' }), ` ${this.familyNames.get(f) ?? f}`])] : []));
    const top = STRIP + 8;
    this.height = top + Math.max(lanes, 1) * LANE + AXIS + 6;
    this.svg.setAttribute('viewBox', `0 0 ${W} ${this.height}`);
    this.svg.setAttribute('height', String(this.height));
    const view = this.view;
    if (!view) {
      clear(this.svg).append(svg('text', { x: 8, y: 24, class: 'dl-empty-note' }, locale.text.noDated));
      return;
    }
    const defs = svg('defs', {},
      ...this.families.map((f) =>
        svg('linearGradient', { id: `${this.uid}-fade-${f}`, x1: 0, x2: 1, y1: 0, y2: 0 },
          svg('stop', { offset: '0', class: `dl-stop dl-family-${f}`, 'stop-opacity': '0.12' }),
          svg('stop', { offset: '0.3', class: `dl-stop dl-family-${f}`, 'stop-opacity': '0.55' }),
          svg('stop', { offset: '0.7', class: `dl-stop dl-family-${f}`, 'stop-opacity': '0.55' }),
          svg('stop', { offset: '1', class: `dl-stop dl-family-${f}`, 'stop-opacity': '0.12' }))),
      svg('marker', { id: `${this.uid}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        svg('path', { d: 'M0 0L10 5L0 10Z', class: 'dl-arrowhead' })));
    /** @type {SVGElement[]} */
    const layers = [defs, svg('rect', { class: 'dl-timeline-bg', x: 0, y: 0, width: W, height: this.height })];

    // The brushed range, shaded across strip and lanes.
    if (state.from !== null || state.to !== null) {
      const a = state.from === null ? 0 : Math.max(this.x(state.from), 0);
      const b = state.to === null ? W : Math.min(this.x(state.to + 1), W);
      if (b > a) layers.push(svg('rect', { class: 'dl-range', x: a, y: 0, width: b - a, height: this.height - AXIS }));
    }

    // Bins: certain solid, possible faded on top.
    const bins = result.bins;
    if (bins) {
      let max = 1;
      for (let i = 0; i < bins.certain.length; i += 1) max = Math.max(max, bins.certain[i] + bins.possible[i]);
      for (let i = 0; i < bins.certain.length; i += 1) {
        const x0 = Math.max(this.x(bins.edges[i]), 0);
        const x1 = Math.min(this.x(bins.edges[i + 1]), W);
        if (x1 <= x0) continue;
        const hc = (bins.certain[i] / max) * (STRIP - 6);
        const hp = (bins.possible[i] / max) * (STRIP - 6);
        const bw = Math.max(x1 - x0 - 1, 1);
        if (hc) layers.push(svg('rect', { class: 'dl-bin', x: x0, y: STRIP - hc, width: bw, height: hc }));
        if (hp) layers.push(svg('rect', { class: 'dl-bin-possible', x: x0, y: STRIP - hc - hp, width: bw, height: hp }));
      }
      layers.push(svg('line', { class: 'dl-strip-base', x1: 0, x2: W, y1: STRIP + 0.5, y2: STRIP + 0.5 }));
    }

    // Axis ticks and grid lines.
    // A tick's date is written only where it fits whole, clear of the one before, measured in
    // the font it is drawn in (bold for a major tick).
    const axisY = this.height - AXIS;
    let written = -Infinity;
    for (const t of result.ticks) {
      const x = this.x(t.day);
      layers.push(svg('line', { class: t.major ? 'dl-grid dl-grid-major' : 'dl-grid', x1: x, x2: x, y1: 0, y2: axisY + 4 }));
      const label = locale.tick(t);
      const end = x + 3 + textWidth(label, t.major ? MAJOR_FONT : LABEL_FONT);
      if (x + 3 < written + TICK_GAP || x + 3 < 0 || end > W - 2) continue;
      written = end;
      layers.push(svg('text', { class: t.major ? 'dl-tick dl-tick-major' : 'dl-tick', x: x + 3, y: axisY + 17 }, label));
    }

    // Crowded: the bins again, tall, where the marks would be, with what to do.
    if (crowded && bins) {
      const floor = this.height - AXIS - 4;
      const room = floor - top - 22;
      let max = 1;
      for (let i = 0; i < bins.certain.length; i += 1) max = Math.max(max, bins.certain[i] + bins.possible[i]);
      for (let i = 0; i < bins.certain.length; i += 1) {
        const x0 = Math.max(this.x(bins.edges[i]), 0);
        const x1 = Math.min(this.x(bins.edges[i + 1]), W);
        const h = ((bins.certain[i] + bins.possible[i]) / max) * room;
        if (x1 > x0 && h > 0) layers.push(svg('rect', { class: 'dl-bin dl-bin-tall', x: x0, y: floor - h, width: Math.max(x1 - x0 - 1, 1), height: h }));
      }
      layers.push(svg('text', { x: 8, y: top + 14, class: 'dl-empty-note' },
        locale.say('tooMany', { args: [locale.say('events', { count: result.viewTotal })] })));
    }

    // Events in lanes.
    /** Where each event's mark is drawn, by id. @type {Map<string, { left: number, right: number, y: number }>} */
    const where = new Map();
    const marks = [];
    /** @type {SVGTextElement[]} */
    const titles = [];
    // A line between the lanes of one family and the next.
    for (const it of items) {
      if (it.firstOfFamily && it.lane > 0) {
        const y = top + it.lane * LANE + 0.5;
        layers.push(svg('line', { class: 'dl-family-rule', x1: 0, x2: W, y1: y, y2: y }));
      }
    }
    for (const { s, lane, start, end, cx, width, label } of items) {
      const y = top + lane * LANE + LANE / 2;
      const exact = start === end && !s.approximate && !s.uncertain;
      const shape = exact
        ? svg('circle', { class: `dl-mark-day dl-family-${s.family}`, cx, cy: y, r: 6 })
        : svg('rect', {
          class: `dl-mark-span dl-stroke-${s.family}${s.uncertain || s.approximate ? ' dl-mark-qualified' : ''}`,
          x: cx - width / 2, y: y - 6, width, height: 12, rx: 6,
          fill: `url(#${this.uid}-fade-${s.family})`,
        });
      const title = s.draft ? locale.say('draftMark', { args: [s.title] }) : s.title;
      const name = `${title}. ${locale.date(s.date, s.dateLabel)}${s.dateText ? ` (“${s.dateText}”)` : ''}. ${locale.name('type', s.type, s.typeLabel)}${s.placeName ? `, ${s.placeName}` : ''}.`;
      const g = svg('g', {
        class: `dl-mark${s.id === selected ? ' dl-mark-selected' : ''}${s.draft ? ' dl-mark-draft' : ''}`, role: 'button', tabindex: '0',
        'aria-label': name, 'aria-pressed': String(s.id === selected), 'data-id': s.id,
      }, svg('title', {}, name), svg('rect', { class: 'dl-mark-target', x: cx - Math.max(width, 24) / 2, y: y - 12, width: Math.max(width, 24), height: 24 }), shape);
      g.addEventListener('click', () => this.actions.select(s.id));
      // The drawn title sits outside the mark's button, whose name is the whole title: a
      // shortened one would not match it. A click on it chooses the event all the same.
      if (label) {
        const text = svg('text', { class: `dl-mark-label${s.id === selected ? ' dl-mark-label-selected' : ''}`, x: label.x, y: y + 4, 'data-id': s.id }, label.text);
        text.addEventListener('click', () => this.actions.select(s.id));
        titles.push(text);
      }
      g.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.actions.select(s.id); }
      });
      marks.push(g);
      where.set(s.id, { left: cx - width / 2, right: cx + width / 2, y });
    }

    // The response-to chain: an arrow from each event to the event that answered it.
    /** @type {SVGPathElement[]} */
    const links = [];
    for (const { s } of items) {
      const to = where.get(s.id);
      for (const id of s.responseTo) {
        const from = where.get(id);
        if (!from || !to) continue;
        const x0 = from.right;
        const x1 = Math.max(to.left, x0 + 6);
        const bend = Math.max((x1 - x0) / 2, 12);
        links.push(svg('path', {
          class: 'dl-link', d: `M${x0} ${from.y}C${x0 + bend} ${from.y} ${x1 - bend} ${to.y} ${x1} ${to.y}`,
          'marker-end': `url(#${this.uid}-arrow)`,
        }));
      }
    }
    clear(this.svg).append(...layers, ...links, svg('g', { class: 'dl-mark-labels', 'aria-hidden': 'true' }, ...titles), ...marks);
  }

  destroy() {
    this.abort.abort();
    this.resizer.disconnect();
    clear(this.root);
  }
}

/** @type {CanvasRenderingContext2D | null} */
let measurer = null;

/**
 * The width of `text` in px, drawn on the timeline in `font` (a title's, unless given).
 *
 * @param {string} text
 * @param {string} [font]
 */
function textWidth(text, font = LABEL_FONT) {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * (font === LABEL_FONT ? 7 : 8);
  measurer.font = font;
  return measurer.measureText(text).width;
}

/**
 * `text` as it fits in `room` px: whole, or its longest start (whole characters) and "…"; empty
 * when not even a few characters fit.
 *
 * @param {string} text
 * @param {number} room
 */
function shorten(text, room) {
  if (textWidth(text) <= room) return text;
  const chars = Array.from(text);
  let [lo, hi] = [0, chars.length];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(`${chars.slice(0, mid).join('').trimEnd()}…`) <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo >= 3 ? `${chars.slice(0, lo).join('').trimEnd()}…` : '';
}
