/** Statements most like a given one: its most distinctive terms, with the same speaker boosted. */
import type { Statement } from '../types'
import type { Store } from './store'
import { compareStrings, processTerm, tokenize } from './text'

export interface SimilarHit {
  statement: Statement
  score: number
}

/** How many of the statement's terms make up the query. */
export const SIMILAR_TERMS = 8
/** Score factor for statements by the same speaker. */
export const SAME_SPEAKER_BOOST = 1.5

/**
 * The statement's terms ranked by tf·idf: frequent in it, rare in the corpus. Document frequency
 * comes straight from the index's term tree, so nothing is precomputed or searched.
 */
export function distinctiveTerms(
  store: Pick<Store, 'contentFrequency'> & { statements: { length: number } },
  statement: Statement,
  n = SIMILAR_TERMS,
): string[] {
  const tf = new Map<string, number>()
  for (const t of tokenize(statement.content)) {
    for (const term of processTerm(t.raw) ?? []) if (term.length > 2) tf.set(term, (tf.get(term) ?? 0) + 1)
  }
  const total = store.statements.length
  return [...tf.entries()]
    .map(([term, count]) => {
      const df = store.contentFrequency(term)
      return { term, weight: count * Math.log(1 + total / Math.max(1, df)) }
    })
    .sort((a, b) => b.weight - a.weight || compareStrings(a.term, b.term))
    .slice(0, n)
    .map((t) => t.term)
}

/**
 * Statements sharing the most distinctive terms, never the statement itself.
 *
 * @example similarStatements(store, store.byId.get(id)!) // [{ statement, score }, ...]
 */
export function similarStatements(store: Store, statement: Statement): SimilarHit[] {
  const terms = distinctiveTerms(store, statement)
  if (terms.length === 0) return []
  const speakers = new Set(statement.speakers.map((s) => s.id))
  const results = store.index.search(
    { combineWith: 'OR', queries: terms },
    {
      prefix: false,
      fuzzy: false,
      // The terms are already processed; run them through untouched.
      processTerm: (t) => t,
    },
  )
  const hits: SimilarHit[] = []
  for (const r of results) {
    if (r.id === statement.id) continue
    const other = store.byId.get(r.id as string)!
    // Boosted per hit rather than through boostDocument, which runs per document per term.
    const boost = other.speakers.some((s) => speakers.has(s.id)) ? SAME_SPEAKER_BOOST : 1
    hits.push({ statement: other, score: Math.round(r.score * boost * 1000) / 1000 })
  }
  return hits.sort((a, b) => b.score - a.score)
}
