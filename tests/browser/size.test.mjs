// The size budget: what a news article embedding the explorer downloads to show a package.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { measureDownload } from './download.mjs';
import { start } from './harness.mjs';

/** The most the explorer's scripts, style sheets and wasm may weigh, compressed, in bytes. */
const BUDGET = 150_000;
let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test(`the example article's explorer downloads at most ${BUDGET.toLocaleString('en')} bytes of JS, CSS and wasm`, async (t) => {
  const download = await measureDownload(env.browser, env.base);
  for (const f of download.files) t.diagnostic(`${f.path}: ${f.received} bytes received (${f.encoding ?? 'not compressed'}); br ${f.br}, gzip ${f.gzip}`);
  t.diagnostic(`the download: ${download.received} bytes received; ${download.br} with brotli, ${download.gzip} with gzip`);
  const paths = download.files.map((f) => f.path);
  for (const path of ['/dateline.js', '/dateline.css', '/pkg/dateline.js', '/pkg/dateline_bg.wasm']) {
    assert.ok(paths.includes(path), `${path} is among ${paths.join(', ')}`);
  }
  // Measured as sent: each file compressed, and as large as its twin in that encoding.
  for (const f of download.files) {
    assert.ok(f.encoding === 'br' || f.encoding === 'gzip', `${f.path} came ${f.encoding ?? 'uncompressed'}`);
    assert.equal(f.received, f[f.encoding], f.path);
  }
  assert.ok(download.received <= BUDGET, `${download.received} bytes, over the budget of ${BUDGET}`);
});
