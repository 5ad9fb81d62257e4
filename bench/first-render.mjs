// First useful render of fifty events: Dateline (as the example article embeds it, and bare)
// against TimelineJS (npm @knight-lab/timelinejs, pinned in
// package-lock.json and served from this machine), in one browser run, unthrottled and on an
// emulated slow 4G link (150 ms latency, 200 KB/s down). Each page loads in a fresh context (an
// empty cache), the three alternate, and each figure is the median of RUNS loads.
//
// `./build.sh bench` runs it with the rest; `node bench/first-render.mjs` runs it alone (after
// `./build.sh build`) and puts its rows into bench/results.json in place of the last ones.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { precompress, serve } from '../tests/browser/server.mjs';

const N = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const DIR = 'bench/generated/first-render';
const TIMELINEJS = 'node_modules/@knight-lab/timelinejs/dist';

/** The links a run emulates: none, and slow 4G as the comparison asks for. */
export const NETWORKS = [
  { name: 'unthrottled', conditions: null },
  { name: 'slow-4g', conditions: { offline: false, latency: 150, downloadThroughput: 200 * 1000, uploadThroughput: 200 * 1000 } },
];

// The pages compared, made by `prepare`: Dateline as the example article embeds it (preload
// links, the static list of the events inside the element), Dateline with neither, and
// TimelineJS as its embed does it.
const PAGES = [
  { impl: 'dateline', path: `/${DIR}/dateline.html` },
  { impl: 'dateline-bare', path: `/${DIR}/dateline-bare.html` },
  { impl: 'timelinejs', path: `/${DIR}/timelinejs.html` },
];

/**
 * A page of the benchmark: `head` in its head, `body` in its body, and the script that times
 * it (bench/first-render.js) inline, so that timing it costs no request on the throttled link.
 */
const page = (title, head, body, timer) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
${head}
  <script>${timer}</script>
