// @ts-check
// The explorer's interface strings, one table per language, and the locale that chooses among
// them and formats numbers and dates (Intl). Only the interface is translated: titles, quotes and
// every other text from the data are shown as written.
//
// A table has exactly the keys of English (tests/browser/themes.test.mjs checks it). A string
// with a count is an object keyed by Intl.PluralRules category ("one", "two", "few", "many",
// "other", and "zero" where a language has it); "{n}" stands for the number, "{0}" for text.

/** A string's forms by plural category. @typedef {Record<string, string>} Forms */

const en = {
  loading: 'Loading…',
  cancel: 'Cancel',
  dataReceived: 'Data received',
  dataRead: 'Data read',
  eventsIndexed: 'Events indexed',
  reading: 'Reading… {0} ({1}%)',
  indexing: 'Indexing {0}… {1}%',
  events: /** @type {Forms} */ ({ one: '{n} event', other: '{n} events' }),
  matching: /** @type {Forms} */ ({ one: '{n} of {0} matches', other: '{n} of {0} match' }),
  filters: 'Filters',
  map: 'Map of sites',
  timeline: 'Timeline',
  selectedEvent: 'Selected event',
  eventList: 'Events',
  story: 'Story',
  storyHint: 'One event at a time, in date order',
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
  anyDate: 'Any date',
  resetFilters: 'Reset all filters',
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
  list: 'List',
  table: 'Table',
  showAs: 'Show the matching events as',
  inDateOrder: 'Matching events, in date order',
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
  sourceList: /** @type {Forms} */ ({ one: 'Source', other: 'Sources ({n})' }),
  quoteChecked: ' · quote checked against the source’s text',
  actors: 'Actors',
  related: 'Related events',
  links: 'Links',
};

/** @typedef {typeof en} Strings */

