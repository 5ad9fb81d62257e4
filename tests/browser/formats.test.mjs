// Other formats open in the explorer as they are, through src=.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTIFACTS, start } from './harness.mjs';

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
