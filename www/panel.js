// The "Add article" panel: paste an article, get draft events on the map, the timeline and the
// list, with each event's sentence highlighted in the text; accept, reject or edit each draft;
// download the reviewed package. The extractor's engine, gazetteer and lexicon load only when
// the panel opens. All the work is done by the core (pkg/dateline_extract.js); this draws.
import { clear, el } from './dom.js';
import { plural } from './plural.js';

const HERE = new URL('.', import.meta.url);

export class ArticlePanel {
  /**
   * @param {HTMLElement} root the panel's element (its form is already in the page)
   * @param {HTMLElement} explorer the <dateline-explorer> that shows the package
   */
  constructor(root, explorer) {
    this.root = root;
    this.explorer = explorer;
    this.form = root.querySelector('form');
    this.status = root.querySelector('[data-status]');
    this.review = root.querySelector('[data-review]');
    this.drafts = null;
    this.engine = null;
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.add();
    });
    root.querySelector('[data-close]').addEventListener('click', () => this.close());
    this.review.addEventListener('click', (e) => this.clicked(e));
  }

  open() {
    this.root.hidden = false;
    this.root.querySelector('input, textarea').focus();
    this.load().catch((error) => this.say(error.message, true));
  }

  close() {
    this.root.hidden = true;
    document.getElementById('article-open')?.focus();
  }

  say(message, alarm = false) {
    this.status.textContent = message;
    this.status.classList.toggle('panel-error', alarm);
  }

  /** The engine, the gazetteer and the lexicon: fetched once, on first use. */
  load() {
    this.loading ??= (async () => {
      this.say('Loading the extractor, its gazetteer and its lexicon…');
      const bytes = async (path) => {
        const response = await fetch(new URL(path, HERE));
        if (!response.ok) throw new Error(`Could not load ${path}: the server answered ${response.status}.`);
        return new Uint8Array(await response.arrayBuffer());
      };
      const [module, gazetteer, lexicon] = await Promise.all([
        import(new URL('pkg/dateline_extract.js', HERE).href),
        bytes('data/gazetteer.json'),
        bytes('data/lexicon.json'),
      ]);
      await module.default({ module_or_path: new URL('pkg/dateline_extract_bg.wasm', HERE) });
      this.engine = { module, gazetteer, lexicon };
      this.say(`Ready. Gazetteer ${(gazetteer.length / 1024).toFixed(0)} KB, lexicon ${(lexicon.length / 1024).toFixed(0)} KB.`);
    })().catch((error) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  async add() {
    const field = (name) => this.form.elements[name].value;
    try {
      await this.load();
      if (!this.drafts) {
        const base = this.form.elements.merge.checked ? await this.explorer.packageBytes() : null;
        this.drafts = new this.engine.module.Drafts(this.engine.gazetteer, this.engine.lexicon, base ?? undefined);
      }
      const added = this.drafts.addArticle(field('text'), field('title'), field('publisher'), field('url'), field('published'));
      const merged = added.merged ? `; ${added.merged} ${plural(added.merged, 'report')} merged into events already there` : '';
      this.say(`${added.drafted} new ${plural(added.drafted, 'draft')}${merged}. Review them below.`);
      this.document = added.document;
      this.form.elements.text.value = '';
      this.form.elements.merge.disabled = true;
      this.show();
    } catch (error) {
      this.say(error.message, true);
    }
  }

  /** Redraws the explorer and the review from the package as it stands. */
  show(selected = null) {
    const bytes = this.drafts.packageBytes();
    // The package replaces what the explorer showed; a link's old filters would not fit it.
    history.replaceState(history.state, '', location.pathname + location.search);
    if (selected) this.explorer.setAttribute('selected', selected);
    else this.explorer.removeAttribute('selected');
    this.explorer.openFile(new File([bytes], 'drafts.json', { type: 'application/json' }));
    this.drawReview();
  }

  drawReview() {
    const drafts = this.drafts.drafts();
    const documents = this.drafts.documents();
    const doc = documents.find((d) => d.id === this.document) ?? documents.at(-1);
    const text = doc
      ? el('div', { class: 'panel-text', 'aria-label': `The article, with each draft's sentence marked: ${doc.title}` },
        ...this.drafts.segments(doc.id).map((s) => (s.events.length
          ? el('mark', { 'data-events': s.events.join(' '), title: 'Open this event' }, s.text)
          : s.text)))
      : null;
    const types = this.engine.module.Drafts.types();
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

  draftItem(d, types) {
    const date = d.date ? `${d.date}${d.dateText ? ` (“${d.dateText}”)` : ''}` : 'no date yet';
    const edit = el('details', { class: 'panel-edit' }, el('summary', {}, 'Edit'),
      el('form', { 'data-edit': d.id },
        el('label', {}, 'Title ', el('input', { name: 'title', value: d.title })),
        el('label', {}, 'Type ', el('select', { name: 'type' },
          ...types.map((t) => el('option', { value: t.id, selected: t.id === d.type }, t.label)))),
        el('label', {}, 'Date (EDTF) ', el('input', { name: 'date', value: d.date ?? '', placeholder: '2020-01-08' })),
        el('label', {}, 'Place ', el('select', { name: 'place' },
          el('option', { value: '' }, 'none'),
          ...this.drafts.places().map((p) => el('option', { value: p.id, selected: p.id === d.place }, p.label)))),
        el('button', { type: 'submit', class: 'page-button' }, 'Save')));
    edit.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.save(d, e.target);
    });
    return el('li', { class: 'panel-draft' },
      el('p', { class: 'panel-draft-title' }, el('button', { type: 'button', class: 'panel-link', 'data-select': d.id }, d.title)),
      el('p', { class: 'panel-meta' }, `${d.typeLabel} · ${date} · ${d.placeName ?? 'no place'} · confidence ${Math.round(d.confidence * 100)}%`
        + `${d.sources > 1 ? ` · ${d.sources} sources` : ''}`),
      d.merged.length ? el('p', { class: 'panel-meta' }, d.merged.at(-1)) : null,
      el('p', { class: 'panel-actions' },
        el('button', { type: 'button', class: 'page-button', 'data-accept': d.id, 'aria-label': `Accept: ${d.title}` }, 'Accept'),
        el('button', { type: 'button', class: 'page-button', 'data-reject': d.id, 'aria-label': `Reject: ${d.title}` }, 'Reject')),
      edit);
  }

  save(d, form) {
    try {
      for (const name of ['title', 'type', 'date', 'place']) {
        const value = form.elements[name].value;
        const before = { title: d.title, type: d.type, date: d.date ?? '', place: d.place ?? '' }[name];
        if (value !== before) this.drafts.edit(d.id, name, value);
      }
      this.say(`Saved: ${form.elements.title.value}.`);
      this.show(d.id);
    } catch (error) {
      this.say(error.message, true);
    }
  }

  clicked(e) {
    const target = e.target.closest('[data-accept], [data-reject], [data-select], [data-download], mark');
    if (!target) return;
    try {
      if (target.dataset.accept) {
        this.drafts.accept(target.dataset.accept);
        this.say('Accepted.');
        this.show();
      } else if (target.dataset.reject) {
        this.drafts.reject(target.dataset.reject);
        this.say('Rejected: the draft is gone from the package.');
        this.show();
      } else if (target.dataset.select) {
        this.explorer.setAttribute('selected', target.dataset.select);
      } else if (target.tagName === 'MARK') {
        this.explorer.setAttribute('selected', target.dataset.events.split(' ')[0]);
      } else if (target.hasAttribute('data-download')) {
        this.download();
      }
    } catch (error) {
      this.say(error.message, true);
    }
  }

  download() {
    const url = URL.createObjectURL(new Blob([this.drafts.packageBytes()], { type: 'application/json' }));
    const a = el('a', { href: url, download: 'reviewed-package.json', hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
