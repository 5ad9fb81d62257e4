// Cosmological dates: years far beyond ±9999 take their place on a timeline counted in years.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { ARTIFACTS, start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The x of each event's mark on the timeline, by id, and the axis labels. */
async function timeline(page, id) {
  return page.locator(`#${id}`).evaluate((w) => {
    const root = /** @type {ShadowRoot} */ (w.shadowRoot);
    const marks = Object.fromEntries([...root.querySelectorAll('.dl-mark')].map((g) => {
      const box = g.getBoundingClientRect();
      return [g.getAttribute('data-id'), box.x + box.width / 2];
    }));
    return { marks, ticks: [...root.querySelectorAll('.dl-tick')].map((t) => t.textContent) };
  });
}

test('a package from the Big Bang to a far future draws every dated event in order, in years', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await env.widgets(page, [{ id: 'w', src: '/fixtures/packages/cosmic.json', views: 'timeline list' }]);
  await page.locator('#w .dl-status', { hasText: '6 events' }).waitFor();
  await page.locator('#w .dl-mark').first().waitFor();
  const { marks, ticks } = await timeline(page, 'w');
  assert.deepEqual(Object.keys(marks).sort(), ['big-bang', 'dinosaurs-end', 'earth-forms', 'far-future', 'first-stars', 'moon-landing']);
  assert.ok(marks['big-bang'] < marks['first-stars'] && marks['first-stars'] < marks['earth-forms'], JSON.stringify(marks));
  assert.ok(marks['earth-forms'] < marks['dinosaurs-end'] && marks['dinosaurs-end'] <= marks['far-future'], JSON.stringify(marks));
  assert.ok(ticks.some((t) => t.endsWith('billion years ago')), ticks.join(' | '));
  assert.ok(ticks.every((t) => !/NaN|undefined/.test(t)), ticks.join(' | '));
  await page.locator('#w .dl-item', { hasText: 'about 13.8 billion years ago' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/big-years.png` });
  const axe = await new AxeBuilder({ page }).include('#w').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
  assert.deepEqual(page.errors, []);
});

test('a TimelineJS timeline with big years opens with its slides on the timeline', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await env.widgets(page, [{ id: 'w', src: '/fixtures/timelinejs/cosmic.json', views: 'timeline list' }]);
  await page.locator('#w .dl-status', { hasText: '4 events' }).waitFor();
  await page.locator('#w .dl-mark').first().waitFor();
  const { marks, ticks } = await timeline(page, 'w');
  assert.equal(Object.keys(marks).length, 4, JSON.stringify(marks));
  const xs = Object.values(marks);
  assert.deepEqual(xs, [...xs].sort((a, b) => a - b), 'the slides in date order');
  assert.ok(ticks.some((t) => t.includes('billion years ago')), ticks.join(' | '));
  assert.deepEqual(page.errors, []);
});

/** The boxes of the timeline's axis labels, and of the timeline itself. */
function tickBoxes(page, id) {
  return page.locator(`#${id}`).evaluate((w) => {
    const root = /** @type {ShadowRoot} */ (w.shadowRoot);
    const box = (n) => { const r = n.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
    return {
      timeline: box(root.querySelector('.dl-timeline-svg')),
      ticks: [...root.querySelectorAll('.dl-tick')].map((t) => ({ text: t.textContent, box: box(t) })),
    };
  });
}

for (const width of [1280, 640, 320]) {
  test(`on a scale of years the axis labels stay clear of each other and inside the timeline at ${width} px`, async () => {
    const page = await env.page({ viewport: { width, height: 900 } });
    await env.widgets(page, [{ id: 'w', src: '/fixtures/packages/cosmic.json', views: 'timeline list' }]);
    await page.locator('#w .dl-tick').first().waitFor();
    for (const zoom of [null, 'Zoom in on the time axis', 'Later']) {
      if (zoom) await page.locator('#w').getByRole('button', { name: zoom }).click();
      const { timeline, ticks } = await tickBoxes(page, 'w');
      assert.ok(ticks.length >= 1, `${width} px: a tick is labelled`);
      for (const { text, box } of ticks) {
        assert.ok(box.left >= timeline.left - 0.5 && box.right <= timeline.right + 0.5, `"${text}" inside the timeline at ${width} px`);
      }
      for (let i = 1; i < ticks.length; i += 1) {
        assert.ok(ticks[i - 1].box.right + 4 <= ticks[i].box.left, `"${ticks[i - 1].text}" and "${ticks[i].text}" overlap at ${width} px`);
      }
    }
    await page.screenshot({ path: `${ARTIFACTS}/big-years-axis-${width}.png` });
    assert.deepEqual(page.errors, []);
  });
}

test('on a scale of years the date fields show and take years, negative and huge ones too', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await env.widgets(page, [{ id: 'w', src: '/fixtures/packages/cosmic.json', lang: 'en' }]);
  const w = page.locator('#w');
  await w.locator('.dl-status', { hasText: '6 events' }).waitFor();
  const from = w.getByLabel('From the year');
  const to = w.getByLabel('To the year');
  assert.equal(await from.getAttribute('type'), 'text');
  await from.fill('-5000000000');
  await from.press('Enter');
  await to.fill('1969');
  await to.press('Enter');
  await w.locator('.dl-status', { hasText: '3 of 6 events match' }).waitFor();
  assert.deepEqual(await w.locator('.dl-item-title').allTextContents(), ['The Earth forms', 'The end of the dinosaurs', 'First people on the Moon']);
  // Drawn again from the state, as years.
  assert.equal(await from.inputValue(), '-5000000000');
  assert.equal(await to.inputValue(), '1969');
  // A brush on the timeline writes the years it covers.
  await w.getByRole('button', { name: 'Any date' }).click();
  await w.locator('.dl-status', { hasText: '6 events' }).waitFor();
  await brushFirstThird(page, w);
  assert.match(await from.inputValue(), /^-1\d{10}$/);
  assert.match(await to.inputValue(), /^-\d{10}$/);
  // Not a year: said, and nothing changes.
  await from.fill('the Big Bang');
  await from.press('Enter');
  await w.locator('.dl-field-error', { hasText: /Big Bang/ }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/big-years-fields.png` });
  const axe = await new AxeBuilder({ page }).include('#w').analyze();
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
  assert.deepEqual(page.errors, []);
});

/** Drags across the first third of the timeline's bins' strip, where no mark is, and waits for the brush to filter. */
async function brushFirstThird(page, w) {
  const svg = await w.locator('.dl-timeline-svg').boundingBox();
  await page.mouse.move(svg.x + 10, svg.y + 20);
  await page.mouse.down();
  await page.mouse.move(svg.x + svg.width * 0.3, svg.y + 20, { steps: 4 });
  await page.mouse.up();
  await w.locator('.dl-status', { hasText: /of 6 events match/ }).waitFor();
}

/** Adds an explorer of the cosmic package that keeps its view in the page's address, with the engine's script. */
function addExplorer(page) {
  return page.evaluate(() => {
    const w = document.createElement('dateline-explorer');
    w.id = 'w';
    w.setAttribute('src', '/fixtures/packages/cosmic.json');
    w.setAttribute('lang', 'en');
    w.setAttribute('hash', '');
    document.body.append(w);
    const s = document.createElement('script');
    s.type = 'module';
    s.src = '/dateline.js';
    document.head.append(s);
  });
}

test('on a scale of years the address names years as EDTF writes them, and a reload restores the range', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}/fixtures/blank.html`);
  await addExplorer(page);
  const w = page.locator('#w');
  await w.locator('.dl-status', { hasText: '6 events' }).waitFor();
  await brushFirstThird(page, w);
  const from = w.getByLabel('From the year');
  const to = w.getByLabel('To the year');
  const brushed = { from: await from.inputValue(), to: await to.inputValue(), status: await w.locator('.dl-status').textContent() };
  const address = new URLSearchParams(new URL(page.url()).hash.slice(1));
  assert.equal(address.get('from'), `Y${brushed.from}`);
  assert.equal(address.get('to'), `Y${brushed.to}`);
  await page.reload();
  await addExplorer(page);
  await w.locator('.dl-status', { hasText: brushed.status }).waitFor();
  assert.equal(await from.inputValue(), brushed.from);
  assert.equal(await to.inputValue(), brushed.to);
  assert.equal(new URL(page.url()).hash, `#${address}`);
  // Years of four digits, BCE among them, as EDTF writes them too.
  await page.evaluate(() => { location.hash = 'from=-0044&to=1969'; });
  await w.locator('.dl-status', { hasText: '1 of 6 events match' }).waitFor();
  assert.deepEqual(await w.locator('.dl-item-title').allTextContents(), ['First people on the Moon']);
  // The package counts ten years a number: 44 BCE falls in the run from -50.
  assert.equal(await from.inputValue(), '-50');
  await from.fill('-5000000000');
  await from.press('Enter');
  await w.locator('.dl-status', { hasText: '3 of 6 events match' }).waitFor();
  assert.equal(new URL(page.url()).hash, '#from=Y-5000000000&to=1969');
  await page.screenshot({ path: `${ARTIFACTS}/big-years-address.png` });
  assert.deepEqual(page.errors, []);
});
