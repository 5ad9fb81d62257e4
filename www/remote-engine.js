// @ts-check
// An engine that is a server: `dateline serve` (docs/scale.md) answers the explorer's questions
// over HTTP, in the JSON the page's engine gives, from data too large for a tab. The explorer
// fetches this module only for a `src` that names a server (its path ends in `/`). Its answers
// reach the views through the RemoteStore an engine in a worker answers through. What the server
// cannot answer is said in the explorer's problems box, by the server's own words, while the
// views keep its last answer; the next change of the view asks again.
//
// Its messages are said through the explorer's locale, which it is given: this module is
// bundled apart from the explorer, so a string table of its own would be a copy, and the
// explorer would not know its errors for its own.
import { el } from './dom.js';
import { RemoteStore } from './worker-engine.js';

/** @import { ExportFile, QueryResult, QuerySpec, Summary } from './api.js' */
/** @import { Locale } from './strings.js' */
/** @import { Answers, WorkerDictionaries } from './worker-engine.js' */

/** A request the server could not answer: its HTTP status (0 when none came) and why. */
class ServerError extends Error {
  /**
   * @param {string} message for the reader, in their language, naming the server
   * @param {number} status
   * @param {string} said the server's own message (the `error` of its JSON), as it gave it
   */
  constructor(message, status, said = '') {
    super(message);
    this.status = status;
    this.said = said;
  }
}

/**
 * A facet's options as JSON carries them.
 *
 * @typedef {{ options: number[], counts: number[], total: number }} FacetAnswer
 */

/**
 * A query's answer as JSON carries it, with its typed arrays as plain arrays.
 *
 * @typedef {Omit<QueryResult, 'facets' | 'placeSelected' | 'placeSelectedWithin' | 'lanes' |
 *   'rows' | 'bins'> & {
 *   facets: Record<keyof QueryResult['facets'], FacetAnswer>,
 *   placeSelected: number[], placeSelectedWithin: number[], lanes: number[], rows: number[],
 *   bins: { unit: string, edges: number[], certain: number[], possible: number[] } | null }} Answer
 */

/**
 * The answer with its arrays typed as the page's engine types them.
 *
 * @param {Answer} a
 * @returns {QueryResult}
 */
function typed(a) {
  /** @param {number[]} a */
  const counts = (a) => Uint32Array.from(a);
  /** @param {FacetAnswer} f */
  const facet = (f) => ({ options: counts(f.options), counts: counts(f.counts), total: f.total });
  const { types, actors, places, documents, precision } = a.facets;
  return {
    ...a,
    facets: {
      types: facet(types), actors: facet(actors), places: facet(places),
      documents: facet(documents), precision: facet(precision),
    },
    placeSelected: counts(a.placeSelected),
    placeSelectedWithin: counts(a.placeSelectedWithin),
    lanes: Uint16Array.from(a.lanes),
    rows: counts(a.rows),
    bins: a.bins && { unit: a.bins.unit, edges: Int32Array.from(a.bins.edges), certain: counts(a.bins.certain), possible: counts(a.bins.possible) },
  };
}

/**
 * An export the server answered with: its text (or, streamed, its bytes as a Blob, which the
 * browser may keep on disk), its type without the charset, and the name its
 * Content-Disposition gives (the server names it; `dateline.txt` when no name came).
 *
 * @param {Response} response
 * @param {string | Blob} body
 * @returns {ExportFile}
 */
function saved(response, body) {
  const mime = (response.headers.get('Content-Type') ?? 'text/plain').split(';')[0].trim();
  const named = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  const fileName = named ? named[1] : 'dateline.txt';
  return typeof body === 'string' ? { text: body, mime, fileName } : { text: '', blob: body, mime, fileName };
}

