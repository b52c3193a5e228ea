/** Name order without a collator: folded keys, computed once, compared by code unit. */
import { compareStrings, fold } from './text'

/**
 * Sorts by `rank`, then by name as a reader expects ("Émile" between "Eli" and "Emma", case
 * ignored), then by name code units. Each name is folded once; the Worker sorts speakers and
 * entities this way when the isolate starts, where `localeCompare` would first load a collator.
 *
 * @example sortByName(speakers, (a, b) => b.counts.total - a.counts.total)
 */
export function sortByName<T extends { name: string }>(items: readonly T[], rank: (a: T, b: T) => number): T[] {
  return items
    .map((item) => ({ item, key: fold(item.name) }))
    .sort((a, b) => rank(a.item, b.item) || compareStrings(a.key, b.key) || compareStrings(a.item.name, b.item.name))
    .map(({ item }) => item)
}
