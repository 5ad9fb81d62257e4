// How the explorer tells its events: titles on the timeline, story mode, and phones.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { ARTIFACTS, start } from './harness.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const seed = JSON.parse(await readFile('www/data/iraq-2019-2020.json', 'utf8'));
// The seed's events in date order, as the list shows them.
let ordered;
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Opens `path` at `width` px and waits until the explorer has drawn. */
async function open(path, width) {
  const page = await env.page({ viewport: { width, height: 900 } });
  await page.goto(`${env.base}${path}`);
  await page.locator('#explorer .dl-status, dateline-explorer .dl-status').first().filter({ hasText: /events/ }).waitFor();
  return page;
}

/** True when boxes `a` and `b` overlap by more than half a pixel. */
const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
  && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** The timeline's drawn titles: their text, their boxes, and the box they must stay in. */
function timelineLabels(page) {
  return page.evaluate(() => {
    const root = document.querySelector('dateline-explorer').shadowRoot;
    const box = (n) => { const r = n.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
    return {
      scroller: box(root.querySelector('.dl-timeline-scroll')),
      frame: box(root.querySelector('.dl-root')),
      labels: [...root.querySelectorAll('.dl-mark-label')].map((t) => ({ text: t.textContent, box: box(t), id: t.dataset.id })),
      marks: [...root.querySelectorAll('.dl-mark-day, .dl-mark-span')].map(box),
    };
  });
}

for (const [path, width] of [['/', 1280], ['/', 640], ['/examples/article.html', 480], ['/examples/article.html', 640], ['/examples/article.html', 740], ['/examples/article.html', 1280]]) {
  test(`titles are drawn on the timeline of ${path} at ${width} px, clear of each other`, async () => {
    const page = await open(path, width);
    const { scroller, frame, labels, marks } = await timelineLabels(page);
    const titles = new Map(seed.events.map((e) => [e.id, e.title]));
    assert.ok(labels.length >= 5, `${labels.length} titles drawn`);
    for (const { text, box, id } of labels) {
      const title = titles.get(id);
      assert.ok(text === title || (text.endsWith('…') && title.startsWith(text.slice(0, -1).trimEnd())), `${text} is ${title} or its start`);
      assert.ok(box.left >= scroller.left - 0.5 && box.right <= scroller.right + 0.5, `${text} inside the timeline across`);
      assert.ok(box.top >= scroller.top - 0.5 && box.bottom <= scroller.bottom + 0.5, `${text} inside the timeline down`);
      // Without scrolling: inside the explorer as it stands, fixed height or not.
      assert.ok(box.bottom <= frame.bottom && box.bottom <= 900 * 2, `${text} shows without scrolling inside the explorer`);
    }
    for (let i = 0; i < labels.length; i += 1) {
      for (let j = i + 1; j < labels.length; j += 1) {
        assert.ok(!overlap(labels[i].box, labels[j].box), `"${labels[i].text}" and "${labels[j].text}" overlap`);
      }
      for (const mark of marks) {
        const inside = mark.left <= labels[i].box.left && mark.right >= labels[i].box.right;
        assert.ok(inside || !overlap(labels[i].box, mark), `"${labels[i].text}" covers a mark`);
      }
    }
    const ticks = await page.locator('dateline-explorer .dl-tick').allTextContents();
    assert.ok(ticks.some((t) => /\b20(19|20)\b/.test(t)), `the axis names a year: ${ticks}`);
    await page.screenshot({ path: `${ARTIFACTS}/story-titles-${path === '/' ? 'page' : 'article'}-${width}.png`, fullPage: true });
    assert.deepEqual(page.errors, []);
  });
}

test('at 400 events and more the timeline draws a histogram; zoomed in, titles return', async () => {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  const events = Array.from({ length: 450 }, (_, i) => ({
    id: `e${i}`, title: `Event number ${i}`, type: 'meeting',
    date: new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10),
  }));
  await env.widgets(page, [{ id: 'many', src: '/fixtures/many.json', body: JSON.stringify({ dateline: 1, title: 'Many', documents: [], places: [], actors: [], events }) }]);
  const w = page.locator('#many');
  await w.locator('.dl-empty-note', { hasText: /^450 events in view: too many/ }).waitFor();
  assert.equal(await w.locator('.dl-mark-label').count(), 0);
  for (let i = 0; i < 3; i += 1) await w.getByRole('button', { name: 'Zoom in on the time axis' }).click();
  await w.locator('.dl-mark-label').first().waitFor();
  assert.ok(await w.locator('.dl-mark-label', { hasText: /^Event number \d+/ }).count() >= 5);
  assert.deepEqual(page.errors, []);
});

