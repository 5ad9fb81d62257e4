// The core's JavaScript API, called directly in a real browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('the JS API returns typed arrays and throws Errors with the core message', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/fixtures/blank.html`);
  const out = await page.evaluate(async () => {
    const m = await import('/pkg/dateline.js');
    await m.default();
    const bytes = new Uint8Array(await (await fetch('/data/iraq-2019-2020.json')).arrayBuffer());
    const store = m.Dateline.fromBytes(bytes);
    const r = store.query({ types: ['missile-attack'], from: '2020-01', to: '2020-03' });
    const card = store.event(r.page[0].id);
    const caught = (f) => { try { f(); return null; } catch (e) { return [e instanceof Error, e.message]; } };
    const result = {
      total: r.total,
      facetArrays: [r.facets.types.options.constructor.name, r.facets.types.counts.constructor.name],
      edges: r.bins.edges.constructor.name,
      // Every type with a count, highest first; the ticked missile attacks among them.
      typeOptions: [...r.facets.types.options].map((i) => store.types()[i].id),
      typeTotal: r.facets.types.total,
      injured: card.figures[0].readings.map((x) => `${x.words} per ${x.sourceTitle}`),
      badPlace: caught(() => store.query({ places: ['paris'] })),
      badField: caught(() => store.query({ palces: ['paris'] })),
      badDate: caught(() => m.dateSpan('2020-02-30')),
      span: m.dateSpan('2019-12~'),
    };
    store.free();
    return result;
  });
  assert.equal(out.total, 1);
  assert.deepEqual(out.facetArrays, ['Uint32Array', 'Uint32Array']);
  assert.equal(out.edges, 'Int32Array');
  assert.equal(out.typeOptions.length, out.typeTotal);
  assert.ok(out.typeOptions.includes('missile-attack'));
  assert.match(out.injured[0], /^nearly 100 per /);
  assert.match(out.injured[1], /^more than 100 per /);
  assert.deepEqual(out.badPlace, [true, "query 'places': there is no place with the id 'paris'"]);
  assert.equal(out.badField[0], true);
  assert.match(out.badField[1], /palces/);
  assert.match(out.badDate[1], /February 2020 has 29 days/);
  assert.deepEqual([out.span.from, out.span.to, out.span.label], ['2019-11-01', '2020-01-31', 'about December 2019']);
  assert.deepEqual(page.errors, []);
});

test('the page\'s engine reads packages, and the engine with the importers reads every format', async () => {
  const page = await env.page();
  await page.goto(`${env.base}/fixtures/blank.html`);
  const out = await page.evaluate(async () => {
    const csv = new Uint8Array(await (await fetch('/fixtures/acled/events.csv')).arrayBuffer());
    const read = async (glue) => {
      const m = await import(glue);
      await m.default();
      const store = m.Dateline.fromBytes(csv);
      const result = {
        detected: m.Dateline.detectFormat(csv.subarray(0, 8192)),
        reads: ['package', 'acled', 'csv', 'nonsense'].map((f) => m.Dateline.reads(f)),
        events: store.eventCount,
        problems: store.problems().map((p) => p.message),
      };
      store.free();
      return result;
    };
    return { core: await read('/pkg/dateline.js'), full: await read('/pkg/dateline_fast.js') };
  });
  assert.equal(out.core.detected, 'acled');
  assert.deepEqual(out.core.reads, [true, false, false, false]);
  assert.equal(out.core.events, 0);
  assert.match(out.core.problems[0], /an ACLED export, which this engine does not read/);
  assert.equal(out.full.detected, 'acled');
  assert.deepEqual(out.full.reads, [true, true, true, false]);
  assert.equal(out.full.events, 4);
  assert.deepEqual(page.errors, []);
});
