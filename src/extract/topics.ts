/**
 * Topic assignment: keyword rules matched case-insensitively on word boundaries, but for keywords written
 * as acronyms ("WHO", "AIDS"), which match only in capitals, so "who" and "aids" do not; a trailing `*`
 * matches a prefix; a topic's `exclude` phrases are blanked out first, so their words never count for it.
 */
import type { Topic } from '../types'

interface CompiledTopic {
  id: string
  /** The keywords but acronyms, matched on the lower-cased text; null when there are none. */
  re: RegExp | null
  /** The acronym keywords, matched on the text as written; null when there are none. */
  acronyms: RegExp | null
  /** The topic's excluded phrases, or null. */
  exclude: RegExp | null
  /** First word of each keyword (lower case) and whether it may be a prefix: a cheap pre-check before the regex. */
  firsts: { word: string; prefix: boolean }[]
}

const cache = new WeakMap<readonly Topic[], CompiledTopic[]>()

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const straighten = (s: string) => s.replace(/[’‘]/g, "'").replace(/[‐‑–]/g, '-')
const WORD = /[\p{L}\p{N}]+/gu

/** Capitals (dots allowed), at least two letters, and no lower case: "WHO", "U.N.", "G20". */
export const isAcronym = (keyword: string) => /^(?:\p{Lu}\.?|\d){2,}$/u.test(keyword) && /\p{Lu}.*\p{Lu}/u.test(keyword)

const normalise = (phrases: readonly string[] | undefined, lower = true) =>
  (phrases ?? [])
    .map((k) => straighten(k.trim()))
    .map((k) => (lower ? k.toLowerCase() : k))
    .filter((k) => k !== '' && k !== '*')
    .sort((a, b) => b.length - a.length)

/** One alternation of phrases, boundaries "no letter or digit either side", or null when there are none. */
function alternation(keys: readonly string[], flags: string): RegExp | null {
  const alts = keys.map((k) => {
    const prefix = k.endsWith('*')
    const body = escapeRegExp(prefix ? k.slice(0, -1) : k).replace(/\s+/g, '\\s+')
    return prefix ? `${body}[\\p{L}\\p{N}]*` : body
  })
  return alts.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, flags)
}

/** One alternation per topic, longest keywords first; boundaries are "no letter or digit either side". */
export function compileTopics(topics: readonly Topic[]): CompiledTopic[] {
  const hit = cache.get(topics)
  if (hit !== undefined) return hit
  const compiled: CompiledTopic[] = []
  for (const t of topics) {
    const keys = normalise(t.keywords.filter((k) => !isAcronym(k.trim())))
    const acronymKeys = normalise(
      t.keywords.filter((k) => isAcronym(k.trim())),
      false,
    )
    const re = alternation(keys, 'u')
    const acronyms = alternation(acronymKeys, 'u')
    if (re === null && acronyms === null) continue
    const firsts = [...keys, ...acronymKeys.map((k) => k.toLowerCase())].map((k) => {
      const words = k.match(WORD) ?? ['']
      // A prefix keyword's only word may be cut short ("sanction*"); so may a word glued to the star.
      return { word: words[0]!, prefix: k.endsWith('*') && words.length === 1 }
    })
    compiled.push({ id: t.id, re, acronyms, exclude: alternation(normalise(t.exclude), 'giu'), firsts })
  }
  cache.set(topics, compiled)
  return compiled
}

/** The lower-case words of a text, as the pre-check sees them. */
export const topicWords = (text: string): Set<string> => new Set(straighten(text).toLowerCase().match(WORD) ?? [])

/**
 * Topic ids whose rules match the content, in the order the topics are listed. `words` may pass the
 * content's words when the caller already has them (see `topicWords`).
 */
export function findTopics(
  content: string,
  topics: readonly Topic[],
  words: ReadonlySet<string> = topicWords(content),
): string[] {
  if (content === '' || topics.length === 0) return []
  const written = straighten(content)
  const text = written.toLowerCase()
  const present = (f: { word: string; prefix: boolean }) => {
    if (f.word === '') return true
    if (!f.prefix) return words.has(f.word)
    for (const w of words) if (w.startsWith(f.word)) return true
    return false
  }
  // Lower-casing keeps every offset here (the text is straightened first), so one mask serves both forms.
  const blank = (s: string, t: CompiledTopic) =>
    t.exclude === null ? s : s.replace(t.exclude, (m) => ' '.repeat(m.length))
  const matches = (t: CompiledTopic) =>
    t.re?.test(blank(text, t)) === true || t.acronyms?.test(blank(written, t)) === true
  return compileTopics(topics)
    .filter((t) => t.firsts.some(present) && matches(t))
    .map((t) => t.id)
}
