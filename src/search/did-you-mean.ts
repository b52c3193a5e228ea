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

/** Edits a word of this length may be off by: none up to 3 letters, 1 up to 7, 2 beyond (as the search's typo tolerance). */
export function typoBudget(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2
}

/** A corpus word a query word can be corrected to. */
export interface Word {
  /** As it reads in the corpus ("Xinhua"). */
  text: string
  /** Folded, for comparing ("xinhua"). */
  key: string
  /** Statements it occurs in: the tie-breaker between equally close words. */
  count: number
}

/**
 * The corpus word closest to `key` (folded) by optimal string alignment distance, so a swapped
 * pair of letters ("xinhau", "tiawan") is one edit, as a person counts it; within the typo budget
 * of its length; the most frequent, then the first alphabetically, among equally close words.
 *
 * @example closestWord('tiawan', [{ text: 'Taiwan', key: 'taiwan', count: 1 }]) // 'Taiwan'
 */
export function closestWord(key: string, words: readonly Word[]): string | null {
  const max = typoBudget(key.length)
  if (max === 0) return null
  let best: Word | null = null
  let bestDistance = max + 1
  for (const word of words) {
    if (word.key === key) return null
    const d = editDistance(key, word.key, max)
    if (d > max) continue
    if (
      d < bestDistance ||
      (d === bestDistance &&
        best &&
        (word.count > best.count || (word.count === best.count && compareStrings(word.key, best.key) < 0)))
    ) {
      best = word
      bestDistance = d
    }
  }
  return best?.text ?? null
}

/** Splits a query into the words a correction may touch and everything else, kept as typed. */
const QUERY_PART = /"[^"]*"?|\S+|\s+/g

/**
 * `q` with every plain word the corpus does not know replaced by its closest corpus word, or null
 * when nothing could be corrected. Phrases, `-exclusions` and `field:value` filters are left as
 * typed, and so is punctuation around a word.
 *
 * @example correctQuery('xinhau report', (w) => w === 'report', words) // 'Xinhua report'
 */
export function correctQuery(
  q: string,
  isKnown: (word: string) => boolean,
  words: readonly Word[],
  fold: (word: string) => string,
): string | null {
  let changed = false
  const corrected = q.replace(QUERY_PART, (part) => {
    if (/^\s|^"|^-|:/.test(part)) return part
    const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(part)
    const word = m?.[2]
    if (!m || !word || isKnown(word)) return part
    const replacement = closestWord(fold(word), words)
    if (!replacement) return part
    changed = true
    return `${m[1]}${replacement}${m[3]}`
  })
  return changed ? corrected : null
}
