// Faults and hostile hosts: the widget keeps working, and says what went wrong.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, foreignFrame, integrityOf, openSizedHost, start } from './harness.mjs';

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
    await page.locator(`#${id} .dl-status`, { hasText: new RegExp(`^${n} ${n === 1 ? 'event' : 'events'}$`) }).waitFor();
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
  // Each of the nineteen with filters has at least its search field and two date fields.
  assert.ok(ids.length >= 3 * 19, `${ids.length} ids`);
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
  await page.locator('#w .dl-status', { hasText: /^1 event$/ }).waitFor();
  assert.equal(await page.evaluate(() => ({}).polluted ?? null), null);
  // The event is listed as written, its own __proto__ key ignored.
  assert.deepEqual(await page.locator('#w .dl-item-title').allTextContents(), ['A']);
  assert.deepEqual(page.errors, []);
});

test('a server error and a blocked request each stop with a message and a retry that works', async () => {
  const page = await env.page();
  let fail = true;
  await page.route('**/data/iraq-2019-2020.json', (route) => (fail ? route.fulfill({ status: 500, body: 'oops' }) : route.fallback()));
  await page.route('**/fixtures/blocked.json', (route) => route.abort('blockedbyclient'));
  await widgets(page, [
    { id: 'down', src: '/data/iraq-2019-2020.json', views: 'list' },
    { id: 'blocked', src: '/fixtures/blocked.json', views: 'list' },
  ]);
  await page.locator('#down .dl-error', { hasText: 'the server answered 500' }).waitFor();
  await page.locator('#blocked .dl-error', { hasText: 'the request failed (offline, blocked, or not allowed from this page)' }).waitFor();
  assert.equal(await page.locator('#down .dl-status').textContent(), 'Not loaded', 'no endless spinner');
  fail = false;
  await page.locator('#down').getByRole('button', { name: 'Try again' }).click();
  await page.locator('#down .dl-status', { hasText: '19 events' }).waitFor();
  assert.ok(page.errors.every((e) => /500|ERR_BLOCKED_BY_CLIENT|Failed to load resource/.test(e)), page.errors.join('\n'));
});

test('the engine not loading says why: a 404, and a page whose CSP forbids WebAssembly', async () => {
  const missing = await env.page();
  let status = 404;
  await missing.route('**/pkg/dateline_bg.wasm', (route) => (status ? route.fulfill({ status, body: 'not found' }) : route.fallback()));
  await widgets(missing, [{ id: 'w', src: '/data/iraq-2019-2020.json', views: 'list' }]);
  await missing.locator('#w .dl-error', { hasText: /engine \(WebAssembly\) could not load from .*dateline_bg\.wasm: the server answered 404/ }).waitFor();
  status = 0;
  await missing.locator('#w').getByRole('button', { name: 'Try again' }).click();
  await missing.locator('#w .dl-status', { hasText: '19 events' }).waitFor();

  const strict = await env.page();
  await strict.goto(`${env.base}/fixtures/no-wasm-csp.html`);
  await strict.locator('#explorer .dl-error', { hasText: "blocked by this page's Content-Security-Policy: its script-src needs 'wasm-unsafe-eval'" }).waitFor();
});

