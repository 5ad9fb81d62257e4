// Faults a reader may meet: the engine or the data not loading, the engine trapping, messages
// from other origins. Each leaves a readable message and a working page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { ARTIFACTS, foreignFrame, openSizedHost, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const ARTICLE = '/examples/article.html';

test('the article without its engine says why and shows its static list of events', async () => {
  const page = await env.page({ viewport: { width: 800, height: 900 } });
  await page.route('**/pkg/dateline_bg.wasm', (route) => route.abort('blockedbyclient'));
  await page.goto(`${env.base}${ARTICLE}`);
  const explorer = page.locator('dateline-explorer');
  await explorer.locator('.dl-error', { hasText: /engine \(WebAssembly\) could not load/ }).waitFor();
  // The element's own children come back below the reason: every event, readable.
  const fallback = page.locator('dateline-explorer > ol.dl-events > li');
  assert.equal(await fallback.count(), 19);
  assert.ok(await fallback.first().isVisible(), 'the list is shown through the slot');
  assert.ok(await page.getByRole('heading', { name: 'Attacks kill coalition troops and contractors' }).isVisible());
  // The host page still works around it.
  assert.ok(await page.getByRole('heading', { name: 'Six months of tit-for-tat in Iraq' }).isVisible());
  assert.equal(await page.evaluate(() => document.querySelectorAll('article p').length > 3), true);
  await explorer.getByRole('button', { name: 'Try again' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/fault-no-engine.png` });
  const axe = await new AxeBuilder({ page }).include('dateline-explorer').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
});

test('without scripts the article shows the static list in place of the explorer', async () => {
  const page = await env.page({ javaScriptEnabled: false, viewport: { width: 800, height: 900 } });
  await page.goto(`${env.base}${ARTICLE}`);
  const items = page.locator('dateline-explorer > ol.dl-events > li');
  assert.equal(await items.count(), 19);
  assert.ok(await items.nth(5).isVisible());
  assert.match(await items.first().innerText(), /Date: until 2020/);
  await page.screenshot({ path: `${ARTIFACTS}/fault-no-script.png` });
});

test('a data request answered 500 or blocked says why, shows the fallback, and retries', async () => {
  const page = await env.page();
  let fail = true;
  await page.route('**/data/iraq-2019-2020.json', (route) => (fail ? route.fulfill({ status: 500, body: 'oops' }) : route.fallback()));
  await page.goto(`${env.base}${ARTICLE}`);
  const explorer = page.locator('dateline-explorer');
  await explorer.locator('.dl-error', { hasText: 'the server answered 500' }).waitFor();
  assert.ok(await page.locator('dateline-explorer > ol.dl-events').isVisible());
  fail = false;
  await explorer.getByRole('button', { name: 'Try again' }).click();
  await explorer.locator('.dl-status', { hasText: 'of 19 events' }).waitFor();
  assert.equal(await page.locator('dateline-explorer > ol.dl-events').isVisible(), false, 'the explorer replaces the list once it runs');

  const blocked = await env.page();
  await blocked.route('**/data/iraq-2019-2020.json', (route) => route.abort('blockedbyclient'));
  await blocked.goto(`${env.base}${ARTICLE}`);
  await blocked.locator('dateline-explorer .dl-error', { hasText: 'the request failed' }).waitFor();
  assert.ok(await blocked.locator('dateline-explorer > ol.dl-events').isVisible());
});

test('an engine that traps is replaced by a fresh one and the view comes back', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await env.widgets(page, [
    { id: 'a', src: '/data/iraq-2019-2020.json', filters: 'types=missile-attack,drone-strike&event=al-asad-missile-attack' },
    { id: 'b', src: '/data/iraq-2019-2020.json', views: 'filters list' },
  ]);
  const a = page.locator('#a');
  await a.locator('.dl-status', { hasText: '2 of 19 events match' }).waitFor();
  await a.locator('.dl-card-title', { hasText: 'al-Asad' }).waitFor();
  await page.locator('#b .dl-status', { hasText: '19 events' }).waitFor();
  const before = await page.evaluate(() => document.getElementById('a').engines.core);
  assert.ok(before, 'explorer a has an engine');
  // A trap no data can cause: the engine's memory overwritten from outside, as a fault inside
  // the core leaves it. The next question to it traps.
  await page.evaluate(() => {
    const w = /** @type {any} */ (document.getElementById('a'));
    w.wrecked = w.engines.core;
    new Uint8Array(w.engines.core.memory.buffer).fill(0xff);
  });
  await a.locator('input[type=search]').fill('asad');
  await a.locator('.dl-note', { hasText: 'started afresh and your view restored' }).waitFor();
  // A fresh instance, the filters, the words typed and the open card as they were.
  assert.equal(await page.evaluate(() => {
    const w = /** @type {any} */ (document.getElementById('a'));
    return w.engines.core !== null && w.engines.core !== w.wrecked && w.engines.core.memory !== w.wrecked.memory;
  }), true);
  await a.locator('.dl-status', { hasText: '1 of 19 events match' }).waitFor();
  assert.equal(await a.locator('input[type=search]').inputValue(), 'asad');
  await a.locator('.dl-card-title', { hasText: 'al-Asad' }).waitFor();
  assert.equal(await a.locator('.dl-error').count(), 0, 'no error box once restored');
  // It keeps answering, and the other explorer never noticed.
  await a.locator('input[type=search]').fill('');
  await a.locator('.dl-status', { hasText: '2 of 19 events match' }).waitFor();
  await page.locator('#b input[type=search]').fill('soleimani');
  await page.locator('#b .dl-status', { hasText: 'of 19 events match' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/fault-trap-restored.png` });
  assert.ok(page.errors.length >= 1 && page.errors.every((e) => e.includes('the engine stopped')), page.errors.join('\n'));
});