test('story mode steps through the events in date order by keyboard, in the address', async () => {
  const page = await open('/', 1280);
  ordered = await page.locator('#explorer .dl-item-title').allTextContents();
  const story = page.getByRole('button', { name: 'Story' });
  assert.equal(await story.getAttribute('aria-pressed'), 'false');
  await story.click();
  assert.equal(await story.getAttribute('aria-pressed'), 'true');
  const position = page.locator('#explorer .dl-story-position');
  const title = page.locator('#explorer .dl-card-title');
  await position.filter({ hasText: '1 of 19' }).waitFor();
  assert.equal(await title.textContent(), ordered[0]);
  assert.ok(!(await page.locator('#explorer section.dl-list').isVisible()), 'the list gives way to the card');
  assert.ok(await page.getByRole('button', { name: 'Previous event' }).isDisabled());
  for (let i = 1; i <= 3; i += 1) {
    await page.keyboard.press('ArrowRight');
    await position.filter({ hasText: `${i + 1} of 19` }).waitFor();
    assert.equal(await title.textContent(), ordered[i]);
  }
  const id = seed.events.find((e) => e.title === ordered[3]).id;
  assert.match(page.url(), new RegExp(`#event=${id}$`));
  // The timeline follows: the card's event is the selected mark.
  assert.equal(await page.locator('#explorer .dl-mark-selected').getAttribute('data-id'), id);
  await page.keyboard.press('ArrowLeft');
  await position.filter({ hasText: '3 of 19' }).waitFor();
  assert.equal(await title.textContent(), ordered[2]);
  await page.getByRole('button', { name: 'Next event' }).click();
  await position.filter({ hasText: '4 of 19' }).waitFor();
  // On the map the arrow keys pan it, and do not step.
  await page.locator('#explorer .dl-map-frame').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await position.textContent(), '4 of 19');
  await page.getByRole('button', { name: 'Story' }).click();
  await page.locator('#explorer .dl-story').waitFor({ state: 'hidden' });
  assert.ok(await page.locator('#explorer section.dl-list').isVisible());
  assert.deepEqual(page.errors, []);
});

test('in story mode the timeline moves to the event stepped to', async () => {
  const page = await open(`/fixtures/story.html#event=${seed.events.find((e) => e.title === ordered[1]).id}`, 1280);
  await page.locator('#explorer .dl-story-position', { hasText: '2 of 19' }).waitFor();
  // Zoomed in on days long before the events.
  for (let i = 0; i < 4; i += 1) await page.getByRole('button', { name: 'Zoom in on the time axis' }).click();
  for (let i = 0; i < 8; i += 1) await page.getByRole('button', { name: 'Earlier' }).click();
  const third = seed.events.find((e) => e.title === ordered[2]).id;
  await page.locator(`#explorer .dl-mark[data-id="${third}"]`).waitFor({ state: 'detached' });
  await page.locator('#explorer .dl-card-title').click();
  await page.keyboard.press('ArrowRight');
  await page.locator('#explorer .dl-story-position', { hasText: '3 of 19' }).waitFor();
  await page.locator(`#explorer .dl-mark-selected[data-id="${third}"]`).waitFor();
  assert.deepEqual(page.errors, []);
});