test('a wasm served with the wrong MIME type still loads, with a warning that names the type', async () => {
  const page = await env.page();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route('**/pkg/dateline_bg.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await widgets(page, [{ id: 'w', src: '/data/iraq-2019-2020.json', views: 'list' }]);
  await page.locator('#w .dl-status', { hasText: '19 events' }).waitFor();
  assert.ok(warnings.some((w) => w.includes('is served as "application/octet-stream", not application/wasm')), warnings.join('\n'));
  assert.deepEqual(page.errors, []);
});

test('an engine that breaks inside restarts its own explorer only, on a fresh engine', async () => {
  const page = await env.page();
  await widgets(page, [
    { id: 'a', src: '/data/iraq-2019-2020.json', views: 'filters list' },
    { id: 'b', src: '/data/iraq-2019-2020.json', views: 'filters list' },
  ]);
  for (const id of ['a', 'b']) await page.locator(`#${id} .dl-status`, { hasText: '19 events' }).waitFor();
  // Wreck explorer a's engine memory, as a fault inside the core would: every byte set to 0xff.
  const separate = await page.evaluate(() => {
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id).engines.core.memory);
    new Uint8Array(a.buffer).fill(0xff);
    return a !== b;
  });
  assert.ok(separate, 'each explorer has an engine of its own');
  await page.locator('#a input[type=search]').fill('asad');
  // Explorer a loads again on a fresh engine, with the words typed (faults.test.mjs has more).
  await page.locator('#a .dl-note', { hasText: 'started afresh' }).waitFor();
  await page.locator('#a .dl-status', { hasText: 'of 19 events match' }).waitFor();
  // The other explorer is untouched.
  await page.locator('#b input[type=search]').fill('soleimani');
  await page.locator('#b .dl-status', { hasText: 'of 19 events match' }).waitFor();
  assert.ok(page.errors.length >= 1 && page.errors.every((e) => e.includes('the engine stopped')), page.errors.join('\n'));
});

