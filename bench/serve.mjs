// `dateline serve` timed: N synthetic ACLED rows (BENCH_SERVE_ROWS, default 100000) written to
// Parquet by DuckDB, served through DuckDB and through chDB, and 200 brush steps of each kind
// (jump: a random window; slide: a year moved a week at a time; the windows of bench/windows.js)
// asked over HTTP as the page would: { from, to, limit: 100, viewFrom, viewTo }. Each step is
// timed from the request to the parsed answer. Checks that both engines give the same answers.
// Prints a table and writes bench/generated/serve-results.json. Needs target/release/dateline and the
// engines of ./build.sh tools (DATELINE_TOOLS); BENCH_SERVE_ENGINES=duckdb runs one engine.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { STEPS, median, p95, FIRST, LAST, windows } from './windows.js';

const N = Number(process.env.BENCH_SERVE_ROWS || 100000);
const ENGINES = (process.env.BENCH_SERVE_ENGINES || 'duckdb,chdb').split(',');
const TOOLS = process.env.DATELINE_TOOLS || 'target/tools/venv/bin';

// The data: the CLI's synthetic rows streamed into DuckDB, which writes the Parquet file, once.
const dir = `bench/generated/serve-${N}`;
const parquet = `${dir}/data/events.parquet`;
if (!existsSync(parquet)) {
  mkdirSync(`${dir}/data`, { recursive: true });
  const started = performance.now();
  execFileSync('bash', ['-o', 'pipefail', '-c',
    `target/release/dateline synth ${N} --seed 1 --acled /dev/stdout | ` +
    `"${TOOLS}/duckdb" -c "COPY (SELECT * FROM read_csv('/dev/stdin')) TO '${parquet}'"`], { stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`serve: ${N} rows written to ${parquet} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Starts `dateline serve` on the data with `engine`; resolves to its port and start-up time. */
function start(engine) {
  const args = ['serve', `${dir}/data`, '--port', '0', '--engine', engine, '--duckdb', `${TOOLS}/duckdb`, '--python', `${TOOLS}/python`];
  // DuckDB keeps its tables in a file, built on the first run and used again after.
  if (engine === 'duckdb') {
    args.push('--db', `${dir}/tables.duckdb`, '--memory', process.env.BENCH_SERVE_MEMORY || '6GB');
    if (existsSync(`${dir}/tables.duckdb`)) args.push('--prepared');
  }
  const child = spawn('target/release/dateline', args, { stdio: ['ignore', 'inherit', 'pipe'] });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stderr });
    lines.on('line', (line) => {
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line)?.[1];
      if (port) resolve({ child, port: Number(port), ready_s: (performance.now() - started) / 1000 });
      else console.error(line);
    });
    child.on('exit', (code) => reject(new Error(`dateline serve (${engine}) ended with ${code}`)));
  });
}

const rows = [];
const answers = {};
for (const engine of ENGINES) {
  const { child, port, ready_s } = await start(engine);
  console.log(`serve: ${engine} ready in ${ready_s.toFixed(1)} s (${N} rows)`);
  try {
    const ask = async (spec) => {
      const response = await fetch(`http://127.0.0.1:${port}/query`, { method: 'POST', body: JSON.stringify(spec) });
      const answer = await response.json();
      if (!response.ok) throw new Error(`${engine}: ${answer.error}`);
      return answer;
    };
    await ask({ limit: 100, viewFrom: FIRST, viewTo: LAST });
    for (const kind of ['jump', 'slide']) {
      const times = [];
      const seen = [];
      for (const [from, to] of windows(kind)) {
        const t0 = performance.now();
        const r = await ask({ from, to, limit: 100, viewFrom: FIRST, viewTo: LAST });
        times.push(performance.now() - t0);
        seen.push([r.total, JSON.stringify(r.facets), r.bins.certain.join(), r.page.map((s) => s.id).join()].join('|'));
      }
      answers[`${engine}:${kind}`] = seen;
      rows.push({ bench: `serve-brush-${kind}`, impl: engine, n: N, median_ms: median(times), p95_ms: p95(times), ready_s });
    }
  } finally {
    child.kill();
  }
}
const same = ENGINES.length < 2 || ['jump', 'slide'].every((k) =>
  answers[`${ENGINES[0]}:${k}`].every((a, i) => ENGINES.every((e) => answers[`${e}:${k}`][i] === a)));
for (const r of rows) {
  console.log(`${r.bench.padEnd(18)} ${r.impl.padEnd(7)} n=${r.n} median ${r.median_ms.toFixed(1)} ms, p95 ${r.p95_ms.toFixed(1)} ms (ready in ${r.ready_s.toFixed(1)} s)`);
}
if (ENGINES.length > 1) {
  console.log(`serve: ${ENGINES.join(' and ')} gave ${same ? 'the same answers' : 'DIFFERENT answers'} to all ${2 * STEPS} steps`);
} else {
  console.log(`serve: ${ENGINES[0]} only: no other engine to compare its answers with`);
}
await writeFile('bench/generated/serve-results.json', `${JSON.stringify({ rows, sameAnswers: ENGINES.length > 1 ? same : null }, null, 1)}\n`);
if (!same) process.exit(1);
