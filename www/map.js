// @ts-check
// The map of sites: countries from the shipped base map, a marker per place sized by the core's
// counts, labels placed so they do not collide, pan and zoom, and edge markers for places
// outside the view. Draws and forwards input only.
import { clear, closest, el, svg } from './dom.js';

/** @import { Clusters, PlaceEntry, QueryResult } from './api.js' */
/** @import { Locale } from './strings.js' */

/**
 * The shipped base map (see www/data/README.md): the countries, projected to map units.
 *
 * @typedef {object} Basemap
 * @property {[number, number, number, number]} bbox west, south, east and north, in degrees
 * @property {number} height in map units (the width is 1000)
 * @property {number} kx map units per degree of longitude
 * @property {number} ky map units per degree of latitude
 * @property {{ name: string, label: [number, number], area: number, d: string }[]} countries
 *   each with where its name goes, its area and its outline, in map units
 */

/**
 * A place as the map holds it: the dictionary's, with its index and its position in map units
 * (`null` when it has no coordinates).
 *
 * @typedef {PlaceEntry & { index: number, point: [number, number] | null }} MapPlace
 */

/**
 * A place drawn on its own, with the places drawn inside its marker.
 *
 * @typedef {{ place: MapPlace, x: number, y: number, merged: MapPlace[], selected: boolean, chosen: boolean }} Marker
 */

/** A marker where it is drawn, with its count. @typedef {{ d: Marker, count: number, off: boolean, x: number, y: number }} Item */

/** The part of the map shown, in map units: its top left corner and its width. @typedef {{ x: number, y: number, w: number }} View */

const MIN_ZOOM_WIDTH = 8;        // map units: the closest zoom
const MERGE_PX = 16;             // a place this close to a place containing it is drawn as part of it
const EDGE_MARGIN = 16;          // px kept between an edge marker and the map's border
const CLUSTER_PX = 20;           // markers closer than this on screen are drawn as one group
const NO_PARENT = 0xffffffff;    // the core's mark for a place within none

export class SiteMap {
  /**
   * @param {HTMLElement} root
   * @param {Basemap} basemap
   * @param {PlaceEntry[]} places the core's places()
   * @param {Locale} locale the language of its controls and names
   * @param {{ togglePlace(id: string): void, togglePlaces(ids: string[]): void,
   *   merge(parents: Uint32Array, xs: Float64Array, ys: Float64Array, radius: number): Uint32Array,
   *   cluster(xs: Float64Array, ys: Float64Array, weights: Uint32Array, radius: number): Clusters }} actions
   */
  constructor(root, basemap, places, locale, actions) {
    this.root = root;
    this.locale = locale;
    const t = locale.text;
    this.basemap = basemap;
    this.actions = actions;
    this.abort = new AbortController();
    /** @type {MapPlace[]} */
    this.places = places.map((p, index) => ({
      ...p,
      index,
      point: p.lat === null || p.lon === null ? null
        : [(p.lon - basemap.bbox[0]) * basemap.kx, (basemap.bbox[3] - p.lat) * basemap.ky],
    }));
    // The tree of places as the core takes it back: each place's parent, or none.
    this.parents = Uint32Array.from(places, (p) => p.parent ?? NO_PARENT);
    /** @type {QueryResult | null} */
    this.result = null;
    /** @type {View | null} */
    this.view = null;
    /** The places chosen as a filter. @type {Set<string>} */
    this.chosen = new Set();
    /** The place of the selected event. @type {string | null} */
    this.selectedPlace = null;

    this.base = svg('svg', { class: 'dl-map-base', 'aria-hidden': 'true', preserveAspectRatio: 'none' },
      svg('rect', { class: 'dl-sea', x: -5000, y: -5000, width: 10000, height: 10000 }),
      ...basemap.countries.map((c) => svg('path', { class: 'dl-country', d: c.d })));
    this.overlay = svg('svg', { class: 'dl-map-overlay', role: 'group', 'aria-label': t.places });
    this.tooltip = el('div', { class: 'dl-tooltip', role: 'tooltip', hidden: true });
    /** @param {string} label @param {string} text @param {() => void} handler */
    const button = (label, text, handler) => {
      const b = el('button', { type: 'button', class: 'dl-icon-button', 'aria-label': label, title: label }, text);
      b.addEventListener('click', handler, { signal: this.abort.signal });
      return b;
    };
    const controls = el('div', { class: 'dl-map-controls' },
      button(t.zoomIn, '+', () => this.zoom(1 / 1.5)),
      button(t.zoomOut, '−', () => this.zoom(1.5)),
      button(t.allPlaces, '⤢', () => this.fit()));
    this.frame = el('div', { class: 'dl-map-frame', tabindex: '0', 'aria-label': t.mapName },
      this.base, this.overlay);
    clear(root).append(this.frame, controls, this.tooltip,
      el('p', { class: 'dl-credit' }, t.credit));
    this.listen();
    this.resizer = new ResizeObserver(() => this.draw());
    this.resizer.observe(this.frame);
  }

