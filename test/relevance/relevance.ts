/** Scores the judged queries against a store: MRR and success@3, shared by the test and `npm run eval`. */
import { parseQuery } from '../../src/search/query'
import { searchStatements } from '../../src/search/search'
import type { Store } from '../../src/search/store'

export interface Judgment {
  q: string
  /** A substring of the content or text of the statement that must rank first. */
  top1?: string
  /** Substrings of statements that must all be in the top 3. */
  top3?: string[]
  /** True when the query must find nothing. */
  none?: boolean
  why: string
}

export interface JudgedResult {
  q: string
  /** 1-based rank of the wanted statement, 0 when it was not in the top 10. */
  rank: number
  reciprocalRank: number
  success3: boolean
  top: string[]
}

const matches = (needle: string) => (st: { content: string; text: string }) =>
  st.content.includes(needle) || st.text.includes(needle)

/** Runs one judged query the way `/v1/search` does. */
export function judge(store: Store, j: Judgment): JudgedResult {
  const { hits } = searchStatements(store, { query: parseQuery(j.q) })
  const top = hits.slice(0, 10).map((h) => h.statement)
  const summary = top.slice(0, 3).map((s) => s.content.slice(0, 60))
  if (j.none) {
    const ok = hits.length === 0
    return { q: j.q, rank: ok ? 1 : 0, reciprocalRank: ok ? 1 : 0, success3: ok, top: summary }
  }
  const wanted = j.top1 ? [j.top1] : (j.top3 ?? [])
  const ranks = wanted.map((w) => top.findIndex(matches(w)) + 1)
  const rank = ranks.some((r) => r === 0) ? 0 : Math.max(...ranks)
  const success3 = rank > 0 && rank <= 3
  return {
    q: j.q,
    rank,
    reciprocalRank: rank ? 1 / (j.top1 ? rank : Math.max(1, rank - wanted.length + 1)) : 0,
    success3,
    top: summary,
  }
}

/** MRR and success@3 (the wanted statements all within the first 3) over all judgments. */
export function scoreJudgments(store: Store, judgments: readonly Judgment[]) {
  const results = judgments.map((j) => judge(store, j))
  const mrr = results.reduce((a, r) => a + r.reciprocalRank, 0) / results.length
  const success3 = results.filter((r) => r.success3).length / results.length
  return { results, mrr: Math.round(mrr * 1000) / 1000, success3: Math.round(success3 * 1000) / 1000 }
}