test('an engine that traps again while the view comes back stops with a retry', async () => {
  const page = await env.page();
  await env.widgets(page, [{ id: 'a', src: '/data/iraq-2019-2020.json', views: 'filters list' }]);
  const a = page.locator('#a');
  await a.locator('.dl-status', { hasText: '19 events' }).waitFor();
  // The engine's memory is wrecked, and so is every fresh engine's as it is handed out: the
  // restart traps too.
  await page.evaluate(() => {
    const w = /** @type {any} */ (document.getElementById('a'));
    const wreck = (engine) => { new Uint8Array(engine.memory.buffer).fill(0xff); return engine; };
    const get = w.engines.get.bind(w.engines);
    w.engines.get = (kind) => get(kind).then(wreck);
    wreck(w.engines.core);
  });
  await a.locator('input[type=search]').fill('asad');
  await a.locator('.dl-error', { hasText: /The explorer stopped because of an internal error|The explorer's engine stopped while reading the data/ }).waitFor();
  await a.getByRole('button', { name: 'Try again' }).waitFor();
  assert.equal(await a.locator('.dl-note', { hasText: 'your view restored' }).count(), 0, 'no claim of a view restored');
});

test('messages posted from another origin change nothing in the embed or its host', async () => {
  const { page, frame, embed, sized } = await openSizedHost(env);
  const cards = () => embed.locator('.dl-card-title').allTextContents();
  const cardsBefore = await cards();
  // A frame of another origin posts to the embed and to its host every shape of message the
  // explorer's parts use: a height, an engine's answer, a state.
  const foreign = await foreignFrame(env, page);
  await foreign.evaluate(() => {
    const messages = [
      { type: 'dateline:height', height: 1e9 },
      { id: 1, value: { total: 0 } },
      { id: null, error: 'forged', trap: true },
      { progress: { phase: 'reading', events: 5, progress: 0.5 } },
      'types=airstrike&event=soleimani-killing',
    ];
    for (const m of messages) {
      parent.postMessage(m, '*');
      parent.frames[0].postMessage(m, '*');
    }
  });
  await page.waitForTimeout(400);
  assert.equal(await frame.getAttribute('height'), sized);
  await embed.locator('.dl-status', { hasText: '1 of 19' }).waitFor();
  assert.equal(await embed.locator('.dl-error').count(), 0);
  assert.deepEqual(await cards(), cardsBefore, 'no card opened or closed by a message');
  assert.deepEqual(page.errors, []);
});

test('a slow base map holds back neither list nor timeline, and a failing one only the map', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  let release;
  const held = new Promise((done) => { release = done; });
  await page.route('**/data/basemap-middle-east.json', async (route) => { await held; await route.fallback(); });
  await env.widgets(page, [{ id: 'w', src: '/data/iraq-2019-2020.json' }]);
  const w = page.locator('#w');
  await w.locator('.dl-item-title').first().waitFor();
  await w.locator('.dl-mark').first().waitFor();
  assert.equal(await w.locator('.dl-country').count(), 0, 'the list and timeline came first');
  release();
  await w.locator('.dl-country').first().waitFor();

  const broken = await env.page();
  await broken.route('**/data/basemap-middle-east.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await env.widgets(broken, [{ id: 'w', src: '/data/iraq-2019-2020.json' }]);
  await broken.locator('#w .dl-map .dl-note', { hasText: 'The map could not be drawn' }).waitFor();
  await broken.locator('#w .dl-status', { hasText: '19 events' }).waitFor();
  assert.ok(await broken.locator('#w .dl-item-title').first().isVisible());
});
