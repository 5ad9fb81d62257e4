// @ts-check
// The explorer's interface strings, one table per language, and the locale that chooses among
// them and formats numbers and dates (Intl). Only the interface is translated: titles, quotes and
// every other text from the data are shown as written.
//
// English is here; every other language's table is a module of its own (strings-ar.js,
// strings-fr.js), fetched when an explorer first speaks it, so that a reader downloads only their
// own. A table's `text` has exactly the keys of English (tests/browser/themes.test.mjs checks it).
// A string with a count is an object keyed by Intl.PluralRules category ("one", "two", "few",
// "many", "other", and "zero" where a language has it); "{n}" stands for the number, "{0}" and
// "{1}" for text. A table's `names` translates what the core names in English by its ids: the
// built-in event types ("type:airstrike"), type families, date and place precisions, relations
// and the qualifiers of figures; English keeps the core's own words, and a package's own types
// keep the labels its data gives them.

/** @import { DateParts, DayParts, Engine, Tick } from './api.js' */

/** A string's forms by plural category. @typedef {Record<string, string>} Forms */

const en = {
  loading: 'Loading…',
  loadingOf: 'Loading… {0} of {1} MB',
  loadingSome: 'Loading… {0} MB',
  cancel: 'Cancel',
  dataReceived: 'Data received',
  dataRead: 'Data read',
  eventsIndexed: 'Events indexed',
  reading: 'Reading… {0} ({1}%)',
  indexing: 'Indexing {0}… {1}%',
  events: /** @type {Forms} */ ({ one: '{n} event', other: '{n} events' }),
  matching: /** @type {Forms} */ ({ one: '{n} of {0} matches', other: '{n} of {0} match' }),
  notLoaded: 'Not loaded',
  tryAgain: 'Try again',
  cancelled: 'Loading cancelled.',
  noSource: 'No data to show: the explorer needs a src attribute naming a dataset.',
  tooLarge: 'The explorer\'s engine stopped while reading the data: it may be too large for a browser tab (the engine can use at most 4 GB). Loading again starts it afresh.',
  engineLost: 'The explorer\'s engine was lost while the data loaded. Loading again starts it afresh.',
  internalError: 'The explorer stopped because of an internal error. Loading again starts it afresh.',
  restarted: 'The explorer\'s engine stopped because of an internal error; it was started afresh and your view restored.',
  mapFailed: 'The map could not be drawn: {0}.',
  basemapAnswered: 'the base map {0} answered {1}',
  exportFailed: 'Could not export: {0}',
  noExports: 'this engine writes no exports, and the data it read was not kept.',
  noWriters: 'the engine that writes exports has no writers.',
  problems: /** @type {Forms} */ ({ one: '{0}{n} problem in the data; what could be read is shown.', other: '{0}{n} problems in the data; what could be read is shown.' }),
  lineColumn: 'line {0}, column {1}',
  moreProblems: 'and {0} more.',
  bytes: /** @type {Forms} */ ({ one: '{n} byte', other: '{n} bytes' }),
  seconds: /** @type {Forms} */ ({ one: '{n} second', other: '{n} seconds' }),
  tooBig: 'The data at {0} is larger than this explorer reads ({1}); loading stopped.',
  late: 'The data at {0} did not arrive within {1}.',
  requestFailed: 'Could not load the data from {0}: the request failed (offline, blocked, or not allowed from this page).',
  serverAnswered: 'Could not load the data from {0}: the server answered {1}.',
  noBody: 'Could not load the data from {0}: the server sent no body.',
  webPage: '{0} is a web page, not a data file. Check the src address.',
  engineBlocked: 'The explorer\'s engine (WebAssembly) is blocked by this page\'s Content-Security-Policy: its script-src needs \'wasm-unsafe-eval\'.',
  engineFailed: 'The explorer\'s engine (WebAssembly) could not load from {0}: {1}',
  engineUnreachable: 'The explorer\'s engine (WebAssembly) could not load from {0}: the request failed (offline, blocked, or not allowed from this page).',
  engineMismatch: 'The explorer\'s engine (WebAssembly) could not load from {0}: the request failed, or the file does not match the page\'s {1} hash.',
  engineAnswered: 'The explorer\'s engine (WebAssembly) could not load from {0}: the server answered {1}.',
  fullNotPinned: 'This page pins the hash of the explorer\'s engine but not of the engine with the importers, which reads formats other than Dateline packages and writes exports: add a dateline-fast-wasm-integrity meta tag (see the embedding guide).',
  serverLate: 'The server at {0} did not answer within {1}.',
  serverUnreachable: 'The server at {0} could not be reached (it may be down, or not allow requests from this page).',
  serverFailed: 'The server at {0} could not answer ({1}): {2}',
  serverNotJson: 'The server at {0} did not answer in JSON: is it a dateline serve server?',
  serverKept: '{0} The view shows its last answer; changing the view asks again.',
  serverLoad: 'Could not load the data: {0}',
  serverTitle: 'Events from {0}',
  filters: 'Filters',
  map: 'Map of sites',
  timeline: 'Timeline',
  selectedEvent: 'Selected event',
  eventList: 'Events',
  story: 'Story',
  storyHint: 'One event at a time, in date order',
  previous: '← Previous',
  previousEvent: 'Previous event',
  next: 'Next →',
  nextEvent: 'Next event',
  storyAt: '{0} of {1}',
  noneMatch: 'No events match.',
  export: 'Export',
  exportLead: 'The events shown now:',
  exportCsv: 'CSV (ACLED columns)',
  exportGeojson: 'GeoJSON (map points)',
  exportPackage: 'Dateline package (JSON)',
  exportCitations: 'Citation list (text)',
  search: 'Search',
  searchHint: 'Words, names, places…',
  dates: 'Dates',
  from: 'From',
  to: 'To',
  fromYear: 'From the year',
  toYear: 'To the year',
  yearHint: 'e.g. -13800000000',
  notADate: '“{0}” is not a date.',
  anyDate: 'Any date',
  resetFilters: 'Reset all filters',
  showAll: 'Show all {0}',
  showFewer: 'Show fewer',
  eventType: 'Event type',
  place: 'Place',
  actor: 'Actor',
  source: 'Source',
  dateKnownTo: 'Date known to',
  dateUnknown: 'Date unknown',
  about: 'about {0}',
  uncertain: '{0} (uncertain)',
  range: '{0} – {1}',
  since: 'from {0}',
  until: 'until {0}',
  yearsAgo: '{0} years ago',
  aboutYearsAgo: 'about {0} years ago',
  yearCe: '{0} CE',
  yearBce: '{0} BCE',
  seasonSpring: 'Spring {0}',
  seasonSummer: 'Summer {0}',
  seasonAutumn: 'Autumn {0}',
  seasonWinter: 'Winter {0}',
  seasonSouthernSpring: 'Southern spring {0}',
  seasonSouthernSummer: 'Southern summer {0}',
  seasonSouthernAutumn: 'Southern autumn {0}',
  seasonSouthernWinter: 'Southern winter {0}',
  seasonQ1: 'Q1 {0}',
  seasonQ2: 'Q2 {0}',
  seasonQ3: 'Q3 {0}',
  seasonQ4: 'Q4 {0}',
  seasonThird1: 'First third of {0}',
  seasonThird2: 'Second third of {0}',
  seasonThird3: 'Last third of {0}',
  seasonHalf1: 'First half of {0}',
  seasonHalf2: 'Second half of {0}',
  earlier: 'Earlier',
  later: 'Later',
  zoomInTime: 'Zoom in on the time axis',
  zoomOutTime: 'Zoom out on the time axis',
  wholePeriod: 'Show the whole period',
  dragHint: 'Drag across the timeline to choose dates.',
  timelineName: 'Timeline of events',
  knownDay: 'known day',
  spanKey: 'uncertain or approximate date, drawn as the days it may cover',
  responseKey: 'in response to',
  lanes: 'Lanes, top to bottom: ',
  noDated: 'No dated events.',
  tooMany: '{0} in view: too many to draw one by one. Zoom in, brush or filter to see each.',
  draftMark: 'Draft: {0}',
  places: 'Places',
  mapName: 'Map of sites. Arrow keys pan, plus and minus zoom.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  allPlaces: 'Show all places',
  credit: 'Base map: Natural Earth',
  placesAround: /** @type {Forms} */ ({ one: '{n} place around {0}', other: '{n} places around {0}' }),
  sitesWithin: /** @type {Forms} */ ({ one: '{0} and {n} site within it', other: '{0} and {n} sites within it' }),
  hereAndWithin: '{0} here and within',
  offMap: ' (off the map: choose to filter, or zoom out)',
  zoomsIn: '. Zooms in to tell them apart',
  choosesAll: '. Chooses them all',
  chooseToZoom: 'Choose to zoom in',
  chooseAll: 'Choose to filter by all of them',
  nearby: '{0} +{1} nearby',
  list: 'List',
  table: 'Table',
  showAs: 'Show the matching events as',
  inDateOrder: 'Matching events, in date order',
  showingFirst: 'Showing the first {0} of {1}.',
  columnDate: 'Date',
  columnEvent: 'Event',
  columnType: 'Type',
  columnPlace: 'Place',
  columnSources: 'Sources',
  inferred: 'inferred',
  inferredHint: 'The date is worked out from the text, not stated in it',
  draft: 'draft',
  placeNotGiven: 'place not given',
  sources: /** @type {Forms} */ ({ one: '{n} source', other: '{n} sources' }),
  allEvents: '← All events',
  asWritten: ' · as written: “{0}”',
  howDated: 'How the date was found: ',
  placeLabel: 'Place: ',
  placeUnknown: 'not given in the sources',
  figures: 'Figures',
  accordingTo: ' according to {0}',
  per: ' per {0}',
  disagree: 'sources disagree',
  sourceList: /** @type {Forms} */ ({ one: 'Source', other: 'Sources ({n})' }),
  quoteChecked: ' · quote checked against the source’s text',
  actors: 'Actors',
  roleAccordingTo: ', according to {0}',
  alsoKnown: ' · also: {0}',
  related: 'Related events',
  links: 'Links',
  draftBox: 'Draft · confidence {0}',
  draftNote: 'Drafted from the text by rules; a person has not reviewed it yet. Why each field is what it is:',
  merged: 'Reports merged into this event:',
  acledType: 'ACLED type: {0} / {1}',
};

