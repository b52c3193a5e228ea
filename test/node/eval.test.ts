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
    // Over test/corpus (which holds the seed article), not data/: adding an article to data/ never breaks a test.
    const relevance = runRelevance({ corpus: 'test/corpus', judgments: 'test/relevance/judgments.json' })
    expect(relevance.results.length).toBeGreaterThanOrEqual(40)
    expect(relevance.mrr).toBeGreaterThanOrEqual(0.95)
    expect(relevance.ndcg10).toBeGreaterThanOrEqual(0.95)
  })
})

describe('npm run eval -- --relevance --corpus test/relevance/corpus', () => {
  // Five short articles written for these tests, with shared surnames (two Okafors, two Brandts),
  // roles no statement says, acronyms, a registry, and narration beside the quotes that answer.
  const corpusBaseline = JSON.parse(readFileSync('test/relevance/corpus-baseline.json', 'utf8')) as Record<
    string,
    number
  >

  it('scores the multi-article fixture corpus at or above its committed baseline', () => {
    const relevance = runRelevance({
      corpus: 'test/relevance/corpus',
      judgments: 'test/relevance/corpus-judgments.json',
    })
    const failing = relevance.results.filter((r) => r.reciprocalRank < 1).map((r) => `${r.q} → rank ${r.rank}`)
    expect(relevance.results.length).toBeGreaterThanOrEqual(30)
    expect(relevance.mrr, failing.join('\n')).toBeGreaterThanOrEqual(corpusBaseline.mrr!)
    expect(relevance.success3, failing.join('\n')).toBeGreaterThanOrEqual(corpusBaseline.success3!)
    expect(relevance.ndcg10, failing.join('\n')).toBeGreaterThanOrEqual(corpusBaseline.ndcg10!)
  })

  it('names a missing judgments file and an article the corpus lacks', () => {
    expect(() => runRelevance({ corpus: 'test/relevance/corpus', judgments: 'test/relevance/nope.json' })).toThrow(
      /no judgments file/,
    )
    expect(() =>
      runRelevance({ corpus: 'test/relevance/corpus', judgments: 'test/relevance/archives/polnear-dev.json' }),
    ).toThrow(/names article .* which the corpus lacks/)
  })
})