/** Asks a `dateline serve` server the questions a RemoteStore asks its engine. */
export class ServerEngine {
  /**
   * @param {URL} url the server's address, ending in `/`
   * @param {object} options
   * @param {number} options.timeoutSeconds how long an answer may take
   * @param {HTMLElement} options.notices where what the server could not answer is said
   * @param {Locale} options.locale the language it is said in
   */
  constructor(url, options) {
    this.url = url;
    this.options = options;
    /** Stops every request when the explorer lets the data go. */
    this.stop = new AbortController();
    /** The last answer to a query, shown again when the server cannot answer the next. @type {QueryResult | null} */
    this.last = null;
    /** Settles once the request asked last is answered: requests go one at a time. */
    this.queue = Promise.resolve();
  }

  /**
   * One request, once those asked before it are answered: the server answers one at a time, so
   * asking more at once would only queue them there, behind questions the reader has moved past.
   *
   * @param {string} path
   * @param {unknown} [body]
   * @param {boolean | 'stream'} [file] whether the answer is a file rather than JSON (`'stream'`:
   *   one the server streams, read as a Blob)
   * @returns {Promise<any>}
   */
  ask(path, body, file = false) {
    const answer = this.queue.then(() => this.send(path, body, file));
    this.queue = answer.catch(() => {});
    return answer;
  }

  /**
   * Sends one request: `path` (relative to the server's address) with `body` as JSON, or a GET
   * without one. A promise of the answer's JSON, or with `file` of the file it answers with (an
   * ExportFile, named as the server names it); it fails with a ServerError that names the
   * server and says what it said. A file the server streams (`file` is `'stream'`: a CSV export,
   * of any size) is read as a Blob, and the time allowed runs until the answer starts, not
   * until its last byte; one the server breaks off fails, never saving a part as the whole.
   *
   * @param {string} path
   * @param {unknown} [body]
   * @param {boolean | 'stream'} [file]
   * @returns {Promise<any>}
   */
  async send(path, body, file = false) {
    const url = new URL(path, this.url);
    const { timeoutSeconds: seconds, locale } = this.options;
    const where = this.url.href;
    const late = new AbortController();
    const timer = setTimeout(() => late.abort(new DOMException('no answer in time', 'TimeoutError')), seconds * 1000);
    let response;
    let text;
    try {
      // A string body goes as text/plain: no preflight request before each question.
      response = await fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any([this.stop.signal, late.signal]),
      });
      if (response.ok && file === 'stream') {
        clearTimeout(timer);
        return saved(response, await response.blob());
      }
      text = await response.text();
    } catch (error) {
      if (this.stop.signal.aborted) throw error;
      throw new ServerError(error instanceof DOMException && error.name === 'TimeoutError'
        ? locale.say('serverLate', { args: [where, locale.say('seconds', { count: seconds })] })
        : locale.say('serverUnreachable', { args: [where] }), 0);
    } finally {
      clearTimeout(timer);
    }
    if (response.ok && file) return saved(response, text);
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const said = typeof json?.error === 'string' ? json.error : text.slice(0, 300);
      throw new ServerError(locale.say('serverFailed', { args: [where, String(response.status), said] }), response.status, said);
    }
    if (json === undefined) throw new ServerError(locale.say('serverNotJson', { args: [where] }), 0);
    return json;
  }

  /**
   * Says in the explorer's problems box why the server could not answer, or takes that back
   * (`null`) once it answers again.
   *
   * @param {string | null} message
   */
  notice(message) {
    const box = this.options.notices;
    const before = box.querySelector('.dl-server-error');
    if (!before && !message) return;
    before?.remove();
    if (message) {
      // The server's own words may end without a stop.
      const said = /[.!?؟]$/.test(message) ? message : `${message}.`;
      box.append(el('p', { class: 'dl-error dl-server-error', role: 'alert' }, this.options.locale.say('serverKept', { args: [said] })));
    }
    box.hidden = !box.hasChildNodes();
  }

  /**
   * The answer to `spec`. A spec the server refuses (400) fails with its message, as the page's
   * engine fails for one it cannot answer; any other failure is said, and the last answer comes
   * back so that the views stay as they were.
   *
   * @param {QuerySpec} spec
   * @returns {Promise<QueryResult>}
   */
  async query(spec) {
    try {
      let answer;
      try {
        answer = await this.ask('query', spec);
      } catch (error) {
        // More matches than the server lists: the list holds the page alone.
        if (!(error instanceof ServerError && error.status === 400 && spec.withRows && error.said.startsWith('query \'withRows\''))) throw error;
        answer = await this.ask('query', { ...spec, withRows: false });
        answer.rows = answer.page.map((/** @type {Summary} */ s) => s.row);
      }
      this.last = typed(answer);
      this.notice(null);
      return this.last;
    } catch (error) {
      if (!(error instanceof ServerError)) throw error;
      if (error.status === 400) throw new Error(error.said);
      this.notice(error.message);
      if (!this.last) throw error;
      return this.last;
    }
  }

  /**
   * The list entries of `rows`; none, with the reason said, when the server cannot give them.
   *
   * @param {Uint32Array} rows
   * @returns {Promise<Summary[]>}
   */
  async summaries(rows) {
    try {
      const list = await this.ask('summaries', Array.from(rows));
      this.notice(null);
      return list;
    } catch (error) {
      if (!(error instanceof ServerError)) throw error;
      this.notice(error.message);
      return [];
    }
  }

  /**
   * The events `spec` selects, written by the server as `format`. What the server refuses (an
   * unknown format, more events than it writes at once) fails with its words, as an export that
   * fails in the page does.
   *
   * @param {QuerySpec} spec
   * @param {string} format
   * @returns {Promise<ExportFile>}
   */
  exportView(spec, format) {
    // The server streams a CSV export, whatever its size: it is kept as a Blob, not a string.
    return this.ask(`export?format=${encodeURIComponent(format)}`, spec, format === 'csv' ? 'stream' : true);
  }

  /**
   * Answers a RemoteStore's request as an engine in a worker would.
   *
   * @template {keyof Answers} K
   * @param {K} op
   * @param {any} [args]
   * @returns {Promise<Answers[K]>}
   */
  call(op, args = {}) {
    /** @type {Promise<any>} */
    let answer;
    if (op === 'query') answer = this.query(args.spec);
    else if (op === 'summaries') answer = this.summaries(args.rows);
    else if (op === 'keepFile') answer = Promise.resolve(false);
    else if (op === 'exportView') answer = this.exportView(args.spec, args.format);
    // Reading a file is the worker's own work: a RemoteStore never asks a server for it.
    else answer = Promise.reject(new Error(`a server answers no '${op}'`));
    return answer;
  }

  /** Stops every request waiting. */
  free() {
    this.stop.abort();
  }
}