</head>
<body>
${body}
</body>
</html>
`;

/** A Dateline date (a day, as `dateline synth` writes them) as TimelineJS's date parts. */
function parts(edtf) {
  const [year, month, day] = edtf.split('-').map(Number);
  return { year, month, day };
}

/**
 * The fifty events, made once: a package of what they use (`dateline synth`, then `dateline
 * convert`, which keeps only the places and actors the events name) and the same events as a
 * TimelineJS timeline (title, date, type as group, the quote as text); TimelineJS's files beside
 * them; all compressed as build.sh compresses the explorer's.
 */
export async function prepare() {
  await rm(DIR, { recursive: true, force: true });
  await mkdir(DIR, { recursive: true });
  const all = `${DIR}/synth-${N}.json`;
  const pkg = `${DIR}/package-${N}.json`;
  execFileSync('target/release/dateline', ['synth', String(N), '--seed', '1', '--package', all], { stdio: 'ignore' });
  execFileSync('target/release/dateline', ['convert', all, '--to', 'package', '-o', pkg], { stdio: 'ignore' });
  const { title, events } = JSON.parse(await readFile(pkg, 'utf8'));
  const timeline = {
    title: { text: { headline: title, text: '' } },
    events: events.map((e) => ({
      start_date: parts(e.date),
      text: { headline: e.title, text: e.sources?.[0]?.quote ?? '' },
      group: e.type,
    })),
  };
  await writeFile(`${DIR}/timelinejs-${N}.json`, JSON.stringify(timeline));
  const fallback = execFileSync('target/release/dateline', ['convert', pkg, '--to', 'html', '--fragment'], { encoding: 'utf8' });
  const timer = await readFile('bench/first-render.js', 'utf8');
  // TimelineJS made as its embed makes it: by a script on the page.
  const timelinejs = await readFile('bench/first-render-timelinejs.js', 'utf8');
  const explorer = (inside) => `  <dateline-explorer src="/${pkg}" heading="Fifty events" height="760px">${inside}</dateline-explorer>`;
  await writeFile(`${DIR}/dateline.html`, page('First render: Dateline, 50 events', `  <link rel="preload" href="/pkg/dateline_bg.wasm" as="fetch" type="application/wasm" crossorigin>
  <link rel="preload" href="/${pkg}" as="fetch" type="application/json" crossorigin>
  <link rel="preload" href="/data/basemap-middle-east.json" as="fetch" type="application/json" crossorigin>
  <link rel="preload" href="/dateline.css" as="style">
  <script type="module" src="/dateline.js"></script>`, explorer(`\n  <h2>Fifty events</h2>\n${fallback}`), timer));
  await writeFile(`${DIR}/dateline-bare.html`, page('First render: Dateline, 50 events, no preload or list',
    '  <script type="module" src="/dateline.js"></script>', explorer(''), timer));
  await writeFile(`${DIR}/timelinejs.html`, page('First render: TimelineJS, 50 events', `  <link rel="stylesheet" href="/${DIR}/timelinejs/css/timeline.css">
  <script src="/${DIR}/timelinejs/js/timeline.js"></script>`, `  <div id="timeline"></div>\n  <script>${timelinejs}</script>`, timer));
  // TimelineJS finds its fonts, icons and locales beside its script, as its dist/ lays them out.
  await cp(`${TIMELINEJS}/css`, `${DIR}/timelinejs/css`, { recursive: true });
  await cp(`${TIMELINEJS}/js`, `${DIR}/timelinejs/js`, { recursive: true });
  await precompress(DIR);
}

/**
 * Milliseconds from navigation to the first useful render of `path` in a fresh context
 * (`first`), and to its widget showing the events (`ready`).
 */
async function once(browser, base, path, conditions) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  // Nothing leaves this machine: TimelineJS asks for web fonts, which it goes without here.
  await tab.route((url) => !url.href.startsWith(base), (route) => route.abort('blockedbyclient'));
  if (conditions) {
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', conditions);
  }
  await tab.goto(`${base}${path}`, { waitUntil: 'commit' });
  await tab.waitForFunction(() => window.explorerReady !== undefined, null, { timeout: 60000, polling: 50 });
  const times = await tab.evaluate(() => ({ first: window.firstRender, ready: window.explorerReady }));
  await context.close();
  return times;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The benchmark's rows, per network: per page and measure { bench: 'first-render' (an event's
 * title on screen) or 'explorer-ready' (the widget showing them), impl, n, network, median_ms,
 * runs_ms }, then each Dateline page's ratio to TimelineJS { bench: 'first-render-ratio' or
 * 'explorer-ready-ratio', impl: 'dateline/timelinejs', n, network, ratio }.
 */
export async function firstRender(browser, base) {
  await prepare();
  const rows = [];
  const none = { p95_ms: null, mb_per_s: null, bytes: null };
  for (const { name, conditions } of NETWORKS) {
    const times = Object.fromEntries(PAGES.map((p) => [p.impl, { first: [], ready: [] }]));
    // One warm-up of each (the server's first reads of its files), then alternating runs.
    for (const p of PAGES) await once(browser, base, p.path, conditions);
    for (let run = 0; run < RUNS; run += 1) {
      for (const p of PAGES) {
        const { first, ready } = await once(browser, base, p.path, conditions);
        times[p.impl].first.push(first);
        times[p.impl].ready.push(ready);
      }
    }
    for (const [measure, bench] of [['first', 'first-render'], ['ready', 'explorer-ready']]) {
      const medians = {};
      for (const p of PAGES) {
        medians[p.impl] = median(times[p.impl][measure]);
        rows.push({ bench, impl: p.impl, n: N, network: name, median_ms: Math.round(medians[p.impl]), ...none, runs_ms: times[p.impl][measure].map(Math.round) });
      }
      for (const impl of ['dateline', 'dateline-bare']) {
        rows.push({ bench: `${bench}-ratio`, impl: `${impl}/timelinejs`, n: N, network: name, ratio: Number((medians[impl] / medians.timelinejs).toFixed(3)), median_ms: null, ...none });
      }
    }
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const server = await serve('target/www', 0, { '/bench/': 'bench' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  let rows;
  try {
    rows = await firstRender(browser, `http://127.0.0.1:${server.address().port}`);
  } finally {
    await browser.close();
    server.close();
  }
  const previous = await readFile('bench/results.json', 'utf8').then(JSON.parse, () => []);
  const kept = previous.filter((r) => !/^(first-render|explorer-ready)/.test(r.bench));
  await writeFile('bench/results.json', `${JSON.stringify([...kept, ...rows], null, 1)}\n`);
  for (const r of rows) {
    console.log(r.ratio === undefined
      ? `${r.network}\t${r.bench}\t${r.impl}\t${r.median_ms} ms\t(${r.runs_ms.join(', ')})`
      : `${r.network}\t${r.bench}\t${r.impl}\t${r.ratio}`);
  }
}
