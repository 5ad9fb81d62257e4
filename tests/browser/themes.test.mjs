// Themes and languages: the dark theme (by attribute and by the reader's setting) and the
// languages (Arabic right to left, French) pass axe, and every string table has English's keys.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { ARTIFACTS, start } from './harness.mjs';
import { readFile } from 'node:fs/promises';
import init, { dateParts } from '../../www/pkg/dateline.js';
import { LANGUAGES, Locale } from '../../www/strings.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SRC = '/data/iraq-2019-2020.json';
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A page with one explorer `w` of the example data, its `attributes` set, once it has drawn. */
async function explorer(attributes, options = {}) {
  const page = await env.page({ viewport: { width: 1280, height: 1000 }, ...options });
  await env.widgets(page, [{ id: 'w', src: SRC, ...attributes }]);
  await page.locator('#w .dl-item-title').first().waitFor();
  return page;
}

/** Axe's violations on the page, one line each. */
async function violations(page) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The relative luminance (0 black to 1 white) of the explorer's background. */
function luminance(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#w').shadowRoot.querySelector('.dl-root');
    const [r, g, b] = getComputedStyle(root).backgroundColor.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number)
      .map((c) => c / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });
}

test('theme="dark" draws the explorer dark, and axe finds no violation', async () => {
  const page = await explorer({ theme: 'dark' });
  assert.ok(await luminance(page) < 0.05, 'the background is dark');
  await page.screenshot({ path: `${ARTIFACTS}/theme-dark.png`, fullPage: true });
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});

test('the reader\'s dark setting is followed, unless theme="light" says otherwise', async () => {
  const dark = await explorer({}, { colorScheme: 'dark' });
  assert.ok(await luminance(dark) < 0.05, 'prefers-color-scheme: dark gives a dark background');
  assert.deepEqual(await violations(dark), []);
  const light = await explorer({ theme: 'light' }, { colorScheme: 'dark' });
  assert.ok(await luminance(light) > 0.9, 'theme="light" keeps it light');
  const plain = await explorer({}, { colorScheme: 'light' });
  assert.ok(await luminance(plain) > 0.9, 'light by default in a light setting');
});

test('lang="ar" lays the explorer out right to left, in Arabic, and axe finds no violation', async () => {
  const page = await explorer({ lang: 'ar' });
  const w = page.locator('#w');
  assert.equal(await w.locator('.dl-root').getAttribute('dir'), 'rtl');
  assert.equal(await w.locator('.dl-root').getAttribute('lang'), 'ar');
  assert.equal(await w.locator('.dl-export > summary').textContent(), 'تصدير');
  assert.equal(await w.getByLabel('بحث').count(), 1, 'the search field is labelled in Arabic');
  const nineteen = await page.evaluate(() => new Intl.NumberFormat('ar').format(19));
  assert.match(await w.locator('.dl-status').textContent(), new RegExp(`^${nineteen} `));
  // Dates are written in Arabic; titles from the data are not translated.
  const dates = await w.locator('.dl-item-date').allTextContents();
  assert.ok(dates.some((d) => d.includes('ديسمبر')), dates.join(' | '));
  assert.ok((await w.locator('.dl-item-title').allTextContents()).some((t) => t.startsWith('U.S.')));
  // Mirrored: the filters stand on the right, the list on the left.
  const box = async (selector) => w.locator(selector).first().boundingBox();
  assert.ok((await box('.dl-filters-box')).x > (await box('section.dl-list')).x);
  // The card's headings are Arabic; its quotes are as the sources wrote them.
  await w.locator('.dl-item-button').nth(1).click();
  await w.locator('.dl-card h4', { hasText: 'المصدر' }).first().waitFor();
  assert.match(await w.locator('.dl-card .dl-quote').first().textContent(), /[A-Za-z]/);
  await page.screenshot({ path: `${ARTIFACTS}/lang-ar.png`, fullPage: true });
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});

test('lang="fr", or the host page\'s lang, gives French strings', async () => {
  const page = await explorer({ lang: 'fr' });
  const w = page.locator('#w');
  assert.equal(await w.locator('.dl-export > summary').textContent(), 'Exporter');
  assert.equal(await w.locator('.dl-status').textContent(), '19 événements');
  assert.equal(await w.locator('.dl-root').getAttribute('dir'), 'ltr');
  await w.getByRole('searchbox', { name: 'Rechercher' }).fill('asad');
  await w.locator('.dl-status', { hasText: /^\d+ sur 19 événements correspond(ent)?$/ }).waitFor();
  const host = await env.page();
  await host.addInitScript(() => document.addEventListener('DOMContentLoaded', () => { document.documentElement.lang = 'fr'; }));
  await env.widgets(host, [{ id: 'w', src: SRC }]);
  await host.locator('#w .dl-status', { hasText: '19 événements' }).waitFor();
});

