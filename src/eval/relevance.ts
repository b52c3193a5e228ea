/** Scores search relevance on judged queries: MRR, success@3 and nDCG@10. */
import { resolveFilters } from '../search/filter'
import { parseQuery } from '../search/query'
import { searchStatements } from '../search/search'
import type { Store } from '../search/store'

/**
 * A statement named without quoting it: the article's id and a UTF-16 offset into the article's text
 * that one of the statement's content spans covers. Judgments over an archive whose text may not be
 * copied (PolNeAR) name statements this way; an offset inside the content survives re-extraction.
 */
export interface Anchor {
  article: string
  at: number
}

/** A wanted statement: a substring of its content or text, or an anchor. */
export type Wanted = string | Anchor

/** A query and what a good search must return for it. */
export interface Judgment {
  q: string
  /** The statement that must rank first. */
  top1?: Wanted
  /** Statements that must all be in the top 3. */
  top3?: Wanted[]
  /** True when the query must find nothing. */
  none?: boolean
  why: string
}

/** What a judgment looks for in a result: its content or its whole sentence. */
export interface RankedStatement {
  content: string
  text: string
  /** Needed only by anchors. */
  article?: string
  spans?: readonly { start: number; end: number }[]
}

/** Runs one query and returns every hit, best first. */
export type SearchFunction = (q: string) => readonly RankedStatement[]

export interface JudgedResult {
  q: string
  /** 1-based rank of the wanted statement (the last of them for `top3`), 0 when one was not in the top 10. */
  rank: number
  reciprocalRank: number
  success3: boolean
  /** Wanted statements found in the top 10, discounted by rank, over the ideal ranking. */
  ndcg10: number
  /** The first three hits' content, shortened, to show why a query failed. */
  top: string[]
}

export interface RelevanceScores {
  results: JudgedResult[]
  mrr: number
  success3: number
  ndcg10: number
}

const CUTOFF = 10

const matches = (wanted: Wanted) => (st: RankedStatement) =>
  typeof wanted === 'string'
    ? st.content.includes(wanted) || st.text.includes(wanted)
    : st.article === wanted.article && (st.spans ?? []).some((s) => s.start <= wanted.at && wanted.at < s.end)
const discount = (rank: number) => 1 / Math.log2(rank + 1)
const round = (x: number) => Math.round(x * 1000) / 1000

/**
 * A search function that runs queries the way `/v1/search` does, with no filter parameters; filters
 * written in the query (`kind:narration`) apply, and one that names nothing finds nothing.
 *
 * @example searchStore(store)('face-to-face diplomacy')[0]?.content
 */
export function searchStore(store: Store): SearchFunction {
  return (q) => {
    const query = parseQuery(q)
    const { filters, errors } = resolveFilters(store, query.filters)
    if (errors.length > 0) return []
    return searchStatements(store, { query, filters: [filters] }).hits.map((h) => h.statement)
  }
}

/**
 * Runs one judged query and scores its ranking.
 *
 * @example judgeQuery(searchStore(store), { q: 'halfway', top1: 'meet each other halfway', why: 'a rare word' }).rank // 1
 */
export function judgeQuery(search: SearchFunction, j: Judgment): JudgedResult {
  const hits = search(j.q)
  const top = hits.slice(0, CUTOFF)
  const summary = top.slice(0, 3).map((s) => s.content.slice(0, 60))
  if (j.none) {
    const ok = hits.length === 0
    return { q: j.q, rank: ok ? 1 : 0, reciprocalRank: ok ? 1 : 0, success3: ok, ndcg10: ok ? 1 : 0, top: summary }
  }
  const wanted: Wanted[] = j.top1 ? [j.top1] : (j.top3 ?? [])
  const ranks = wanted.map((w) => top.findIndex(matches(w)) + 1)
  const rank = ranks.some((r) => r === 0) ? 0 : Math.max(...ranks)
  // Binary gains: each wanted statement found counts once, at the rank it was found.
  const dcg = [...new Set(ranks.filter((r) => r > 0))].reduce((a, r) => a + discount(r), 0)
  let ideal = 0
  for (let r = 1; r <= Math.min(wanted.length, CUTOFF); r++) ideal += discount(r)
  return {
    q: j.q,
    rank,
    // For top3, the wanted statements may fill the first places in any order: rank n of n wanted is perfect.
    reciprocalRank: rank ? 1 / (j.top1 ? rank : Math.max(1, rank - wanted.length + 1)) : 0,
    success3: rank > 0 && rank <= 3,
    ndcg10: ideal ? dcg / ideal : 0,
    top: summary,
  }
}

/**
 * MRR, success@3 (the wanted statements all within the first 3) and nDCG@10 over all judgments,
 * rounded to 3 decimals; takes a store, searched as `/v1/search` does, or any search function.
 *
 * @example scoreJudgments(store, judgments).mrr
 */
export function scoreJudgments(source: Store | SearchFunction, judgments: readonly Judgment[]): RelevanceScores {
  const search = typeof source === 'function' ? source : searchStore(source)
  const results = judgments.map((j) => judgeQuery(search, j))
  const mean = (f: (r: JudgedResult) => number) =>
    results.length ? round(results.reduce((a, r) => a + f(r), 0) / results.length) : 0
  return {
    results,
    mrr: mean((r) => r.reciprocalRank),
    success3: mean((r) => (r.success3 ? 1 : 0)),
    ndcg10: mean((r) => r.ndcg10),
  }
}
