// Every string of the interface in the reader's language: in Arabic and in French, no button,
// heading, label, accessible name, axis tick, table header, story control or fault message
// reads as it does in English. Text from the data (titles, quotes, names) is left out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { ARTIFACTS, start } from './harness.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SRC = '/data/iraq-2019-2020.json';
// An event with figures, a relation and two sources, so that its card shows every heading.
const EVENT = 'al-asad-missile-attack';
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/**
 * The interface text of explorer `id`: each text with what it is. Numbers alone and the glyphs of
 * icon buttons are the same in every language, and text from the data is not the interface's.
 */
function interfaceText(page, id) {
  return page.locator(`#${id}`).evaluate((w) => {
    const root = w.shadowRoot;
    const data = '.dl-title, .dl-card-title, .dl-quote, .dl-cite, .dl-item-button, .dl-mark, .dl-mark-label, .dl-marker, '
      + '.dl-place-label, .dl-country-label, th[scope=row], .dl-options, .dl-relations button, .dl-figures strong, .dl-actors';
    const out = [];
    const add = (kind, text) => {
      const t = (text ?? '').replace(/\s+/g, ' ').trim();
      if (t && !/^[\d\s.,:;%()+\-−–٠-٩٫٬]*$/.test(t) && !/^[◀▶⤢+−]$/.test(t)) out.push(`${kind}: ${t}`);
    };
    for (const n of root.querySelectorAll('button, summary')) {
      if (n.closest(data)) continue;
      add('button', n.textContent);
      add('title', n.getAttribute('title'));
    }
    for (const n of root.querySelectorAll('[aria-label]')) if (!n.closest(data)) add('aria-label', n.getAttribute('aria-label'));
    for (const n of root.querySelectorAll('[placeholder]')) add('placeholder', n.getAttribute('placeholder'));
    const parts = 'h3, h4, legend, label, caption, th[scope=col], .dl-tick, .dl-story-position, .dl-timeline-legend, '
      + '.dl-credit, .dl-error p, .dl-status, .dl-card-type, .dl-card-place strong, .dl-hint, .dl-empty-note';
    for (const n of root.querySelectorAll(parts)) if (!n.closest(data)) add(n.className || n.tagName.toLowerCase(), n.textContent);
    // The built-in types and the date precisions are the interface's; places, actors and
    // documents are the data's.
    const groups = [...root.querySelectorAll('.dl-group')];
    for (const group of [groups[0], groups.at(-1)]) {
      for (const n of group?.querySelectorAll('.dl-option-label') ?? []) add('option', n.textContent);
    }
    return out;
  });
}

/**
 * A page of three explorers in `lang`: one with every view and a card open, one in story mode,
 * and one whose data answers 500; the interface text of all three, the table view's too.
 */
async function explorers(lang) {
  const page = await env.page({ viewport: { width: 1280, height: 1000 } });
  await page.route('**/broken/data.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await env.widgets(page, [
    { id: 'w', src: SRC, lang, selected: EVENT },
    { id: 's', src: SRC, lang, mode: 'story', views: 'map timeline list' },
    { id: 'f', src: '/broken/data.json', lang },
  ]);
  const w = page.locator('#w');
  await w.locator('.dl-card-title').waitFor();
  await w.locator('.dl-tick').first().waitFor();
  await page.locator('#s .dl-story-position').filter({ hasText: /\S/ }).waitFor();
  await page.locator('#f .dl-error').waitFor();
  const texts = [...await interfaceText(page, 'w'), ...await interfaceText(page, 's'), ...await interfaceText(page, 'f')];
  await w.locator('.dl-toggle[data-mode="table"]').click();
  await w.locator('.dl-table th[scope="col"]').first().waitFor();
  texts.push(...await interfaceText(page, 'w'));
  return { page, texts: [...new Set(texts)] };
}

/** The text of each entry (`kind: text`), without its kind. */
const bare = (entries) => new Set(entries.map((e) => e.slice(e.indexOf(': ') + 2)));

let english;

