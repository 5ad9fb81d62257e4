// At scale: 100,000 synthetic ACLED events (made by `dateline synth`) load in the page, and
// brushing, filtering and selecting work. A functional test; speed is measured by ./build.sh bench.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { ARTIFACTS, collectViolations, integrityOf, start } from './harness.mjs';

let env;
let dir;
let csv;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dateline-scale-'));
  csv = join(dir, 'acled-100000.csv');
  execFileSync('target/release/dateline', ['synth', '100000', '--seed', '3', '--acled', csv]);
  // Long enough to read that a reader can cancel while the worker reads it.
  execFileSync('target/release/dateline', ['synth', '400000', '--seed', '4', '--acled', join(dir, 'acled-400000.csv')]);
  env = await start({ '/generated/': dir });
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('100,000 events load, and brushing, filtering and selecting work', async () => {
  const page = await env.page({ viewport: { width: 1400, height: 1000 } });
  await page.route('**/fixtures/acled-100000.csv', (route) => route.fulfill({ path: csv, contentType: 'text/csv' }));
  await env.widgets(page, [{ id: 'w', src: '/fixtures/acled-100000.csv', format: 'acled' }]);
  const w = page.locator('#w');
  await w.locator('.dl-status', { hasText: '100000 events' }).waitFor({ timeout: 120000 });
  // Ten years of 100,000 events: the timeline draws a histogram, not 100,000 marks.
  await w.locator('.dl-empty-note', { hasText: /^100,000 events in view: too many to draw one by one/ }).waitFor();
  assert.equal(await w.locator('.dl-mark').count(), 0);
  assert.ok(await w.locator('.dl-bin-tall').count() > 50);
  await page.screenshot({ path: `${ARTIFACTS}/scale-100k-histogram.png` });
  // 2,000 places: markers that would overlap are drawn as groups, so the map stays readable.
  const markers = await w.locator('.dl-marker').count();
  assert.ok(markers > 10 && markers < 300, `${markers} markers for 2,000 places`);
  // 500 actors and about 2,000 places: each facet draws its 20 most frequent until asked for all.
  const number = (t) => Number(t.replace(/,/g, ''));
  const actors = w.locator('.dl-group').filter({ hasText: 'Actor' });
  const places = w.locator('.dl-group').filter({ hasText: 'Place' });
  assert.equal(await actors.locator('.dl-option').count(), 20);
  assert.equal(await places.locator('.dl-option').count(), 20);
  assert.match(await places.getByRole('button', { name: /^Show all / }).textContent(), /^Show all 1,9\d\d$/);
  const few = (await actors.locator('.dl-count').allTextContents()).map(number);
  // The core gives the options to draw: the button changes with its answer.
  await actors.getByRole('button', { name: 'Show all 500' }).click();
  await actors.getByRole('button', { name: 'Show fewer' }).waitFor();
  assert.equal(await actors.locator('.dl-option').count(), 500);
  const every = (await actors.locator('.dl-count').allTextContents()).map(number).sort((a, b) => b - a);
  assert.equal(Math.min(...few), every[19], 'the 20 drawn are those with the highest counts');
  // A chosen actor stays drawn among the 20 when the list shows fewer again.
  const rare = actors.locator('.dl-option').last();
  const name = await rare.locator('.dl-option-label').textContent();
  await rare.locator('input').check();
  await w.locator('.dl-status', { hasText: /^\d+ of 100000 events match$/ }).waitFor();
  await actors.getByRole('button', { name: 'Show fewer' }).click();
  await actors.getByRole('button', { name: 'Show all 500' }).waitFor();
  assert.equal(await actors.locator('.dl-option').count(), 21);
  assert.ok(await actors.getByLabel(name).isChecked());
  await actors.getByLabel(name).uncheck();
  await w.locator('.dl-status', { hasText: /^100000 events$/ }).waitFor();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), [], 'grouped markers and the histogram pass axe');
  const group = w.locator('.dl-marker-group:not(.dl-marker-edge)').first();
  const [leader, members] = [await group.getAttribute('data-place'), Number(await group.getAttribute('data-places'))];
  assert.ok(members > 1);
  // Counts are written as the reader's language writes numbers: 14,782 in English.
  assert.match(await group.getAttribute('aria-label'), new RegExp(`^${members} places around .+: \\d{1,3}(,\\d{3})* events\\. Zooms in to tell them apart$`));
  // Choosing a group zooms in on it: its places come apart.
  await group.click();
  const after = w.locator(`.dl-marker[data-place="${leader}"]`);
  await after.waitFor();
  const now = Number(await after.getAttribute('data-places') ?? 1);
  assert.ok(now < members, `the group of ${members} now holds ${now}`);
  await w.getByRole('button', { name: 'Show all places' }).click();
  // Zooming in far enough brings the events back, one by one.
  for (let i = 0; i < 9; i += 1) await w.getByRole('button', { name: 'Zoom in on the time axis' }).click();
  await w.locator('.dl-mark').first().waitFor();
  assert.equal(await w.locator('.dl-bin-tall').count(), 0);
  await w.getByRole('button', { name: 'Show the whole period' }).click();
  await w.locator('.dl-bin-tall').first().waitFor();
  // The list holds all 100,000 and draws only what is in view: scroll to the end, see the last.
  assert.ok(await w.locator('.dl-item').count() < 40, 'only the entries in view are drawn');
  assert.equal(await w.locator('.dl-item').first().getAttribute('aria-setsize'), '100000');
  await w.locator('ol.dl-list').evaluate((list) => { list.scrollTop = list.scrollHeight; });
  await w.locator('.dl-item[aria-posinset="100000"]').waitFor();
  assert.match(await w.locator('.dl-item[aria-posinset="100000"] .dl-item-when').textContent(), /2024|2025/);
  await w.locator('ol.dl-list').evaluate((list) => { list.scrollTop = 0; });
  // Brush by the date fields (the keyboard's way to brush).
  await w.getByLabel('From', { exact: true }).fill('2020-01-01');
  await w.getByLabel('To', { exact: true }).fill('2020-03-31');
  await w.getByLabel('To', { exact: true }).press('Enter');
  await w.locator('.dl-status', { hasText: /^\d+ of 100000 events match$/ }).waitFor();
  const inRange = Number((await w.locator('.dl-status').textContent()).split(' ')[0]);
  assert.ok(inRange > 1500 && inRange < 4000, `about 2.5% of ten years: ${inRange}`);
  // Filter by a type: fewer, and every listed event has it.
  await w.locator('.dl-group').filter({ hasText: 'Event type' }).getByLabel(/Airstrike/).check();
  await w.locator('.dl-status', { hasText: /^\d+ of 100000 events match$/ }).filter({ hasNotText: `${inRange} of` }).waitFor();
  const strikes = Number((await w.locator('.dl-status').textContent()).split(' ')[0]);
  assert.ok(strikes > 0 && strikes < inRange, `${strikes} of ${inRange}`);
  const types = await w.locator('.dl-item-meta').allTextContents();
  assert.ok(types.length > 0 && types.every((t) => t.includes('Airstrike')), types.slice(0, 3).join(' | '));
  // Select one: its card, with ACLED's notes as its quote.
  await w.locator('.dl-item-button').first().click();
  await w.locator('.dl-card-title').waitFor();
  assert.match(await w.locator('.dl-card .dl-quote').first().textContent(), /\w+/);
  assert.match(await w.locator('.dl-card').textContent(), /ACLED type: Explosions\/Remote violence \/ Air\/drone strike/);
  await page.screenshot({ path: `${ARTIFACTS}/scale-100k.png` });
  assert.deepEqual(page.errors, []);
});