/**
 * Connects to the `dateline serve` server at `url`: a promise of a RemoteStore that asks it,
 * once it has given its dictionaries and how many events it holds.
 *
 * @param {URL} url the server's address, ending in `/`
 * @param {object} options
 * @param {number} options.timeoutSeconds how long an answer may take
 * @param {HTMLElement} options.notices where what the server could not answer is said
 * @param {Locale} options.locale the language it is said in
 * @param {AbortSignal} options.signal stops connecting
 */
export async function connect(url, options) {
  const engine = new ServerEngine(url, options);
  options.signal.addEventListener('abort', () => engine.free(), { once: true });
  let answers;
  try {
    answers = await Promise.all(['types', 'places', 'actors', 'documents', 'extent'].map((path) => engine.ask(path)).concat(engine.ask('query', { limit: 0 })));
  } catch (error) {
    if (!(error instanceof ServerError)) throw error;
    throw new Error(options.locale.say('serverLoad', { args: [error.message] }));
  }
  const [types, places, actors, documents, extent, all] = answers;
  // The answer with no filters: what the views show until the server answers them.
  engine.last = typed(all);
  /** @type {WorkerDictionaries} */
  const dictionaries = {
    title: options.locale.say('serverTitle', { args: [url.host] }), description: undefined, summary: undefined, eventCount: all.total,
    problems: [], types, places, actors, documents, extent,
  };
  return new RemoteStore(engine, dictionaries);
}
