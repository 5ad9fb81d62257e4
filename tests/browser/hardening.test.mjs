// Faults and hostile hosts: the widget keeps working, and says what went wrong.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const widgets = (page, list) => env.widgets(page, list);

const event = (id, date) => ({ id, title: `Event ${id}`, type: 'other', date, place: 'p' });
const pkg = (events) => JSON.stringify({ dateline: 1, title: 't', places: [{ id: 'p', name: 'P', lat: 33, lon: 44 }], events });

test('zero events, one event, all on one day and a span of 10,000 years draw without NaN', async () => {
  const page = await env.page();
  await widgets(page, [
    { id: 'zero', src: '/fixtures/zero.json', body: pkg([]) },
    { id: 'one', src: '/fixtures/one.json', body: pkg([event('a', '2020-01-08')]) },
    { id: 'day', src: '/fixtures/day.json', body: pkg([event('a', '2020-01-08'), event('b', '2020-01-08'), event('c', '2020-01-08')]) },
    { id: 'ages', src: '/fixtures/ages.json', body: pkg([event('a', '-4999'), event('b', '4999-12-31'), event('c', '-4999/4999')]) },
  ]);
  for (const [id, n] of [['zero', 0], ['one', 1], ['day', 3], ['ages', 3]]) {
    await page.locator(`#${id} .dl-status`, { hasText: `${n} events` }).waitFor();
  }
  const bad = await page.evaluate(() => [...document.querySelectorAll('dateline-explorer')].flatMap((w) =>
    [...w.shadowRoot.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => /NaN|Infinity|undefined/.test(a.value)).map((a) => `${w.id} ${n.tagName} ${a.name}=${a.value}`))));
  assert.deepEqual(bad, []);
  assert.ok(await page.locator('#ages .dl-tick').count() >= 2, 'a 10,000-year axis still has ticks');
  assert.equal(await page.locator('#day .dl-mark').count(), 3, 'three marks on one day, in three lanes');
  assert.deepEqual(page.errors, []);
});

test('twenty widgets, one with a broken file: each keeps its own state and ids', async () => {
  const page = await env.page();
  const list = Array.from({ length: 20 }, (_, i) => ({ id: `w${i}`, src: i === 7 ? '/fixtures/packages/broken-event.json' : '/data/iraq-2019-2020.json', views: 'filters list' }));
  list[13] = { id: 'w13', src: '/fixtures/not-json.json', body: '{"dateline": 1, "events": [', views: 'list' };
  await widgets(page, list);
  for (const { id } of list) await page.locator(`#${id} .dl-status`).filter({ hasText: /events/ }).waitFor();
  assert.match(await page.locator('#w13 .dl-problems').textContent(), /line 1, column 28/);
  await page.locator('#w3 input[type=search]').fill('soleimani');
  await page.locator('#w3 .dl-status', { hasText: 'of 19' }).waitFor();
  assert.equal(await page.locator('#w4 .dl-status').textContent(), '19 events');
  const ids = await page.evaluate(() => [...document.querySelectorAll('dateline-explorer')].flatMap((w) => [...w.shadowRoot.querySelectorAll('[id]')].map((n) => n.id)));
  assert.equal(new Set(ids).size, ids.length, 'no id repeats across widgets');
  assert.deepEqual(page.errors, []);
});

test('removing, re-adding and changing src mid-load: the old load is dropped, nothing leaks', async () => {
  const page = await env.page();
  let slowRequests = 0;
  await page.route('**/fixtures/slow.json', async (route) => {
    slowRequests += 1;
    await new Promise((done) => setTimeout(done, 1500));
    await route.fulfill({ contentType: 'application/json', body: pkg([event('slow', '2020-01-01')]) }).catch(() => {});
  });
  await widgets(page, [{ id: 'w', src: '/fixtures/slow.json', views: 'list' }]);
  await page.waitForTimeout(200);
  await page.evaluate(() => document.getElementById('w').setAttribute('src', '/data/iraq-2019-2020.json'));
  await page.locator('#w .dl-status', { hasText: '19 events' }).waitFor();
  await page.waitForTimeout(1800);
  assert.equal(await page.locator('#w .dl-status').textContent(), '19 events', 'the slow, older answer does not replace the new data');
  assert.ok(slowRequests >= 1);
  // Out and back in: it loads again, once.
  await page.evaluate(() => {
    const w = document.getElementById('w');
    w.remove();
    document.body.append(w);
  });
  await page.locator('#w .dl-status', { hasText: '19 events' }).waitFor();
  assert.equal(await page.locator('#w .dl-item').count(), 19);
  assert.deepEqual(page.errors, []);
});

test('a hostile host stylesheet and a polluted Object.prototype leave the widget intact', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/fixtures/hostile-host.html`);
  const w = page.locator('#explorer');
  await w.locator('.dl-status', { hasText: '19 events' }).waitFor();
  assert.equal(await w.locator('.dl-item').count(), 19, 'a polluted prototype adds no filters');
  const font = await w.locator('.dl-item-title').first().evaluate((n) => getComputedStyle(n).fontSize);
  assert.equal(font, '15px');
  const map = await w.locator('.dl-map-frame').boundingBox();
  assert.ok(map.height > 300 && map.width > 300, JSON.stringify(map));
  await w.locator('.dl-group').filter({ hasText: 'Event type' }).getByLabel(/Missile attack/).check();
  await w.locator('.dl-status', { hasText: '1 of 19' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/hostile-host.png` });
  assert.deepEqual(page.errors, []);
});

test('__proto__ and constructor keys in data pollute nothing', async () => {
  const page = await env.page();
  const body = '{"dateline": 1, "title": "t", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}},'
    + '"events": [{"id": "a", "title": "A", "type": "other", "date": "2020", "__proto__": {"polluted": 3}}]}';
  await widgets(page, [{ id: 'w', src: '/fixtures/proto.json', body, views: 'list' }]);
  await page.locator('#w .dl-status', { hasText: '1 events' }).waitFor();
  assert.equal(await page.evaluate(() => ({}).polluted ?? null), null);
  assert.match(await page.locator('#w .dl-problems').textContent() + (await page.locator('#w').evaluate((n) => n.shadowRoot.textContent)), /A/);
  assert.deepEqual(page.errors, []);
});