test('every language has exactly the English keys, each count every plural form it needs, and the same names', async () => {
  const english = new Locale('en').text;
  const names = [];
  for (const language of Object.keys(LANGUAGES)) {
    const locale = await Locale.load(language);
    assert.notEqual(locale.text, english, `${language} has a table of its own`);
    assert.deepEqual(Object.keys(locale.text).sort(), Object.keys(english).sort(), language);
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, value] of Object.entries(locale.text)) {
      if (typeof english[key] === 'string') assert.equal(typeof value, 'string', `${language}.${key}`);
      else for (const c of categories) assert.equal(typeof value[c], 'string', `${language}.${key}.${c}`);
    }
    names.push(Object.keys(locale.names).sort());
  }
  for (const list of names) assert.deepEqual(list, names[0]);
  for (const id of ['type:missile-attack', 'family:strikes', 'precision:day', 'place:city', 'relation:response-to:in', 'figure:nearly']) {
    assert.ok(names[0].includes(id), id);
  }
});

test('dates in other languages are written from the core\'s parts and keep their uncertainty', async () => {
  await init({ module_or_path: await readFile('www/pkg/dateline_bg.wasm') });
  const fr = await Locale.load('fr');
  const ar = await Locale.load('ar');
  fr.parts = dateParts;
  ar.parts = dateParts;
  assert.equal(fr.date('2020-01-03', '3 January 2020'), '3 janvier 2020');
  assert.equal(fr.date('2019-12?', ''), 'décembre 2019 (incertain)');
  assert.equal(fr.date('2019-12-2X', ''), 'décembre 2019 (incertain)');
  assert.equal(fr.date('2020~', ''), 'vers 2020');
  // Intl may put thin spaces around a range's dash.
  assert.equal(fr.date('2019-12-21/2020-01-07', '').replace(/\s/g, ' '), '21 décembre 2019 – 7 janvier 2020');
  assert.equal(fr.date('../2020', ''), 'jusqu’à 2020');
  assert.equal(fr.date('2019-21', 'Spring 2019'), 'printemps 2019');
  assert.equal(fr.date('-0044', '45 BCE'), '45 av. J.-C.');
  assert.equal(fr.date(null, ''), 'Date inconnue');
  assert.match(ar.date('2019-12?', ''), /ديسمبر .*\(غير مؤكد\)$/);
  // Years beyond ±9999 are numbers in the language's words, not dates.
  assert.equal(fr.date('Y-13800000000~', ''), 'il y a environ 13,8 milliards d’années');
  assert.equal(fr.date('Y-66000000', ''), 'il y a 66 millions d’années');
  assert.equal(fr.date('Y-17000', ''), `${new Intl.NumberFormat('fr').format(17001)} av. J.-C.`);
  assert.match(ar.date('Y-13800000000', ''), /^قبل .* مليار سنة$/);
  // The axis too: a month with its year, and a year long ago.
  const tick = { day: 0, label: 'Dec 2019', major: true, unit: 'month', year: 2019, month: 12, dayOfMonth: null, withYear: true };
  assert.equal(fr.tick(tick), 'déc. 2019');
  assert.equal(fr.tick({ ...tick, unit: 'year', year: -14e9, month: null }), 'il y a 14 milliards d’années');
  // English keeps the core's words.
  const en = new Locale('en-GB');
  en.parts = dateParts;
  assert.equal(en.date('2019-12?', 'December 2019 (uncertain)'), 'December 2019 (uncertain)');
  assert.equal(en.tick(tick), 'Dec 2019');
  assert.equal(new Locale('not a tag!').text, new Locale('en').text);
});

test('in print, every matching event is written out in full, with no controls', async () => {
  const page = await explorer({ theme: 'dark', filters: 'places=baghdad' });
  const w = page.locator('#w');
  await w.locator('.dl-status', { hasText: /of 19 events match/ }).waitFor();
  const matching = Number((await w.locator('.dl-status').textContent()).match(/^\d+/)[0]);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const cards = w.locator('.dl-print-card');
  assert.equal(await cards.count(), matching);
  for (const part of ['.dl-card-title', '.dl-card-date', '.dl-card-place', '.dl-quote', '.dl-cite']) {
    assert.ok(await cards.first().locator(part).first().isVisible(), `${part} is printed`);
  }
  for (const control of ['.dl-export', '.dl-mode', '.dl-filters-box', '.dl-map', '.dl-timeline', '.dl-close', '.dl-toggle']) {
    assert.equal(await w.locator(control).first().isVisible(), false, `${control} is not printed`);
  }
  assert.ok((await cards.first().locator('.dl-cite').first().textContent()).trim().length > 0, 'sources are printed by name');
  assert.ok(await luminance(page) > 0.9, 'printed on white, whatever the theme');
  await page.screenshot({ path: `${ARTIFACTS}/print.png`, fullPage: true });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  assert.equal(await cards.count(), 0);
  assert.deepEqual(page.errors, []);
});

test('the stand-alone page follows the reader\'s dark setting too, and axe finds no violation', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(16, 18, 21)');
  await page.screenshot({ path: `${ARTIFACTS}/page-dark.png` });
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(page.errors, []);
});