test('a large file is read in a Web Worker: the page answers meanwhile, shows the rows read, and can cancel', async () => {
  const page = await env.page({ viewport: { width: 1200, height: 900 } });
  await page.route('**/fixtures/acled-100000.csv*', (route) => route.fulfill({ path: csv, contentType: 'text/csv' }));
  await env.widgets(page, [{ id: 'w', src: '/fixtures/acled-100000.csv', format: 'acled' }]);
  const w = page.locator('#w');
  await w.locator('.dl-status', { hasText: /^(Reading|Indexing|100000 events)/ }).waitFor({ timeout: 60000 });
  assert.equal(page.workers().length, 1, 'the engine runs in a worker');
  assert.match(page.workers()[0].url(), /engine-worker\.js$/);
  await w.locator('.dl-status', { hasText: '100000 events' }).waitFor({ timeout: 120000 });
  assert.equal(await w.locator('.dl-status').getAttribute('aria-busy'), null);
  // The worker answers the explorer's questions too: a filter, the list, a card.
  await w.getByLabel('From', { exact: true }).fill('2021-01-01');
  await w.getByLabel('To', { exact: true }).fill('2021-01-31');
  await w.getByLabel('To', { exact: true }).press('Enter');
  await w.locator('.dl-status', { hasText: /^\d+ of 100000 events match$/ }).waitFor();
  await w.locator('.dl-item-button').first().click();
  await w.locator('.dl-card-title').waitFor();
  assert.match(await w.locator('.dl-item-when').first().textContent(), /2021/);
  // Typing fast asks the worker one question at a time, and what shows at the end is the answer
  // for the whole word.
  const search = w.locator('input[type=search]');
  const settled = async () => {
    let last = '';
    for (let same = 0; same < 5;) {
      await page.waitForTimeout(100);
      const now = await w.locator('.dl-status').textContent();
      same = now === last ? same + 1 : 0;
      last = now;
    }
    return last;
  };
  await search.pressSequentially('checkpoint');
  const fast = await settled();
  await search.fill('');
  await settled();
  await search.pressSequentially('checkpoint', { delay: 120 });
  assert.equal(await settled(), fast);
  assert.match(fast, /^\d+ of 100000 events match$/);
  await search.fill('');
  // A link naming a place the data lacks: the worker's answer says so, and the view starts clean.
  await page.evaluate(() => document.querySelector('#w').setAttribute('filters', 'places=nowhere'));
  await w.locator('.dl-problems', { hasText: "there is no place with the id 'nowhere'" }).waitFor();
  await w.locator('.dl-status', { hasText: /^100000 events$/ }).waitFor();
  assert.equal(await w.locator('progress.dl-progress').count(), 0);
  // A longer file: while it reads, the page runs other work and the status counts the events
  // read so far; then cancel while reading: the explorer says so and keeps nothing half-read.
  await page.evaluate(() => document.querySelector('#w').setAttribute('src', '/generated/acled-400000.csv'));
  await w.locator('.dl-status', { hasText: /^Reading… [\d,]+ events \(\d+%\)$/ }).waitFor({ timeout: 60000 });
  const during = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(
    document.querySelector('#w').shadowRoot.querySelector('.dl-status').textContent))));
  assert.match(during, /^(Reading… [\d,]+ events|Indexing [\d,]+ events…)/, 'a frame was drawn before the reading ended');
  assert.ok(await w.locator('progress.dl-progress').isVisible());
  assert.equal(await w.locator('.dl-status').getAttribute('aria-busy'), 'true', 'the running count is not read out');
  assert.equal(page.workers().length, 1, 'the engine runs in a worker');
  await w.getByRole('button', { name: 'Cancel' }).click();
  await w.getByText('Loading cancelled.').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await w.locator('.dl-marker').count(), 0);
  for (let i = 0; i < 50 && page.workers().length; i += 1) await page.waitForTimeout(100);
  assert.equal(page.workers().length, 0, 'the worker is stopped with the load');
  assert.deepEqual(page.errors, []);
});

