// Other formats open in the explorer as they are, through src=.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, integrityOf, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('an ACLED export opens through src=, and a broken one says what it skipped', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/fixtures/acled.html`);
  const explorer = page.locator('#explorer');
  await explorer.locator('.dl-status', { hasText: '4 events' }).waitFor();
  assert.equal(await explorer.locator('.dl-title').textContent(), 'ACLED events from events.csv');
  const titles = await explorer.locator('.dl-item-title').allTextContents();
  assert.ok(titles.includes('Air/drone strike in Jurf al-Sakhar'), titles.join(' | '));
  const card = explorer.locator('.dl-card');
  assert.match(await card.locator('.dl-quote').textContent(), /Invented for tests: missiles struck the base/);
  assert.match(await card.textContent(), /killed: 0 per ACLED export \(events\.csv\)/);
  assert.match(await explorer.locator('.dl-marker[data-place="place-1"]').getAttribute('aria-label'), /^Ain al-Asad Airbase: 2 events; somewhere in this city/);
  const broken = page.locator('#broken');
  await broken.locator('.dl-problems summary', { hasText: "5 rows loaded; 1 skipped: line 5, the id 'TST3' repeats line 4." }).waitFor();
  assert.equal(await broken.locator('.dl-item').count(), 5);
  await page.screenshot({ path: `${ARTIFACTS}/acled.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('TimelineJS JSON and sheets, UCDP and plain CSV open through src=', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/fixtures/formats.html`);
  const expect = { timeline: 4, sheet: 3, ucdp: 2, plain: 3, mapped: 3 };
  for (const [id, n] of Object.entries(expect)) {
    await page.locator(`#${id} .dl-status`, { hasText: `${n} events` }).waitFor();
  }
  assert.equal(await page.locator('#timeline .dl-title').textContent(), 'Tit for tat in Iraq');
  await page.locator('#timeline .dl-item-button[data-id="asad"]').click();
  const card = page.locator('#timeline .dl-card');
  const links = await card.locator('.dl-links a').evaluateAll((as) => as.map((a) => [a.href, a.textContent, a.rel]));
  assert.deepEqual(links, [
    ['https://example.org/asad', 'the report', 'noopener noreferrer'],
    ['https://example.org/photo.jpg', 'Media: The base — Agency', 'noopener noreferrer'],
  ]);
  assert.equal(await page.locator('#timeline .dl-problems li').count(), 2, 'the impossible day and the data: link');
  assert.ok((await page.locator('#mapped .dl-item-title').allTextContents()).includes('Rockets hit the Green Zone'));
  // With a gazetteer, a place named in a slide is found and mapped.
  assert.match(await page.locator('#sheet .dl-marker[data-place="green-zone"]').getAttribute('aria-label'), /^Green Zone: 1 event/);
  assert.match(await page.locator('#plain .dl-marker[data-place="place-1"]').getAttribute('aria-label'), /^al-Asad: 1 event/);
  assert.deepEqual(page.errors, []);
});

test('the file picker opens each format, and Export downloads the current view', async () => {
  const page = await env.page({ acceptDownloads: true });
  await page.goto(`${env.base}/`);
  const explorer = page.locator('#explorer');
  await explorer.locator('.dl-status', { hasText: '19 events' }).waitFor();
  for (const [file, n, title] of [
    ['tests/fixtures/timelinejs/timeline.json', 4, 'Weeks of protests'],
    ['tests/fixtures/acled/events.csv', 4, 'Air/drone strike in Jurf al-Sakhar'],
    ['tests/fixtures/csv/plain.csv', 3, 'Weeks of protest'],
  ]) {
    await page.setInputFiles('#open-file', file);
    await explorer.locator('.dl-item-title', { hasText: new RegExp(`^${title}$`) }).first().waitFor();
    await explorer.locator('.dl-status', { hasText: `${n} events` }).waitFor();
  }
  // Filter, then export: the download holds exactly the events shown.
  await explorer.locator('input[type=search]').fill('protest');
  await explorer.locator('.dl-status', { hasText: '1 of 3' }).waitFor();
  await explorer.locator('.dl-export > summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), explorer.locator('[data-format="csv"]').click()]);
  assert.equal(download.suggestedFilename(), 'plain-csv.csv');
  const text = await (await import('node:fs/promises')).readFile(await download.path(), 'utf8');
  const lines = text.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^event_id_cnty,event_date,/);
  assert.match(lines[1], /Weeks of protest/);
  await explorer.locator('.dl-export > summary').click();
  const [geo] = await Promise.all([page.waitForEvent('download'), explorer.locator('[data-format="geojson"]').click()]);
  const geojson = JSON.parse(await (await import('node:fs/promises')).readFile(await geo.path(), 'utf8'));
  assert.equal(geojson.features.length, 1);
  assert.deepEqual(geojson.features[0].geometry.coordinates, [44.3661, 33.3152]);
  assert.deepEqual(page.errors, []);
});

