// @ts-check
// The engine as the page uses it (docs/api.md), as types for the type checker: the bindings
// wasm-bindgen writes (pkg/*.d.ts) type the classes and functions, but every value that crosses
// as JSON as `any`; these name what the core writes there. This module holds no code.

/**
 * An engine of one explorer: the bindings of its instance (pkg/dateline.js, or
 * pkg/dateline_fast.js with the importers) and its memory.
 *
 * @typedef {object} Engine
 * @property {{ detectFormat(head: Uint8Array): string | undefined, reads(format: string): boolean,
 *   families(): Named[], precisions(): Named[] }} Dateline the handle's static functions
 * @property {new () => Loader} Loader
 * @property {(xs: Float64Array, ys: Float64Array, weights: Uint32Array, radius: number) => Clusters} clusterPoints
 * @property {(parents: Uint32Array, xs: Float64Array, ys: Float64Array, radius: number) => Uint32Array} mergePlaces
 * @property {(text: string, perUnit?: number) => DateSpan} dateSpan throws with the reason for
 *   text that is not EDTF; with `perUnit`, on a scale of years, a whole number is a year
 * @property {(n: number, perUnit: number, last: boolean) => number} yearOf the first (or last)
 *   year of number `n` on a scale of `perUnit` years a number
 * @property {(text: string) => DateParts} dateParts an EDTF date in parts; throws as `dateSpan`
 * @property {(day: number) => string} formatDay
 * @property {(year: number) => string} formatYear a year as EDTF writes it alone (`-0044`,
 *   `Y-13800000000`)
 * @property {WebAssembly.Memory} memory
 */

/**
 * What the explorer gives an engine's `Loader.start`: the format (unless detected), the file's
 * name, the CSV column mapping, and a gazetteer package's bytes.
 *
 * @typedef {[format: string | undefined, name: string, columns: string | undefined,
 *   gazetteer: Uint8Array | null | undefined]} ReadArgs
 */

/**
 * A data file arriving in chunks, read in steps into a store.
 *
 * @typedef {object} Loader
 * @property {undefined} [remote]
 * @property {(chunk: Uint8Array) => void} push
 * @property {(...args: ReadArgs) => void} start
 * @property {(rows: number) => boolean} step true once the store is ready to take
 * @property {() => Store} take
 * @property {string} phase `receiving`, `reading` or `indexing`
 * @property {number} progress how far the phase is, from 0 to 1
 * @property {number} events events read so far
 * @property {() => void} free
 */

/**
 * A dataset in an engine of the page, which answers at once.
 *
 * @typedef {object} Store
 * @property {undefined} [remote]
 * @property {string} title
 * @property {string | undefined} description
 * @property {string | undefined} summary for imports, how many rows loaded
 * @property {number} eventCount
 * @property {() => Problem[]} problems
 * @property {() => TypeEntry[]} types
 * @property {() => PlaceEntry[]} places
 * @property {() => Actor[]} actors
 * @property {() => DocumentEntry[]} documents
 * @property {() => DateSpan | null} extent
 * @property {(spec: QuerySpec) => QueryResult} query
 * @property {(rows: Uint32Array) => Summary[]} summaries
 * @property {(id: string) => Card} event one event in full, for its card; throws for an unknown id
 * @property {(spec: QuerySpec, format: string) => ExportFile} [exportView] only the engine with
 *   the importers writes exports
 * @property {(read: (from: number, length: number) => Uint8Array, length: number) => boolean}
 *   readRowsFrom reads the rows of events kept in their file from elsewhere from now on
 * @property {() => void} free
 */

/** @typedef {{ id: string, label: string }} Named */

/**
 * The lists the views name things from; facet counts follow their order.
 *
 * @typedef {object} Dictionaries
 * @property {TypeEntry[]} types
 * @property {PlaceEntry[]} places
 * @property {Actor[]} actors
 * @property {DocumentEntry[]} documents
 * @property {Named[]} families
 * @property {Named[]} precisions
 */

/**
 * @typedef {object} DateSpan
 * @property {string} from
 * @property {string} to
 * @property {number} fromDay
 * @property {number} toDay
 * @property {'day' | 'year'} [unit] what the numbers count: days, or years on a scale of years
 * @property {number} [perUnit] years a number, on a scale of years
 * @property {string} [label]
 */

/**
 * One date of an EDTF value in parts (see docs/api.md): only what it states is given.
 *
 * @typedef {object} DayParts
 * @property {'date'} kind
 * @property {number} year astronomical: 0 is 1 BCE
 * @property {number} lastYear the last year its digits allow (`201X`: 2019)
 * @property {number | null} month
 * @property {number | null} day
 * @property {string | null} season
 * @property {string} precision
 * @property {boolean} uncertain
 * @property {boolean} approximate
 * @property {boolean} unspecified
 * @property {string | null} time
 */

/**
 * An EDTF value in parts: a date (`end` null), or an interval's ends.
 *
 * @typedef {{ start: DayParts | { kind: 'open' | 'unknown' }, end: DayParts | { kind: 'open' | 'unknown' } | null }} DateParts
 */

/** @typedef {{ group: Uint32Array, clusters: Float64Array }} Clusters */

/** @typedef {{ severity: string, path: string, line: number, column: number, message: string }} Problem */

/**
 * @typedef {object} TypeEntry
 * @property {string} id
 * @property {string} label
 * @property {string} family
 * @property {string | null} acledEventType
 * @property {string | null} acledSubEventType
 */

