// What a page downloads to show the explorer, watched in the browser: shared by the size budget's
// test and the benchmark, so both count the same files the same way.
import { stat } from 'node:fs/promises';
import { ENCODINGS } from './server.mjs';

/** The explorer's own files: scripts, style sheets and wasm modules. */
const COUNTED = /\.(js|mjs|css|wasm)$/;

/** The size of `path` under `root` as its twin in `suffix` has it, or as itself without one. */
async function twinSize(root, path, suffix) {
  const twin = await stat(`${root}${path}${suffix}`).catch(() => null);
  return twin?.isFile() ? twin.size : (await stat(`${root}${path}`)).size;
}

/**
 * Opens `page` (a path on `base`) in a fresh context of `browser` and watches every script,
 * style sheet and wasm module it fetches until the (first) explorer shows its events, leaving
 * out the host page's own files (those under `hostOwn`). Each file is listed with `received`,
 * the bytes of its body as they came over the wire (compressed, if the server compressed it),
 * `encoding`, its Content-Encoding, and the sizes it has compressed with brotli (`br`) and gzip
 * (`gzip`) as served from `root`. The totals are summed over the files.
 */
export async function measureDownload(browser, base, page = '/examples/article.html', { root = 'target/www', hostOwn = '/examples/' } = {}) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const responses = [];
  tab.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (COUNTED.test(pathname) && !pathname.startsWith(hostOwn)) responses.push(response);
  });
  await tab.goto(`${base}${page}`);
  await tab.locator('dateline-explorer .dl-status').first().filter({ hasText: /events/ }).waitFor();
  const files = [];
  for (const response of responses) {
    const path = new URL(response.url()).pathname;
    const sizes = {};
    for (const { name, suffix } of ENCODINGS) sizes[name] = await twinSize(root, path, suffix);
    files.push({
      path,
      encoding: response.headers()['content-encoding'] ?? null,
      received: (await response.request().sizes()).responseBodySize,
      ...sizes,
    });
  }
  await context.close();
  files.sort((a, b) => a.path.localeCompare(b.path));
  const total = (key) => files.reduce((sum, f) => sum + f[key], 0);
  return { files, received: total('received'), br: total('br'), gzip: total('gzip') };
}