test('a package is read by the page\'s engine alone; another format fetches the engine with the importers, in the page', async () => {
  const probe = await env.page();
  await probe.goto(`${env.base}/fixtures/blank.html`);
  const main = await integrityOf(probe, '/pkg/dateline_bg.wasm');
  const cases = [
    // The seed dataset: a package, which the page's engine reads.
    [{}, '/data/iraq-2019-2020.json', false, /^19 events$/],
    // An ACLED export, named by nothing but its header.
    [{}, '/fixtures/acled/events.csv', true, /^4 events$/],
    // A page that pins the engine's hash and not that of the engine with the importers: the
    // explorer says what to add.
    [{ 'dateline-wasm-integrity': main }, '/fixtures/acled/events.csv', false, /^Not loaded$/],
  ];
  for (const [pins, src, wantFull, status] of cases) {
    const page = await env.page();
    const engines = [];
    page.on('request', (request) => {
      const file = new URL(request.url()).pathname.split('/').pop();
      if (file.endsWith('.wasm')) engines.push(file);
    });
    await env.widgets(page, [{ id: 'w', src, views: 'list' }], pins);
    await page.locator('#w .dl-status', { hasText: status }).waitFor();
    assert.equal(engines.includes('dateline_fast_bg.wasm'), wantFull, `${src}: ${engines}`);
    assert.ok(engines.includes('dateline_bg.wasm'), `${src}: ${engines}`);
    assert.equal(page.workers().length, 0, 'a small file is read in the page');
    if (status.source.includes('Not loaded')) {
      await page.locator('#w .dl-error', { hasText: 'add a dateline-fast-wasm-integrity meta tag' }).waitFor();
    } else {
      // The list and a card work from whichever engine holds the data.
      await page.locator('#w .dl-item-button').first().click();
      await page.locator('#w .dl-card-title').waitFor();
    }
    assert.deepEqual(page.errors, [], src);
  }
});

test('a package\'s exports are written by the engine with the importers, fetched when the menu opens; a page that pins the page\'s engine alone says what to add', async () => {
  const probe = await env.page();
  await probe.goto(`${env.base}/fixtures/blank.html`);
  const main = await integrityOf(probe, '/pkg/dateline_bg.wasm');
  const { readFile } = await import('node:fs/promises');

  const page = await env.page({ acceptDownloads: true });
  const engines = [];
  page.on('request', (request) => {
    const file = new URL(request.url()).pathname.split('/').pop();
    if (file.endsWith('.wasm')) engines.push(file);
  });
  await env.widgets(page, [{ id: 'w', src: '/data/iraq-2019-2020.json', views: 'filters list' }]);
  const w = page.locator('#w');
  await w.locator('.dl-status', { hasText: /^19 events$/ }).waitFor();
  assert.deepEqual(engines, ['dateline_bg.wasm'], 'showing a package fetches the page\'s engine alone');
  await w.locator('input[type=search]').fill('Soleimani');
  const status = await w.locator('.dl-status', { hasText: / of 19/ }).textContent();
  const shown = Number(status.match(/^(\d+) of 19/)[1]);
  assert.ok(shown > 0 && shown < 19, status);
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/pkg/dateline_fast_bg.wasm')),
    w.locator('.dl-export > summary').click(),
  ]);
  const [csv] = await Promise.all([page.waitForEvent('download'), w.locator('[data-format="csv"]').click()]);
  assert.equal(csv.suggestedFilename(), 'u-s-iraq-tensions-2019-2020.csv');
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  assert.equal(lines.length, shown + 1, 'the download holds the events shown, below the header');
  await w.locator('.dl-export > summary').click();
  const [pkg] = await Promise.all([page.waitForEvent('download'), w.locator('[data-format="package"]').click()]);
  const written = JSON.parse(await readFile(await pkg.path(), 'utf8'));
  const listed = await w.locator('.dl-item-button').evaluateAll((buttons) => buttons.map((b) => b.dataset.id));
  assert.equal(listed.length, shown);
  assert.deepEqual(written.events.map((e) => e.id).sort(), listed.sort());
  assert.equal(engines.filter((f) => f === 'dateline_fast_bg.wasm').length, 1, 'fetched once');
  assert.deepEqual(page.errors, []);

  // Pinned to the page's engine alone: the export says what to add, and the views stay.
  const pinned = await env.page({ acceptDownloads: true });
  let downloads = 0;
  pinned.on('download', () => { downloads += 1; });
  await env.widgets(pinned, [{ id: 'w', src: '/data/iraq-2019-2020.json', views: 'list' }], { 'dateline-wasm-integrity': main });
  const p = pinned.locator('#w');
  await p.locator('.dl-status', { hasText: /^19 events$/ }).waitFor();
  await p.locator('.dl-export > summary').click();
  await p.locator('[data-format="csv"]').click();
  await p.locator('.dl-export-error[role=alert]', { hasText: /^Could not export: .*add a dateline-fast-wasm-integrity meta tag/ }).waitFor();
  await pinned.screenshot({ path: `${ARTIFACTS}/export-pinned.png` });
  assert.equal(await p.locator('.dl-status').textContent(), '19 events');
  assert.equal(await p.locator('.dl-item-button').count(), 19);
  assert.equal(downloads, 0);
  assert.deepEqual(pinned.errors, []);
});
