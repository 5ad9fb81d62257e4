// The "Add article" panel: drafts from pasted text on the map, timeline and list, the sentence
// of each draft marked in the text, review (accept, reject, edit) and the reviewed package.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { ARTIFACTS, start } from './harness.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const article = (path) => readFile(path, 'utf8').then((t) => t.split('---\n')[1] ?? t);
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function draft(page, { title = '', published = '', url = '', text, merge = true }) {
  await page.getByRole('button', { name: 'Add article' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Published (EDTF)').fill(published);
  await page.getByLabel('URL').fill(url);
  await page.getByLabel('Text').fill(text);
  if (!merge) await page.getByLabel(/Add to the events shown now/).uncheck();
  await page.getByRole('button', { name: 'Draft events' }).click();
}

test('an article becomes drafts on the map, timeline and list, each sentence marked in its text', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 1000 } });
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  assert.deepEqual(fetched.filter((p) => /gazetteer|lexicon|extract|panel/.test(p)), [], 'nothing of the extractor loads before the panel opens');
  await draft(page, { title: 'Drone attack hits Ain al-Asad air base', published: '2021-05-08', text: await article('tests/extraction/held-out/asad-2021.txt') });
  await page.locator('[data-status]', { hasText: '3 new drafts' }).waitFor();
  assert.ok(fetched.includes('/data/gazetteer.json') && fetched.includes('/pkg/dateline_extract_bg.wasm'));
  const w = page.locator('#explorer');
  await w.locator('.dl-status', { hasText: '22 events' }).waitFor();
  // The drafts are the latest events, at the end of the list, which draws the entries in view.
  await w.locator('ol.dl-list').evaluate((list) => { list.scrollTop = list.scrollHeight; });
  await w.locator('.dl-badge-draft').nth(2).waitFor();
  assert.equal(await w.locator('.dl-badge-draft').count(), 3, 'the list marks the drafts');
  assert.equal(await w.locator('.dl-mark-draft').count(), 3, 'so does the timeline');
  assert.ok(await w.locator('.dl-marker[data-place="al-asad-air-base"]').count() === 1, 'al-Asad is on the map');
  // The text, with the drafts' sentences marked; a mark opens its event.
  const marks = page.locator('.panel-text mark');
  assert.equal(await marks.count(), 4);
  assert.match(await marks.first().textContent(), /^An explosives-laden drone struck Ain al-Asad air base/);
  await marks.first().click();
  const card = w.locator('.dl-card');
  await card.locator('.dl-card-title', { hasText: 'Drone strike at al-Asad Air Base' }).waitFor();
  assert.match(await card.locator('.dl-draft-box').textContent(), /Draft · confidence \d+%.*type: the cue 'drone struck'/s);
  assert.match(await card.textContent(), /as written: “late Saturday”/);
  await page.screenshot({ path: `${ARTIFACTS}/panel.png`, fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  assert.deepEqual(page.errors, []);
});

