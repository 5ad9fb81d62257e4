// The explorer pointed at a `dateline serve` server (a src ending in `/`): every question goes
// over HTTP to the server, which answers from Parquet through DuckDB, and the widget shows what
// the page's own engine shows for the same events read from CSV. What the server cannot answer
// is said in the widget, in the server's words, and the widget keeps working.
//
// The server needs DuckDB's shell from `./build.sh tools` (DATELINE_TOOLS names another folder);
// without it these tests skip and say so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AxeBuilder } from '@axe-core/playwright';
import { ARTIFACTS, start } from './harness.mjs';

const TOOLS = process.env.DATELINE_TOOLS ?? 'target/tools/venv/bin';
const DUCKDB = join(TOOLS, 'duckdb');
const skip = existsSync(DUCKDB) ? false : `no DuckDB shell in ${TOOLS}: run ./build.sh tools to test the explorer against dateline serve`;
const ROWS = 3000;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let env;
let dir;
/** The running server and its port. @type {{ child: import('node:child_process').ChildProcess, port: number } | null} */
let server = null;

/** Starts `dateline serve` on the Parquet folder, on `port` (0: a free one), once it listens. */
function serve(port = 0) {
  const child = spawn('target/release/dateline', ['serve', join(dir, 'data'), '--port', String(port), '--duckdb', DUCKDB], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((done, fail) => {
    const lines = createInterface({ input: child.stderr });
    lines.once('line', (line) => {
      const listening = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
      if (listening) done({ child, port: Number(listening[1]) });
      else fail(new Error(`dateline serve did not start: ${line}`));
    });
  });
}

/** Stops the server, once it has gone. */
async function stop() {
  const { child } = server;
  const gone = new Promise((done) => child.once('exit', done));
  child.kill();
  await gone;
  server = null;
}

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'dateline-remote-'));
  mkdirSync(join(dir, 'data'));
  const csv = join(dir, 'events.csv');
  execFileSync('target/release/dateline', ['synth', String(ROWS), '--seed', '11', '--acled', csv], { stdio: 'ignore' });
  execFileSync(DUCKDB, ['-c', `COPY (SELECT * FROM read_csv('${csv}')) TO '${join(dir, 'data', 'events.parquet')}'`]);
  server = await serve();
  env = await start({ '/generated/': dir });
});
after(async () => {
  if (server) await stop();
  await env?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Errors the page logged, less the browser's own line for each request that failed. */
const errorsOf = (page) => page.errors.filter((e) => !/^Failed to load resource/.test(e));

/**
 * What a widget shows: its status, its facets (the options with a count, by group, sorted:
 * the server names actors and places by name, the page's engine in file order), the list's
 * first entries and the card.
 */
async function shown(w) {
  return w.evaluate((host) => {
    const root = host.shadowRoot;
    const text = (s) => [...root.querySelectorAll(s)].map((n) => n.textContent.trim().replace(/\s+/g, ' '));
    const facets = {};
    for (const group of root.querySelectorAll('fieldset.dl-group')) {
      const options = [...group.querySelectorAll('.dl-option')]
        .map((o) => `${o.querySelector('.dl-option-label').textContent}: ${o.querySelector('.dl-count').textContent}`)
        .filter((o) => !o.endsWith(': 0'));
      facets[group.querySelector('legend').textContent] = options.sort();
    }
    return {
      status: root.querySelector('.dl-status').textContent,
      facets,
      titles: text('.dl-item-title').slice(0, 10),
      dates: text('.dl-item-when').slice(0, 10),
      card: text('.dl-card-title, .dl-card .dl-quote'),
    };
  });
}

/** Both widgets show the same, but for the documents: the server's data names none. */
async function same(local, remote) {
  const [a, b] = [await shown(local), await shown(remote)];
  for (const v of [a, b]) delete v.facets.Source;
  assert.deepEqual(b, a);
  return a;
}

/** The status says `pattern` and the widget has drawn the answer. */
async function settled(w, pattern) {
  await w.locator('.dl-status', { hasText: pattern }).waitFor();
}

/** Waits until the status says something other than `before`. */
async function changed(w, before) {
  for (let i = 0; i < 200; i += 1) {
    if (await w.locator('.dl-status').textContent() !== before) return;
    await w.page().waitForTimeout(50);
  }
  assert.fail(`the status still says "${before}"`);
}

test('the explorer asks a dateline serve server and shows what the page\'s engine shows', { skip }, async () => {
  const page = await env.page({ viewport: { width: 1400, height: 1000 } });
  await env.widgets(page, [
    { id: 'local', src: '/generated/events.csv', format: 'acled', views: 'filters list timeline' },
    { id: 'remote', src: `http://127.0.0.1:${server.port}/`, views: 'filters list timeline' },
  ]);
  const [local, remote] = [page.locator('#local'), page.locator('#remote')];
  for (const w of [local, remote]) await settled(w, `${ROWS} events`);
  await same(local, remote);
  const steps = [
    ['a brush by the date fields', async (w) => {
      await w.getByLabel('From', { exact: true }).fill('2019-01-01');
      await w.getByLabel('To', { exact: true }).fill('2020-06-30');
      await w.getByLabel('To', { exact: true }).press('Enter');
    }],
    ['a type', (w) => w.locator('.dl-group').filter({ hasText: 'Event type' }).getByLabel(/Protest/).check()],
    ['words', (w) => w.locator('input[type=search]').fill('checkpoint')],
    ['an event opened', (w) => w.locator('.dl-item-button').first().click()],
  ];
  for (const [what, step] of steps) {
    for (const w of [local, remote]) {
      const before = await w.locator('.dl-status').textContent();
      await step(w);
      if (what !== 'an event opened') await changed(w, before);
      else await w.locator('.dl-card-title').waitFor();
    }
    // The server answers in its own time: compare once both have drawn.
    await page.waitForTimeout(300);
    const view = await same(local, remote);
    assert.match(view.status, /^\d+ of 3000 events match$/, what);
    assert.notEqual(view.titles.length, 0, `${what}: events are listed`);
  }
  assert.ok((await shown(remote)).card.length >= 2, 'the card has its title and quote');
  await remote.locator('.dl-card').screenshot({ path: `${ARTIFACTS}/remote-card.png` });
  await page.screenshot({ path: `${ARTIFACTS}/remote.png` });
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
  assert.deepEqual(errorsOf(page), []);
});

test('Export against the server saves the file the page\'s engine writes for the same events', { skip }, async () => {
  const page = await env.page({ viewport: { width: 1400, height: 1000 } });
  const url = `http://127.0.0.1:${server.port}/`;
  await env.widgets(page, [
    { id: 'local', src: '/generated/events.csv', format: 'acled', views: 'filters list' },
    { id: 'remote', src: url, views: 'filters list' },
  ]);
  const [local, remote] = [page.locator('#local'), page.locator('#remote')];
  const { readFile } = await import('node:fs/promises');
  /** Export > `format` in `w`: the download's name and text. */
  const exported = async (w, format) => {
    await w.locator('.dl-export > summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), w.locator(`[data-format="${format}"]`).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
  };
  for (const w of [local, remote]) {
    await settled(w, `${ROWS} events`);
    await w.locator('.dl-group').filter({ hasText: 'Event type' }).getByLabel(/Protest/).check();
    await settled(w, /^\d+ of 3000 events match$/);
  }
  const matched = Number(/^(\d+)/.exec(await remote.locator('.dl-status').textContent())[1]);
  const [mine, theirs] = [await exported(local, 'csv'), await exported(remote, 'csv')];
  assert.equal(theirs.name, 'acled-events-from-data.csv');
  const lines = theirs.text.split('\n');
  assert.match(lines[0], /^event_id_cnty,event_date,year,time_precision,/);
  assert.match(lines[1], /,Protests,/);
  // The one document is named after what was read: the file here, the server's folder there.
  assert.equal(theirs.text, mine.text.replaceAll('ACLED export (events.csv)', 'ACLED export (data)'), 'the server\'s CSV is the page engine\'s');
  assert.ok(matched > 10 && lines.length > matched, `${matched} events, ${lines.length} lines`);
  // A refusal: the server's words, as text, where a failed export is said.
  await page.route(`${url}export?format=geojson`, (route) => route.fulfill({
    status: 413, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({ error: 'export: more than <b>200000</b> events match' }),
  }));
  await remote.locator('.dl-export > summary').click();
  await remote.locator('[data-format="geojson"]').click();
  const said = remote.locator('.dl-export-error');
  await said.waitFor();
  assert.match(await said.textContent(), new RegExp(`The server at ${url} could not answer \\(413\\): export: more than <b>200000</b> events match`));
  assert.equal(await said.locator('b').count(), 0, 'the server\'s words are text, not markup');
  await page.screenshot({ path: `${ARTIFACTS}/remote-export-error.png` });
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
  assert.deepEqual(errorsOf(page), []);
});

test('what the server cannot answer is said in its words, and the explorer keeps working', { skip }, async () => {
  const page = await env.page({ viewport: { width: 1200, height: 900 } });
  const url = `http://127.0.0.1:${server.port}/`;
  await env.widgets(page, [{ id: 'w', src: url, views: 'filters list timeline' }]);
  const w = page.locator('#w');
  await settled(w, `${ROWS} events`);
  const status = () => w.locator('.dl-status').textContent();
  // Both dates in one change, so that one answer comes: filling "From" and then "To" would ask
  // for the new start with the old end first, whose answer can arrive after a status is read.
  const brush = async (from, to) => {
    await w.getByLabel('From', { exact: true }).evaluate((input, value) => { input.value = value; }, from);
    await w.getByLabel('To', { exact: true }).fill(to);
    await w.getByLabel('To', { exact: true }).press('Enter');
  };
  // The engine fails (500): its message, as text, in the problems box; the view stays.
  await page.route(`${url}query`, (route) => route.fulfill({
    status: 500, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' },
    body: JSON.stringify({ error: 'Binder Error: <b>no</b> such table dateline_events' }),
  }));
  await brush('2020-01-01', '2020-12-31');
  const notice = w.locator('.dl-problems .dl-server-error');
  await notice.waitFor();
  assert.equal(await notice.textContent(), `The server at ${url} could not answer (500): Binder Error: <b>no</b> such table dateline_events. The view shows its last answer; changing the view asks again.`);
  assert.equal(await notice.locator('b').count(), 0, 'the server\'s words are text, not markup');
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal(await status(), `${ROWS} events`);
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.length}`), []);
  await page.screenshot({ path: `${ARTIFACTS}/remote-error.png` });
  // Answering again: the notice goes and the view follows.
  await page.unroute(`${url}query`);
  await brush('2020-01-01', '2020-06-30');
  await settled(w, /^\d+ of 3000 events match$/);
  assert.equal(await notice.count(), 0);
  // The server gone: the same, in the browser's words; back, and the next change is answered.
  const port = server.port;
  await stop();
  const before = await status();
  await brush('2021-01-01', '2021-03-31');
  await w.locator('.dl-server-error', { hasText: `The server at ${url} could not be reached` }).waitFor();
  assert.equal(await status(), before);
  server = await serve(port);
  await brush('2021-01-01', '2021-06-30');
  // The status says what it said until the answer comes: wait for it to change first.
  await changed(w, before);
  await settled(w, /^\d+ of 3000 events match$/);
  assert.equal(await notice.count(), 0);
  // A filter the server refuses (400): its message, and a view started clean, as the page's
  // engine does for a link naming what the data lacks.
  await page.evaluate(() => document.querySelector('#w').setAttribute('filters', 'documents=acled'));
  await w.locator('.dl-problems', { hasText: 'documents' }).waitFor();
  await settled(w, `${ROWS} events`);
  assert.deepEqual(errorsOf(page), []);
});

test('a server that cannot be reached stops loading with the reason and a way to try again', { skip }, async () => {
  const page = await env.page();
  // A port that was free a moment ago: nothing listens there.
  const free = await serve();
  const port = free.port;
  free.child.kill();
  await new Promise((done) => free.child.once('exit', done));
  await env.widgets(page, [{ id: 'w', src: `http://127.0.0.1:${port}/` }]);
  const w = page.locator('#w');
  await w.locator('.dl-error', { hasText: `Could not load the data: The server at http://127.0.0.1:${port}/ could not be reached` }).waitFor();
  await w.getByRole('button', { name: 'Try again' }).waitFor();
  assert.deepEqual(errorsOf(page), []);
});
