// @ts-check
// The "Add article" panel: paste an article, get draft events on the map, the timeline and the
// list, with each event's sentence highlighted in the text; accept, reject or edit each draft;
// download the reviewed package. The extractor's engine, gazetteer and lexicon load only when
// the panel opens. All the work is done by the core (pkg/dateline_extract.js); this draws.
import { clear, closest, el } from './dom.js';
import { plural } from './plural.js';

/** @import { Explorer } from './dateline.js' */
/** @import { Named } from './api.js' */

/**
 * A draft as the review desk lists it.
 *
 * @typedef {object} Draft
 * @property {string} id
 * @property {string} title
 * @property {string} type
 * @property {string} typeLabel
 * @property {string | null} date
 * @property {string | null} dateText
 * @property {string | null} place
 * @property {string | null} placeName
 * @property {number} confidence from 0 to 1
 * @property {number} sources
 * @property {string[]} merged why reports were merged into it
 * @property {string} who who did it or said it, with who says so, or that the text does not say
 * @property {string | null} against who or what was hit or killed
 * @property {{ what: string, readings: string[], disagree: boolean }[]} figures each count,
 *   every reading side by side with who gives it
 */

/**
 * The extractor's review desk (a `Drafts` of pkg/dateline_extract.js), with the answers it
 * writes as JSON named.
 *
 * @typedef {object} Desk
 * @property {(text: string, title: string, publisher: string, url: string, published: string) =>
 *   { document: string, drafted: number, merged: number }} addArticle
 * @property {() => Draft[]} drafts
 * @property {() => { id: string, title: string }[]} documents
 * @property {(document: string) => { text: string, events: string[] }[]} segments the article
 *   cut at the drafts' sentences
 * @property {() => Named[]} places
 * @property {(id: string) => void} accept
 * @property {(id: string) => void} reject
 * @property {(id: string, field: string, value: string) => void} edit throws with the reason
 * @property {() => Uint8Array<ArrayBuffer>} packageBytes the package as JSON
 */

/**
 * The extractor, loaded: its bindings, the gazetteer and the lexicon.
 *
 * @typedef {{ module: typeof import('./pkg/dateline_extract.js'), gazetteer: Uint8Array, lexicon: Uint8Array }} Extractor
 */

/** The fields of a draft a reader edits. @typedef {'title' | 'type' | 'date' | 'place'} Field */

const HERE = new URL('.', import.meta.url);
/** @type {Field[]} */
const FIELDS = ['title', 'type', 'date', 'place'];

/**
 * The control named `name` of `form`: a text field, a text area or a choice.
 *
 * @param {HTMLFormElement} form
 * @param {string} name
 */
function control(form, name) {
  return /** @type {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} */ (form.elements.namedItem(name));
}

/**
 * What `error` says, for a reader.
 *
 * @param {unknown} error
 */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

