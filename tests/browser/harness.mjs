// Shared set-up for the browser tests: a server for www/ (fixtures at /fixtures/), Debian's
// chromium through playwright-core, console errors collected, screenshots kept as artifacts.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export const ARTIFACTS = 'tests/browser/artifacts';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Gathers the page's Content-Security-Policy violations in `window.violations`, from its start. */
export async function collectViolations(page) {
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Starts the server and the browser; `close()` stops both. `mounts` serves more folders. */
export async function start(mounts = {}) {
  const server = await serve('target/www', 0, { '/fixtures/': 'tests/fixtures', ...mounts });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    browser,
    /** A new page, in a context of its own, whose console and page errors collect in `page.errors`. */
    async page(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.errors = [];
      page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
      page.on('pageerror', (e) => page.errors.push(String(e)));
      return page;
    },
    /**
     * Opens a blank page holding one explorer per item of `list` ({ id, src, ...attributes });
     * an item's `body` is served at its `src` through routing instead of from disk. `pins` go in
     * as meta tags (name to content) before the explorer's script loads, as a page that pins the
     * engine's hash has them.
     */
    async widgets(page, list, pins = {}) {
      for (const { src, body } of list) {
        if (body !== undefined) await page.route(`**${src}`, (r) => r.fulfill({ contentType: 'application/json', body }));
      }
      await page.goto(`${this.base}/fixtures/blank.html`);
      await page.evaluate(({ items, pins }) => {
        for (const [name, content] of Object.entries(pins)) {
          const meta = document.createElement('meta');
          meta.name = name;
          meta.content = content;
          document.head.append(meta);
        }
        for (const { id, ...attributes } of items) {
          const w = document.createElement('dateline-explorer');
          w.id = id;
          for (const [name, value] of Object.entries(attributes)) w.setAttribute(name, value);
          document.body.append(w);
        }
        const s = document.createElement('script');
        s.type = 'module';
        s.src = '/dateline.js';
        document.head.append(s);
      }, { items: list.map(({ body, ...attributes }) => attributes), pins });
    },
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** The SHA-384 integrity value of a file the server has, as a host page would pin it. */
export async function integrityOf(page, path) {
  return page.evaluate(async (path) => {
    const bytes = await (await fetch(path)).arrayBuffer();
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    return `sha384-${btoa(String.fromCharCode(...hash))}`;
  }, path);
}

/**
 * Opens the iframe embed's host page and waits until the embed has sized its frame: the page,
 * the frame element, the embed's contents and the height it set.
 */
export async function openSizedHost(env) {
  const page = await env.page();
  await page.goto(`${env.base}/fixtures/host.html`);
  const frame = page.locator('#frame');
  const embed = page.frameLocator('#frame');
  await embed.locator('.dl-status', { hasText: '1 of 19' }).waitFor();
  await page.waitForFunction(() => document.getElementById('frame').height !== '300');
  return { page, frame, embed, sized: await frame.getAttribute('height') };
}

/** Adds to `page` a frame of another origin (localhost is not 127.0.0.1), once it has loaded. */
export async function foreignFrame(env, page) {
  const src = `${env.base.replace('127.0.0.1', 'localhost')}/fixtures/blank.html`;
  await page.evaluate((src) => new Promise((done) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.addEventListener('load', done, { once: true });
    document.body.append(f);
  }), src);
  return page.frames().find((f) => f.url().startsWith('http://localhost'));
}
