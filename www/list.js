// @ts-check
// The list of matching events in date order, and the card of the selected event: every source
// with its verbatim quote, figures side by side where sources disagree, actors with roles, and
// related events as links. Draws and forwards only.
import { clear, closest, el, link } from './dom.js';

/** @import { Card, QueryResult, Summary } from './api.js' */
/** @import { Locale } from './strings.js' */

const ROW = 98;       // px per list entry unless the style sheet's --dl-row says otherwise: entries are
                      // clamped to one height, so the list can be virtual
const OVERSCAN = 12;  // entries drawn beyond the visible ones, above and below

export class EventList {
  /**
   * @param {HTMLElement} root
   * @param {Locale} locale the language of the list, its dates and counts
   * @param {{ select(id: string | null): void, summaries(rows: Uint32Array): Summary[] | Promise<Summary[]>,
   *   modeChanged?(mode: string): void }} actions
   */
  constructor(root, locale, actions) {
    this.root = root;
    this.actions = actions;
    /** Writes the events' dates. */
    this.locale = locale;
    this.abort = new AbortController();
    /** @type {'list' | 'table'} */
    this.mode = 'list';
    /** @type {QueryResult | null} */
    this.result = null;
    /** @type {string | null} */
    this.selected = null;
    /** The list fields of the events drawn or asked for, by row. @type {Map<number, Summary>} */
    this.cache = new Map();
    /** Rows asked of an engine in a worker, whose answer has not come yet. @type {Set<number>} */
    this.asked = new Set();
    /** The entries drawn, first and last (exclusive). @type {[number, number] | null} */
    this.drawn = null;
    /** @param {'list' | 'table'} mode @param {string} label */
    const toggle = (mode, label) => el('button', { type: 'button', class: 'dl-toggle', 'data-mode': mode, 'aria-pressed': String(mode === this.mode) }, label);
    const t = this.locale.text;
    const buttons = [toggle('list', t.list), toggle('table', t.table)];
    this.toggles = el('div', { class: 'dl-view-toggle', role: 'group', 'aria-label': t.showAs }, buttons);
    // The list holds every match but draws only the entries in view (and a few around them),
    // asking the core for their fields as the reader scrolls.
    this.list = el('ol', { class: 'dl-list', 'aria-label': t.inDateOrder });
    this.list.addEventListener('scroll', () => this.drawVisible(), { signal: this.abort.signal, passive: true });
    this.table = el('div', { class: 'dl-table-box', hidden: true });
    this.more = el('p', { class: 'dl-more' });
    clear(root).append(this.toggles, this.list, this.table, this.more);
    const signal = this.abort.signal;
    this.toggles.addEventListener('click', (e) => {
      const mode = closest(e, '[data-mode]')?.dataset.mode;
      if ((mode !== 'list' && mode !== 'table') || mode === this.mode) return;
      this.mode = mode;
      for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
      if (this.actions.modeChanged) this.actions.modeChanged(mode);
      else this.draw();
    }, { signal });
    for (const box of [this.list, this.table]) {
      box.addEventListener('click', (e) => {
        const item = closest(e, '[data-id]');
        if (item) this.actions.select(item.dataset.id ?? null);
      }, { signal });
    }
  }

  /**
   * Draws one query result, with the event `selected` (an id) marked.
   *
   * @param {QueryResult} result
   * @param {string | null} selected
   */
  update(result, selected) {
    this.result = result;
    this.selected = selected;
    this.cache = new Map(result.page.map((s) => [s.row, s]));
    this.asked = new Set();
    this.draw();
  }

  /** Draws the current answer as a list or as a table: the same events, in the same order. */
  draw() {
    const { result, selected } = this;
    if (!result) return;
    const table = this.mode === 'table';
    this.list.hidden = table;
    this.table.hidden = !table;
    clear(this.list);
    clear(this.table);
    this.drawn = null;
    if (table) {
      this.table.append(this.tableOf(result.page, selected));
      const shown = result.page.length;
      const { locale } = this;
      this.more.textContent = result.total > shown ? locale.say('showingFirst', { args: [locale.number(shown), locale.say('events', { count: result.total })] }) : '';
    } else {
      this.list.scrollTop = 0;
      this.list.style.setProperty('--dl-list-height', `${this.rows().length * this.row()}px`);
      this.drawVisible();
      this.more.textContent = '';
    }
  }

