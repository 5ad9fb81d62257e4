// The first page: the seed events, listed through the wasm core, in a real browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, start } from './harness.mjs';

const seed = JSON.parse(await readFile('www/data/iraq-2019-2020.json', 'utf8'));
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('every seed event is listed in date order with its quotes', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/`);
  await page.waitForFunction(() => /\d+ events/.test(document.getElementById('status').textContent));
  const titles = await page.locator('.event-title').allTextContents();
  assert.equal(titles.length, seed.events.length);
  assert.deepEqual(new Set(titles), new Set(seed.events.map((e) => e.title)));
  const ids = await page.locator('.event').evaluateAll((items) => items.map((i) => i.dataset.id));
  assert.ok(ids.indexOf('late-december-attacks') < ids.indexOf('al-asad-missile-attack'));
  assert.ok(ids.indexOf('al-asad-missile-attack') < ids.indexOf('qayyarah-handover'));
  const asad = page.locator('.event[data-id="al-asad-missile-attack"]');
  assert.equal(await asad.locator('blockquote').count(), 2);
  assert.match(await asad.textContent(), /8 January 2020/);
  assert.equal(await page.locator('.problems li').count(), 0);
  await page.screenshot({ path: `${ARTIFACTS}/list.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('a broken file shows its problems with line and column, and the good events', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/?src=/fixtures/packages/broken-event.json`);
  await page.waitForFunction(() => /\d+ events/.test(document.getElementById('status').textContent));
  const problems = await page.locator('.problems li').allTextContents();
  assert.ok(problems.some((p) => /^\d+:\d+ error: events\[1\]\.date: '2020-02-30'/.test(p)), problems.join('\n'));
  assert.equal(await page.locator('.event').count(), 2);
  assert.deepEqual(page.errors, []);
});

test('a missing file is reported, not swallowed', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/?src=/fixtures/packages/no-such-file.json`);
  await page.waitForFunction(() => /Could not load/.test(document.getElementById('status').textContent));
  assert.match(await page.locator('#status').textContent(), /404/);
});

test('the JS API returns typed arrays and throws Errors with the core message', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/`);
  const out = await page.evaluate(async () => {
    const m = await import('/pkg/dateline.js');
    await m.default();
    const bytes = new Uint8Array(await (await fetch('/data/iraq-2019-2020.json')).arrayBuffer());
    const store = m.Dateline.fromBytes(bytes);
    const r = store.query({ types: ['missile-attack'], from: '2020-01', to: '2020-03' });
    const card = store.event(r.page[0].id);
    const caught = (f) => { try { f(); return null; } catch (e) { return [e instanceof Error, e.message]; } };
    const result = {
      total: r.total,
      typeCounts: r.typeCounts.constructor.name,
      edges: r.bins.edges.constructor.name,
      typesLength: store.types().length === r.typeCounts.length,
      injured: card.figures[0].readings.map((x) => `${x.words} per ${x.sourceTitle}`),
      badPlace: caught(() => store.query({ places: ['paris'] })),
      badField: caught(() => store.query({ palces: ['paris'] })),
      badDate: caught(() => m.dateSpan('2020-02-30')),
      span: m.dateSpan('2019-12~'),
    };
    store.free();
    return result;
  });
  assert.equal(out.total, 1);
  assert.equal(out.typeCounts, 'Uint32Array');
  assert.equal(out.edges, 'Int32Array');
  assert.ok(out.typesLength);
  assert.match(out.injured[0], /^nearly 100 per /);
  assert.match(out.injured[1], /^more than 100 per /);
  assert.deepEqual(out.badPlace, [true, "query 'places': there is no place with the id 'paris'"]);
  assert.equal(out.badField[0], true);
  assert.match(out.badField[1], /palces/);
  assert.match(out.badDate[1], /February 2020 has 29 days/);
  assert.deepEqual([out.span.from, out.span.to, out.span.label], ['2019-11-01', '2020-01-31', 'about December 2019']);
  assert.deepEqual(page.errors, []);
});
