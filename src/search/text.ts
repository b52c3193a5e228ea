/** Text processing shared by the index and the query: tokens with offsets, folding, stop words and a light stemmer. */

/** A word in a string, with its UTF-16 offsets. */
export interface Token {
  /** The word as written. */
  raw: string
  start: number
  end: number
}

// Letters, digits and marks, joined by inner apostrophes, hyphens or dots ("Russia's", "face-to-face", "U.S.");
// first, dotted acronyms joined by a hyphen, whose dot and hyphen meet ("A.F.L.-C.I.O.").
const WORD =
  /(?:\p{Lu}\.){2,}(?:[-‐‑](?:\p{Lu}\.?){2,}(?![\p{L}\p{N}\p{M}]))+|[\p{L}\p{N}\p{M}]+(?:['’‘.\-‐‑][\p{L}\p{N}\p{M}]+)*\.?/gu

// ASCII letters and digits only: exactly what WORD matches whole, with nothing to trim.
const PLAIN_WORD = /^[A-Za-z0-9]+$/

/**
 * Splits a string into word tokens with offsets; punctuation and spaces separate tokens.
 *
 * @example tokenize("Russia's war") // [{raw:"Russia's",start:0,end:8},{raw:"war",start:9,end:12}]
 */
export function tokenize(text: string): Token[] {
  // One plain word (most queries, and most words looked up alone) is its own only token.
  if (PLAIN_WORD.test(text)) return [{ raw: text, start: 0, end: text.length }]
  const tokens: Token[] = []
  for (const m of text.matchAll(WORD)) {
    let raw = m[0]
    // A trailing dot belongs to the word only for abbreviations written with inner dots ("U.S.").
    if (raw.endsWith('.') && !/\.[\p{L}\p{N}]+\.$/u.test(raw)) raw = raw.slice(0, -1)
    tokens.push({ raw, start: m.index, end: m.index + raw.length })
  }
  return tokens
}

/** Index terms of a string, in order, as MiniSearch makes them; stop words give none. */
export function indexTerms(text: string): string[] {
  return tokenize(text).flatMap((t) => processTerm(t.raw) ?? [])
}

/** MiniSearch's tokenizer: the raw words only. */
export function tokenizeForIndex(text: string): string[] {
  return tokenize(text).map((t) => t.raw)
}

/** Function words that carry no meaning on their own; phrases still keep them. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'been',
  'being',
  'but',
  'by',
  'did',
  'do',
  'does',
  'for',
  'from',
  'had',
  'has',
  'have',
  'how',
  'i',
  'if',
  'in',
  'into',
  'is',
  'it',
  'its',
  'of',
  'on',
  'or',
  'so',
  'than',
  'that',
  'the',
  'their',
  'them',
  'then',
  'there',
  'these',
  'they',
  'this',
  'those',
  'to',
  'was',
  'were',
  'what',
  'when',
  'where',
  'which',
  'who',
  'whom',
  'why',
  'with',
  'about',
  'say',
  'says',
  'said',
  'tell',
  'told',
  'he',
  'she',
  'we',
  'us',
  'our',
  'you',
  'your',
  'his',
  'her',
  'him',
  'me',
  'my',
  // Words people put in questions that say nothing about the statement sought.
  'between',
  'after',
  'before',
  'during',
  'over',
  'under',
  'against',
  'through',
  'not',
  'no',
  'nor',
  'can',
  'could',
  'would',
  'should',
  'will',
  'shall',
  'may',
  'might',
  'must',
  'also',
  'just',
  'only',
  'very',
  'such',
  'than',
  'too',
  'any',
  'all',
  'some',
])

/** All capitals, two letters or more, dots allowed: "US", "U.S.", "WHO" are acronyms, not the words us or who. */
const ACRONYM = /^(?:\p{Lu}\.?){2,}$/u

/**
 * Case, diacritics, apostrophes and dots fold away: "Zürich" → "zurich", "U.S." → "us", "Russia’s" → "russia's".
 */
export function fold(word: string): string {
  // Plain ASCII, the common case, needs no Unicode normalisation.
  const ascii = /^[\x20-\x7e]*$/.test(word)
  let w = ascii
    ? word.toLowerCase()
    : word
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
        .replace(/[’‘´]/g, "'")
        .replace(/[‐‑]/g, '-')
  if (w.includes('`')) w = w.replace(/`/g, "'")
  return w.includes('.') ? w.replace(/\./g, '') : w
}

// Endings that must not be cut: "news" is not a plural, "always" is not a verb form.
const KEEP_S = /(?:ss|us|is|ous|ws|ys)$/

/**
 * A light English stemmer: plural -s/-es/-ies, -ed and -ing, and a final silent -e, so that
 * hope/hopes/hoped/hoping share a stem. Applied identically to the index and the query.
 *
 * @example stem("hopes") === stem("hoped") === stem("hope") // "hop"
 */
export function stem(word: string): string {
  let w = word
  if (w.length <= 3 || /\d/.test(w)) return w
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (/(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !KEEP_S.test(w)) w = w.slice(0, -1)
  if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3))
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2))
  if (w.endsWith('e') && w.length > 3 && !w.endsWith('ee')) w = w.slice(0, -1)
  return w
}

// "stopped" → "stopp" → "stop"; but "call" keeps its double l.
function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w
}

/**
 * Turns one raw token into its index terms: folded, possessive dropped, stemmed; stop words
 * give none, unless written as an acronym ("US" is a term, "us" is not); a hyphenated word
 * gives the whole and each part ("face-to-face" → facetofac, fac).
 */
export function processTerm(raw: string): string[] | null {
  return termsOf(raw)
}

/**
 * `fn` with its results remembered for up to `size` arguments, the map cleared whole when full (rare
 * and cheap where the same arguments come back). Callers must not mutate what it returns.
 *
 * @example const termsOf = memoizeBounded(computeTerms, 50_000)
 */
export function memoizeBounded<T>(fn: (key: string) => T, size: number): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    let value = cache.get(key)
    if (value === undefined) {
      value = fn(key)
      if (cache.size >= size) cache.clear()
      cache.set(key, value)
    }
    return value
  }
}

// Words repeat across statements, queries and highlight passes: remember their terms.
const termsOf = memoizeBounded(computeTerms, 50_000)

function computeTerms(raw: string): string[] | null {
  let w = fold(raw)
  w = w.replace(/'s$/, '').replace(/'$/, '')
  if (!w) return null
  // Acronyms joined by a hyphen are their parts, none a stop word and none stemmed, so that
  // "AFL-CIO", "A.F.L.-C.I.O." and "AFL CIO" index and query alike ("U.S.-EU" keeps "us").
  const parts = raw.replace(/['’]s$/, '').split(/[-‐‑]/)
  if (parts.length > 1 && parts.every((p) => ACRONYM.test(p))) return [...new Set(parts.map(fold))]
  if (w.includes('-')) {
    const parts = w.split('-').filter((p) => p && !STOP_WORDS.has(p))
    const whole = w.replace(/[-']/g, '')
    const terms = new Set([stem(whole), ...parts.map((p) => stem(p.replace(/'/g, '')))])
    return [...terms]
  }
  w = w.replace(/'/g, '')
  if (!w) return null
  if (ACRONYM.test(raw.replace(/['’]s$/, ''))) return [w]
  if (STOP_WORDS.has(w)) return null
  return [stem(w)]
}

/**
 * A lenient form for comparing names and filter values: folded, punctuation collapsed to spaces.
 *
 * @example normalizeName("  Antony   BLINKEN ") === "antony blinken"
 */
export function normalizeName(value: string): string {
  return fold(value)
    .replace(/'s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Code-unit order: deterministic and far cheaper than `localeCompare` in hot sorts. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
