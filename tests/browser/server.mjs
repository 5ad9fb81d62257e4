// A static file server for the explorer as built (target/www/), with the MIME types WebAssembly
// modules need, sending a file's brotli or gzip twin (written by `precompress`) to a browser
// that accepts it.
// Used by `./build.sh serve`, the tests and the benchmark; serves only files under its root.
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

/** The files that get compressed twins: text and WebAssembly (images are compressed already). */
export const COMPRESSED = /\.(js|mjs|css|html|json|svg|wasm|map)$/;

/**
 * The encodings of a file's twins, the server's preference first, each with its file suffix and
 * how it is made: brotli and gzip, each at its highest level.
 */
export const ENCODINGS = [
  {
    name: 'br',
    suffix: '.br',
    encode: (bytes, text) => brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  },
  { name: 'gzip', suffix: '.gz', encode: (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }) },
];

/**
 * Writes a twin in each encoding beside every compressible file under `root` (`x.js.br`,
 * `x.js.gz`), unless it comes out no smaller than the file. Resolves to the number of twins.
 */
export async function precompress(root) {
  let written = 0;
  for (const name of await readdir(root, { recursive: true })) {
    if (!COMPRESSED.test(name)) continue;
    const file = join(root, name);
    if (!(await stat(file)).isFile()) continue;
    const bytes = await readFile(file);
    for (const { suffix, encode } of ENCODINGS) {
      const packed = encode(bytes, !file.endsWith('.wasm'));
      if (packed.length < bytes.length) {
        await writeFile(file + suffix, packed);
        written += 1;
      }
    }
  }
  return written;
}

/**
 * Whether an Accept-Encoding header allows `encoding`: named, or covered by `*`, with a weight
 * above zero.
 */
export function accepts(header, encoding) {
  const weights = new Map();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    weights.set(name, q ? Number(q.slice(2)) : 1);
  }
  return (weights.get(encoding) ?? weights.get('*') ?? 0) > 0;
}

/**
 * What to send for `file`: the body, and its encoding when it is a twin. The twins of a file
 * are used only while they are at least as new as it, so an edited file is never shadowed by a
 * stale twin; `varies` says whether the file has any, for the Vary header.
 */
async function representation(file, acceptEncoding) {
  const { mtimeMs: modified, size } = await stat(file);
  // A file too large for one buffer (the benchmark's largest datasets) is streamed as it is.
  if (size > LARGE) return { body: null, size, encoding: null, varies: false };
  let varies = false;
  for (const { name, suffix } of ENCODINGS) {
    const twin = await stat(file + suffix).catch(() => null);
    if (!twin?.isFile() || twin.mtimeMs < modified) continue;
    varies = true;
    if (accepts(acceptEncoding, name)) return { body: await readFile(file + suffix), encoding: name, varies };
  }
  return { body: await readFile(file), encoding: null, varies };
}

/** Files above this many bytes are streamed from disk, not read whole first. */
const LARGE = 1 << 30;

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 picks a free port); resolves to the server.
 * `mounts` maps URL prefixes to other folders (the tests serve their fixtures at /fixtures/).
 * A Range header is ignored: the answer is the whole file, as HTTP allows.
 */
export function serve(root, port = 0, mounts = {}) {
  const server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      let base = resolve(root);
      for (const [prefix, folder] of Object.entries(mounts)) {
        if (path.startsWith(prefix)) {
          base = resolve(folder);
          path = path.slice(prefix.length - 1);
        }
      }
      let file = normalize(join(base, path));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const { body, size, encoding, varies } = await representation(file, request.headers['accept-encoding']);
      // `?unsized` sends the file in pieces with no length announced, as servers that compress
      // on the fly do (the tests use it); otherwise the length goes first.
      const unsized = url.searchParams.has('unsized');
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(unsized ? {} : { 'content-length': body?.length ?? size }),
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...(varies ? { vary: 'Accept-Encoding' } : {}),
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      if (!body) {
        createReadStream(file).pipe(response);
        return;
      }
      if (unsized) {
        for (let at = 0; at < body.length; at += 1 << 20) response.write(body.subarray(at, at + (1 << 20)));
      }
      response.end(unsized ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'target/www';
  const port = Number(process.argv[3] ?? 8000);
  const server = await serve(root, port);
  console.log(`Dateline: serving ${root} on http://127.0.0.1:${server.address().port}/ (Ctrl-C stops)`);
}
