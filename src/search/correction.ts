/** "Did you mean": the query a search that found nothing was probably meant to be, when that one finds something. */
import { correctQuery, type Word } from './did-you-mean'
import { parseQuery } from './query'
import { type SearchRequest, searchStatements } from './search'
import type { Store } from './store'
import { fold, processTerm, tokenize } from './text'

// The corpus words a query can be corrected to, derived once per store from its vocabulary.
const correctionWords = new WeakMap<object, Word[]>()

/** The corpus words a query can be corrected to (what `correctQuery` picks from), once per store or catalog. */
export function wordsOf(store: Pick<Store, 'vocabulary' | 'dimensions'>): Word[] {
  let words = correctionWords.get(store)
  if (!words) {
    words = store.vocabulary
      .filter(([, , type]) => type === 'term')
      .map(([text, key, , count]) => ({ text, key, count }))
    // The vocabulary holds the words of what was said; names also live in speakers, channels and
    // entities ("Xinhua" relays, and appears only in the sentence around a quote).
    const known = new Set(words.map((w) => w.key))
    for (const name of ['speaker', 'via', 'entity', 'topic'] as const) {
      for (const label of store.dimensions[name].labels.values()) {
        for (const t of tokenize(label)) {
          const key = fold(t.raw)
          if (key.length < 4 || known.has(key) || !/^\p{L}+$/u.test(key)) continue
          known.add(key)
          words.push({ text: t.raw, key, count: 0 })
        }
      }
    }
    correctionWords.set(store, words)
  }
  return words
}

/**
 * For a search that found nothing: the query with each word the corpus lacks replaced by its
 * closest corpus word, when that query finds something under the same filters; otherwise null.
 *
 * @example suggestCorrection(store, 'xinhau', {}) // 'Xinhua'
 */
export function suggestCorrection(store: Store, q: string, request: Omit<SearchRequest, 'query'>): string | null {
  const isKnown = (word: string) => {
    const terms = processTerm(word)
    return terms === null || terms.every((t) => store.hasTerm(t))
  }
  const corrected = correctQuery(q, isKnown, wordsOf(store), fold)
  if (corrected === null) return null
  const outcome = searchStatements(store, { ...request, query: parseQuery(corrected), limit: 0 })
  return outcome.total > 0 ? corrected : null
}