/**
 * @typedef {object} Place
 * @property {string} id
 * @property {string} name
 * @property {string[]} aliases
 * @property {string | null} kind
 * @property {number | null} lat
 * @property {number | null} lon
 * @property {string | null} precision
 * @property {string | null} precisionLabel
 * @property {string | null} within
 * @property {string | null} note
 */

/**
 * A place as the dictionary lists it, with where it lies in the tree of places.
 *
 * @typedef {Place & { parent: number | null, depth: number }} PlaceEntry
 */

/**
 * @typedef {object} Actor
 * @property {string} id
 * @property {string} name
 * @property {string[]} aliases
 * @property {string | null} kind
 * @property {string | null} affiliation
 * @property {string | null} note
 */

/**
 * @typedef {object} DocumentEntry
 * @property {string} id
 * @property {string} title
 * @property {string | null} publisher
 * @property {string | null} url
 * @property {string | null} published
 * @property {string | null} publishedLabel
 * @property {string | null} publishedNote
 * @property {string | null} note
 * @property {boolean} hasText
 */

/**
 * One view's question; every field may be left out (see docs/api.md).
 *
 * @typedef {object} QuerySpec
 * @property {string[]} [types]
 * @property {string[]} [actors]
 * @property {string[]} [places]
 * @property {string[]} [documents]
 * @property {string[]} [precision]
 * @property {string} [text]
 * @property {number} [from]
 * @property {number} [to]
 * @property {number} [viewFrom]
 * @property {number} [viewTo]
 * @property {number} [limit]
 * @property {boolean} [withRows]
 * @property {string} [selected]
 * @property {number} [laneWidth]
 * @property {number} [viewLimit]
 * @property {FacetLimits} [facetLimits]
 */

/**
 * How many options of each facet a query returns (20 for a facet left out).
 *
 * @typedef {{ types?: number, actors?: number, places?: number, documents?: number,
 *   precision?: number }} FacetLimits
 */

/**
 * The options of one facet to draw: dictionary indices (`options`) and their counts, highest
 * count first (equal counts by label), the ticked ones included whatever their count; `total`
 * is how many options have a count.
 *
 * @typedef {{ options: Uint32Array, counts: Uint32Array, total: number }} RankedFacet
 */

/**
 * The answer to one view's question.
 *
 * @typedef {object} QueryResult
 * @property {number} total
 * @property {Record<'types' | 'actors' | 'places' | 'documents' | 'precision', RankedFacet>} facets
 * @property {Uint32Array} placeSelected
 * @property {Uint32Array} placeSelectedWithin
 * @property {Uint16Array} lanes
 * @property {Card | null} selected
 * @property {Uint32Array} rows
 * @property {DateSpan | null} view
 * @property {Bins | null} bins
 * @property {Tick[]} ticks
 * @property {Summary[]} page
 * @property {Summary[]} viewPage
 * @property {number} viewTotal
 */

/**
 * @typedef {object} Bins
 * @property {string} unit
 * @property {Int32Array} edges
 * @property {Uint32Array} certain
 * @property {Uint32Array} possible
 */

/**
 * An axis tick: where it stands, its English label, and its date in parts.
 *
 * @typedef {{ day: number, label: string, major: boolean, unit: 'day' | 'month' | 'year',
 *   year: number, month: number | null, dayOfMonth: number | null, withYear: boolean }} Tick
 */

/**
 * What a list row or a timeline mark needs of one event.
 *
 * @typedef {object} Summary
 * @property {number} row
 * @property {string} id
 * @property {string} title
 * @property {string} type
 * @property {string} typeLabel
 * @property {string} family
 * @property {string | null} date
 * @property {string | null} dateText
 * @property {string} dateLabel
 * @property {boolean} dateInferred
 * @property {number | null} start
 * @property {number | null} end
 * @property {boolean} approximate
 * @property {boolean} uncertain
 * @property {string | null} placeName
 * @property {number} sourceCount
 * @property {string[]} responseTo
 * @property {boolean} draft
 */

/**
 * One event in full, for its card.
 *
 * @typedef {Summary & {
 *   dateNote: string | null, placeDetails: Place | null, placeNote: string | null,
 *   summaryText: string | null, note: string | null,
 *   acledEventType: string | null, acledSubEventType: string | null,
 *   sources: { document: DocumentEntry, quote: string, verified: boolean }[],
 *   figures: { what: string, readings: { words: string, value: number, max: number | null, qualifier: string,
 *     sourceTitle: string | null, accordingTo: string | null }[], disagree: boolean }[],
 *   actors: (Actor & { role: string, accordingTo: string | null })[],
 *   relations: { direction: 'in' | 'out', kind: string, label: string, event: string, title: string,
 *     date: string | null, dateLabel: string, note: string | null }[],
 *   links: { url: string, title: string }[],
 *   draftDetails: { confidence: number, rules: { field: string, rule: string }[], merged: string[] } | null,
 * }} Card
 */

/**
 * An export: its text, or, for a file too large to hold as a string (a server's streamed CSV),
 * `blob` with `text` empty; its MIME type and the name to save it under.
 *
 * @typedef {{ text: string, blob?: Blob, mime: string, fileName: string }} ExportFile
 */

/** @typedef {{ phase: string, progress: number, events: number }} ReadingProgress */

export {};
