// @ts-check
// Nouns that agree with the count before them: "1 event", "19 events". Every count the page
// writes before a noun takes the noun from here.

/**
 * The form of a noun that follows `count`: `one` for exactly one, else `many` (`one` and an s
 * unless given).
 *
 * @param {number} count
 * @param {string} one
 * @param {string} [many]
 */
export function plural(count, one, many = `${one}s`) {
  return count === 1 ? one : many;
}
