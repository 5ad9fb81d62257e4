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