/** @type {Record<string, Strings>} */
export const TABLES = {
  en,
  ar: {
    loading: 'جارٍ التحميل…',
    cancel: 'إلغاء',
    dataReceived: 'البيانات المستلمة',
    dataRead: 'البيانات المقروءة',
    eventsIndexed: 'الأحداث المفهرسة',
    reading: 'جارٍ القراءة… {0} ({1}٪)',
    indexing: 'جارٍ فهرسة {0}… {1}٪',
    events: { zero: 'لا أحداث', one: 'حدث واحد', two: 'حدثان', few: '{n} أحداث', many: '{n} حدثًا', other: '{n} حدث' },
    matching: { zero: 'لا شيء من {0} يطابق', one: 'حدث واحد من {0} يطابق', two: 'حدثان من {0} يطابقان', few: '{n} من {0} تطابق', many: '{n} من {0} تطابق', other: '{n} من {0} تطابق' },
    filters: 'عوامل التصفية',
    map: 'خريطة المواقع',
    timeline: 'الخط الزمني',
    selectedEvent: 'الحدث المختار',
    eventList: 'الأحداث',
    story: 'القصة',
    storyHint: 'حدث واحد في كل مرة، بترتيب التاريخ',
    export: 'تصدير',
    exportLead: 'الأحداث المعروضة الآن:',
    exportCsv: 'CSV (أعمدة ACLED)',
    exportGeojson: 'GeoJSON (نقاط الخريطة)',
    exportPackage: 'حزمة Dateline ‏(JSON)',
    exportCitations: 'قائمة المراجع (نص)',
    search: 'بحث',
    searchHint: 'كلمات، أسماء، أماكن…',
    dates: 'التواريخ',
    from: 'من',
    to: 'إلى',
    anyDate: 'أي تاريخ',
    resetFilters: 'إعادة ضبط كل عوامل التصفية',
    eventType: 'نوع الحدث',
    place: 'المكان',
    actor: 'الطرف',
    source: 'المصدر',
    dateKnownTo: 'دقة التاريخ',
    dateUnknown: 'تاريخ غير معروف',
    about: 'نحو {0}',
    uncertain: '{0} (غير مؤكد)',
    range: '{0} – {1}',
    since: 'منذ {0}',
    until: 'حتى {0}',
    list: 'قائمة',
    table: 'جدول',
    showAs: 'عرض الأحداث المطابقة على شكل',
    inDateOrder: 'الأحداث المطابقة، بترتيب التاريخ',
    inferred: 'مستنتج',
    inferredHint: 'التاريخ مستنتج من النص، لا مذكور فيه',
    draft: 'مسودة',
    placeNotGiven: 'المكان غير مذكور',
    sources: { zero: 'لا مصادر', one: 'مصدر واحد', two: 'مصدران', few: '{n} مصادر', many: '{n} مصدرًا', other: '{n} مصدر' },
    allEvents: '→ كل الأحداث',
    asWritten: ' · كما ورد: “{0}”',
    howDated: 'كيف عُرف التاريخ: ',
    placeLabel: 'المكان: ',
    placeUnknown: 'غير مذكور في المصادر',
    figures: 'الأرقام',
    sourceList: { zero: 'المصادر ({n})', one: 'المصدر', two: 'المصدران ({n})', few: 'المصادر ({n})', many: 'المصادر ({n})', other: 'المصادر ({n})' },
    quoteChecked: ' · الاقتباس مطابق لنص المصدر',
    actors: 'الأطراف',
    related: 'أحداث ذات صلة',
    links: 'روابط',
  },
  fr: {
    loading: 'Chargement…',
    cancel: 'Annuler',
    dataReceived: 'Données reçues',
    dataRead: 'Données lues',
    eventsIndexed: 'Événements indexés',
    reading: 'Lecture… {0} ({1} %)',
    indexing: 'Indexation de {0}… {1} %',
    events: { one: '{n} événement', many: '{n} d’événements', other: '{n} événements' },
    matching: { one: '{n} sur {0} correspond', many: '{n} sur {0} correspondent', other: '{n} sur {0} correspondent' },
    filters: 'Filtres',
    map: 'Carte des lieux',
    timeline: 'Chronologie',
    selectedEvent: 'Événement choisi',
    eventList: 'Événements',
    story: 'Récit',
    storyHint: 'Un événement à la fois, par date',
    export: 'Exporter',
    exportLead: 'Les événements affichés :',
    exportCsv: 'CSV (colonnes ACLED)',
    exportGeojson: 'GeoJSON (points de la carte)',
    exportPackage: 'Paquet Dateline (JSON)',
    exportCitations: 'Liste des sources (texte)',
    search: 'Rechercher',
    searchHint: 'Mots, noms, lieux…',
    dates: 'Dates',
    from: 'Du',
    to: 'Au',
    anyDate: 'Toutes les dates',
    resetFilters: 'Effacer tous les filtres',
    eventType: 'Type d’événement',
    place: 'Lieu',
    actor: 'Acteur',
    source: 'Source',
    dateKnownTo: 'Date connue au',
    dateUnknown: 'Date inconnue',
    about: 'vers {0}',
    uncertain: '{0} (incertain)',
    range: '{0} – {1}',
    since: 'depuis {0}',
    until: 'jusqu’au {0}',
    list: 'Liste',
    table: 'Tableau',
    showAs: 'Afficher les événements sous forme de',
    inDateOrder: 'Événements, par date',
    inferred: 'déduite',
    inferredHint: 'La date est déduite du texte, non écrite dans celui-ci',
    draft: 'brouillon',
    placeNotGiven: 'lieu non précisé',
    sources: { one: '{n} source', many: '{n} de sources', other: '{n} sources' },
    allEvents: '← Tous les événements',
    asWritten: ' · tel qu’écrit : « {0} »',
    howDated: 'Comment la date a été établie : ',
    placeLabel: 'Lieu : ',
    placeUnknown: 'non précisé dans les sources',
    figures: 'Chiffres',
    sourceList: { one: 'Source', many: 'Sources ({n})', other: 'Sources ({n})' },
    quoteChecked: ' · citation vérifiée dans le texte de la source',
    actors: 'Acteurs',
    related: 'Événements liés',
    links: 'Liens',
  },
};