  /** The height of one entry, in px: taller on a phone, where titles take more lines. */
  row() {
    return parseFloat(getComputedStyle(this.list).getPropertyValue('--dl-row')) || ROW;
  }

  /** The rows of every match (the explorer asks its queries for them). */
  rows() {
    return this.result?.rows ?? new Uint32Array(0);
  }

  /** Draws the entries in view; the core gives the fields of those not yet known. */
  drawVisible() {
    if (!this.result || this.mode !== 'list') return;
    const rows = this.rows();
    const height = this.list.clientHeight || 760;
    const row = this.row();
    const first = Math.max(Math.floor(this.list.scrollTop / row) - OVERSCAN, 0);
    const last = Math.min(Math.ceil((this.list.scrollTop + height) / row) + OVERSCAN, rows.length);
    if (this.drawn && this.drawn[0] === first && this.drawn[1] === last) return;
    this.drawn = [first, last];
    const missing = [...rows.subarray(first, last)].filter((r) => !this.cache.has(r) && !this.asked.has(r));
    if (missing.length) {
      const answer = this.actions.summaries(Uint32Array.from(missing));
      if (answer instanceof Promise) {
        // From an engine in a worker: drawn when they come, for the answer they belong to.
        for (const r of missing) this.asked.add(r);
        const asked = this.result;
        answer.then((list) => {
          if (this.result !== asked) return;
          for (const s of list) this.cache.set(s.row, s);
          this.drawn = null;
          this.drawVisible();
        });
      } else {
        for (const s of answer) this.cache.set(s.row, s);
      }
    }
    const active = /** @type {ShadowRoot | Document} */ (this.list.getRootNode()).activeElement;
    const focused = active instanceof HTMLElement && this.list.contains(active) ? active.dataset.id : null;
    const items = [];
    for (let i = first; i < last; i += 1) {
      const s = this.cache.get(rows[i]);
      if (!s) continue;
      const item = this.itemOf(s, this.selected);
      item.style.setProperty('--dl-top', `${i * row}px`);
      item.setAttribute('aria-setsize', String(rows.length));
      item.setAttribute('aria-posinset', String(i + 1));
      items.push(item);
    }
    clear(this.list).append(el('li', { class: 'dl-list-spacer', 'aria-hidden': 'true' }), ...items);
    if (focused) this.focus(focused);
  }

  /**
   * One entry of the list.
   *
   * @param {Summary} s
   * @param {string | null} selected
   */
  itemOf(s, selected) {
    const { locale } = this;
    const t = locale.text;
    const date = el('span', { class: 'dl-item-date' }, locale.date(s.date, s.dateLabel));
    const written = s.dateText ? el('span', { class: 'dl-item-written' }, `“${s.dateText}”`) : null;
    const inferred = s.dateInferred ? el('span', { class: 'dl-badge', title: t.inferredHint }, t.inferred) : null;
    const draft = s.draft ? el('span', { class: 'dl-badge dl-badge-draft' }, t.draft) : null;
    return el('li', { class: `dl-item${s.draft ? ' dl-item-draft' : ''}` },
      el('button', {
        type: 'button', class: `dl-item-button${s.id === selected ? ' dl-item-selected' : ''}`,
        'data-id': s.id, 'aria-current': s.id === selected ? 'true' : null,
      },
      el('span', { class: 'dl-item-when' }, date, ' ', written, ' ', inferred, ' ', draft),
      el('span', { class: 'dl-item-title' }, s.title),
      el('span', { class: 'dl-item-meta' },
        el('span', { class: `dl-swatch dl-family-${s.family}`, 'aria-hidden': 'true' }), locale.name('type', s.type, s.typeLabel),
        ' · ', s.placeName ?? t.placeNotGiven,
        ' · ', locale.say('sources', { count: s.sourceCount }))));
  }

