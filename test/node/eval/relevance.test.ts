/** Relevance metrics on a fake search function that returns a fixed ranking. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  type Judgment,
  judgeQuery,
  type RankedStatement,
  type SearchFunction,
  scoreJudgments,
} from '../../../src/eval/relevance'

const st = (content: string): RankedStatement => ({ content, text: `He said ${content}.` })
/** Always the same ranking, whatever the query, except `nothing`, which finds nothing. */
const RANKING = ['alpha', 'bravo', 'charlie', 'delta', 'echo'].map(st)
const search: SearchFunction = (q) => (q === 'nothing' ? [] : RANKING)

describe('judgeQuery', () => {
  it.each([
    ['alpha', 1, 1, true, 1],
    ['bravo', 2, 1 / 2, true, 1 / Math.log2(3)],
    ['delta', 4, 1 / 4, false, 1 / Math.log2(5)],
    ['zulu', 0, 0, false, 0],
  ])('ranks top1 %s at %i', (top1, rank, rr, success3, ndcg) => {
    const r = judgeQuery(search, { q: 'q', top1, why: '' })
    expect([r.rank, r.reciprocalRank, r.success3]).toEqual([rank, rr, success3])
    expect(r.ndcg10).toBeCloseTo(ndcg, 10)
  })

  it('finds the wanted substring in the sentence as well as in the content', () => {
    expect(judgeQuery(search, { q: 'q', top1: 'He said bravo', why: '' }).rank).toBe(2)
  })

  it('treats top3 statements in the first places, in any order, as perfect', () => {
    const r = judgeQuery(search, { q: 'q', top3: ['bravo', 'alpha'], why: '' })
    expect([r.rank, r.reciprocalRank, r.success3, r.ndcg10]).toEqual([2, 1, true, 1])
  })

  it('discounts top3 statements found lower, and fails when one is missing', () => {
    const low = judgeQuery(search, { q: 'q', top3: ['alpha', 'delta'], why: '' })
    expect([low.rank, low.reciprocalRank, low.success3]).toEqual([4, 1 / 3, false])
    expect(low.ndcg10).toBeCloseTo((1 + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3)), 10)
    const missing = judgeQuery(search, { q: 'q', top3: ['alpha', 'zulu'], why: '' })
    expect([missing.rank, missing.success3]).toEqual([0, false])
  })

  it.each([
    ['nothing', 1],
    ['anything', 0],
  ])('scores a must-find-nothing query %s as %i', (q, expected) => {
    const r = judgeQuery(search, { q, none: true, why: '' })
    expect([r.rank, r.reciprocalRank, r.ndcg10]).toEqual([expected, expected, expected])
  })

  it('only looks at the first 10 hits', () => {
    const long: SearchFunction = () => Array.from({ length: 12 }, (_, i) => st(`item${i + 1}`))
    expect(judgeQuery(long, { q: 'q', top1: 'item11', why: '' }).rank).toBe(0)
  })
})

describe('scoreJudgments', () => {
  it('averages over all judgments, rounded to 3 decimals', () => {
    const scores = scoreJudgments(search, [
      { q: 'q', top1: 'alpha', why: '' },
      { q: 'q', top1: 'charlie', why: '' },
      { q: 'q', top1: 'zulu', why: '' },
    ])
    expect(scores).toMatchObject({
      mrr: Math.round(((1 + 1 / 3) / 3) * 1000) / 1000,
      success3: 0.667,
      ndcg10: Math.round(((1 + 1 / Math.log2(4)) / 3) * 1000) / 1000,
    })
    expect(scores.results.map((r) => r.rank)).toEqual([1, 3, 0])
  })

  it('scores 0 over no judgments', () => {
    expect(scoreJudgments(search, [])).toEqual({ results: [], mrr: 0, success3: 0, ndcg10: 0 })
  })
})

describe('anchors', () => {
  const at = (article: string, start: number, end: number, content = 'x'): RankedStatement => ({
    content,
    text: content,
    article,
    spans: [{ start, end }],
  })
  const ranked: SearchFunction = () => [at('a', 0, 10), at('b', 20, 40), at('b', 50, 60)]

  it('finds the statement whose content span covers the offset in that article', () => {
    expect(judgeQuery(ranked, { q: 'q', top1: { article: 'b', at: 55 }, why: '' }).rank).toBe(3)
    expect(judgeQuery(ranked, { q: 'q', top1: { article: 'b', at: 20 }, why: '' }).rank).toBe(2)
    // The end is exclusive, and another article's span at the same offset does not count.
    expect(judgeQuery(ranked, { q: 'q', top1: { article: 'b', at: 40 }, why: '' }).rank).toBe(0)
    expect(judgeQuery(ranked, { q: 'q', top1: { article: 'c', at: 5 }, why: '' }).rank).toBe(0)
  })
})

describe('archive judgments in the repository', () => {
  // Judgments over an archive whose text may not be copied name statements by article id and offset only.
  const dir = join(dirname(fileURLToPath(import.meta.url)), '../../relevance/archives')
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(`${file}: at least 40 queries, every wanted statement an anchor, no other fields`, () => {
      const judgments = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Judgment[]
      expect(judgments.length).toBeGreaterThanOrEqual(40)
      for (const j of judgments) {
        expect(Object.keys(j).every((k) => ['q', 'top1', 'top3', 'none', 'why'].includes(k))).toBe(true)
        for (const w of [j.top1 ?? [], j.top3 ?? []].flat()) {
          expect(typeof w).toBe('object')
          expect(Object.keys(w).sort()).toEqual(['article', 'at'])
        }
      }
    })
  }
})
