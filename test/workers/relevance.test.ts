import { describe, expect, it } from 'vitest'
import { BUNDLED } from '../../src/data'
import baseline from '../relevance/baseline.json'
import judgments from '../relevance/judgments.json'
import { type Judgment, scoreJudgments } from '../relevance/relevance'

describe('judged relevance', () => {
  if (!BUNDLED.ok) throw new Error('the bundled corpus did not load')
  const scores = scoreJudgments(BUNDLED.store, judgments as Judgment[])

  it('has at least 40 judged queries, including ones that must find nothing', () => {
    expect(judgments.length).toBeGreaterThanOrEqual(40)
    expect((judgments as Judgment[]).filter((j) => j.none).length).toBeGreaterThanOrEqual(2)
  })

  it('keeps MRR and success@3 at or above the committed baseline', () => {
    const failing = scores.results
      .filter((r) => r.rank !== 1)
      .map((r) => `${r.q} → rank ${r.rank}: ${r.top.join(' | ')}`)
    expect({ mrr: scores.mrr, failing }).toMatchObject({ mrr: expect.any(Number) })
    expect(scores.mrr, failing.join('\n')).toBeGreaterThanOrEqual(baseline.mrr)
    expect(scores.success3, failing.join('\n')).toBeGreaterThanOrEqual(baseline.success3)
  })
})