test('where no worker can run, a large file is read in the page, in steps', async () => {
  const page = await env.page({ viewport: { width: 1200, height: 900 } });
  // The worker's script cannot be had (as on a page whose policy forbids workers).
  await page.route('**/engine-worker.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // Long enough to read (by the engine with the importers, in the page) that the steps show.
  await env.widgets(page, [{ id: 'w', src: '/generated/acled-400000.csv', format: 'acled' }]);
  const w = page.locator('#w');
  await w.locator('.dl-status', { hasText: /^(Reading|Indexing)/ }).waitFor({ timeout: 60000 });
  await w.locator('.dl-status', { hasText: '400000 events' }).waitFor({ timeout: 120000 });
  assert.ok(warnings.some((t) => t.includes('reading in the page, as no worker could start')), warnings.join(' | '));
  await w.locator('.dl-item-button').first().click();
  await w.locator('.dl-card-title').waitFor();
  assert.deepEqual(page.errors.filter((e) => !/404|engine-worker/.test(e)), []);
});

test('a large file chosen with the file picker goes to the worker, and Export works from there', async () => {
  const page = await env.page({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/`);
  const explorer = page.locator('#explorer');
  await explorer.locator('.dl-status', { hasText: '19 events' }).waitFor();
  await page.setInputFiles('#open-file', csv);
  await explorer.locator('.dl-status', { hasText: '100000 events' }).waitFor({ timeout: 120000 });
  assert.equal(page.workers().length, 1);
  await explorer.locator('.dl-group').filter({ hasText: 'Event type' }).getByLabel(/Airstrike/).check();
  await explorer.locator('.dl-status', { hasText: /^\d+ of 100000 events match$/ }).waitFor();
  const strikes = Number((await explorer.locator('.dl-status').textContent()).split(' ')[0]);
  await explorer.locator('.dl-export > summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), explorer.locator('[data-format="geojson"]').click()]);
  const geojson = JSON.parse(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
  assert.equal(geojson.features.length, strikes, 'the download holds the events shown');
  assert.deepEqual(page.errors, []);
});

test('a file the reader opened stays on disk: a card reads its row back from the file', async () => {
  // A copy of its own, as the test changes it on disk.
  const opened = join(dir, 'opened.csv');
  copyFileSync(csv, opened);
  const rows = readFileSync(opened, 'utf8');
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/`);
  const explorer = page.locator('#explorer');
  await explorer.locator('.dl-status', { hasText: '19 events' }).waitFor();
  await page.setInputFiles('#open-file', opened);
  await explorer.locator('.dl-status', { hasText: '100000 events' }).waitFor({ timeout: 120000 });
  assert.equal(page.workers().length, 1);
  // The worker let go of the bytes it read: the card is made from the row read back from disk,
  // with its notes as the quote and its type.
  const items = explorer.locator('.dl-item-button');
  await items.first().click();
  await explorer.locator('.dl-card-title').waitFor();
  const quote = (await explorer.locator('.dl-card .dl-quote').first().textContent()).trim();
  assert.ok(quote.length > 20, quote);
  const line = rows.split('\n').find((l) => l.includes(quote));
  assert.ok(line, 'the quote is a row\'s notes');
  const fields = line.split(',');
  assert.equal(await explorer.locator('.dl-card-title').textContent(), `${fields[6]} in ${fields[21]}`, 'its type and place');
  // The file changed on disk since it was opened: the browser will not read it, and a card says
  // its row could not be read again (no bytes were kept to make it from).
  utimesSync(opened, new Date(), new Date(Date.now() + 60000));
  await items.nth(1).click();
  await explorer.locator('.dl-card-title', { hasText: '(this row could not be read again)' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a large file sent with no length announced goes to the worker once 32 MB have come', async () => {
  const page = await env.page({ viewport: { width: 1200, height: 900 } });
  await env.widgets(page, [{ id: 'w', src: '/generated/acled-400000.csv?unsized', format: 'acled' }]);
  const w = page.locator('#w');
  await w.locator('.dl-status', { hasText: /^(Reading|Indexing)/ }).waitFor({ timeout: 60000 });
  assert.equal(page.workers().length, 1, 'the engine runs in a worker');
  await w.locator('.dl-status', { hasText: '400000 events' }).waitFor({ timeout: 120000 });
  await w.locator('.dl-item-button').first().click();
  await w.locator('.dl-card-title').waitFor();
  assert.deepEqual(page.errors, []);
});

test('under a strict policy with Trusted Types, a large file still goes to the worker, with no violation', async () => {
  const page = await env.page();
  await collectViolations(page);
  await page.goto(`${env.base}/fixtures/strict.html`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  await page.evaluate(() => document.querySelector('#explorer').setAttribute('src', '/generated/acled-400000.csv'));
  await page.locator('#explorer .dl-status', { hasText: /^(Reading|Indexing)/ }).waitFor({ timeout: 60000 });
  assert.equal(page.workers().length, 1);
  await page.locator('#explorer .dl-status', { hasText: '400000 events' }).waitFor({ timeout: 120000 });
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.errors, []);
});

test('the worker runs the engine with the importers, unless the page pins the engine\'s hash and not that one\'s', async () => {
  const probe = await env.page();
  await probe.goto(`${env.base}/fixtures/blank.html`);
  const main = await integrityOf(probe, '/pkg/dateline_bg.wasm');
  const fast = await integrityOf(probe, '/pkg/dateline_fast_bg.wasm');
  for (const [pins, wantFast] of [[{}, true], [{ 'dateline-wasm-integrity': main }, false],
    [{ 'dateline-wasm-integrity': main, 'dateline-fast-wasm-integrity': fast }, true]]) {
    const page = await env.page();
    const engines = [];
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.split('/').pop();
      if (file.endsWith('.wasm')) engines.push(file);
    });
    await env.widgets(page, [{ id: 'w', src: '/generated/acled-100000.csv', views: 'list' }], pins);
    if (wantFast) {
      await page.locator('#w .dl-status', { hasText: '100000 events' }).waitFor({ timeout: 120000 });
    } else {
      // The page's engine reads packages only, and says which engine reads the rest.
      await page.locator('#w .dl-problems', { hasText: 'an ACLED export, which this engine does not read' }).waitFor({ timeout: 120000 });
      await page.locator('#w .dl-status', { hasText: '0 events' }).waitFor();
    }
    assert.equal(page.workers().length, 1, JSON.stringify(pins));
    assert.equal(engines.includes('dateline_fast_bg.wasm'), wantFast, `${JSON.stringify(pins)}: ${engines}`);
    assert.deepEqual(page.errors, []);
  }
});