test('the iframe embed ignores spoofed and cross-origin height messages and clamps wild heights', async () => {
  const { page, frame, sized } = await openSizedHost(env);
  // From the host window itself, and from a frame of another origin.
  await page.evaluate(() => window.postMessage({ type: 'dateline:height', height: 1e9 }, '*'));
  const spoofer = await foreignFrame(env, page);
  await spoofer.evaluate(() => parent.postMessage({ type: 'dateline:height', height: 1e9 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await frame.getAttribute('height'), sized, 'spoofed messages change nothing');
  // From the explorer's own frame, wild values are clamped.
  const own = page.frames().find((f) => f.url().includes('/embed.html'));
  await own.evaluate(() => parent.postMessage({ type: 'dateline:height', height: 1e9 }, '*'));
  await page.waitForFunction(() => document.getElementById('frame').height === '4000');
  await own.evaluate(() => parent.postMessage({ type: 'dateline:height', height: -5 }, '*'));
  await page.waitForFunction(() => document.getElementById('frame').height === '200');
  await own.evaluate(() => parent.postMessage({ type: 'dateline:height', height: 'NaN' }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await frame.getAttribute('height'), '200');
  assert.deepEqual(page.errors, []);
});

test('a lying Content-Length and an endless stream stop at the cap or the lie; the page stays responsive', async () => {
  const { createServer } = await import('node:http');
  // A server of its own: one answer claims 10 bytes and sends megabytes, one claims a terabyte,
  // one never ends.
  const liar = createServer((request, response) => {
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
    if (request.url.startsWith('/small')) {
      response.writeHead(200, { ...headers, 'content-length': '10' });
      response.end(`[${' '.repeat(3_000_000)}]`);
      return;
    }
    if (request.url.startsWith('/huge')) {
      response.writeHead(200, { ...headers, 'content-length': String(1e12) });
      response.write('{');
      return;
    }
    response.writeHead(200, headers);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const timer = setInterval(() => response.write(chunk), 5);
    request.on('close', () => clearInterval(timer));
  });
  await new Promise((done) => liar.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${liar.address().port}`;
  try {
    const page = await env.page();
    await widgets(page, [
      { id: 'small', src: `${origin}/small.json`, views: 'list' },
      { id: 'huge', src: `${origin}/huge.json`, views: 'list' },
      { id: 'endless', src: `${origin}/endless.json`, 'max-bytes': '2000000', views: 'list' },
      { id: 'fine', src: '/data/iraq-2019-2020.json', views: 'filters list' },
    ]);
    // The browser reads what the header promises, no more: a cut file, reported.
    await page.locator('#small .dl-problems', { hasText: 'found the end of the file' }).waitFor();
    await page.locator('#huge .dl-error', { hasText: 'is larger than this explorer reads (209,715,200 bytes); loading stopped.' }).waitFor();
    await page.locator('#endless .dl-error', { hasText: 'is larger than this explorer reads (2,000,000 bytes); loading stopped.' }).waitFor();
    // Meanwhile the page answered: another explorer filters.
    await page.locator('#fine input[type=search]').fill('asad');
    await page.locator('#fine .dl-status', { hasText: 'of 19 events match' }).waitFor();
    assert.ok(page.errors.every((e) => /Failed to load resource|net::/.test(e)), page.errors.join('\n'));
  } finally {
    liar.closeAllConnections();
    await new Promise((done) => liar.close(done));
  }
});

test('an engine that does not match the page\'s pinned hash is refused; the right hash loads', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/fixtures/blank.html`);
  const right = await integrityOf(page, '/pkg/dateline_bg.wasm');
  for (const [hash, expect] of [['sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'does not match'], [right, '19 events']]) {
    const p = await env.page();
    await env.widgets(p, [{ id: 'w', src: '/data/iraq-2019-2020.json', views: 'list' }], { 'dateline-wasm-integrity': hash });
    await p.locator('#w', { hasText: expect }).waitFor();
  }
});

test('a load can be cancelled while the data arrives, and tried again', async () => {
  const page = await env.page();
  let stall = true;
  await page.route('**/fixtures/stalled.json', async (route) => {
    if (stall) return; // never answers
    await route.fulfill({ contentType: 'application/json', body: pkg([event('a', '2020-01-08')]) });
  });
  await widgets(page, [{ id: 'w', src: '/fixtures/stalled.json', views: 'list' }]);
  await page.locator('#w .dl-status', { hasText: 'Loading…' }).waitFor();
  await page.locator('#w').getByRole('button', { name: 'Cancel' }).click();
  await page.locator('#w .dl-error', { hasText: 'Loading cancelled.' }).waitFor();
  assert.equal(await page.locator('#w').getByRole('button', { name: 'Cancel' }).count(), 0);
  stall = false;
  await page.locator('#w').getByRole('button', { name: 'Try again' }).click();
  await page.locator('#w .dl-status', { hasText: /^1 event$/ }).waitFor();
  assert.equal(await page.locator('#w').getByRole('button', { name: 'Cancel' }).count(), 0, 'no Cancel once loaded');
  assert.deepEqual(page.errors, []);
});

test('a large download shows a progress bar and how much has arrived', async () => {
  const { createServer } = await import('node:http');
  const total = 6_000_000;
  // 6 MB of a package, 500 KB at a time: an empty package padded with spaces.
  const slow = createServer((request, response) => {
    response.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'application/json', 'content-length': String(total) });
    const body = Buffer.alloc(total, 0x20);
    body.write('{"dateline": 1, "title": "padded", "events": []', 0);
    body.write('}', total - 1);
    let at = 0;
    const timer = setInterval(() => {
      response.write(body.subarray(at, at + 500_000));
      at += 500_000;
      if (at >= total) {
        clearInterval(timer);
        response.end();
      }
    }, 80);
    request.on('close', () => clearInterval(timer));
  });
  await new Promise((done) => slow.listen(0, '127.0.0.1', done));
  try {
    const page = await env.page();
    await widgets(page, [{ id: 'w', src: `http://127.0.0.1:${slow.address().port}/padded.json`, views: 'list' }]);
    await page.locator('#w progress.dl-progress:not([hidden])').waitFor();
    await page.locator('#w .dl-status', { hasText: /^Loading… [\d.]+ of 6\.0 MB$/ }).waitFor();
    const value = await page.locator('#w progress.dl-progress').evaluate((p) => [p.value, p.max]);
    assert.ok(value[0] > 0 && value[1] === total, String(value));
    await page.locator('#w .dl-status', { hasText: '0 events' }).waitFor();
    assert.equal(await page.locator('#w progress').count(), 0, 'the bar goes once the data is read');
    assert.deepEqual(page.errors, []);
  } finally {
    slow.closeAllConnections();
    await new Promise((done) => slow.close(done));
  }
});