test('the English interface is collected whole: buttons, headings, ticks, table, story, fault', async () => {
  const { page, texts } = await explorers('en');
  english = bare(texts);
  for (const expected of ['Story', 'Export', 'Zoom in on the time axis', 'Previous event', 'Next →', 'Dates', 'Date',
    'Sources', 'Figures', 'Related events', 'Try again', 'Jan 2020', 'Missile attack', 'Month', 'Base map: Natural Earth']) {
    assert.ok(english.has(expected), `"${expected}" is among ${[...english].join(' | ')}`);
  }
  assert.ok([...english].some((t) => t.includes('the server answered 500')), 'the fault message');
  assert.deepEqual(page.errors.filter((e) => !e.includes('500')), []);
});

for (const lang of ['ar', 'fr']) {
  test(`lang="${lang}": no interface string reads as it does in English, and axe finds no violation`, async () => {
    assert.ok(english, 'the English interface was collected first');
    const { page, texts } = await explorers(lang);
    assert.ok(texts.length >= english.size * 0.8, `${texts.length} texts, against ${english.size} in English`);
    const same = texts.filter((entry) => english.has(entry.slice(entry.indexOf(': ') + 2)));
    assert.deepEqual(same, [], `still in English: ${same.join(' | ')}`);
    // The axis is the language's too.
    const ticks = await page.locator('#w .dl-tick').allTextContents();
    assert.ok(ticks.length >= 3 && ticks.every((t) => !/Jan|Feb|Mar|Apr|Aug|Dec/.test(t)), ticks.join(' | '));
    await page.screenshot({ path: `${ARTIFACTS}/languages-${lang}.png`, fullPage: true });
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    assert.deepEqual(page.errors.filter((e) => !e.includes('500')), []);
  });
}

/**
 * What an explorer in `lang` says when its engine is blocked, and when the `dateline serve`
 * server it asks answers 500 with a message of its own (`SAID`).
 */
async function faults(lang) {
  const blocked = await env.page();
  await blocked.route('**/pkg/dateline_bg.wasm', (route) => route.abort('blockedbyclient'));
  await env.widgets(blocked, [{ id: 'b', src: SRC, lang }]);
  const engine = await blocked.locator('#b .dl-error p').textContent();
  const server = await env.page();
  await server.route('**/server/**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: SAID }) }));
  await env.widgets(server, [{ id: 's', src: '/server/', lang }]);
  const answered = await server.locator('#s .dl-error p').textContent();
  await server.screenshot({ path: `${ARTIFACTS}/languages-server-${lang}.png` });
  return { engine, answered };
}

const SAID = 'Binder Error: no such table dateline_events';
let englishFaults;

test('the English fault messages: the engine blocked, the server answering an error', async () => {
  englishFaults = await faults('en');
  assert.match(englishFaults.engine, /^The explorer's engine \(WebAssembly\) could not load from .*: the request failed/);
  assert.match(englishFaults.answered, /^Could not load the data: The server at http:.*\/server\/ could not answer \(500\): Binder Error/);
});

for (const lang of ['ar', 'fr']) {
  test(`lang="${lang}": a blocked engine and a server's error are said in the reader's language`, async () => {
    assert.ok(englishFaults, 'the English messages were collected first');
    const { engine, answered } = await faults(lang);
    for (const [what, text, english] of [['engine', engine, englishFaults.engine], ['server', answered, englishFaults.answered]]) {
      assert.notEqual(text, english, what);
      assert.doesNotMatch(text, /could not|engine|The server|request failed|Could not load/, `${what}: ${text}`);
    }
    // The server's own words are shown as it gave them, inside the translated sentence.
    assert.ok(answered.includes(SAID), answered);
    assert.ok(answered.includes('/server/'), answered);
  });
}

test('an explorer in French fetches the French strings only, and an English one none', async () => {
  const page = await env.page();
  const fetched = [];
  page.on('request', (r) => { if (/strings-\w+\.js$/.test(r.url())) fetched.push(new URL(r.url()).pathname); });
  await env.widgets(page, [{ id: 'e', src: SRC, lang: 'en' }, { id: 'g', src: SRC, lang: 'fr-CA' }]);
  await page.locator('#g .dl-status', { hasText: '19 événements' }).waitFor();
  await page.locator('#e .dl-status', { hasText: '19 events' }).waitFor();
  assert.deepEqual(fetched, ['/strings-fr.js']);
  assert.deepEqual(page.errors, []);
});
