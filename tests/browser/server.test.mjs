// The server sends a file's brotli or gzip twin to a client that accepts it, with the headers
// a browser and a cache need, and the file itself to one that does not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { accepts, precompress, serve } from './server.mjs';

// Script text that compresses well, and bytes that do not compress at all.
const script = Buffer.from('export const greeting = "hello";\n'.repeat(200));
const noise = Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 73 + 41) % 251));
let dir;
let server;
let base;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-server-'));
  await writeFile(join(dir, 'app.js'), script);
  await writeFile(join(dir, 'noise.wasm'), noise);
  await writeFile(join(dir, 'data.csv'), script);
  await writeFile(join(dir, 'index.html'), `<!doctype html><title>t</title>\n${'<p>A paragraph.</p>\n'.repeat(50)}`);
  await precompress(dir);
  server = await serve(dir);
  base = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

/** One request with raw bytes back: no client in between decodes them. */
function get(path, headers = {}, method = 'GET') {
  return new Promise((done, fail) => {
    request(`${base}${path}`, { method, headers }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

test('precompress writes brotli and gzip twins of text, and none that would not be smaller', async () => {
  const files = (await readdir(dir)).sort();
  assert.deepEqual(files, ['app.js', 'app.js.br', 'app.js.gz', 'data.csv', 'index.html', 'index.html.br', 'index.html.gz', 'noise.wasm']);
});

test('without Accept-Encoding the file itself is sent, marked as varying by it', async () => {
  const r = await get('/app.js');
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, script);
  assert.equal(r.headers['content-encoding'], undefined);
  assert.equal(r.headers['content-length'], String(script.length));
  assert.equal(r.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(r.headers.vary, 'Accept-Encoding');
});

test('brotli is preferred where accepted, then gzip, each with its own length and the file\'s type', async () => {
  const br = await get('/app.js', { 'accept-encoding': 'gzip, deflate, br' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.deepEqual(brotliDecompressSync(br.body), script);
  assert.equal(br.headers['content-length'], String(br.body.length));
  assert.ok(br.body.length < script.length / 10, `${br.body.length} bytes`);
  assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  const gzip = await get('/app.js', { 'accept-encoding': 'gzip' });
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gzip.body), script);
  assert.equal(gzip.headers['content-length'], String(gzip.body.length));
  assert.notDeepEqual(gzip.body, br.body);
  // Weights: a refused encoding is skipped; `*` stands for any encoding not named.
  assert.equal((await get('/app.js', { 'accept-encoding': 'br;q=0, gzip;q=0.5' })).headers['content-encoding'], 'gzip');
  assert.equal((await get('/app.js', { 'accept-encoding': '*' })).headers['content-encoding'], 'br');
  assert.equal((await get('/app.js', { 'accept-encoding': 'identity' })).headers['content-encoding'], undefined);
});

test('HEAD gives the headers of the same GET and no body', async () => {
  const headers = { 'accept-encoding': 'br, gzip' };
  const [got, head] = [await get('/app.js', headers), await get('/app.js', headers, 'HEAD')];
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  for (const name of ['content-type', 'content-encoding', 'content-length', 'vary']) {
    assert.equal(head.headers[name], got.headers[name], name);
  }
  assert.equal(Number(head.headers['content-length']), got.body.length);
});

test('a Range request is answered with the whole file, compressed as any other', async () => {
  const r = await get('/app.js', { range: 'bytes=0-9', 'accept-encoding': 'gzip' });
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(r.body), script);
});

test('files without a twin are sent as they are; a directory sends its index', async () => {
  for (const [path, type] of [['/noise.wasm', 'application/wasm'], ['/data.csv', 'text/csv; charset=utf-8']]) {
    const r = await get(path, { 'accept-encoding': 'br, gzip' });
    assert.equal(r.headers['content-encoding'], undefined, path);
    assert.equal(r.headers.vary, undefined, path);
    assert.equal(r.headers['content-type'], type);
    assert.equal(Number(r.headers['content-length']), r.body.length);
  }
  assert.deepEqual((await get('/noise.wasm')).body, noise);
  const index = await get('/', { 'accept-encoding': 'br' });
  assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(brotliDecompressSync(index.body).toString(), /<title>t<\/title>/);
  assert.equal((await get('/nothing.js', { 'accept-encoding': 'br' })).status, 404);
});

test('a file edited after its twins were written is sent itself, not its stale twins', async () => {
  const edited = Buffer.from('export const greeting = "edited";\n');
  await writeFile(join(dir, 'app.js'), edited);
  const later = new Date(Date.now() + 60_000);
  await utimes(join(dir, 'app.js'), later, later);
  const r = await get('/app.js', { 'accept-encoding': 'br, gzip' });
  assert.equal(r.headers['content-encoding'], undefined);
  assert.deepEqual(r.body, edited);
});

test('Accept-Encoding is read as HTTP defines it', () => {
  assert.ok(accepts('gzip, deflate, br, zstd', 'br'));
  assert.ok(accepts('GZIP;Q=1', 'gzip'));
  assert.ok(!accepts('gzip', 'br'));
  assert.ok(!accepts('br;q=0', 'br'));
  assert.ok(!accepts('br;q=0.000, *', 'br'));
  assert.ok(accepts('*;q=0.1', 'br'));
  assert.ok(!accepts(undefined, 'gzip'));
  assert.ok(!accepts('', 'gzip'));
});
