/** `npm run eval` on the repository's own sets: the dev set must not score below the committed baseline. */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { BASELINE_FILE, type CaseResult, runEval, runRelevance } from '../../scripts/eval'
import type { MicroScore } from '../../src/eval/score'

const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { micro: MicroScore }

describe('npm run eval', () => {
  let results: CaseResult[]
  let micro: MicroScore

  // Extracts a dozen articles: quick alone, slow on two loaded cores.
  beforeAll(() => {
    ;({ results, micro } = runEval())
  }, 60_000)

  it('scores the seed and at least 10 hand-annotated fixtures', () => {
    expect(results.map((r) => r.name)).toContain('seed')
    expect(results.length).toBeGreaterThanOrEqual(11)
  })

  it('keeps micro attribution F1, content F1 and kind accuracy at or above the committed baseline', () => {
    const detail = results.map((r) => `${r.name}: ${r.score.attribution_f1}`).join(', ')
    expect(micro.attribution_f1, detail).toBeGreaterThanOrEqual(baseline.micro.attribution_f1)
    expect(micro.content_f1, detail).toBeGreaterThanOrEqual(baseline.micro.content_f1)
    expect(micro.kind_acc, detail).toBeGreaterThanOrEqual(baseline.micro.kind_acc)
    expect(micro.attribution_f1).toBeGreaterThanOrEqual(0.95)
  })

  it('reports relevance over the judged queries', { timeout: 60_000 }, () => {
    const relevance = runRelevance()
    expect(relevance.results.length).toBeGreaterThanOrEqual(40)
    expect(relevance.mrr).toBeGreaterThanOrEqual(0.95)
    expect(relevance.ndcg10).toBeGreaterThanOrEqual(0.95)
  })
})
