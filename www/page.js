// @ts-check
// The stand-alone page: the Embed dialog, whose snippets reproduce the explorer's current view.
// The elements it finds by id are in index.html.

/** @import { Explorer } from './dateline.js' */

const explorer = /** @type {Explorer} */ (document.getElementById('explorer'));
const dialog = /** @type {HTMLDialogElement} */ (document.getElementById('embed-dialog'));
const copied = /** @type {HTMLElement} */ (document.getElementById('embed-copied'));
const base = new URL('.', location.href);

/**
 * The text area of the page with `id`.
 *
 * @param {string} id
 */
function area(id) {
  return /** @type {HTMLTextAreaElement} */ (document.getElementById(id));
}

/**
 * The element of the page with `id`.
 *
 * @param {string} id
 */
function element(id) {
  return /** @type {HTMLElement} */ (document.getElementById(id));
}

/** The two snippets that embed the view on screen: a script tag and element, and an iframe. */
function snippets() {
  const state = explorer.stateText;
  const src = new URL(explorer.getAttribute('src') ?? '', base).href;
  /** @param {string} name @param {string} value */
  const attr = (name, value) => (value ? ` ${name}="${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"` : '');
  const script = `<script type="module" src="${new URL('dateline.js', base).href}"></script>\n`
    + `<dateline-explorer src="${src}"${attr('filters', state)} height="720px"></dateline-explorer>`;
  const frame = new URL('embed.html', base);
  frame.searchParams.set('src', src);
  frame.hash = state;
  const origin = base.origin;
  const iframe = `<iframe src="${frame.href.replaceAll('&', '&amp;')}" title="Dateline: events explorer"\n`
    + `  style="width:100%;border:0" height="720" loading="lazy"></iframe>\n`
    + `<script>\n`
    + `  // Let the explorer set its own height, and trust no one else.\n`
    + `  window.addEventListener('message', (event) => {\n`
    + `    const frame = document.querySelector('iframe[src^="${frame.origin}${frame.pathname}"]');\n`
    + `    if (event.origin !== '${origin}' || !frame || event.source !== frame.contentWindow) return;\n`
    + `    if (event.data?.type !== 'dateline:height') return;\n`
    + `    const height = Number(event.data.height);\n`
    + `    if (Number.isFinite(height)) frame.height = String(Math.min(Math.max(Math.round(height), 200), 4000));\n`
    + `  });\n`
    + `</script>`;
  return { script, iframe };
}

element('embed-open').addEventListener('click', () => {
  const { script, iframe } = snippets();
  area('embed-script').value = script;
  area('embed-iframe').value = iframe;
  copied.textContent = '';
  dialog.showModal();
});

for (const copy of /** @type {NodeListOf<HTMLElement>} */ (dialog.querySelectorAll('[data-copy]'))) {
  copy.addEventListener('click', async () => {
    const text = area(copy.dataset.copy ?? '');
    text.select();
    try {
      await navigator.clipboard.writeText(text.value);
      copied.textContent = 'Copied.';
    } catch {
      copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
}

// Opening a file the reader chooses: it is read in the browser and never uploaded.
const picker = /** @type {HTMLInputElement} */ (document.getElementById('open-file'));
picker.addEventListener('change', () => {
  const file = picker.files?.[0];
  if (file) {
    history.replaceState(history.state, '', location.pathname + location.search);
    explorer.openFile(file);
  }
});

// The "Add article" panel: its code, engine and word lists load on first use.
/** @type {import('./panel.js').ArticlePanel | null} */
let panel = null;
element('article-open').addEventListener('click', async () => {
  if (!panel) {
    const { ArticlePanel } = await import('./panel.js');
    panel = new ArticlePanel(element('article-panel'), explorer);
  }
  panel.open();
});