  size() {
    return { w: this.frame.clientWidth || 1, h: this.frame.clientHeight || 1 };
  }

  /** Fits the view to the mapped places inside the base map, with a margin. */
  fit() {
    const { w, h } = this.size();
    const inside = this.places.filter((p) => p.point && p.point[0] >= 0 && p.point[0] <= 1000
      && p.point[1] >= 0 && p.point[1] <= this.basemap.height && p.precision !== 'country');
    const points = inside.flatMap((p) => (p.point ? [p.point] : []));
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    let [x0, x1, y0, y1] = xs.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 1000, 0, this.basemap.height];
    const pad = 0.35;
    const cw = Math.max(x1 - x0, 120) * (1 + 2 * pad);
    const ch = Math.max(y1 - y0, 120) * (1 + 2 * pad);
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const vw = Math.max(cw, ch * (w / h));
    this.view = { x: cx - vw / 2, y: cy - (vw * h / w) / 2, w: vw };
    this.draw();
  }

  /**
   * Zooms by `factor` (below 1 is closer) around the point (`px`, `py`) in px, or the middle.
   *
   * @param {number} factor
   * @param {number} [px]
   * @param {number} [py]
   */
  zoom(factor, px, py) {
    if (!this.view) return;
    const { w, h } = this.size();
    const fx = px === undefined ? 0.5 : px / w;
    const fy = py === undefined ? 0.5 : py / h;
    const nw = Math.min(Math.max(this.view.w * factor, MIN_ZOOM_WIDTH), 1400);
    const scale = nw / this.view.w;
    const vh = this.view.w * h / w;
    this.view = { x: this.view.x + fx * this.view.w * (1 - scale), y: this.view.y + fy * vh * (1 - scale), w: nw };
    this.draw();
  }

  /** True while the map can come closer. */
  canZoomIn() {
    return this.view !== null && this.view.w > MIN_ZOOM_WIDTH * 1.01;
  }

  /**
   * Zooms to show `points` (map units), at least twice as close as now.
   *
   * @param {[number, number][]} points
   */
  zoomTo(points) {
    if (!this.view) return;
    const { w, h } = this.size();
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const fit = Math.max((x1 - x0) * 1.6, (y1 - y0) * 1.6 * (w / h));
    const vw = Math.max(Math.min(fit, this.view.w / 2), MIN_ZOOM_WIDTH);
    this.view = { x: (x0 + x1) / 2 - vw / 2, y: (y0 + y1) / 2 - (vw * h / w) / 2, w: vw };
    this.draw();
  }

  /**
   * Moves the map by (`dx`, `dy`) px.
   *
   * @param {number} dx
   * @param {number} dy
   */
  pan(dx, dy) {
    if (!this.view) return;
    const k = this.view.w / this.size().w;
    this.view = { ...this.view, x: this.view.x - dx * k, y: this.view.y - dy * k };
    this.draw();
  }

  /** Panning by dragging and by arrow keys, zooming by wheel, keys and pinching. */
  listen() {
    const signal = this.abort.signal;
    this.frame.addEventListener('wheel', (e) => {
      e.preventDefault();
      const box = this.frame.getBoundingClientRect();
      this.zoom(e.deltaY > 0 ? 1.25 : 0.8, e.clientX - box.left, e.clientY - box.top);
    }, { signal, passive: false });
    // One pointer drags the map (but not from a marker, which it chooses); two pinch it,
    // zooming about the point between them and panning as that point moves.
    /** The pointers down on the map, by id. @type {Map<number, { x: number, y: number, marker: boolean }>} */
    const down = new Map();
    /** The middle of the first two pointers down, and how far apart they are. */
    const pair = () => {
      const [a, b] = down.values();
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, d: Math.max(Math.hypot(a.x - b.x, a.y - b.y), 1) };
    };
    this.frame.addEventListener('pointerdown', (e) => {
      const marker = Boolean(closest(e, '.dl-marker'));
      down.set(e.pointerId, { x: e.clientX, y: e.clientY, marker });
      if (!marker || down.size > 1) this.frame.setPointerCapture(e.pointerId);
    }, { signal });
    this.frame.addEventListener('pointermove', (e) => {
      const at = down.get(e.pointerId);
      if (!at) return;
      if (down.size === 1) {
        if (!at.marker) this.pan(e.clientX - at.x, e.clientY - at.y);
      } else {
        const before = pair();
        at.x = e.clientX;
        at.y = e.clientY;
        const after = pair();
        const box = this.frame.getBoundingClientRect();
        this.pan(after.x - before.x, after.y - before.y);
        this.zoom(before.d / after.d, after.x - box.left, after.y - box.top);
      }
      at.x = e.clientX;
      at.y = e.clientY;
    }, { signal });
    /** @param {PointerEvent} e */
    const end = (e) => { down.delete(e.pointerId); };
    this.frame.addEventListener('pointerup', end, { signal });
    this.frame.addEventListener('pointercancel', end, { signal });
    this.frame.addEventListener('keydown', (e) => {
      if (e.target !== this.frame) return;
      const step = 40;
      /** @type {Record<string, () => void>} */
      const keys = {
        ArrowLeft: () => this.pan(step, 0), ArrowRight: () => this.pan(-step, 0),
        ArrowUp: () => this.pan(0, step), ArrowDown: () => this.pan(0, -step),
        '+': () => this.zoom(1 / 1.5), '=': () => this.zoom(1 / 1.5), '-': () => this.zoom(1.5), 0: () => this.fit(),
      };
      if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
    }, { signal });
  }

  /**
   * Shows one query result: marker sizes, the chosen places, the selected event's place.
   *
   * @param {QueryResult} result
   * @param {string[]} chosen
   * @param {string | null} selectedPlace
   */
  update(result, chosen, selectedPlace) {
    this.result = result;
    this.chosen = new Set(chosen);
    this.selectedPlace = selectedPlace;
    if (!this.view) this.fit(); else this.draw();
  }

  /** Draws the last result in the part of the map shown. */
  draw() {
    const { view: v, result } = this;
    if (!v || !result) return;
    const { w, h } = this.size();
    const k = w / v.w;
    this.base.setAttribute('viewBox', `${v.x} ${v.y} ${v.w} ${v.w * h / w}`);
    this.overlay.setAttribute('viewBox', `0 0 ${w} ${h}`);
    /** @param {[number, number]} pt @returns {[number, number]} */
    const screen = (pt) => [(pt[0] - v.x) * k, (pt[1] - v.y) * k];
    /** Room taken by markers and labels, in px. @type {Box[]} */
    const boxes = [];
    /** @type {{ g: SVGGElement, count: number }[]} */
    const marks = [];
    /** @type {SVGTextElement[]} */
    const labels = [];

    // Country names, faint, where they fit.
    for (const c of this.basemap.countries) {
      if (c.area * k * k < 9000) continue;
      const [x, y] = screen(c.label);
      if (x < 30 || x > w - 30 || y < 12 || y > h - 12) continue;
      labels.push(svg('text', { class: 'dl-country-label', x, y, 'text-anchor': 'middle' }, c.name));
    }

    // Places, each in its own marker or in that of a place around it (the core says which).
    const xs = new Float64Array(this.places.length).fill(NaN);
    const ys = new Float64Array(this.places.length).fill(NaN);
    for (const place of this.places) {
      if (place.point && place.precision !== 'country') [xs[place.index], ys[place.index]] = screen(place.point);
    }
    const pairs = this.actions.merge(this.parents, xs, ys, MERGE_PX);
    /** @type {Map<number, Marker>} */
    const drawn = new Map();
    for (let i = 0; i < pairs.length; i += 2) {
      const place = this.places[pairs[i]];
      const host = drawn.get(pairs[i + 1]);
      if (host) {
        host.merged.push(place);
        if (place.id === this.selectedPlace) host.selected = true;
        if (this.chosen.has(place.id)) host.chosen = true;
        continue;
      }
      drawn.set(place.index, { place, x: xs[place.index], y: ys[place.index], merged: [], selected: place.id === this.selectedPlace, chosen: this.chosen.has(place.id) });
    }
    /** @param {Marker} d */
    const countOf = (d) => (d.merged.length ? result.placeSelectedWithin[d.place.index] : result.placeSelected[d.place.index]);
    /** @param {number} v @param {number} max */
    const clamp = (v, max) => Math.min(Math.max(v, EDGE_MARGIN), max - EDGE_MARGIN);
    /** @type {Item[]} */
    const items = [...drawn.values()].map((d) => ({
      d, count: countOf(d), off: d.x < 0 || d.x > w || d.y < 0 || d.y > h, x: clamp(d.x, w), y: clamp(d.y, h),
    }));
    // Markers that would overlap at this zoom are drawn as one group (the core groups them);
    // those on the map and those at its edge apart.
    /** @type {{ lead: Item, x: number, y: number, count: number, members: Item[], off: boolean }[]} */
    const groups = [];
    for (const off of [false, true]) {
      const part = items.filter((it) => it.off === off);
      if (!part.length) continue;
      const { group, clusters } = this.actions.cluster(Float64Array.from(part, (it) => it.x),
        Float64Array.from(part, (it) => it.y), Uint32Array.from(part, (it) => it.count), CLUSTER_PX);
      const members = Array.from({ length: clusters.length / 5 }, () => /** @type {Item[]} */ ([]));
      part.forEach((it, i) => members[group[i]].push(it));
      members.forEach((list, c) => groups.push({
        lead: part[clusters[5 * c]], x: clusters[5 * c + 1], y: clusters[5 * c + 2], count: clusters[5 * c + 3], members: list, off,
      }));
    }
    let most = 1;
    for (const g of groups) most = Math.max(most, g.count);
    /** Each group's label, in the order of the groups. @type {{ text: string, x: number, y: number, r: number, count: number }[]} */
    const named = [];
    for (const group of groups) {
      const { count, off } = group;
      const d = group.lead.d;
      const many = group.members.length > 1;
      const selected = group.members.some((it) => it.d.selected);
      const chosen = group.members.some((it) => it.d.chosen);
      // Area grows with the count; at scale the largest marker stays 22 px across the radius.
      const r = count ? 5 + Math.min(3 * Math.sqrt(count), 17 * Math.sqrt(count / most)) : 4;
      const x = off ? group.lead.x : group.x;
      const y = off ? group.lead.y : group.y;
      const others = group.members.length - 1;
      const { locale } = this;
      const name = many ? locale.say('placesAround', { count: group.members.length, args: [d.place.name] })
        : d.merged.length ? locale.say('sitesWithin', { count: d.merged.length, args: [d.place.name] }) : d.place.name;
      const what = locale.say('events', { count });
      const precisionLabel = d.place.precisionLabel ? locale.name('place', d.place.precision ?? '', d.place.precisionLabel) : '';
      const precision = !many && precisionLabel ? `; ${precisionLabel}` : '';
      const where = off ? locale.text.offMap : '';
      const act = many ? locale.text[this.canZoomIn() ? 'zoomsIn' : 'choosesAll'] : '';
      const shape = off
        ? svg('path', { class: 'dl-edge-arrow', d: arrow(x, y, d.x, d.y) })
        : svg('circle', { class: 'dl-marker-dot', cx: x, cy: y, r });
      const g = svg('g', {
        class: `dl-marker${count ? '' : ' dl-marker-empty'}${selected ? ' dl-marker-selected' : ''}${chosen ? ' dl-marker-chosen' : ''}${off ? ' dl-marker-edge' : ''}${many ? ' dl-marker-group' : ''}`,
        role: 'button', tabindex: '0', ...(many ? {} : { 'aria-pressed': String(chosen) }),
        'aria-label': `${name}: ${what}${precision}${where}${act}`,
        'data-place': d.place.id,
        ...(many ? { 'data-places': String(group.members.length) } : {}),
      }, svg('circle', { class: 'dl-marker-target', cx: x, cy: y, r: Math.max(r, 12) }), shape,
      many && !off ? svg('circle', { class: 'dl-marker-group-ring', cx: x, cy: y, r: r + 2.5 }) : null,
      selected ? svg('circle', { class: 'dl-marker-ring', cx: x, cy: y, r: r + 4 }) : null);
      const activate = () => {
        if (!many) this.actions.togglePlace(d.place.id);
        else if (this.canZoomIn()) this.zoomTo(group.members.flatMap((it) => (it.d.place.point ? [it.d.place.point] : [])));
        else this.actions.togglePlaces(group.members.map((it) => it.d.place.id));
      };
      g.addEventListener('click', activate);
      g.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); activate(); }
      });
      const tip = many
        ? [name, what, locale.text[this.canZoomIn() ? 'chooseToZoom' : 'chooseAll']]
        : [name, d.merged.length ? locale.say('hereAndWithin', { args: [what] }) : what, precisionLabel];
      g.addEventListener('pointerenter', () => this.showTip(tip, x, y));
      g.addEventListener('focus', () => this.showTip(tip, x, y));
      g.addEventListener('pointerleave', () => this.hideTip());
      g.addEventListener('blur', () => this.hideTip());
      marks.push({ g, count });
      boxes.push({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
      const label = many ? locale.say('nearby', { args: [d.place.name, locale.number(others)] })
        : d.merged.length ? `${d.place.name} +${locale.number(d.merged.length)}` : d.place.name;
      named.push({ text: label, x, y, r, count });
    }
    // Labels: busiest places first; each tries right, left, above, below, and is left out
    // (the marker keeps its tooltip) when all four collide.
    for (const { text, x, y, r, count } of named.sort((a, b) => b.count - a.count)) {
      const width = text.length * 7.4 + 4;  // 12px bold, generous: a clipped label is worse than a missing one
      const options = [
        { x: x + r + 4, y: y + 4, anchor: 'start', box: { x: x + r + 2, y: y - 8, w: width, h: 16 } },
        { x: x - r - 4, y: y + 4, anchor: 'end', box: { x: x - r - 2 - width, y: y - 8, w: width, h: 16 } },
        { x, y: y - r - 6, anchor: 'middle', box: { x: x - width / 2, y: y - r - 20, w: width, h: 16 } },
        { x, y: y + r + 14, anchor: 'middle', box: { x: x - width / 2, y: y + r + 2, w: width, h: 16 } },
      ];
      const fit = options.find((o) => o.box.x >= 0 && o.box.x + o.box.w <= w && o.box.y >= 0 && o.box.y + o.box.h <= h
        && !boxes.some((b) => overlaps(b, o.box)));
      if (!fit) continue;
      boxes.push(fit.box);
      labels.push(svg('text', { class: `dl-place-label${count ? '' : ' dl-place-label-empty'}`, x: fit.x, y: fit.y, 'text-anchor': fit.anchor, 'aria-hidden': 'true' }, text));
    }
    marks.sort((a, b) => b.count - a.count);
    clear(this.overlay).append(...labels, ...marks.map((m) => m.g));
  }

  /**
   * Shows a tooltip of `lines` (the first in bold, empty ones left out) near (`x`, `y`) px.
   *
   * @param {string[]} lines
   * @param {number} x
   * @param {number} y
   */
  showTip(lines, x, y) {
    const tip = this.tooltip;
    clear(tip).append(...lines.filter(Boolean).map((line, i) => (i === 0 ? el('strong', {}, line) : el('span', {}, line))));
    tip.hidden = false;
    const { w } = this.size();
    tip.style.left = `${Math.min(x + 14, w - 200)}px`;
    tip.style.top = `${y + 14}px`;
  }

  hideTip() {
    this.tooltip.hidden = true;
  }

  destroy() {
    this.abort.abort();
    this.resizer.disconnect();
    clear(this.root);
  }
}

/** @typedef {{ x: number, y: number, w: number, h: number }} Box */

/**
 * True when boxes `a` and `b` overlap.
 *
 * @param {Box} a
 * @param {Box} b
 */
function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * A small triangle at (x, y) pointing toward (tx, ty), as an SVG path.
 *
 * @param {number} x
 * @param {number} y
 * @param {number} tx
 * @param {number} ty
 */
function arrow(x, y, tx, ty) {
  const angle = Math.atan2(ty - y, tx - x);
  /** @param {number} a @param {number} r */
  const p = (a, r) => `${(x + r * Math.cos(angle + a)).toFixed(1)} ${(y + r * Math.sin(angle + a)).toFixed(1)}`;
  return `M${p(0, 11)}L${p(2.5, 8)}L${p(-2.5, 8)}Z`;
}
