// A plain list of a dataset's events, drawn through the wasm API. Draws only: every value shown
// comes from the core, and every text is set with textContent.
import init, { Dateline } from './pkg/dateline.js';

const DATA = new URLSearchParams(location.search).get('src') ?? 'data/iraq-2019-2020.json';

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function eventItem(store, summary) {
  const item = element('li', 'event');
  item.dataset.id = summary.id;
  const date = summary.dateText ? `${summary.dateLabel} (“${summary.dateText}”)` : summary.dateLabel;
  item.append(element('div', 'event-date', date), element('div', 'event-title', summary.title));
  const meta = [summary.typeLabel, summary.placeName ?? 'place not given'];
  item.append(element('div', 'event-meta', meta.join(' · ')));
  for (const source of store.event(summary.id).sources) {
    const quote = element('blockquote', null, source.quote);
    quote.append(element('footer', 'event-meta', `— ${source.document.title}`));
    item.append(quote);
  }
  return item;
}

async function main() {
  const status = document.getElementById('status');
  try {
    await init();
    const response = await fetch(DATA);
    if (!response.ok) throw new Error(`${DATA}: the server answered ${response.status}`);
    const store = Dateline.fromBytes(new Uint8Array(await response.arrayBuffer()));
    document.getElementById('title').textContent = store.title;
    document.getElementById('about').textContent = store.description ?? '';
    const problems = document.getElementById('problems');
    for (const p of store.problems()) {
      problems.append(element('li', null, `${p.line}:${p.column} ${p.severity}: ${p.path}: ${p.message}`));
    }
    const result = store.query({ limit: store.eventCount });
    document.getElementById('events').append(...result.page.map((s) => eventItem(store, s)));
    status.textContent = `${result.total} events`;
  } catch (error) {
    status.textContent = `Could not load the events: ${error.message}`;
  }
}

main();
