// @ts-check
// Getting bytes: a dataset from its URL, stopping at a size cap and a timeout with a message that
// says which; a file the reader chose; the base map, fetched once for every explorer on the page.
// Each passes the chunks on as they arrive and says how far it got.
import { Said } from './strings.js';

/** @import { Basemap } from './map.js' */

/** Where the chunks of a file go as they arrive. @typedef {{ reserve(bytes: number): void, push(chunk: Uint8Array): void }} Sink */

/** Base maps by URL, shared by every explorer on the page. @type {Map<string, Promise<Basemap>>} */
const basemaps = new Map();

/**
 * Fetches `url`, stopping at `maxBytes` (whatever Content-Length claims) and after
 * `timeoutSeconds`. With a `sink` the chunks go to it as they arrive (and the size announced
 * first, so that it can pick its engine) and the promise keeps `null`; without one it keeps the
 * bytes.
 *
 * @param {URL} url
 * @param {object} options
 * @param {number} options.maxBytes the largest file read
 * @param {number} options.timeoutSeconds how long the whole file may take
 * @param {AbortSignal} options.signal stops fetching
 * @param {Sink} [options.sink] where the chunks go
 * @param {(size: number, total: number) => void} [options.onProgress] the bytes arrived, of
 *   those announced (0 when none were)
 */
export async function fetchBytes(url, options) {
  const { maxBytes: max, timeoutSeconds: seconds, signal, sink = null, onProgress } = options;
  const timeout = AbortSignal.timeout(seconds * 1000);
  const both = AbortSignal.any([signal, timeout]);
  // The sizes and times in them are written in the reader's language where they are shown.
  const tooBig = () => new Said('tooBig', [url.href], { key: 'bytes', count: max });
  const late = () => new Said('late', [url.href], { key: 'seconds', count: seconds });
  let response;
  try {
    response = await fetch(url, { signal: both });
  } catch (error) {
    if (signal.aborted) throw error;
    if (timeout.aborted) throw late();
    throw new Said('requestFailed', [url.href]);
  }
  if (!response.ok) {
    throw new Said('serverAnswered', [url.href, `${response.status} ${response.statusText}`.trim()]);
  }
  // A compressed response's Content-Length counts the compressed bytes, not the file's: the
  // size is then unknown until the bytes have arrived.
  const encoding = response.headers.get('content-encoding');
  const compressed = encoding !== null && encoding !== 'identity';
  const total = compressed ? 0 : Number(response.headers.get('content-length')) || 0;
  if (total > max) throw tooBig();
  // The size announced picks the engine: a worker for a large file.
  sink?.reserve(total);
  const chunks = [];
  let size = 0;
  let first;
  if (!response.body) throw new Said('noBody', [url.href]);
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        reader.cancel();
        throw tooBig();
      }
      first ??= value.find((b) => b > 32);
      if (first === 0x3c) {
        reader.cancel();
        throw new Said('webPage', [url.href]);
      }
      if (sink) {
        sink.push(value);
        onProgress?.(size, total);
      } else {
        chunks.push(value);
      }
    }
  } catch (error) {
    if (timeout.aborted && !signal.aborted) throw late();
    throw error;
  }
  if (sink) return null;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * Streams a file the reader chose into `sink`, saying how much has been read of it.
 *
 * @param {File} file
 * @param {Sink} sink
 * @param {AbortSignal} signal
 * @param {(size: number, total: number) => void} onProgress
 */
export async function readFile(file, sink, signal, onProgress) {
  sink.reserve(file.size);
  const reader = file.stream().getReader();
  let size = 0;
  for (;;) {
    if (signal.aborted) throw signal.reason;
    const { done, value } = await reader.read();
    if (done) return;
    size += value.length;
    sink.push(value);
    onProgress(size, file.size);
  }
}

/**
 * The base map at `url` (see www/data/README.md), fetched once per page; `signal` stops waiting.
 *
 * @param {string} url
 * @param {AbortSignal} signal
 * @returns {Promise<Basemap>}
 */
export function loadBasemap(url, signal) {
  let basemap = basemaps.get(url);
  if (!basemap) {
    basemap = fetch(url).then((r) => {
      if (!r.ok) throw new Said('basemapAnswered', [url, String(r.status)]);
      return r.json();
    }).catch((error) => { basemaps.delete(url); throw error; });
    basemaps.set(url, basemap);
  }
  /** @type {Promise<never>} */
  const stopped = new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
  return Promise.race([basemap, stopped]);
}