  /**
   * The text alternative to the map and the timeline: one row per matching event.
   *
   * @param {Summary[]} page
   * @param {string | null} selected
   */
  tableOf(page, selected) {
    const { locale } = this;
    const t = locale.text;
    const head = [t.columnDate, t.columnEvent, t.columnType, t.columnPlace, t.columnSources].map((h) => el('th', { scope: 'col' }, h));
    const rows = page.map((s) => el('tr', { class: s.id === selected ? 'dl-row-selected' : null },
      el('td', {}, locale.date(s.date, s.dateLabel), s.dateText ? el('span', { class: 'dl-item-written' }, ` “${s.dateText}”`) : null,
        s.dateInferred ? el('span', { class: 'dl-badge' }, t.inferred) : null),
      el('th', { scope: 'row' }, el('button', {
        type: 'button', class: 'dl-link-button', 'data-id': s.id, 'aria-current': s.id === selected ? 'true' : null,
      }, s.title), s.draft ? el('span', { class: 'dl-badge dl-badge-draft' }, t.draft) : null),
      el('td', {}, locale.name('type', s.type, s.typeLabel)),
      el('td', {}, s.placeName ?? t.placeNotGiven),
      el('td', { class: 'dl-num' }, locale.number(s.sourceCount))));
    return el('table', { class: 'dl-table' },
      el('caption', {}, t.inDateOrder),
      el('thead', {}, el('tr', {}, ...head)),
      el('tbody', {}, ...rows));
  }

  /**
   * Moves the keyboard focus to the list entry of event `id`, scrolling to it if needed.
   *
   * @param {string} id
   */
  focus(id) {
    if (this.mode === 'list' && this.result) {
      const s = [...this.cache.values()].find((x) => x.id === id);
      const at = s ? this.rows().indexOf(s.row) : -1;
      if (at >= 0 && !this.list.querySelector(`[data-id="${CSS.escape(id)}"]`)) {
        this.list.scrollTop = Math.max((at - 1) * this.row(), 0);
        this.drawVisible();
      }
    }
    const box = this.mode === 'table' ? this.table : this.list;
    const items = /** @type {NodeListOf<HTMLElement>} */ (box.querySelectorAll('[data-id]'));
    [...items].find((b) => b.dataset.id === id)?.focus();
  }

  destroy() {
    this.abort.abort();
    clear(this.root);
  }
}

export class EventCard {
  /**
   * @param {HTMLElement} root
   * @param {Locale} locale the language of the card's headings, dates and names
   * @param {{ select(id: string | null): void }} actions
   */
  constructor(root, locale, actions) {
    this.root = root;
    this.actions = actions;
    /** Writes the events' dates. */
    this.locale = locale;
    this.abort = new AbortController();
    this.root.addEventListener('click', (e) => {
      const target = closest(e, '[data-event]');
      if (target) this.actions.select(target.dataset.event || null);
    }, { signal: this.abort.signal });
  }

