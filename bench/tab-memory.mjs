// The tab's memory for a file the reader opened, measured: the explorer (index.html) opens the
// CSV through its own file input, its worker reads it, is handed the `File` and lets go of the
// chunks; then, after a full collection, the memory of the page and of each worker is summed
// from the DevTools protocol. The scale page (bench/scale.js) cannot measure this: it fetches the
// bytes itself and runs the engine in the page.
//
// Counted, for the page and each worker: V8's heap in use (`Runtime.getHeapUsage` usedSize),
// Blink's heap in use (its embedderHeapUsedSize: the DOM and what the page's objects hold
// outside V8), the backing stores of array buffers and external strings (backingStorageSize,
// which leaves out WebAssembly memories) and every WebAssembly memory's size (found with
// `Runtime.queryObjects`). Not counted: the `File`, which is on disk; the browser process's blob
// storage and caches; the renderer's code, stacks and allocator slack, which no target reports.

/** The kinds of memory summed for each target, as the row names their parts. */
const KINDS = ['js-heap', 'dom-heap', 'buffers', 'wasm'];

/**
 * A DevTools session's memory after two full collections (the second collects what the first
 * let go of through finalizers), by kind.
 *
 * @param {(method: string, params?: object) => Promise<any>} send
 */
async function memoryOf(send) {
  for (let i = 0; i < 2; i += 1) await send('HeapProfiler.collectGarbage');
  const heap = await send('Runtime.getHeapUsage');
  const prototype = await send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const memories = await send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId });
  const sizes = await send('Runtime.callFunctionOn', {
    objectId: memories.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return {
    'js-heap': heap.usedSize,
    'dom-heap': heap.embedderHeapUsedSize ?? 0,
    buffers: heap.backingStorageSize ?? 0,
    wasm: sizes.result.value,
  };
}

/**
 * The page's workers through its own DevTools session: Playwright gives no session for a
 * worker, so the session attaches to each as it starts and speaks to it in messages.
 *
 * @param {import('playwright-core').CDPSession} cdp the page's session
 */
async function workersOf(cdp) {
  const sessions = new Set();
  const pending = new Map();
  let next = 0;
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') sessions.add(sessionId);
  });
  cdp.on('Target.detachedFromTarget', ({ sessionId }) => sessions.delete(sessionId));
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const answer = JSON.parse(message);
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (answer.error) waiting.reject(new Error(answer.error.message));
    else waiting.resolve(answer.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    sessions,
    /**
     * @param {string} sessionId a worker's, from `sessions`
     * @param {string} method
     * @param {object} [params]
     */
    send: (sessionId, method, params = {}) => new Promise((resolve, reject) => {
      next += 1;
      pending.set(next, { resolve, reject });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: next, method, params }) }).catch(reject);
    }),
  };
}

/**
 * Opens the CSV at `path` (n rows) in the explorer served at `base` as a reader would, and
 * measures the tab once it has loaded: a `memory-tab-opened` row (its bytes, bytes_per_event
 * and workers) and one row per part, `memory-tab-opened:page-js-heap` and so on.
 *
 * @param {import('playwright-core').Browser} browser
 * @param {string} base
 * @param {number} n
 * @param {string} path
 */
export async function openedTabMemory(browser, base, n, path) {
  // A context of its own: no other page shares its renderer, whose heap the page's figures are.
  const page = await browser.newPage();
  try {
    const cdp = await page.context().newCDPSession(page);
    const workers = await workersOf(cdp);
    await page.goto(`${base}/`);
    const status = page.locator('#explorer .dl-status');
    await status.filter({ hasText: /^\d+ events$/ }).waitFor();
    await page.setInputFiles('#open-file', path);
    // The explorer says how many events it holds once the worker has taken the File and let go
    // of the chunks (www/loading.js), and not before.
    await status.filter({ hasText: new RegExp(`^${n} events$`) }).waitFor({ timeout: 600000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const parts = Object.fromEntries(['page', 'worker'].flatMap((t) => KINDS.map((k) => [`${t}-${k}`, 0])));
    for (const sessionId of workers.sessions) {
      const memory = await memoryOf((method, params) => workers.send(sessionId, method, params));
      for (const k of KINDS) parts[`worker-${k}`] += memory[k];
    }
    const memory = await memoryOf((method, params) => cdp.send(method, params));
    for (const k of KINDS) parts[`page-${k}`] = memory[k];
    const bytes = Object.values(parts).reduce((a, b) => a + b, 0);
    const row = (bench, b, fields = {}) => ({ bench, impl: 'dateline', n, median_ms: null, p95_ms: null, mb_per_s: null, bytes: b, ...fields });
    return [
      row('memory-tab-opened', bytes, { bytes_per_event: bytes / n, workers: workers.sessions.size }),
      ...Object.entries(parts).map(([part, b]) => row(`memory-tab-opened:${part}`, b)),
    ];
  } finally {
    await page.close();
  }
}
