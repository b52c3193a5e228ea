/** Name order without a collator: folded keys, computed once, compared by code unit. */
import { fold } from './text'

/** Code-unit order: deterministic, and needs no ICU collator (unlike `localeCompare`). */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

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
    .sort((a, b) => rank(a.item, b.item) || compareOrdinal(a.key, b.key) || compareOrdinal(a.item.name, b.item.name))
    .map(({ item }) => item)
}