/** @typedef {typeof en} Strings */

/**
 * A language's table: its interface strings, and its names for what the core names by id.
 *
 * @typedef {{ text: Strings, names: Record<string, string> }} Table
 */

/** The languages with a table of their own, each fetched the first time an explorer speaks it. */
export const LANGUAGES = /** @type {Record<string, () => Promise<{ default: Table }>>} */ ({
  ar: () => import('./strings-ar.js'),
  fr: () => import('./strings-fr.js'),
});

/** The tables fetched so far, by language. @type {Map<string, Table>} */
const TABLES = new Map([['en', { text: en, names: {} }]]);

/** The languages written right to left, of those with a table or not. */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);

/** The sub-year groupings the core names in a date's parts, and their strings. */
const SEASONS = /** @type {Record<string, keyof Strings>} */ ({
  spring: 'seasonSpring', summer: 'seasonSummer', autumn: 'seasonAutumn', winter: 'seasonWinter',
  'southern-spring': 'seasonSouthernSpring', 'southern-summer': 'seasonSouthernSummer',
  'southern-autumn': 'seasonSouthernAutumn', 'southern-winter': 'seasonSouthernWinter',
  q1: 'seasonQ1', q2: 'seasonQ2', q3: 'seasonQ3', q4: 'seasonQ4',
  'third-1': 'seasonThird1', 'third-2': 'seasonThird2', 'third-3': 'seasonThird3',
  'half-1': 'seasonHalf1', 'half-2': 'seasonHalf2',
});

