/** Parses the `q` query language: words, "phrases", -exclusions and field:value filters. */
import { FILTER_PARAMS, type FilterParam } from './filter'
import { LIMITS } from './limits'

export interface ParsedQuery {
  /** Plain words, as typed. */
  terms: string[]
  /** Quoted phrases, each as typed (without the quotes). */
  phrases: string[]
  /** Words after a minus sign. */
  excludedTerms: string[]
  /** Phrases after a minus sign. */
  excludedPhrases: string[]
  /** Inline filters such as `speaker:blinken`, which act like the filter parameters. */
  filters: Partial<Record<FilterParam, string[]>>
  /** True when the query ends in a plain word (no trailing space): that word may be a prefix. */
  endsInWord: boolean
}

/** Why a query cannot be run, or null when it can. */
export function checkQuery(q: string): string | null {
  if (q.trim().length === 0) return 'must not be empty'
  if (q.length > LIMITS.queryLength) return `must be at most ${LIMITS.queryLength} characters (got ${q.length})`
  const parsed = parseQuery(q)
  const words =
    parsed.terms.length +
    parsed.excludedTerms.length +
    [...parsed.phrases, ...parsed.excludedPhrases].reduce((n, p) => n + p.split(/\s+/).length, 0)
  if (words > LIMITS.queryTerms) return `must have at most ${LIMITS.queryTerms} terms (got ${words})`
  const phrases = parsed.phrases.length + parsed.excludedPhrases.length
  if (phrases > LIMITS.queryPhrases) return `must have at most ${LIMITS.queryPhrases} phrases (got ${phrases})`
  return null
}

const QUOTES = /["“”„«»]/
const FIELD = new RegExp(`^(${FILTER_PARAMS.join('|')}):(.*)$`, 'i')

/** Characters that only separate words; stripped from the edges of a plain word. */
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu

function cleanWord(word: string): string {
  return word.replace(EDGE_PUNCTUATION, '')
}

/**
 * Splits a query into its parts. Never throws: an unbalanced quote is read as if it were not
 * there, and punctuation that means nothing is ignored.
 *
 * @example parseQuery('"face-to-face diplomacy" -Taiwan speaker:blinken hope')
 * // { terms: ['hope'], phrases: ['face-to-face diplomacy'], excludedTerms: ['Taiwan'], filters: { speaker: ['blinken'] }, ... }
 */
export function parseQuery(q: string): ParsedQuery {
  const parsed: ParsedQuery = {
    terms: [],
    phrases: [],
    excludedTerms: [],
    excludedPhrases: [],
    filters: {},
    endsInWord: false,
  }
  const quoteCount = [...q].filter((ch) => QUOTES.test(ch)).length
  // An odd quote out: drop the last one, as a search box user would expect it to be ignored.
  let text = q
  if (quoteCount % 2 === 1) {
    const chars = [...q]
    for (let i = chars.length - 1; i >= 0; i--) {
      if (QUOTES.test(chars[i]!)) {
        chars[i] = ' '
        break
      }
    }
    text = chars.join('')
  }
  let i = 0
  let lastWasWord = false
  while (i < text.length) {
    const ch = text[i]!
    if (/\s/.test(ch)) {
      i++
      lastWasWord = false
      continue
    }
    const negated = ch === '-' && i + 1 < text.length && !/\s/.test(text[i + 1]!)
    const start = negated ? i + 1 : i
    // field:"quoted value" or field:value
    const rest = text.slice(start)
    const fieldMatch = rest.match(/^([a-z]+):(["“”„«»])/i)
    if (!negated && fieldMatch && FIELD.test(`${fieldMatch[1]}:`)) {
      const close = findClose(text, start + fieldMatch[0].length)
      const value = text.slice(start + fieldMatch[0].length, close).trim()
      addFilter(parsed, fieldMatch[1]!.toLowerCase() as FilterParam, value)
      i = close + 1
      lastWasWord = false
      continue
    }
    if (QUOTES.test(text[start] ?? '')) {
      const close = findClose(text, start + 1)
      const phrase = text
        .slice(start + 1, close)
        .replace(/\s+/g, ' ')
        .trim()
      if (phrase) (negated ? parsed.excludedPhrases : parsed.phrases).push(phrase)
      i = close + 1
      lastWasWord = false
      continue
    }
    let end = start
    while (end < text.length && !/\s/.test(text[end]!) && !QUOTES.test(text[end]!)) end++
    const raw = text.slice(start, end)
    i = end
    const field = raw.match(FIELD)
    if (field && !negated) {
      addFilter(parsed, field[1]!.toLowerCase() as FilterParam, field[2]!)
      lastWasWord = false
      continue
    }
    const word = cleanWord(raw)
    if (!word) continue
    if (negated) parsed.excludedTerms.push(word)
    else parsed.terms.push(word)
    lastWasWord = !negated
  }
  parsed.endsInWord = lastWasWord && !/\s$/.test(q)
  return parsed
}

function findClose(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (QUOTES.test(text[j]!)) return j
  return text.length
}

function addFilter(parsed: ParsedQuery, field: FilterParam, value: string): void {
  const values = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  if (values.length === 0) return
  parsed.filters[field] = [...(parsed.filters[field] ?? []), ...values]
}
