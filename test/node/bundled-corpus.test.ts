/** The corpus as shipped: the seed article is extracted exactly right, and the API serves what data/ builds to. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildCorpus, ROOT } from '../../scripts/build-data'
import { createApp } from '../../src/app'
import { type Gold, scoreArticle } from '../../src/eval/score'
import { extractStatements } from '../../src/extract/index'
import type { Corpus } from '../../src/search/corpus'
import { loadShipped, tryLoad } from '../../src/search/load'
import type { PackedCorpus } from '../../src/search/packed'
import type { ExtractResult } from '../../src/types'

const SEED_ID = 'han-blinken-unga-2023'
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8')

describe('data/ and the test corpus', () => {
  it('share one topic taxonomy and one set of synonyms, so the API tests see the shipped rules', () => {
    expect(read('test/corpus/topics.json')).toBe(read('data/topics.json'))
    expect(read('test/corpus/synonyms.json')).toBe(read('data/synonyms.json'))
  })
})

describe('the seed article in data/', () => {
  const meta = JSON.parse(read(`data/articles/${SEED_ID}.meta.json`))
  const gold = JSON.parse(read('test/fixtures/seed/gold.json')) as Gold
  let extracted: ExtractResult

  beforeAll(() => {
    extracted = extractStatements(
      { id: meta.id, text: read(`data/articles/${SEED_ID}.txt`), date: meta.event_date ?? meta.published },
      { entities: JSON.parse(read('data/entities.json')), topics: JSON.parse(read('data/topics.json')) },
    )
  }, 20_000)

  it('scores attribution F1 1 and kind accuracy 1 against its gold', () => {
    const { score, lines } = scoreArticle(gold, extracted.statements)
    expect({ attribution_f1: score.attribution_f1, kind_acc: score.kind_acc }, lines.join('\n')).toEqual({
      attribution_f1: 1,
      kind_acc: 1,
    })
  })

  it('extracts without warnings', () => {
    expect(extracted.warnings).toEqual([])
  })

  it('carries the relaying agency only on the relayed statement and its pronoun continuation', () => {
    expect(extracted.statements.filter((s) => s.via !== null).map((s) => [s.cue, s.via!.id])).toEqual([
      ['said', 'xinhua'],
      ['expressed hopes', 'xinhua'],
    ])
  })
})

describe('the bundled corpus', () => {
  let built: Corpus

  // src/generated/corpus.bin is written by `npm run build:data`, which `npm test` runs first.
  const shipped = readFileSync(join(ROOT, 'src/generated/corpus.bin'))
  beforeAll(() => {
    built = buildCorpus({ dataDir: join(ROOT, 'data') }).corpus
  }, 30_000)

  it('is what data/ builds to: same build hash and statement ids', () => {
    const bundled = JSON.parse(shipped.toString('utf8')) as PackedCorpus
    expect(bundled.build_hash, 'src/generated/corpus.bin is stale: run npm run build:data').toBe(built.build_hash)
    const store = loadShipped(new Uint8Array(shipped).buffer)
    expect(store.statements).toEqual(built.statements)
  })

  it('is what the API serves from /v1/statements', async () => {
    const app = createApp(tryLoad(() => loadShipped(new Uint8Array(shipped).buffer)))
    // Pages of 100 up to the largest offset the API takes: the whole corpus, or its first 1,100.
    const served: string[] = []
    let total = 0
    for (let offset = 0; offset <= 1000; offset += 100) {
      const res = await app.request(`/v1/statements?limit=100&offset=${offset}`)
      expect(res.status).toBe(200)
      const page = (await res.json()) as { total: number; results: { id: string }[] }
      total = page.total
      served.push(...page.results.map((s) => s.id))
      if (served.length >= total) break
    }
    expect(total).toBe(built.statements.length)
    expect(served).toEqual(built.statements.slice(0, served.length).map((s) => s.id))
  })
})
