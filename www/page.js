// The stand-alone page: the Embed dialog, whose snippets reproduce the explorer's current view.
const explorer = document.getElementById('explorer');
const dialog = document.getElementById('embed-dialog');
const base = new URL('.', location.href);

function snippets() {
  const state = explorer.stateText;
  const src = new URL(explorer.getAttribute('src'), base).href;
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

document.getElementById('embed-open').addEventListener('click', () => {
  const { script, iframe } = snippets();
  document.getElementById('embed-script').value = script;
  document.getElementById('embed-iframe').value = iframe;
  document.getElementById('embed-copied').textContent = '';
  dialog.showModal();
});

for (const button of dialog.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const area = document.getElementById(button.dataset.copy);
    area.select();
    const status = document.getElementById('embed-copied');
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = 'Copied.';
    } catch {
      status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
}

// Opening a file the reader chooses: it is read in the browser and never uploaded.
document.getElementById('open-file').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file) {
    history.replaceState(history.state, '', location.pathname + location.search);
    explorer.openFile(file);
  }
});

// The "Add article" panel: its code, engine and word lists load on first use.
let panel = null;
document.getElementById('article-open').addEventListener('click', async () => {
  if (!panel) {
    const { ArticlePanel } = await import('./panel.js');
    panel = new ArticlePanel(document.getElementById('article-panel'), explorer);
  }
  panel.open();
});
