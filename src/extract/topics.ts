/** Topic assignment: keyword rules matched case-insensitively on word boundaries; a trailing `*` matches a prefix. */
import type { Topic } from '../types'

interface CompiledTopic {
  id: string
  re: RegExp
  /** First word of each keyword (lower case) and whether it may be a prefix: a cheap pre-check before the regex. */
  firsts: { word: string; prefix: boolean }[]
}

const cache = new WeakMap<readonly Topic[], CompiledTopic[]>()

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const straighten = (s: string) => s.replace(/[’‘]/g, "'").replace(/[‐‑–]/g, '-')
const WORD = /[\p{L}\p{N}]+/gu

/** One alternation per topic, longest keywords first; boundaries are "no letter or digit either side". */
export function compileTopics(topics: readonly Topic[]): CompiledTopic[] {
  const hit = cache.get(topics)
  if (hit !== undefined) return hit
  const compiled: CompiledTopic[] = []
  for (const t of topics) {
    const keys = (t.keywords ?? [])
      .map((k) => straighten(k.trim()).toLowerCase())
      .filter((k) => k !== '' && k !== '*')
      .sort((a, b) => b.length - a.length)
    const alts = keys.map((k) => {
      const prefix = k.endsWith('*')
      const body = escapeRegExp(prefix ? k.slice(0, -1) : k).replace(/\s+/g, '\\s+')
      return prefix ? `${body}[\\p{L}\\p{N}]*` : body
    })
    if (alts.length === 0) continue
    const firsts = keys.map((k) => {
      const words = k.match(WORD) ?? ['']
      // A prefix keyword's only word may be cut short ("sanction*"); so may a word glued to the star.
      return { word: words[0]!, prefix: k.endsWith('*') && words.length === 1 }
    })
    compiled.push({
      id: t.id,
      re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'u'),
      firsts,
    })
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
  const text = straighten(content).toLowerCase()
  const present = (f: { word: string; prefix: boolean }) => {
    if (f.word === '') return true
    if (!f.prefix) return words.has(f.word)
    for (const w of words) if (w.startsWith(f.word)) return true
    return false
  }
  return compileTopics(topics)
    .filter((t) => t.firsts.some(present) && t.re.test(text))
    .map((t) => t.id)
}