test('a story page reopens at the step in its address, and swipes step', async () => {
  const page = await open('/fixtures/story.html', 640);
  const position = page.locator('#explorer .dl-story-position');
  await position.filter({ hasText: '1 of 19' }).waitFor();
  const first = await page.locator('#explorer .dl-card-title').textContent();
  assert.equal(first, ordered[0]);
  const fifth = seed.events.find((e) => e.title === ordered[4]).id;
  await page.goto(`${env.base}/fixtures/story.html#event=${fifth}`);
  await page.reload();
  await position.filter({ hasText: '5 of 19' }).waitFor();
  assert.equal(await page.locator('#explorer .dl-card-title').textContent(), ordered[4]);
  // A swipe to the left is the next event, to the right the previous.
  const card = await page.locator('#explorer .dl-card').boundingBox();
  const swipe = (from, to) => page.locator('#explorer .dl-card').evaluate((node, [a, b]) => {
    const at = (type, x) => node.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x, clientY: 300, bubbles: true, composed: true }));
    at('pointerdown', a);
    at('pointerup', b);
  }, [from, to]);
  await swipe(card.x + card.width - 20, card.x + 20);
  await position.filter({ hasText: '6 of 19' }).waitFor();
  await swipe(card.x + 20, card.x + card.width - 20);
  await position.filter({ hasText: '5 of 19' }).waitFor();
  await page.screenshot({ path: `${ARTIFACTS}/story-640.png`, fullPage: true });
  assert.deepEqual(page.errors, []);
});

