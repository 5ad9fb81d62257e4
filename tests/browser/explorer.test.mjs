// The explorer as a reader uses it: the page, the widget's views in step, links, embeds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, collectViolations, start } from './harness.mjs';

const seed = JSON.parse(await readFile('www/data/iraq-2019-2020.json', 'utf8'));
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Opens `path` and waits until the (first) explorer has drawn its list. */
async function open(path, options) {
  const page = await env.page(options);
  await page.goto(`${env.base}${path}`);
  await page.locator('dateline-explorer .dl-status').first().filter({ hasText: /events/ }).waitFor();
  return page;
}

const status = (page) => page.locator('#explorer .dl-status').textContent();
const titles = (page) => page.locator('#explorer .dl-item-title').allTextContents();
const marks = (page) => page.locator('#explorer .dl-mark').count();
const markerLabel = (page, id) => page.locator(`#explorer .dl-marker[data-place="${id}"]`).getAttribute('aria-label');

test('the page lists every seed event and maps the sites', async () => {
  const page = await open('/');
  assert.equal(await status(page), '19 events');
  assert.deepEqual(new Set(await titles(page)), new Set(seed.events.map((e) => e.title)));
  assert.equal(await marks(page), 19);
  const labels = await page.locator('#explorer .dl-place-label').allTextContents();
  for (const name of [/^Baghdad/, /^al-Asad Air Base$/, /^Qayyarah Airfield$/]) {
    assert.ok(labels.some((l) => name.test(l)), `${name} in ${labels}`);
  }
  assert.match(await markerLabel(page, 'al-asad-air-base'), /^al-Asad Air Base: 1 event; exact site/);
  assert.match(await markerLabel(page, 'baghdad'), /^Baghdad and 3 sites within it: 5 events/);
  // The North Arabian Sea lies off the map: it is an edge marker, still there to click.
  assert.match(await markerLabel(page, 'north-arabian-sea'), /off the map/);
  // The response-to chain is drawn: four links between the visible events.
  assert.equal(await page.locator('#explorer .dl-link').count(), 4);
  await page.screenshot({ path: `${ARTIFACTS}/page.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('filtering by type moves map, timeline, list and counts together', async () => {
  const page = await open('/');
  const types = page.locator('#explorer .dl-group').filter({ hasText: 'Event type' });
  await types.getByLabel(/Missile attack/).check();
  await page.locator('#explorer .dl-status', { hasText: '1 of 19' }).waitFor();
  assert.deepEqual(await titles(page), ["Iran's ballistic missile attack on al-Asad air base"]);
  assert.equal(await marks(page), 1);
  assert.match(await markerLabel(page, 'al-asad-air-base'), /: 1 event;/);
  assert.match(await markerLabel(page, 'qayyarah-airfield'), /: 0 events;/);
  // Crossfilter: the type list still offers the other types with what they would add.
  assert.equal(await types.locator('.dl-option', { hasText: 'Rocket or mortar attack' }).locator('.dl-count').textContent(), '3');
  const actors = page.locator('#explorer .dl-group').filter({ hasText: 'Actor' });
  assert.equal(await actors.locator('.dl-option', { hasText: 'Mike Pompeo' }).locator('.dl-count').textContent(), '0');
  assert.match(page.url(), /#types=missile-attack$/);
  assert.deepEqual(page.errors, []);
});

test('filtering by actor, by place on the map, and by text', async () => {
  const page = await open('/');
  const actors = page.locator('#explorer .dl-group').filter({ hasText: 'Actor' });
  await actors.getByLabel(/Mike Pompeo/).check();
  await page.locator('#explorer .dl-status', { hasText: '3 of 19' }).waitFor();
  assert.ok((await titles(page)).every((t) => /Pompeo/.test(t)));
  await page.locator('#explorer .dl-reset').click();
  await page.locator('#explorer .dl-status', { hasText: /^19 events$/ }).waitFor();

  await page.locator('#explorer .dl-marker[data-place="qayyarah-airfield"]').click();
  await page.locator('#explorer .dl-status', { hasText: '1 of 19' }).waitFor();
  assert.deepEqual(await titles(page), ['Qayyarah Airfield handed over to Iraqi Security Forces']);
  assert.ok(await page.locator('#explorer .dl-group').filter({ hasText: 'Place' }).getByLabel('Qayyarah Airfield').isChecked());
  await page.locator('#explorer .dl-marker[data-place="qayyarah-airfield"]').click();
  await page.locator('#explorer .dl-status', { hasText: /^19 events$/ }).waitFor();

  // Text search knows aliases and ignores case: "khataib" finds Kataib Hezbollah's events.
  await page.locator('#explorer input[type=search]').fill('khataib');
  await page.locator('#explorer .dl-status', { hasText: '3 of 19' }).waitFor();
  assert.equal(await marks(page), 3);
  assert.deepEqual(page.errors, []);
});

test('brushing the timeline and typing dates both set the date range', async () => {
  const page = await open('/');
  const svg = page.locator('#explorer .dl-timeline-svg');
  const box = await svg.boundingBox();
  await page.mouse.move(box.x + box.width * 0.02, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.10, box.y + 20, { steps: 5 });
  await page.mouse.up();
  await page.locator('#explorer .dl-status', { hasText: 'of 19' }).waitFor();
  const brushed = await status(page);
  const from = await page.locator('#explorer input[type=date]').first().inputValue();
  assert.match(from, /^2019-12-/, brushed);
  assert.match(page.url(), /from=2019-12-\d\d&to=20\d\d-\d\d-\d\d/);

  // Without a mouse: the date fields.
  await page.locator('#explorer .dl-link-button', { hasText: 'Any date' }).click();
  await page.locator('#explorer .dl-status', { hasText: /^19 events$/ }).waitFor();
  await page.locator('#explorer input[type=date]').first().fill('2020-03-01');
  await page.locator('#explorer input[type=date]').last().fill('2020-03-31');
  await page.locator('#explorer .dl-status', { hasText: 'of 19' }).waitFor();
  const march = await titles(page);
  assert.ok(march.includes("Rockets hit inside Baghdad's Green Zone"));
  assert.ok(march.includes('Qayyarah Airfield handed over to Iraqi Security Forces'));
  assert.ok(march.includes('U.S. fighter jets strike five sites in retaliation'), 'about March overlaps March');
  assert.ok(!march.includes("Iran's ballistic missile attack on al-Asad air base"));
  assert.deepEqual(page.errors, []);
});

test('a deep link restores filters and selection; the card shows both accounts', async () => {
  const page = await open('/#types=missile-attack,drone-strike&event=al-asad-missile-attack');
  await page.locator('#explorer .dl-status', { hasText: '2 of 19' }).waitFor();
  const types = page.locator('#explorer .dl-group').filter({ hasText: 'Event type' });
  assert.ok(await types.getByLabel(/Missile attack/).isChecked());
  assert.ok(await types.getByLabel(/Drone strike/).isChecked());
  const card = page.locator('#explorer .dl-card');
  await card.waitFor();
  assert.equal(await card.locator('.dl-card-title').textContent(), "Iran's ballistic missile attack on al-Asad air base");
  assert.equal(await card.locator('.dl-quote').count(), 2);
  const figures = await card.locator('.dl-figures').textContent();
  assert.match(figures, /injured: nearly 100 per Gen\. McKenzie.*; more than 100 per The U\.S\. presence in Iraq/);
  assert.match(figures, /sources disagree/);
  const cardText = await card.textContent();
  assert.match(cardText, /How the date was found: The second article says 'Jan\. 8'/);
  assert.doesNotMatch(cardText, /null|undefined/);
  // The selected event's place is highlighted on the map and its mark on the timeline.
  assert.match(await page.locator('#explorer .dl-marker[data-place="al-asad-air-base"]').getAttribute('class'), /dl-marker-selected/);
  assert.equal(await page.locator('#explorer .dl-mark-selected').getAttribute('data-id'), 'al-asad-missile-attack');
  // Related events are links: following one selects it.
  await card.locator('.dl-link-button', { hasText: 'U.S. drone strike near Baghdad airport' }).click();
  await card.locator('.dl-card-title', { hasText: 'Soleimani' }).waitFor();
  assert.equal(await card.locator('.dl-quote').count(), 3);
  assert.doesNotMatch(await card.textContent(), /null|undefined/);
  assert.match(page.url(), /event=soleimani-killing/);
  await page.screenshot({ path: `${ARTIFACTS}/page-card.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('events are chosen from the list and the timeline by keyboard', async () => {
  const page = await open('/');
  await page.locator('#explorer .dl-item-button[data-id="qayyarah-handover"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('#explorer .dl-card-title', { hasText: 'Qayyarah' }).waitFor();
  await page.locator('#explorer .dl-mark[data-id="green-zone-rocket-attack"]').focus();
  await page.keyboard.press('Enter');
  await page.locator('#explorer .dl-card-title', { hasText: 'Green Zone' }).waitFor();
  assert.match(await page.locator('#explorer .dl-card .dl-cite').textContent(), /quote checked against the source’s text/);
  assert.deepEqual(page.errors, []);
});

test('the Embed button gives snippets for the current view', async () => {
  const page = await open('/#places=baghdad&event=us-embassy-assault');
  await page.locator('#embed-open').click();
  const script = await page.locator('#embed-script').inputValue();
  assert.match(script, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/dateline\.js"><\/script>/);
  assert.match(script, /<dateline-explorer src="http:\/\/127\.0\.0\.1:\d+\/data\/iraq-2019-2020\.json" filters="places=baghdad&amp;event=us-embassy-assault"/);
  const iframe = await page.locator('#embed-iframe').inputValue();
  assert.match(iframe, /embed\.html\?src=[^"]*#places=baghdad&amp;event=us-embassy-assault/);
  assert.match(iframe, /event\.origin !== 'http:\/\/127\.0\.0\.1:\d+'/);
  assert.match(iframe, /event\.source !== frame\.contentWindow/);
  assert.deepEqual(page.errors, []);
});

test('the iframe embed renders and sizes itself in its host page', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/fixtures/host.html`);
  const frame = page.frameLocator('#frame');
  await frame.locator('dateline-explorer .dl-status', { hasText: '1 of 19' }).waitFor();
  await page.waitForFunction(() => Number(document.getElementById('frame').height) > 600);
  const height = Number(await page.locator('#frame').getAttribute('height'));
  assert.ok(height > 600 && height <= 4000, String(height));
  await page.screenshot({ path: `${ARTIFACTS}/embed.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('the example article renders the widget, untouched by its hostile CSS', async () => {
  const page = await open('/examples/article.html', { viewport: { width: 1200, height: 900 } });
  const widget = page.locator('dateline-explorer');
  assert.equal(await widget.locator('.dl-status').textContent(), '9 of 19 events match');
  const font = await widget.locator('.dl-item-title').first().evaluate((n) => getComputedStyle(n).fontSize);
  assert.equal(font, '15px', 'the host page sets html { font-size: 8px }');
  const mapBox = await widget.locator('.dl-map-frame').boundingBox();
  assert.ok(mapBox.height >= 300, `map height ${mapBox.height}`);
  await page.screenshot({ path: `${ARTIFACTS}/article.png`, fullPage: true });
  const narrow = await open('/examples/article.html', { viewport: { width: 320, height: 800 } });
  const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no sideways scrolling at 320 px');
  await narrow.screenshot({ path: `${ARTIFACTS}/article-320.png`, fullPage: true });
  assert.deepEqual([...page.errors, ...narrow.errors], []);
});

test('the page reflows at 320 px', async () => {
  const page = await open('/', { viewport: { width: 320, height: 800 } });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  assert.equal(await page.locator('#explorer .dl-filters-box').getAttribute('open'), null, 'filters fold away when narrow');
  await page.locator('#explorer .dl-filters-box > summary').click();
  assert.ok(await page.locator('#explorer input[type=search]').isVisible());
  await page.screenshot({ path: `${ARTIFACTS}/page-320.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});

test('widgets on one page are independent; errors show inside their widget', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/fixtures/two-widgets.html`);
  const first = page.locator('#first');
  const second = page.locator('#second');
  await first.locator('.dl-status', { hasText: '19 events' }).waitFor();
  await second.locator('.dl-status', { hasText: '1 of 19' }).waitFor();
  await first.locator('.dl-group').filter({ hasText: 'Event type' }).getByLabel(/Statement/).check();
  await first.locator('.dl-status', { hasText: '4 of 19' }).waitFor();
  assert.equal(await second.locator('.dl-status').textContent(), '1 of 19 events matches');
  assert.equal(await second.locator('.dl-timeline').count(), 0, 'views="map list" leaves the timeline out');
  // A file with a bad date: the problem is named, the good event shows.
  const broken = page.locator('#broken');
  await broken.locator('.dl-problems summary', { hasText: '1 problem in the data' }).waitFor();
  assert.match(await broken.locator('.dl-problems').textContent(), /events\[1\]\.date, line 9, column 73 '2020-02-30' is not a valid EDTF date/);
  assert.equal(await broken.locator('.dl-item').count(), 2);
  // A missing file: a message and a way to try again.
  const missing = page.locator('#missing');
  await missing.locator('.dl-error', { hasText: 'the server answered 404' }).waitFor();
  assert.ok(await missing.getByRole('button', { name: 'Try again' }).isVisible());
  // Removing a widget leaves the others working.
  await page.evaluate(() => document.getElementById('first').remove());
  await second.locator('.dl-marker[data-place="qayyarah-airfield"]').click();
  await second.locator('.dl-status', { hasText: /^19 events$/ }).waitFor();
  const unexpected = page.errors.filter((e) => !/404 \(Not Found\)/.test(e));
  assert.deepEqual(unexpected, []);
});

test('a strict Content Security Policy reports no violation', async () => {
  const page = await env.page();
  await collectViolations(page);
  await page.goto(`${env.base}/fixtures/strict.html`);
  await page.locator('#explorer .dl-status', { hasText: '19 events' }).waitFor();
  await page.locator('#explorer .dl-card-title', { hasText: 'al-Asad' }).waitFor();
  await page.locator('#explorer input[value="baghdad"]').check();
  await page.locator('#explorer .dl-status', { hasText: '5 of 19' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(page.errors, []);
});

test('a file over the size cap, a silent server and an HTML page each stop with a message and a retry', async () => {
  const page = await env.page();
  await page.route('**/fixtures/silent.json', () => { /* never answers */ });
  await env.widgets(page, [
    { id: 'big', src: '/data/iraq-2019-2020.json', 'max-bytes': '1000', views: 'list' },
    { id: 'silent', src: '/fixtures/silent.json', timeout: '1', views: 'list' },
    { id: 'html', src: '/fixtures/blank.html', views: 'list' },
  ]);
  await page.locator('#big .dl-error', { hasText: 'is larger than this explorer reads (1,000 bytes); loading stopped.' }).waitFor();
  await page.locator('#silent .dl-error', { hasText: 'did not arrive within 1 second.' }).waitFor();
  await page.locator('#html .dl-error', { hasText: 'is a web page, not a data file' }).waitFor();
  for (const id of ['big', 'silent', 'html']) {
    assert.ok(await page.locator(`#${id}`).getByRole('button', { name: 'Try again' }).isVisible());
  }
  // Raising the cap and trying again loads the data.
  await page.evaluate(() => document.getElementById('big').setAttribute('max-bytes', '10000000'));
  await page.locator('#big').getByRole('button', { name: 'Try again' }).click();
  await page.locator('#big .dl-status', { hasText: '19 events' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('hostile text is shown as text everywhere, and long or reversed text stays in its box', async () => {
  const markup = (n) => `<img src=x onerror="window.xss=${n}">"><svg onload="window.xss=${n}">`;
  const hostile = {
    dateline: 1,
    title: markup(1),
    description: markup(2),
    documents: [{ id: 'd', title: markup(3), publisher: '<b>bold</b>', url: 'java\tscript:window.xss=4', text: `A quote ${markup(5)} in the text.` }],
    places: [{ id: 'p', name: markup(6), lat: 33.3, lon: 44.4 }, { id: 'q', name: 'Nowhere', lat: 999, lon: 44 }],
    actors: [{ id: 'a', name: markup(7) }],
    events: [
      { id: 'e1', title: `Reversed \u202Etext ${markup(8)}`, type: markup(9), date: '2020-01-08', place: 'p',
        actors: [{ actor: 'a', role: markup(10) }], sources: [{ document: 'd', quote: `A quote ${markup(5)} in the text.` }],
        figures: [{ what: markup(11), value: 3, source: 'd' }] },
      { id: 'e2', title: 'A'.repeat(1_000_000), type: 'other', date: '2020-01-09', place: 'q' },
      { id: 'e3', title: `${'W'.repeat(10_000)} end`, type: 'other', date: '2020-01-10' },
      { id: 'e4', title: `Family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} flag \u{1F1EE}\u{1F1F6} NUL\u0000here ${'\u{1F3F3}\uFE0F\u200D\u{1F308}'.repeat(200)}`, type: 'other', date: '2020-01-11' },
    ],
  };
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await env.widgets(page, [{ id: 'explorer', src: '/fixtures/hostile.json', selected: 'e1', body: JSON.stringify(hostile) }]);
  await page.locator('#explorer .dl-status', { hasText: '4 events' }).waitFor();
  await page.locator('#explorer .dl-card-title').waitFor();
  const found = await page.evaluate(() => {
    const root = document.querySelector('dateline-explorer').shadowRoot;
    const all = [...root.querySelectorAll('*')];
    return {
      xss: window.xss ?? null,
      images: root.querySelectorAll('img').length,
      handlers: all.filter((n) => [...n.attributes].some((a) => a.name.startsWith('on'))).length,
      scriptLinks: [...root.querySelectorAll('a')].filter((a) => !/^https?:/.test(a.href)).length,
      overflowing: [...root.querySelectorAll('.dl-item-button')].filter((b) => b.scrollWidth > b.clientWidth + 1).length,
      titleLengths: [...root.querySelectorAll('.dl-item-title')].map((t) => [...t.textContent].length),
      marker: root.querySelector('.dl-marker[data-place="p"]')?.getAttribute('aria-label') ?? '',
    };
  });
  assert.deepEqual([found.xss, found.images, found.handlers, found.scriptLinks, found.overflowing], [null, 0, 0, 0, 0]);
  assert.equal(found.titleLengths.length, 4);
  assert.ok(found.titleLengths.every((n) => n <= 301), `titles are shortened for the list (in characters): ${found.titleLengths}`);
  const emoji = await page.locator('#explorer .dl-item-title', { hasText: 'Family' }).textContent();
  assert.ok(emoji.startsWith('Family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} flag \u{1F1EE}\u{1F1F6} NUL\u0000here'), 'emoji sequences and NUL pass through as text');
  assert.ok(!/[\uD800-\uDBFF]$/.test(emoji.replace(/…$/, '')), 'a shortened title never ends inside a character');
  assert.match(found.marker, /^<img src=x onerror="window\.xss=6">/);
  const card = page.locator('#explorer .dl-card');
  assert.match(await card.locator('.dl-card-title').textContent(), /<img src=x onerror="window\.xss=8">/);
  assert.match(await card.locator('.dl-quote').textContent(), /A quote <img src=x/);
  assert.match(await card.locator('.dl-cite').textContent(), /<img src=x onerror="window\.xss=3">.*<b>bold<\/b>/);
  assert.match(await page.locator('#explorer .dl-problems').textContent(), /only http and https links are allowed/);
  await page.screenshot({ path: `${ARTIFACTS}/hostile.png` });
  assert.deepEqual(page.errors, []);
});
