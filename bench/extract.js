// Extraction speed in the browser: a 1,000-word article through the extractor's wasm module,
// as the "Add article" panel runs it. Results go to window.results for bench/run.mjs.
import init, { Drafts } from '/pkg/dateline_extract.js';

const bytes = async (path) => new Uint8Array(await (await fetch(path)).arrayBuffer());
const articles = ['articles/taji-2020', 'articles/erbil-2021', 'articles/embassy-2019', 'articles/syria-2021',
  'held-out/asad-2021', 'held-out/border-2021', 'held-out/tahrir-2019'];

async function run() {
  await init({ module_or_path: '/pkg/dateline_extract_bg.wasm' });
  const [gazetteer, lexicon] = await Promise.all([bytes('/data/gazetteer.json'), bytes('/data/lexicon.json')]);
  const texts = await Promise.all(articles.map(async (a) => (await (await fetch(`/extraction/${a}.txt`)).text()).split('---\n')[1]));
  // Paragraphs of the test articles, repeated until the article has 1,000 words.
  const paragraphs = texts.join('\n').split('\n').filter((p) => p.trim());
  const out = [];
  let words = 0;
  for (let i = 0; words < 1000; i += 1) {
    const p = paragraphs[i % paragraphs.length];
    out.push(p);
    words += p.split(/\s+/).filter(Boolean).length;
  }
  const text = out.join('\n\n');
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const p95 = (xs) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
  const setup = [];
  const extract = [];
  for (let i = 0; i < 40; i += 1) {
    let t = performance.now();
    const drafts = new Drafts(gazetteer, lexicon);
    setup.push(performance.now() - t);
    t = performance.now();
    const added = drafts.addArticle(text, 'Bench', undefined, undefined, '2021-06-28');
    extract.push(performance.now() - t);
    if (i === 0) window.drafted = added.drafted;
    drafts.free();
  }
  window.results = [
    { bench: 'extract', impl: 'dateline', n: words, median_ms: median(extract), p95_ms: p95(extract), mb_per_s: null, bytes: new TextEncoder().encode(text).length },
    { bench: 'extract-setup', impl: 'dateline', n: null, median_ms: median(setup), p95_ms: p95(setup), mb_per_s: null, bytes: gazetteer.length + lexicon.length },
  ];
}
run().catch((e) => { window.failure = String(e); });
