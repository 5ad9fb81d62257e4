// A static file server for the explorer as built (target/www/), with the MIME types WebAssembly
// modules need.
// Used by `./build.sh serve` and by the browser tests; serves only files under its root.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 picks a free port); resolves to the server.
 * `mounts` maps URL prefixes to other folders (the tests serve their fixtures at /fixtures/).
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
      const body = await readFile(file);
      // `?unsized` sends the file in pieces with no length announced, as servers that compress
      // on the fly do (the tests use it); otherwise the length goes first.
      const unsized = url.searchParams.has('unsized');
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(unsized ? {} : { 'content-length': body.length }),
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
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