export class ArticlePanel {
  /**
   * @param {HTMLElement} root the panel's element (its form is already in the page)
   * @param {Explorer} explorer the <dateline-explorer> that shows the package
   */
  constructor(root, explorer) {
    this.root = root;
    this.explorer = explorer;
    this.form = /** @type {HTMLFormElement} */ (root.querySelector('form'));
    this.status = /** @type {HTMLElement} */ (root.querySelector('[data-status]'));
    this.review = /** @type {HTMLElement} */ (root.querySelector('[data-review]'));
    /** The review desk, once an article was added. @type {Desk | null} */
    this.drafts = null;
    /** @type {Extractor | null} */
    this.engine = null;
    /** Kept once the extractor is loaded. @type {Promise<Extractor> | null} */
    this.loading = null;
    /** The id of the article added last. @type {string | null} */
    this.document = null;
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.add();
    });
    /** @type {HTMLElement} */ (root.querySelector('[data-close]')).addEventListener('click', () => this.close());
    this.review.addEventListener('click', (e) => this.clicked(e));
  }

  open() {
    this.root.hidden = false;
    /** @type {HTMLElement} */ (this.root.querySelector('input, textarea')).focus();
    this.load().catch((error) => this.say(messageOf(error), true));
  }

  close() {
    this.root.hidden = true;
    document.getElementById('article-open')?.focus();
  }

  /**
   * Says `message` in the panel's status line; `alarm` marks it as an error.
   *
   * @param {string} message
   * @param {boolean} [alarm]
   */
  say(message, alarm = false) {
    this.status.textContent = message;
    this.status.classList.toggle('panel-error', alarm);
  }

  /**
   * The engine, the gazetteer and the lexicon: fetched once, on first use.
   *
   * @returns {Promise<Extractor>}
   */
  load() {
    this.loading ??= (async () => {
      this.say('Loading the extractor, its gazetteer and its lexicon…');
      /** @param {string} path */
      const bytes = async (path) => {
        const response = await fetch(new URL(path, HERE));
        if (!response.ok) throw new Error(`Could not load ${path}: the server answered ${response.status}.`);
        return new Uint8Array(await response.arrayBuffer());
      };
      const [module, gazetteer, lexicon] = await Promise.all([
        /** @type {Promise<typeof import('./pkg/dateline_extract.js')>} */ (import(new URL('pkg/dateline_extract.js', HERE).href)),
        bytes('data/gazetteer.json'),
        bytes('data/lexicon.json'),
      ]);
      await module.default({ module_or_path: new URL('pkg/dateline_extract_bg.wasm', HERE) });
      this.engine = { module, gazetteer, lexicon };
      this.say(`Ready. Gazetteer ${(gazetteer.length / 1024).toFixed(0)} KB, lexicon ${(lexicon.length / 1024).toFixed(0)} KB.`);
      return this.engine;
    })().catch((error) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  /** The review desk: there is one once an article was added. */
  desk() {
    if (!this.drafts) throw new Error('Add an article first.');
    return this.drafts;
  }

  async add() {
    /** @param {string} name */
    const field = (name) => control(this.form, name).value;
    const merge = /** @type {HTMLInputElement} */ (control(this.form, 'merge'));
    try {
      const engine = await this.load();
      if (!this.drafts) {
        const base = merge.checked ? await this.explorer.packageBytes() : null;
        // The bindings type the answers the desk writes as JSON as `any`, and its bytes as a
        // view of any buffer (they are a copy, in a buffer of their own).
        this.drafts = /** @type {Desk} */ (new engine.module.Drafts(engine.gazetteer, engine.lexicon, base ?? undefined));
      }
      const added = this.drafts.addArticle(field('text'), field('title'), field('publisher'), field('url'), field('published'));
      const merged = added.merged ? `; ${added.merged} ${plural(added.merged, 'report')} merged into events already there` : '';
      this.say(`${added.drafted} new ${plural(added.drafted, 'draft')}${merged}. Review them below.`);
      this.document = added.document;
      control(this.form, 'text').value = '';
      merge.disabled = true;
      this.show();
    } catch (error) {
      this.say(messageOf(error), true);
    }
  }

  /**
   * Redraws the explorer and the review from the package as it stands, with `selected` open.
   *
   * @param {string | null} [selected]
   */
  show(selected = null) {
    const bytes = this.desk().packageBytes();
    // The package replaces what the explorer showed; a link's old filters would not fit it.
    history.replaceState(history.state, '', location.pathname + location.search);
    if (selected) this.explorer.setAttribute('selected', selected);
    else this.explorer.removeAttribute('selected');
    this.explorer.openFile(new File([bytes], 'drafts.json', { type: 'application/json' }));
    this.drawReview();
  }

  drawReview() {
    const desk = this.desk();
    const drafts = desk.drafts();
    const documents = desk.documents();
    const doc = documents.find((d) => d.id === this.document) ?? documents.at(-1);
    const text = doc
      ? el('div', { class: 'panel-text', 'aria-label': `The article, with each draft's sentence marked: ${doc.title}` },
        ...desk.segments(doc.id).map((s) => (s.events.length
          ? el('mark', { 'data-events': s.events.join(' '), title: 'Open this event' }, s.text)
          : s.text)))
      : null;
    /** @type {Named[]} */
    const types = this.engine?.module.Drafts.types() ?? [];
    const list = el('ol', { class: 'panel-drafts' }, ...drafts.map((d) => this.draftItem(d, types)));
    clear(this.review).append(
      el('div', { class: 'panel-columns' },
        el('section', { 'aria-labelledby': 'panel-text-title' },
          el('h3', { id: 'panel-text-title' }, 'The article'), text),
        el('section', { 'aria-labelledby': 'panel-drafts-title' },
          el('h3', { id: 'panel-drafts-title' }, drafts.length ? `Drafts to review (${drafts.length})` : 'No drafts left to review'),
          list,
          el('p', {}, el('button', { type: 'button', class: 'page-button', 'data-download': '' }, 'Download the package')))));
  }

  /**
   * One draft in the review, with its Accept, Reject and Edit.
   *
   * @param {Draft} d
   * @param {Named[]} types the types a draft may have
   */
  draftItem(d, types) {
    const date = d.date ? `${d.date}${d.dateText ? ` (“${d.dateText}”)` : ''}` : 'no date yet';
    const form = el('form', { 'data-edit': d.id },
      el('label', {}, 'Title ', el('input', { name: 'title', value: d.title })),
      el('label', {}, 'Type ', el('select', { name: 'type' },
        ...types.map((t) => el('option', { value: t.id, selected: t.id === d.type }, t.label)))),
      el('label', {}, 'Date (EDTF) ', el('input', { name: 'date', value: d.date ?? '', placeholder: '2020-01-08' })),
      el('label', {}, 'Place ', el('select', { name: 'place' },
        el('option', { value: '' }, 'none'),
        ...this.desk().places().map((p) => el('option', { value: p.id, selected: p.id === d.place }, p.label)))),
      el('button', { type: 'submit', class: 'page-button' }, 'Save'));
    const edit = el('details', { class: 'panel-edit' }, el('summary', {}, 'Edit'), form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save(d, form);
    });
    return el('li', { class: 'panel-draft' },
      el('p', { class: 'panel-draft-title' }, el('button', { type: 'button', class: 'panel-link', 'data-select': d.id }, d.title)),
      el('p', { class: 'panel-meta' }, `${d.typeLabel} · ${date} · ${d.placeName ?? 'no place'} · confidence ${Math.round(d.confidence * 100)}%`
        + `${d.sources > 1 ? ` · ${d.sources} sources` : ''}`),
      el('p', { class: 'panel-meta' }, d.who, d.against ? ` · Against: ${d.against}` : ''),
      d.figures.length ? el('ul', { class: 'panel-figures' }, ...d.figures.map((f) => el('li', {},
        `${f.what}: ${f.readings.join('; ')}`,
        f.disagree ? el('span', { class: 'panel-disagree' }, ' · sources disagree') : null))) : null,
      d.merged.length ? el('p', { class: 'panel-meta' }, d.merged.at(-1)) : null,
      el('p', { class: 'panel-actions' },
        el('button', { type: 'button', class: 'page-button', 'data-accept': d.id, 'aria-label': `Accept: ${d.title}` }, 'Accept'),
        el('button', { type: 'button', class: 'page-button', 'data-reject': d.id, 'aria-label': `Reject: ${d.title}` }, 'Reject')),
      edit);
  }

  /**
   * Saves the fields of `form` that differ from draft `d`.
   *
   * @param {Draft} d
   * @param {HTMLFormElement} form
   */
  save(d, form) {
    try {
      for (const name of FIELDS) {
        const value = control(form, name).value;
        const before = { title: d.title, type: d.type, date: d.date ?? '', place: d.place ?? '' }[name];
        if (value !== before) this.desk().edit(d.id, name, value);
      }
      this.say(`Saved: ${control(form, 'title').value}.`);
      this.show(d.id);
    } catch (error) {
      this.say(messageOf(error), true);
    }
  }

  /**
   * A click in the review: accept, reject, open an event, or download.
   *
   * @param {MouseEvent} e
   */
  clicked(e) {
    const target = closest(e, '[data-accept], [data-reject], [data-select], [data-download], mark');
    if (!target) return;
    try {
      const { accept, reject, select, events } = target.dataset;
      if (accept) {
        this.desk().accept(accept);
        this.say('Accepted.');
        this.show();
      } else if (reject) {
        this.desk().reject(reject);
        this.say('Rejected: the draft is gone from the package.');
        this.show();
      } else if (select) {
        this.explorer.setAttribute('selected', select);
      } else if (target.tagName === 'MARK') {
        this.explorer.setAttribute('selected', (events ?? '').split(' ')[0]);
      } else if (target.hasAttribute('data-download')) {
        this.download();
      }
    } catch (error) {
      this.say(messageOf(error), true);
    }
  }

  download() {
    const url = URL.createObjectURL(new Blob([this.desk().packageBytes()], { type: 'application/json' }));
    const a = el('a', { href: url, download: 'reviewed-package.json', hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
