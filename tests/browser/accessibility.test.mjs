// Every reader: axe finds no WCAG 2.2 A/AA violation, and a whole task works by keyboard alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { ARTIFACTS, start } from './harness.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

for (const [name, path, width] of [
  ['the page', '/', 1280],
  ['the page with a card open', '/#event=al-asad-missile-attack', 1280],
  ['the page at 320 px', '/', 320],
  ['the iframe embed', '/embed.html?src=data/iraq-2019-2020.json', 1000],
  ['the example article', '/examples/article.html', 1200],
]) {
  test(`axe finds no violation on ${name}`, async () => {
    const page = await env.page({ viewport: { width, height: 900 } });
    await page.goto(`${env.base}${path}`);
    await page.locator('dateline-explorer .dl-status', { hasText: /events/ }).first().waitFor();
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(found, []);
  });
}

test('a whole task by keyboard: search, choose an event, read its sources', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  // Tab from the top of the page until the search field has focus.
  let focused = '';
  for (let i = 0; i < 20 && focused !== 'search'; i += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.querySelector('dateline-explorer').shadowRoot.activeElement?.type ?? '');
  }
  assert.equal(focused, 'search', 'the search field is reachable by Tab');
  await page.keyboard.type('asad');
  await page.locator('#explorer .dl-status', { hasText: /^\d+ of 19 events match(es)?$/ }).waitFor();
  assert.ok((await page.locator('#explorer .dl-item-title').allTextContents()).includes("Iran's ballistic missile attack on al-Asad air base"));
  // On to the list, by Tab only, and choose the first event.
  let target = '';
  for (let i = 0; i < 80 && !target.startsWith('dl-item-button'); i += 1) {
    await page.keyboard.press('Tab');
    target = await page.evaluate(() => document.querySelector('dateline-explorer').shadowRoot.activeElement?.getAttribute('class') ?? '');
  }
  assert.match(target, /^dl-item-button/, 'the list is reachable by Tab');
  await page.keyboard.press('Enter');
  const card = page.locator('#explorer .dl-card');
  await card.locator('.dl-card-title').waitFor();
  assert.ok((await card.locator('.dl-quote').count()) >= 1, 'its sources are there to read');
  const active = () => page.evaluate(() => {
    const el = document.querySelector('dateline-explorer').shadowRoot.activeElement;
    return el ? `${el.getAttribute('class')}|${el.dataset.id ?? ''}` : '';
  });
  assert.equal(await active(), 'dl-card-title|', 'choosing an event moves the focus to its card');
  // The focus is visible wherever it lands.
  const outline = await page.evaluate(() => {
    const el = document.querySelector('dateline-explorer').shadowRoot.activeElement;
    return el ? getComputedStyle(el).outlineStyle : 'none';
  });
  assert.notEqual(outline, 'none');
  // Back to the list by keyboard: the focus returns to the event that was open.
  const id = await page.locator('#explorer .dl-item-selected').getAttribute('data-id');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await card.waitFor({ state: 'hidden' });
  assert.equal(await active(), `dl-item-button|${id}`);
  assert.deepEqual(page.errors, []);
});

test('the table view is a text alternative in step with the filters, and passes axe', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/#places=baghdad`);
  const w = page.locator('#explorer');
  await w.locator('.dl-status', { hasText: /of 19 events match/ }).waitFor();
  const listed = await w.locator('.dl-item-title').allTextContents();
  await w.getByRole('button', { name: 'Table' }).click();
  assert.equal(await w.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed'), 'true');
  const table = w.getByRole('table', { name: 'Matching events, in date order' });
  await table.waitFor();
  assert.deepEqual(await table.locator('tbody th').allTextContents(), listed, 'the same events, in the same order');
  assert.deepEqual(await table.locator('thead th').allTextContents(), ['Date', 'Event', 'Type', 'Place', 'Sources']);
  // In step: a new filter redraws the table.
  await page.evaluate(() => { location.hash = 'text=soleimani'; });
  await w.locator('.dl-status', { hasText: /of 19 events match/ }).waitFor();
  await page.waitForFunction(() => document.querySelector('#explorer').shadowRoot.querySelectorAll('tbody tr').length > 0);
  await page.waitForFunction(() => document.querySelector('#explorer').shadowRoot.querySelector('.dl-status').textContent.startsWith('2 of'));
  const rows = await table.locator('tbody th').allTextContents();
  assert.equal(rows.length, 2, rows.join(' | '));
  assert.ok(rows.includes("Iran's ballistic missile attack on al-Asad air base"), rows.join(' | '));
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => v.id), []);
  // By keyboard: a row's event opens its card.
  await table.locator('tbody th button').first().focus();
  await page.keyboard.press('Enter');
  await w.locator('.dl-card-title').waitFor();
  assert.deepEqual(page.errors, []);
});

test('at 400% zoom (320 by 256 CSS pixels) the page reflows without sideways scrolling', async () => {
  const page = await env.page({ viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 });
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  const wide = await page.evaluate(() => [...document.querySelector('#explorer').shadowRoot.querySelectorAll('*')]
    .filter((n) => (!(n instanceof SVGElement) || n.tagName === 'svg') && n.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((n) => n.className?.baseVal ?? n.className));
  assert.deepEqual(wide, [], 'nothing pokes out of the viewport');
  await page.locator('#explorer .dl-item-button').first().click();
  await page.locator('#explorer .dl-card-title').waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/page-400-percent.png` });
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => v.id), []);
  assert.deepEqual(page.errors, []);
});
