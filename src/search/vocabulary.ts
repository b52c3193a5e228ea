/** The completion vocabulary: the corpus's words and recurring phrases, built once at build time and shipped in the corpus. */
import type { Statement } from '../types'
import { compareStrings, fold, STOP_WORDS, tokenize } from './text'

/** Folded text with punctuation runs as single spaces: the key completions compare prefixes on. */
export const foldKey = (s: string) =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** A word or phrase of the corpus worth completing to: text, folded key, type and statement count. */
export type VocabularyEntry = [text: string, key: string, type: 'term' | 'phrase', count: number]

/** How many words and phrases the build keeps, most frequent first: enough for completion, bounded in size. */
export const VOCABULARY_LIMITS = { terms: 10_000, phrases: 3_000 }

/**
 * The completion vocabulary of a corpus: its words, and the word pairs and triples that recur or
 * are names ("Taiwan Strait"). Built once by the build script, since it reads every statement.
 *
 * @example buildVocabulary(statements) // [['diplomacy', 'diplomacy', 'term', 3], ['Taiwan Strait', 'taiwan strait', 'phrase', 1], ...]
 */
export function buildVocabulary(statements: readonly Statement[]): VocabularyEntry[] {
  const words = new Map<string, { text: string; ids: Set<string> }>()
  const phrases = new Map<string, { text: string; ids: Set<string> }>()
  const note = (map: typeof words, text: string, id: string) => {
    const key = foldKey(text)
    if (!key) return
    const entry = map.get(key) ?? { text, ids: new Set<string>() }
    entry.ids.add(id)
    map.set(key, entry)
  }
  for (const st of statements) {
    const tokens = tokenize(st.content)
    for (const [i, t] of tokens.entries()) {
      const lower = fold(t.raw)
      if (lower.length < 3 || STOP_WORDS.has(lower) || /^\d+$/.test(lower)) continue
      note(
        words,
        /^\p{Lu}/u.test(t.raw) && !/^\p{Lu}+$/u.test(t.raw) && i > 0 ? t.raw : lower.replace(/'s$/, ''),
        st.id,
      )
      // Word pairs and triples that neither start nor end on a stop word: "open lines", "Taiwan Strait".
      for (const n of [2, 3]) {
        const run = tokens.slice(i, i + n)
        if (run.length < n) break
        const last = run[n - 1]!
        if (STOP_WORDS.has(fold(last.raw)) || fold(last.raw).length < 2) continue
        if (st.content.slice(run[0]!.end, last.start).match(/[^\s\p{L}\p{N}'’-]/u)) continue
        note(phrases, st.content.slice(run[0]!.start, last.end), st.id)
      }
    }
  }
  const ranked = (
    map: typeof words,
    type: 'term' | 'phrase',
    keep: (text: string, count: number) => boolean,
    limit: number,
  ) =>
    [...map.entries()]
      .filter(([, v]) => keep(v.text, v.ids.size))
      .sort((a, b) => b[1].ids.size - a[1].ids.size || compareStrings(a[0], b[0]))
      .slice(0, limit)
      .map(([key, v]): VocabularyEntry => [v.text, key, type, v.ids.size])
  return [
    // A pair is worth offering when it recurs, or when it is a name ("North Korea").
    ...ranked(
      phrases,
      'phrase',
      (text, count) => count >= 2 || /^\p{Lu}\S*\s+\p{Lu}/u.test(text),
      VOCABULARY_LIMITS.phrases,
    ),
    ...ranked(words, 'term', () => true, VOCABULARY_LIMITS.terms),
  ]
}
