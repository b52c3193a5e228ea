import { describe, expect, it } from 'vitest'
import { type Judgment, scoreJudgments } from '../../src/eval/relevance'
import baseline from '../relevance/baseline.json'
import judgments from '../relevance/judgments.json'
import { testStore } from './test-data'

describe('judged relevance', () => {
  // The judged queries are about the seed article, searched among the test corpus's other articles.
  const scores = scoreJudgments(testStore(), judgments as Judgment[])

  it('has at least 40 judged queries, including ones that must find nothing', () => {
    expect(judgments.length).toBeGreaterThanOrEqual(40)
    expect((judgments as Judgment[]).filter((j) => j.none).length).toBeGreaterThanOrEqual(2)
  })

  it('keeps MRR, success@3 and nDCG@10 at or above the committed baseline', () => {
    const failing = scores.results
      .filter((r) => r.rank !== 1)
      .map((r) => `${r.q} → rank ${r.rank}: ${r.top.join(' | ')}`)
    expect(scores.mrr, failing.join('\n')).toBeGreaterThanOrEqual(baseline.mrr)
    expect(scores.success3, failing.join('\n')).toBeGreaterThanOrEqual(baseline.success3)
    expect(scores.ndcg10, failing.join('\n')).toBeGreaterThanOrEqual(baseline.ndcg10)
  })
})
