import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BASELINE_FILE, runEval, runRelevance } from '../../scripts/eval'

const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as {
  micro: { attribution_f1: number; content_f1: number; kind_acc: number }
}

describe('npm run eval', () => {
  const { results, micro } = runEval()

  it('scores the seed and at least 10 hand-annotated fixtures', () => {
    expect(results.map((r) => r.name)).toContain('seed')
    expect(results.length).toBeGreaterThanOrEqual(11)
  })

  it('gets the seed exactly right', () => {
    const seed = results.find((r) => r.name === 'seed')!
    expect(seed.score.attribution_f1).toBe(1)
    expect(seed.score.kind_acc).toBe(1)
  })

  it('keeps micro attribution F1, content F1 and kind accuracy at or above the committed baseline', () => {
    const detail = results.map((r) => `${r.name}: ${r.score.attribution_f1}`).join(', ')
    expect(micro.attribution_f1, detail).toBeGreaterThanOrEqual(baseline.micro.attribution_f1)
    expect(micro.content_f1, detail).toBeGreaterThanOrEqual(baseline.micro.content_f1)
    expect(micro.kind_acc, detail).toBeGreaterThanOrEqual(baseline.micro.kind_acc)
    expect(micro.attribution_f1).toBeGreaterThanOrEqual(0.95)
  })

  it('reports relevance over the judged queries', () => {
    const relevance = runRelevance()
    expect(relevance.results.length).toBeGreaterThanOrEqual(40)
    expect(relevance.mrr).toBeGreaterThanOrEqual(0.95)
  })
})
