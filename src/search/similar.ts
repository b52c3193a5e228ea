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
 * comes from the index (an exact lookup per term), so nothing is precomputed.
 */
export function distinctiveTerms(store: Store, statement: Statement, n = SIMILAR_TERMS): string[] {
  const tf = new Map<string, number>()
  for (const t of tokenize(statement.content)) {
    for (const term of processTerm(t.raw) ?? []) if (term.length > 2) tf.set(term, (tf.get(term) ?? 0) + 1)
  }
  const total = store.statements.length
  return [...tf.entries()]
    .map(([term, count]) => {
      const df = store.index.search(term, { fuzzy: false, prefix: false, fields: ['content'], processTerm: (x) => x }).length
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
      filter: (r) => r.id !== statement.id,
      boostDocument: (id) => (store.byId.get(id as string)?.speakers.some((s) => speakers.has(s.id)) ? SAME_SPEAKER_BOOST : 1),
    },
  )
  return results.map((r) => ({ statement: store.byId.get(r.id as string)!, score: Math.round(r.score * 1000) / 1000 }))
}
