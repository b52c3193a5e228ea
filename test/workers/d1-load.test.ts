/** The load into D1 is idempotent and incremental: only new, changed and removed articles are written. */
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Corpus } from '../../src/search/corpus'
import { planLoad } from '../../src/search/d1/plan'
import { corpusRows } from '../../src/search/d1/rows'
import { existingState, loadCorpus, seedD1, TEST_CORPUS } from './d1-seed'

beforeAll(seedD1)

async function statementRows() {
  const { results } = await env.DB.prepare('SELECT id, pos, article FROM statements ORDER BY pos').all<{
    id: string
    pos: number
    article: string
  }>()
  return results
}

async function count(sql: string): Promise<number> {
  return (await env.DB.prepare(sql).first<{ n: number }>())?.n ?? -1
}

const expected = (corpus: Corpus) => corpus.statements.map((s, pos) => ({ id: s.id, pos, article: s.article }))

describe('npm run d1:load', () => {
  it('loaded every statement, its FTS row and its links', async () => {
    expect(await statementRows()).toEqual(expected(TEST_CORPUS))
    expect(await count('SELECT count(*) AS n FROM statements_fts')).toBe(TEST_CORPUS.statements.length)
    const links = TEST_CORPUS.statements.reduce((n, s) => n + new Set(s.speakers.map((x) => x.id)).size, 0)
    expect(await count('SELECT count(*) AS n FROM statement_speakers')).toBe(links)
  })

  it('writes nothing when the database holds the build already', async () => {
    const { existing, build } = await existingState(env.DB)
    const plan = planLoad(corpusRows(TEST_CORPUS), existing, build)
    expect(plan).toMatchObject({ needed: false, added: 0, changed: 0, removed: 0, moved: 0 })
    expect(plan.writes).toEqual([])
  })

  it('rewrites only a changed article, drops a removed one and renumbers the rest', async () => {
    const [first, second, ...rest] = TEST_CORPUS.articles
    const changedId = second!.id
    const statements = TEST_CORPUS.statements
      .filter((s) => s.article !== first!.id)
      .map((s) => (s.article === changedId && s.paragraph === 1 ? { ...s, content: `${s.content} (updated)` } : s))
    const corpus: Corpus = {
      ...TEST_CORPUS,
      build_hash: 'changed',
      articles: [second!, ...rest],
      statements,
    }
    const plan = await loadCorpus(env.DB, corpus)
    expect(plan).toMatchObject({ needed: true, added: 0, changed: 1, removed: 1, moved: rest.length })
    expect(await statementRows()).toEqual(expected(corpus))
    expect(await count('SELECT count(*) AS n FROM statements_fts')).toBe(statements.length)
    const hit = await env.DB.prepare(
      "SELECT count(*) AS n FROM statements_fts WHERE statements_fts MATCH 'updat'",
    ).first<{ n: number }>()
    expect(hit?.n).toBeGreaterThan(0)

    // Back to the test corpus: the first article returns, the changed one is rewritten again.
    const back = await loadCorpus(env.DB, TEST_CORPUS)
    expect(back).toMatchObject({ added: 1, changed: 1, removed: 0 })
    expect(await statementRows()).toEqual(expected(TEST_CORPUS))
    expect(await count("SELECT count(*) AS n FROM statements_fts WHERE statements_fts MATCH 'updat'")).toBe(0)
  })

  it('keeps every write under D1 limits: 100 bound parameters, 100 KB of SQL with values inlined', () => {
    const plan = planLoad(corpusRows(TEST_CORPUS), new Map(), null)
    for (const w of plan.writes) {
      expect(w.params.length).toBeLessThanOrEqual(100)
      const inlined = w.sql.length + w.params.reduce<number>((n, p) => n + String(p).length * 2 + 2, 0)
      expect(inlined).toBeLessThan(100_000)
    }
  })
})

describe('a load that stops half-way', () => {
  it('keeps serving the build it had, and is finished by the next run without rewriting what it wrote', async () => {
    const { existing, build } = await existingState(env.DB)
    const corpus: Corpus = { ...TEST_CORPUS, build_hash: 'next' }
    const writes = planLoad(corpusRows(corpus), existing, build).writes
    // Stop after marking the load: the catalog still reads, the build is not complete.
    await env.DB.batch(writes.slice(0, 1).map((w) => env.DB.prepare(w.sql).bind(...w.params)))
    const meta = await env.DB.prepare("SELECT value FROM meta WHERE key = 'build_hash'").first<{ value: string }>()
    expect(meta?.value).toBe(TEST_CORPUS.build_hash)
    expect((await existingState(env.DB)).build).toBeNull()
    const finished = await loadCorpus(env.DB, corpus)
    expect(finished).toMatchObject({ needed: true, added: 0, changed: 0, statements: 0 })
    expect((await existingState(env.DB)).build).toBe('next')
    await loadCorpus(env.DB, TEST_CORPUS)
  })
})
