// Extraction speed in the browser: a 1,000-word article through the extractor's wasm module,
// as the "Add article" panel runs it, and a 50,000-word paste, whose time a word should be about
// the article's (the reading is linear in the text). Results go to window.results for
// bench/run.mjs.
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
  const article = (length) => {
    const out = [];
    let words = 0;
    for (let i = 0; words < length; i += 1) {
      const p = paragraphs[i % paragraphs.length];
      out.push(p);
      words += p.split(/\s+/).filter(Boolean).length;
    }
    return { text: out.join('\n\n'), words };
  };
  const { text, words } = article(1000);
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
  // The long paste: fewer runs, each a second or so.
  const long = article(50000);
  const extractLong = [];
  for (let i = 0; i < 5; i += 1) {
    const drafts = new Drafts(gazetteer, lexicon);
    const t = performance.now();
    drafts.addArticle(long.text, 'Bench', undefined, undefined, '2021-06-28');
    extractLong.push(performance.now() - t);
    drafts.free();
  }
  const longBytes = new TextEncoder().encode(long.text).length;
  window.results = [
    { bench: 'extract-long', impl: 'dateline', n: long.words, median_ms: median(extractLong), p95_ms: p95(extractLong), mb_per_s: longBytes / 1e6 / (median(extractLong) / 1000), bytes: longBytes, ratio: (median(extractLong) / long.words) / (median(extract) / words) },
    { bench: 'extract', impl: 'dateline', n: words, median_ms: median(extract), p95_ms: p95(extract), mb_per_s: null, bytes: new TextEncoder().encode(text).length },
    { bench: 'extract-setup', impl: 'dateline', n: null, median_ms: median(setup), p95_ms: p95(setup), mb_per_s: null, bytes: gazetteer.length + lexicon.length },
  ];
}
run().catch((e) => { window.failure = String(e); });
