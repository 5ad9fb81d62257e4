// The brush windows and statistics every benchmark shares, so that Dateline, the JS stack,
// DuckDB-WASM and `dateline serve` are timed on the same steps. An ES module: the browser's
// bench pages and the Node scripts import it alike.

/** How many brush steps of each kind are timed. */
export const STEPS = 200;
/** The middle of `xs`. */
export const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** The 95th percentile of `xs`. */
export const p95 = (xs) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const DAY0 = Date.UTC(1970, 0, 1);
/** Days since 1970-01-01 of an ISO date (`YYYY-MM-DD…`). */
export const dayOf = (iso) => Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - DAY0) / 86400000);
/** The first and last day of `dateline synth`'s events. */
export const FIRST = dayOf('2015-01-01');
export const LAST = dayOf('2024-12-31');

/**
 * The same windows for every implementation, seeded: a `jump` to a random window of 30-1,500
 * days, or a `slide` of a 365-day window by a week.
 *
 * @param {'jump' | 'slide'} kind
 * @returns {[number, number][]}
 */
export function windows(kind, seed = 42) {
  let s = seed;
  const rand = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out = [];
  for (let i = 0; i < STEPS; i += 1) {
    if (kind === 'jump') {
      const width = 30 + Math.floor(rand() * 1470);
      const from = FIRST + Math.floor(rand() * (LAST - FIRST - width));
      out.push([from, from + width]);
    } else {
      const from = FIRST + 7 * i;
      out.push([from, from + 365]);
    }
  }
  return out;
}