/** The farthest year a Date, and so Intl.DateTimeFormat, is given for; past it, years are numbers. */
const DATE_YEARS = 9999;
/** From this far, years are counted in millions and billions, and the past as years ago. */
const FAR_YEARS = 1e6;

/**
 * An error whose message is a string of the table, so that the explorer says it in its reader's
 * language: `key` with `args`, and last, where given, a count with its noun (`counted`).
 */
export class Said extends Error {
  /**
   * @param {keyof Strings} key
   * @param {string[]} [args]
   * @param {{ key: keyof Strings, count: number } | null} [counted]
   */
  constructor(key, args = [], counted = null) {
    super('');
    this.key = key;
    this.args = args;
    this.counted = counted;
    this.message = new Locale('en').message(this);
  }
}

/** An explorer's language: its strings, and Intl formats for its numbers and dates. */
export class Locale {
  /**
   * The language tag of `element`: its `lang` attribute, else its nearest ancestor's, else the
   * host page's, else English.
   *
   * @param {Element} element
   */
  static tagOf(element) {
    return element.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  /**
   * The locale of language tag `tag`, once its table has arrived (English when it has none, or
   * when it cannot be fetched).
   *
   * @param {string} tag
   */
  static async load(tag) {
    const language = new Locale(tag).language;
    const fetch = LANGUAGES[language];
    if (fetch && !TABLES.has(language)) {
      try {
        TABLES.set(language, (await fetch()).default);
      } catch (error) {
        console.warn(`Dateline: the ${language} strings could not be loaded; English is shown.`, error);
      }
    }
    return new Locale(tag);
  }

  /** @param {string} tag a BCP 47 language tag, e.g. "ar" or "fr-CA" */
  constructor(tag) {
    let canonical = 'en';
    try {
      [canonical] = Intl.getCanonicalLocales(tag);
    } catch {
      // Not a language tag: English, as with none.
    }
    /** The language, without region or script. */
    this.language = canonical.split('-')[0];
    const table = TABLES.get(this.language) ?? /** @type {Table} */ (TABLES.get('en'));
    /** The language tag, as Intl spells it. */
    this.tag = canonical;
    /** The strings: the language's table, or English's until it has arrived. */
    this.text = table.text;
    /** What the core names by id, in this language (empty in English). */
    this.names = table.names;
    /** "rtl" for a language written right to left, else "ltr". */
    this.dir = RTL.has(this.language) ? 'rtl' : 'ltr';
    /** True where dates read as the core writes them (in English words). */
    this.english = this.text === en;
    this.plurals = new Intl.PluralRules(canonical);
    this.numbers = new Intl.NumberFormat(canonical);
    this.plain = new Intl.NumberFormat(canonical, { useGrouping: false });
    /** The engine that gives dates in parts; until there is one, dates read as the core's words. @type {Engine['dateParts'] | null} */
    this.parts = null;
    /** @type {Map<string, Intl.DateTimeFormat>} */
    this.formats = new Map();
  }

  /**
   * A string of the table with `{0}`, `{1}`… replaced by `args`; with `count`, the plural form
   * for it, its `{n}` the count written in this locale.
   *
   * @param {keyof Strings} key
   * @param {{ count?: number, grouped?: boolean, args?: string[] }} [options]
   */
  say(key, { count, grouped = true, args = [] } = {}) {
    const entry = this.text[key];
    let text = typeof entry === 'string' ? entry : '';
    if (typeof entry === 'object' && count !== undefined) {
      const forms = entry;
      text = forms[count === 0 && forms.zero ? 'zero' : this.plurals.select(count)] ?? forms.other;
      text = text.replace('{n}', (grouped ? this.numbers : this.plain).format(count));
    }
    return args.reduce((out, arg, i) => out.replace(`{${i}}`, arg), text);
  }

  /**
   * What `error` says, in this language when it is one of the explorer's own.
   *
   * @param {unknown} error
   */
  message(error) {
    if (error instanceof Said) {
      const { key, args, counted } = error;
      return this.say(key, { args: counted ? [...args, this.say(counted.key, { count: counted.count })] : args });
    }
    return error instanceof Error ? error.message : String(error);
  }

  /**
   * The name of what the core calls `id` among `kind` (type, family, precision, place, relation,
   * figure) in this language, or the core's own word for it (`fallback`).
   *
   * @param {string} kind
   * @param {string} id
   * @param {string} fallback
   */
  name(kind, id, fallback) {
    return this.names[`${kind}:${id}`] ?? fallback;
  }

  /**
   * A count written in this locale.
   *
   * @param {number} n
   */
  number(n) {
    return this.numbers.format(n);
  }

  /**
   * An Intl date format of this locale, kept for reuse.
   *
   * @param {Intl.DateTimeFormatOptions} options
   */
  format(options) {
    const key = JSON.stringify(options);
    let format = this.formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.tag, { ...options, timeZone: 'UTC' });
      this.formats.set(key, format);
    }
    return format;
  }

  /**
   * An event's date for a reader of this locale, from the parts the core gives of its EDTF text
   * (`date`); the core's English words (`label`) in English.
   *
   * @param {string | null} date EDTF, e.g. "2020-01-03", "2019-12?", "Y-13800000000~"
   * @param {string} label the core's description of it
   */
  date(date, label) {
    if (this.english) return label;
    if (!date) return this.say('dateUnknown');
    if (!this.parts) return label;
    /** @type {DateParts} */
    let parts;
    try {
      parts = this.parts(date);
    } catch {
      return label;
    }
    const { start, end } = parts;
    if (!end) return start.kind === 'date' ? this.day(start) : label;
    if (start.kind === 'open' && end.kind === 'date') return this.say('until', { args: [this.day(end)] });
    if (end.kind === 'open' && start.kind === 'date') return this.say('since', { args: [this.day(start)] });
    if (start.kind === 'date' && end.kind === 'date') {
      const plain = (/** @type {DayParts} */ d) => !d.uncertain && !d.approximate && !d.unspecified && !d.time && Math.abs(d.year) <= DATE_YEARS;
      const same = start.precision === end.precision && (start.precision === 'day' || start.precision === 'month');
      if (same && plain(start) && plain(end)) {
        return this.format(this.options(start)).formatRange(this.when(start), this.when(end));
      }
    }
    const side = (/** @type {DateParts['start']} */ d) => (d.kind === 'date' ? this.day(d) : '?');
    return this.say('range', { args: [side(start), side(end)] });
  }

  /**
   * Options of Intl.DateTimeFormat for a date of `d`'s precision.
   *
   * @param {DayParts} d
   * @returns {Intl.DateTimeFormatOptions}
   */
  options(d) {
    const era = d.year <= 0 ? { era: /** @type {const} */ ('short') } : {};
    if (d.day !== null) return { day: 'numeric', month: 'long', year: 'numeric', ...era };
    if (d.month !== null) return { month: 'long', year: 'numeric', ...era };
    return { year: 'numeric', ...era };
  }

  /**
   * The instant of `d`'s first day (its year within Date's reach), for Intl.
   *
   * @param {{ year: number, month: number | null, day?: number | null }} d
   */
  when(d) {
    const when = new Date(Date.UTC(2000, (d.month ?? 1) - 1, d.day ?? 1));
    when.setUTCFullYear(d.year);
    return when;
  }

  /**
   * One date of the core's parts in words, its qualifiers kept ("~" about, "?" uncertain; an
   * unspecified digit widens it and reads as uncertain).
   *
   * @param {DayParts} d
   */
  day(d) {
    let text;
    // "About" a time long ago goes inside its words ("il y a environ 13,8 milliards d'années").
    let about = d.approximate;
    if (d.season) text = this.say(SEASONS[d.season] ?? 'range', { args: [this.year(d.year)] });
    else if (d.precision === 'multi-year') text = this.say('range', { args: [this.year(d.year), this.year(d.lastYear)] });
    else if (Math.abs(d.year) > DATE_YEARS) {
      text = this.year(d.year, d.month === null && d.approximate);
      if (d.month !== null) text = `${this.format({ month: 'long' }).format(this.when({ year: 2000, month: d.month }))} ${text}`;
      else about = about && d.year > -FAR_YEARS;
    } else text = this.format(this.options(d)).format(this.when(d));
    if (d.time) text = `${text}, ${d.time}`;
    if (about) text = this.say('about', { args: [text] });
    if (d.uncertain || d.unspecified) text = this.say('uncertain', { args: [text] });
    return text;
  }

  /**
   * A year in words: within ±9999 as Intl writes it (with its era before year 1); beyond, its
   * number ("il y a 13,8 milliards d’années", "170 000 002 apr. J.-C.").
   *
   * @param {number} year astronomical: 0 is 1 BCE
   * @param {boolean} [about] approximate: a year long ago says so in its words
   */
  year(year, about = false) {
    if (Math.abs(year) <= DATE_YEARS) {
      return this.format(year <= 0 ? { year: 'numeric', era: 'short' } : { year: 'numeric' }).format(this.when({ year, month: 1 }));
    }
    const size = Math.abs(year);
    if (size < FAR_YEARS) return year < 0 ? this.say('yearBce', { args: [this.number(1 - year)] }) : this.plain.format(year);
    // In millions and billions where two decimals say it whole; else every digit.
    const whole = size % (size >= 1e9 ? 1e7 : 1e4) === 0;
    const amount = whole
      ? new Intl.NumberFormat(this.tag, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 }).format(size)
      : this.number(size);
    return this.say(year > 0 ? 'yearCe' : about ? 'aboutYearsAgo' : 'yearsAgo', { args: [amount] });
  }

  /**
   * A tick of the time axis in words: the core's English label, or its parts in this language.
   *
   * @param {Tick} t
   */
  tick(t) {
    if (this.english) return t.label;
    if (t.unit === 'year' || t.month === null || Math.abs(t.year) > DATE_YEARS) return this.year(t.year);
    /** @type {Intl.DateTimeFormatOptions} */
    const options = t.unit === 'day' ? { day: 'numeric', month: 'short' } : { month: 'short' };
    if (t.withYear) options.year = 'numeric';
    return this.format(options).format(this.when({ year: t.year, month: t.month, day: t.dayOfMonth }));
  }

  /**
   * A figure as a source gives it, in words: the core's in English.
   *
   * @param {{ words: string, value: number, max: number | null, qualifier: string }} r
   */
  figure(r) {
    if (this.english) return r.words;
    const value = this.number(r.value);
    if (r.qualifier === 'between' && r.max !== null) return this.name('figure', 'between', r.words).replace('{0}', value).replace('{1}', this.number(r.max));
    if (r.qualifier === 'exact' || r.qualifier === 'between') return value;
    return this.name('figure', r.qualifier, r.words).replace('{0}', value);
  }
}