test('the review shows who says so, what is unknown, and both readings of a count', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  await draft(page, {
    title: 'Rockets hit a base north of Baghdad',
    published: '2020-03-11',
    merge: false,
    text: 'Rockets slammed into Camp Taji on Wednesday, killing two Americans. A U.S. official told reporters the truck managed to fire about 30 rockets, 18 of which hit the base.\n\n'
      + 'Iraqi military officials were the first to share word of the rocket attack, tweeting that only ten rockets had hit Camp Taji.\n\n'
      + 'U.S. officials blamed Kataib Hezbollah for the rocket attack.',
  });
  await page.locator('[data-status]', { hasText: /new draft/ }).waitFor();
  const taji = page.locator('.panel-draft', { hasText: 'Camp Taji' }).first();
  const text = await taji.textContent();
  assert.match(text, /Suspected: Kataib Hezbollah, according to U\.S\. officials/);
  assert.match(text, /rockets hit: 18 \(according to a U\.S\. official\); 10 \(according to Iraqi military officials\) · sources disagree/);
  await page.screenshot({ path: `${ARTIFACTS}/panel-attributions.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
  const other = await env.page({ viewport: { width: 1280, height: 1000 } });
  await other.goto(`${env.base}/`);
  await other.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  await draft(other, { title: 'A blast', published: '2020-03-12', merge: false, text: 'Rockets hit the Green Zone in Baghdad on Thursday.' });
  await other.locator('[data-status]', { hasText: /new draft/ }).waitFor();
  assert.match(await other.locator('.panel-draft', { hasText: 'Green Zone' }).first().textContent(), /Who did it: not stated in the text/);
  assert.deepEqual(other.errors, []);
});

test('drafts are accepted, rejected and edited, and the reviewed package downloads', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  await draft(page, { title: 'Rockets hit Camp Taji', published: '2020-03-12', text: await article('tests/extraction/articles/taji-2020.txt'), merge: false });
  await page.locator('[data-status]', { hasText: /new drafts/ }).waitFor();
  const w = page.locator('#explorer');
  await w.locator('.dl-status', { hasText: /^\d+ events$/ }).waitFor();
  const count = async () => Number((await w.locator('.dl-status').textContent()).split(' ')[0]);
  const drafts = page.locator('.panel-draft');
  const n = await drafts.count();
  assert.equal(await count(), n, 'a new package holds only the drafts');
  // Accept the first: it stays, no longer a draft.
  const first = (await drafts.first().locator('.panel-draft-title').textContent()).trim();
  await page.getByRole('button', { name: `Accept: ${first}` }).click();
  await page.locator('.panel-draft').nth(n - 2).waitFor();
  assert.equal(await drafts.count(), n - 1);
  await w.locator('.dl-status', { hasText: `${n} events` }).waitFor();
  // Reject the next: it leaves the package.
  const second = (await drafts.first().locator('.panel-draft-title').textContent()).trim();
  await page.getByRole('button', { name: `Reject: ${second}` }).click();
  await w.locator('.dl-status', { hasText: `${n - 1} events` }).waitFor();
  // Edit: an impossible date is refused with the reason; a good one is saved.
  const item = drafts.first();
  await item.locator('summary', { hasText: 'Edit' }).click();
  await item.getByLabel('Date (EDTF)').fill('2020-02-30');
  await item.getByRole('button', { name: 'Save' }).click();
  await page.locator('[data-status].panel-error', { hasText: "'2020-02-30'" }).waitFor();
  await item.getByLabel('Date (EDTF)').fill('2020-03-10');
  await item.getByLabel('Title').fill('Edited title');
  await item.getByRole('button', { name: 'Save' }).click();
  await page.locator('[data-status]', { hasText: 'Saved: Edited title.' }).waitFor();
  await w.locator('.dl-item-title', { hasText: 'Edited title' }).waitFor();
  // The reviewed package: what the explorer shows, reviewed events without draft notes.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the package' }).click();
  const file = await (await download).path();
  const pkg = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(pkg.events.length, n - 1);
  assert.equal(pkg.events.filter((e) => e.draft).length, n - 2);
  const edited = pkg.events.find((e) => e.title === 'Edited title');
  assert.equal(edited.date, '2020-03-10');
  assert.equal(edited.draft.rules.date, 'set by the reviewer');
  assert.ok(pkg.events.every((e) => e.sources.length > 0 && e.sources.every((s) => pkg.documents[0].text.includes(s.quote))));
  assert.deepEqual(page.errors, []);
});

test('bad metadata and empty text are refused with the field named; the panel keeps working', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  await draft(page, { url: 'javascript:alert(1)', text: 'Rockets hit the Green Zone on Thursday.' });
  await page.locator('[data-status].panel-error', { hasText: /^URL: / }).waitFor();
  await page.getByLabel('URL').fill('');
  await page.getByLabel('Published (EDTF)').fill('2020-13-01');
  await page.getByRole('button', { name: 'Draft events' }).click();
  await page.locator('[data-status].panel-error', { hasText: /^Published: '2020-13-01'/ }).waitFor();
  await page.getByLabel('Published (EDTF)').fill('');
  await page.getByLabel('Text').fill('   ');
  await page.getByRole('button', { name: 'Draft events' }).click();
  await page.locator('[data-status].panel-error', { hasText: /^Text: / }).waitFor();
  // A report of a happening the dataset has is merged into it, not added.
  await page.getByLabel('Published (EDTF)').fill('2020-03-28');
  await page.getByLabel('Text').fill('Rockets hit the Green Zone on Thursday.');
  await page.getByRole('button', { name: 'Draft events' }).click();
  await page.locator('[data-status]', { hasText: '0 new drafts; 1 report merged into events already there' }).waitFor();
  const w = page.locator('#explorer');
  await w.locator('.dl-status', { hasText: '19 events' }).waitFor();
  await page.locator('.panel-draft-title', { hasText: 'Green Zone' }).click();
  await w.locator('.dl-card-title', { hasText: 'Green Zone' }).waitFor();
  assert.match(await w.locator('.dl-draft-box').textContent(), /merged in \(\d+ points\): the same type \(rocket-attack\), overlapping dates, the same place/);
  assert.equal(await w.locator('.dl-card .dl-quote').count(), 2);
  // Something new is added.
  await page.getByLabel('Text').fill('Rockets hit Camp Taji on Thursday.');
  await page.getByRole('button', { name: 'Draft events' }).click();
  await page.locator('[data-status]', { hasText: '1 new draft.' }).waitFor();
  await w.locator('.dl-status', { hasText: '20 events' }).waitFor();
  assert.equal(await page.evaluate(() => window.alert.toString().includes('native')), true);
  assert.deepEqual(page.errors, []);
});

test('the panel drafts the seed wire story: the Qayyarah hand-over, the Green Zone rockets, al-Asad', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  await draft(page, { title: 'The U.S. presence in Iraq', published: '2020-08~', text: await readFile('tests/fixtures/seeds/001_a07254a8fc25ea70.txt', 'utf8'), merge: false });
  await page.locator('[data-status]', { hasText: /new drafts/ }).waitFor();
  const w = page.locator('#explorer');
  await w.locator('.dl-status', { hasText: /^\d+ events$/ }).waitFor();
  // Places inside Baghdad share its marker at this zoom.
  for (const place of ['qayyarah-airfield', 'baghdad', 'al-asad-air-base', 'north-arabian-sea']) {
    assert.equal(await w.locator(`.dl-marker[data-place="${place}"]`).count(), 1, place);
  }
  await page.locator('.panel-draft-title', { hasText: 'Hand-over of a base' }).click();
  await w.locator('.dl-card-title', { hasText: 'Qayyarah' }).waitFor();
  assert.match(await w.locator('.dl-card-date').textContent(), /27 March 2020/);
  await page.locator('.panel-draft-title', { hasText: 'Green Zone' }).click();
  await w.locator('.dl-card-title', { hasText: 'Green Zone' }).waitFor();
  assert.match(await w.locator('.dl-card-date').textContent(), /26 March 2020.*Thursday/);
  assert.match(await w.locator('.dl-card').textContent(), /the last Thursday on or before the date 'March 27, 2020' nearby/);
  assert.deepEqual(page.errors, []);
});