/** The boxes of story mode's parts in explorer `#explorer`, and the viewport's size. */
function storyBoxes(page) {
  return page.evaluate(() => {
    const root = document.querySelector('#explorer').shadowRoot;
    const box = (selector) => {
      const r = root.querySelector(selector).getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    return {
      previous: box('.dl-story-previous'), next: box('.dl-story-next'), map: box('.dl-map-frame'),
      title: box('.dl-card-title'), card: box('.dl-card'), timeline: box('section.dl-timeline'),
      width: innerWidth, height: innerHeight,
    };
  });
}

for (const [width, height] of [[375, 700], [640, 800]]) {
  test(`below 980 px story mode shows the steps, the map and the card together at ${width}×${height}`, async () => {
    const page = await env.page({ viewport: { width, height } });
    await page.goto(`${env.base}/fixtures/story.html`);
    const position = page.locator('#explorer .dl-story-position');
    await position.filter({ hasText: '1 of 19' }).waitFor();
    for (const step of [0, 1, 2]) {
      if (step) {
        await page.locator('#explorer .dl-story-next').click();
        await position.filter({ hasText: `${step + 1} of 19` }).waitFor();
      }
      const b = await storyBoxes(page);
      const inView = (name) => {
        const r = b[name];
        assert.ok(r.left >= -1 && r.right <= b.width + 1 && r.top >= -1 && r.bottom <= b.height + 1,
          `step ${step + 1}: the ${name} is in view at ${width}×${height}: ${JSON.stringify(r)}`);
      };
      for (const part of ['previous', 'next', 'map', 'title']) inView(part);
      assert.ok(b.map.bottom <= b.card.top, 'the map stands above the card');
      assert.ok(b.card.bottom <= b.timeline.top, 'the timeline comes below the card');
      if (step === 0) await page.screenshot({ path: `${ARTIFACTS}/story-narrow-${width}.png` });
    }
    // Read to the card's end, then step: the steps, the map and the new card come back in view.
    await page.locator('#explorer .dl-sources').last().scrollIntoViewIfNeeded();
    await page.keyboard.press('ArrowRight');
    await position.filter({ hasText: '4 of 19' }).waitFor();
    const b = await storyBoxes(page);
    for (const part of ['next', 'map', 'title']) assert.ok(b[part].top >= -1 && b[part].bottom <= b.height + 1, `${part} in view after a step from the card's end`);
    await page.screenshot({ path: `${ARTIFACTS}/story-narrow-${width}-stepped.png` });
    assert.deepEqual(page.errors, []);
  });
}

for (const width of [1280, 320]) {
  test(`story mode passes axe, with targets of 24 px and more, at ${width} px`, async () => {
    const page = await open(`/fixtures/story.html#event=${seed.events[3].id}`, width);
    await page.locator('#explorer .dl-story-position', { hasText: / of 19/ }).waitFor();
    const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    const small = await page.evaluate(() => [...document.querySelector('#explorer').shadowRoot
      .querySelectorAll('.dl-story button, .dl-mode, .dl-timeline-controls button, .dl-map-controls button, .dl-export > summary')]
      .map((b) => ({ name: b.getAttribute('aria-label') ?? b.textContent, r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24).map(({ name, r }) => `${name}: ${r.width}×${r.height}`));
    assert.deepEqual(small, []);
    await page.screenshot({ path: `${ARTIFACTS}/story-${width}.png`, fullPage: true });
    assert.deepEqual(page.errors, []);
  });
}

for (const width of [320, 375, 414]) {
  test(`at ${width} px list entries do not overlap and titles are whole`, async () => {
    const page = await open('/', width);
    const rows = await page.evaluate(() => {
      const root = document.querySelector('#explorer').shadowRoot;
      const box = (n) => { const r = n.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; };
      return [...root.querySelectorAll('.dl-list .dl-item')].map((item) => {
        const title = item.querySelector('.dl-item-title');
        return {
          text: title.textContent, item: box(item), when: box(item.querySelector('.dl-item-when')),
          title: box(title), meta: box(item.querySelector('.dl-item-meta')),
          whole: title.scrollHeight <= title.clientHeight + 1,
        };
      });
    });
    assert.ok(rows.length >= 5);
    for (let i = 0; i < rows.length; i += 1) {
      const r = rows[i];
      assert.ok(r.whole, `"${r.text}" is whole`);
      assert.ok(r.when.bottom <= r.title.top + 0.5, `the date line of "${r.text}" is above its title`);
      assert.ok(r.title.bottom <= r.meta.top + 0.5, `the title "${r.text}" is above its meta line`);
      for (const part of [r.when, r.title, r.meta]) {
        assert.ok(part.bottom <= r.item.bottom + 0.5 && part.right <= r.item.right + 0.5, `"${r.text}" stays in its entry`);
      }
      if (i) assert.ok(!overlap(rows[i - 1].item, r.item), `"${rows[i - 1].text}" and "${r.text}" overlap`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= width, `the page is ${overflow} px wide`);
    await page.screenshot({ path: `${ARTIFACTS}/story-list-${width}.png`, fullPage: true });
    assert.deepEqual(page.errors, []);
  });
}

/** Pinches the element at `selector` with two touches, `from` px apart to `to` px apart. */
async function pinch(page, selector, from, to) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + Math.min(box.height / 2, 30)];
  const cdp = await page.context().newCDPSession(page);
  const points = (d) => [{ x: cx - d / 2, y: cy, id: 0 }, { x: cx + d / 2, y: cy, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let i = 1; i <= 8; i += 1) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / 8) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('two fingers pinch the map and the timeline closer', async () => {
  const page = await env.page({ viewport: { width: 375, height: 900 }, hasTouch: true });
  await page.goto(`${env.base}/`);
  await page.locator('#explorer .dl-status', { hasText: /events/ }).waitFor();
  const width = async () => Number((await page.locator('#explorer .dl-map-base').getAttribute('viewBox')).split(' ')[2]);
  const before = await width();
  await pinch(page, '#explorer .dl-map-frame', 40, 200);
  const after = await width();
  assert.ok(after < before / 2, `the map shows ${after} of ${before} units across`);
  const ticks = await page.locator('#explorer .dl-tick').allTextContents();
  await pinch(page, '#explorer .dl-timeline-svg', 30, 240);
  await page.waitForFunction((t) => [...document.querySelector('#explorer').shadowRoot.querySelectorAll('.dl-tick')].map((n) => n.textContent).join() !== t, ticks.join());
  assert.ok(await page.locator('#explorer .dl-range').count() === 0, 'a pinch sets no date range');
  assert.deepEqual(page.errors, []);
});