  /**
   * Shows the card of `card` (the core's event details), or hides the card for `null`.
   *
   * @param {Card | null} card
   */
  update(card) {
    clear(this.root);
    this.root.hidden = !card;
    if (!card) return;
    const { locale } = this;
    const t = locale.text;
    const close = el('button', { type: 'button', class: 'dl-button dl-close', 'data-event': '' }, t.allEvents);
    const date = el('p', { class: 'dl-card-date' },
      el('strong', {}, locale.date(card.date, card.dateLabel)),
      card.dateText ? locale.say('asWritten', { args: [card.dateText] }) : '',
      card.date ? el('span', { class: 'dl-edtf' }, ` · ${card.date}`) : '');
    /** @type {(HTMLElement | null)[]} */
    const sections = [
      el('div', { class: 'dl-card-head' }, close),
      el('p', { class: 'dl-card-type' }, el('span', { class: `dl-swatch dl-family-${card.family}`, 'aria-hidden': 'true' }), locale.name('type', card.type, card.typeLabel)),
      el('h3', { class: 'dl-card-title', tabindex: '-1' }, card.title),
      date,
      card.dateNote ? el('p', { class: 'dl-inference' }, el('strong', {}, t.howDated), card.dateNote) : null,
      el('p', { class: 'dl-card-place' }, el('strong', {}, t.placeLabel),
        card.placeDetails ? `${card.placeDetails.name}${card.placeDetails.precisionLabel ? ` (${locale.name('place', card.placeDetails.precision ?? '', card.placeDetails.precisionLabel)})` : ''}` : t.placeUnknown,
        card.placeNote ? el('span', { class: 'dl-note' }, ` ${card.placeNote}`) : null),
      card.summaryText ? el('p', {}, card.summaryText) : null,
      card.note ? el('p', { class: 'dl-note' }, card.note) : null,
    ];
    if (card.figures.length) {
      sections.push(el('h4', {}, t.figures), el('ul', { class: 'dl-figures' }, ...card.figures.map((f) => el('li', {},
        el('strong', {}, `${f.what}: `),
        ...f.readings.flatMap((r, i) => [i ? '; ' : '', locale.figure(r),
          r.accordingTo ? el('span', { class: 'dl-per' }, locale.say('accordingTo', { args: [r.accordingTo] })) : '',
          r.sourceTitle ? el('span', { class: 'dl-per' }, locale.say('per', { args: [r.sourceTitle] })) : '']),
        f.disagree ? el('span', { class: 'dl-badge dl-badge-warn' }, t.disagree) : null))));
    }
    sections.push(el('h4', {}, locale.say('sourceList', { count: card.sources.length })),
      el('ol', { class: 'dl-sources' }, ...card.sources.map((s) => el('li', {},
        el('blockquote', { class: 'dl-quote' }, s.quote),
        el('p', { class: 'dl-cite' },
          link(s.document.url, s.document.title),
          s.document.publisher ? ` · ${s.document.publisher}` : '',
          s.document.publishedLabel ? ` · ${locale.date(s.document.published, s.document.publishedLabel)}` : '',
          s.verified ? el('span', { class: 'dl-verified' }, t.quoteChecked) : null)))));
    if (card.actors.length) {
      sections.push(el('h4', {}, t.actors), el('ul', { class: 'dl-actors' }, ...card.actors.map((a) => el('li', {},
        el('strong', {}, a.name), ` · ${a.role}`,
        a.accordingTo ? el('span', { class: 'dl-per' }, locale.say('roleAccordingTo', { args: [a.accordingTo] })) : null,
        a.affiliation ? el('span', { class: 'dl-note' }, ` · ${a.affiliation}`) : null,
        a.aliases.length ? el('span', { class: 'dl-note' }, locale.say('alsoKnown', { args: [new Intl.ListFormat(locale.tag).format(a.aliases)] })) : null))));
    }
    if (card.relations.length) {
      sections.push(el('h4', {}, t.related), el('ul', { class: 'dl-relations' }, ...card.relations.map((r) => el('li', {},
        `${locale.name('relation', `${r.kind}:${r.direction}`, r.label)}: `,
        el('button', { type: 'button', class: 'dl-link-button', 'data-event': r.event }, r.title),
        el('span', { class: 'dl-note' }, ` · ${locale.date(r.date, r.dateLabel)}`),
        r.note ? el('span', { class: 'dl-inference dl-inline' }, ` ${r.note}`) : null))));
    }
    if (card.links.length) {
      sections.push(el('h4', {}, t.links), el('ul', { class: 'dl-links' }, ...card.links.map((l) => el('li', {}, link(l.url, l.title)))));
    }
    if (card.draftDetails) {
      const d = card.draftDetails;
      sections.push(el('div', { class: 'dl-draft-box' },
        el('h4', {}, locale.say('draftBox', { args: [new Intl.NumberFormat(locale.tag, { style: 'percent' }).format(d.confidence)] })),
        el('p', { class: 'dl-note' }, t.draftNote),
        el('ul', { class: 'dl-rules' }, ...d.rules.map((r) => el('li', {}, el('strong', {}, `${r.field}: `), r.rule))),
        d.merged.length ? el('p', { class: 'dl-note' }, t.merged) : null,
        d.merged.length ? el('ul', { class: 'dl-rules' }, ...d.merged.map((m) => el('li', {}, m))) : null));
    }
    if (card.acledEventType) {
      sections.push(el('p', { class: 'dl-note dl-acled' }, locale.say('acledType', { args: [card.acledEventType, card.acledSubEventType ?? ''] })));
    }
    this.root.append(...sections.filter((section) => section !== null));
  }

  /**
   * Moves the keyboard to the card's title (scrolling to it unless `preventScroll`).
   *
   * @param {boolean} [preventScroll]
   */
  focusTitle(preventScroll = false) {
    /** @type {HTMLElement | null} */ (this.root.querySelector('.dl-card-title'))?.focus({ preventScroll });
  }

  destroy() {
    this.abort.abort();
    clear(this.root);
  }
}
