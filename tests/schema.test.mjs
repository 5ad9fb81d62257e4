// docs/package.schema.json, the JSON Schema an editor checks a package against, agrees with the
// packages Dateline ships and rejects the fixtures made to break it, each for its own fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync('docs/package.schema.json', 'utf8'));
// The schema gives a text-or-null field as `"type": ["string", "null"]`.
const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);
const read = (file) => JSON.parse(readFileSync(file, 'utf8'));
const json = (dir, recursive = false) => readdirSync(dir, { recursive })
  .filter((name) => name.endsWith('.json'))
  .map((name) => join(dir, name))
  .sort();

/** The data files the shipped pages' explorers point at (`<dateline-explorer src=…>`). */
function pointedAt(pages) {
  return pages.flatMap((page) => [...readFileSync(page, 'utf8').matchAll(/<dateline-explorer[^>]*\ssrc="([^"]+)"/g)]
    .map((m) => join(dirname(page), m[1])));
}

/**
 * The fixtures the schema must reject, each with where its one fault is: every error the schema
 * reports lies there. `facets.json` leaves one event undated on purpose, for the query tests.
 */
const REJECTED = {
  'tests/fixtures/packages/facets.json': { at: '/events/4', keyword: 'required', detail: 'date' },
  'tests/fixtures/packages/invalid/missing-title.json': { at: '', keyword: 'required', detail: 'title' },
  'tests/fixtures/packages/invalid/figure-value-as-text.json': { at: '/events/0/figures/0/value', keyword: 'type', detail: 'number' },
  'tests/fixtures/packages/invalid/unknown-relation-kind.json': { at: '/events/1/relations/0/kind', keyword: 'enum', detail: 'response-to' },
  'tests/fixtures/packages/invalid/misspelled-field.json': { at: '/events/0', keyword: 'additionalProperties', detail: 'palce' },
};

const shipped = [
  ...json('www/data').filter((file) => 'dateline' in read(file)),
  ...pointedAt(['www/index.html', ...readdirSync('www/examples').filter((f) => f.endsWith('.html')).map((f) => join('www/examples', f))]),
  ...json('tests/fixtures/packages').filter((file) => !(file in REJECTED)),
  ...json('tests/extraction/corpus', true),
  ...json('tests/extraction').filter((file) => file.endsWith('.gold.json')),
];

test('the shipped packages are all found', () => {
  for (const file of [
    'www/data/iraq-2019-2020.json', 'www/data/gazetteer.json', 'www/data/lexicon.json',
    'tests/fixtures/packages/broken-event.json', 'tests/extraction/seeds.gold.json',
  ]) {
    assert.ok(shipped.includes(file), file);
  }
  assert.ok(!shipped.includes('www/data/basemap-middle-east.json'), 'the base map is not a package');
  assert.ok(pointedAt(['www/examples/article.html']).includes('www/data/iraq-2019-2020.json'));
  assert.ok(shipped.filter((f) => f.startsWith('tests/extraction/corpus/')).length >= 50);
});

test('the schema accepts every shipped package', () => {
  const rejected = [];
  for (const file of new Set(shipped)) {
    if (!validate(read(file))) rejected.push(`${file}: ${validate.errors.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
  }
  assert.deepEqual(rejected, []);
});

test('a date the calendar lacks is left to `dateline validate`: its shape passes', () => {
  // broken-event.json's 2020-02-30 has the shape of a date; only the reader knows February.
  const broken = read('tests/fixtures/packages/broken-event.json');
  assert.equal(broken.events[1].date, '2020-02-30');
  assert.ok(validate(broken));
});

test('the schema rejects each invalid fixture, for its own fault', () => {
  const invalid = json('tests/fixtures/packages/invalid');
  assert.deepEqual(invalid, Object.keys(REJECTED).filter((f) => f.includes('/invalid/')).sort(), 'every invalid fixture has its fault named here');
  for (const [file, { at, keyword, detail }] of Object.entries(REJECTED)) {
    assert.equal(validate(read(file)), false, `${file} passes`);
    const errors = validate.errors;
    assert.deepEqual(errors.filter((e) => e.instancePath !== at).map((e) => `${e.instancePath} ${e.message}`), [], file);
    const named = errors.find((e) => e.keyword === keyword);
    assert.ok(named, `${file}: no ${keyword} error among ${errors.map((e) => e.keyword)}`);
    assert.ok(JSON.stringify(named.params).includes(detail), `${file}: ${JSON.stringify(named.params)}`);
  }
});
