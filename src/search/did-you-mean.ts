/** Suggests the closest known values for a value nobody recognises. */
import { compareStrings } from './text'

/** Optimal string alignment distance (Levenshtein plus adjacent transposition), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1)
      cur[j] = d
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return max + 1
    prev2 = prev
    prev = cur
  }
  return prev[b.length]!
}

/**
 * Up to `limit` candidate ids whose spellings are closest to `value`: prefix and substring
 * hits first, then by edit distance within a third of the length.
 *
 * @example didYouMean('blinkn', new Map([['blinken', new Set(['antony-blinken'])]])) // ['antony-blinken']
 */
export function didYouMean(value: string, keys: ReadonlyMap<string, ReadonlySet<string>>, limit = 3): string[] {
  if (!value) return []
  const max = Math.max(1, Math.floor(value.length / 3))
  const scored = new Map<string, number>()
  for (const [key, ids] of keys) {
    let score: number
    if (key.startsWith(value) || value.startsWith(key)) score = 0.5
    else if (key.includes(value)) score = 0.75
    else score = editDistance(value, key, max)
    if (score > max) continue
    for (const id of ids) scored.set(id, Math.min(scored.get(id) ?? Infinity, score))
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || compareStrings(a[0], b[0]))
    .slice(0, limit)
    .map(([id]) => id)
}