/** The languages written right to left, of those with a table or not. */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi']);

/** An explorer's language: its strings, and Intl formats for its numbers and dates. */
export class Locale {
  /**
   * The locale of `element`: its `lang` attribute, else the host page's, else English.
   *
   * @param {Element} element
   */
  static of(element) {
    const tag = element.getAttribute('lang') || element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
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
    const language = canonical.split('-')[0];
    /** The language tag, as Intl spells it. */
    this.tag = canonical;
    /** The strings: the language's table, or English's. @type {Strings} */
    this.text = TABLES[language] ?? en;
    /** "rtl" for a language written right to left, else "ltr". */
    this.dir = RTL.has(language) ? 'rtl' : 'ltr';
    /** True where dates read as the core writes them (in English words). */
    this.english = language === 'en';
    this.plurals = new Intl.PluralRules(canonical);
    this.numbers = new Intl.NumberFormat(canonical);
    this.plain = new Intl.NumberFormat(canonical, { useGrouping: false });
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
   * An event's date for a reader of this locale, from its EDTF text (`date`); the core's English
   * words (`label`) in English and for forms read here no further (seasons, sets).
   *
   * @param {string | null} date EDTF, e.g. "2020-01-03", "2019-12?", "2019-12-2X", "2019/2020~"
   * @param {string} label the core's description of it
   */
  date(date, label) {
    if (this.english) return label;
    if (!date) return this.say('dateUnknown');
    const [start, end, more] = date.split('/');
    if (more !== undefined) return label;
    if (end === undefined) return this.day(start) ?? label;
    const open = (/** @type {string} */ side) => side === '..' || side === '';
    if (open(start)) return this.day(end) === null ? label : this.say('until', { args: [/** @type {string} */ (this.day(end))] });
    if (open(end)) return this.day(start) === null ? label : this.say('since', { args: [/** @type {string} */ (this.day(start))] });
    const a = this.day(start);
    const b = this.day(end);
    return a === null || b === null ? label : this.say('range', { args: [a, b] });
  }

  /**
   * One EDTF date in words, qualifiers kept ("?" uncertain, "~" approximate, "%" both; an
   * unspecified digit "X" widens it and reads as uncertain); `null` for forms not read here.
   *
   * @param {string} edtf
   * @returns {string | null}
   */
  day(edtf) {
    const m = /^(-?\d{4})(?:-(\d\d|XX))?(?:-([\dX]{2}))?([?~%]?)$/.exec(edtf);
    if (!m) return null;
    const [, year, month, day, mark] = m;
    const knownMonth = month && !month.includes('X') ? Number(month) : null;
    const knownDay = knownMonth && day && !day.includes('X') ? Number(day) : null;
    if ((knownMonth !== null && (knownMonth < 1 || knownMonth > 12)) || (knownDay !== null && (knownDay < 1 || knownDay > 31))) return null;
    const when = new Date(Date.UTC(2000, (knownMonth ?? 1) - 1, knownDay ?? 1));
    when.setUTCFullYear(Number(year));
    /** @type {Intl.DateTimeFormatOptions} */
    const parts = knownDay ? { day: 'numeric', month: 'long', year: 'numeric' } : knownMonth ? { month: 'long', year: 'numeric' } : { year: 'numeric' };
    let text = new Intl.DateTimeFormat(this.tag, { ...parts, timeZone: 'UTC' }).format(when);
    const widened = (month?.includes('X') ?? false) || (day?.includes('X') ?? false);
    if (mark === '~' || mark === '%') text = this.say('about', { args: [text] });
    if (mark === '?' || mark === '%' || widened) text = this.say('uncertain', { args: [text] });
    return text;
  }
}
