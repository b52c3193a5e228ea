import { describe, expect, it } from 'vitest'
import { call, json, problemOf } from './helpers'

interface Statement {
  id: string
  article: string
  kind: string
  speakers: { id: string; name: string; type: string }[]
  via: { id: string; name: string } | null
  content: string
  text: string
  spans: { start: number; end: number }[]
  sentence: number
  topics: string[]
  entities: string[]
}
interface Page<T = Statement> {
  total: number
  limit: number
  offset: number
  results: T[]
  facets?: Record<string, { value: string; label: string; count: number }[]>
}

/** The seed article; the test corpus adds articles that never mention its speakers. */
const SEED = 'han-blinken-unga-2023'
const all = () => json<Page>('/v1/statements?limit=100')
const speakerIds = (page: Page) => page.results.map((s) => s.speakers.map((p) => p.id).join('+'))

describe('GET /v1/statements', () => {
  it('lists every statement in article order, narration included', async () => {
    const page = await all()
    const articles = await json<Page<{ id: string; statement_count: number }>>('/v1/articles?limit=100')
    expect(page.total).toBe(page.results.length)
    expect(page.total).toBe(articles.results.reduce((n, a) => n + a.statement_count, 0))
    // Article order: the articles' blocks in the order /v1/articles lists them, sentences ascending in each.
    const blocks = page.results.map((s) => s.article).filter((id, i, ids) => id !== ids[i - 1])
    expect(blocks).toEqual(articles.results.filter((a) => a.statement_count > 0).map((a) => a.id))
    for (const id of blocks) {
      const sentences = page.results.filter((s) => s.article === id).map((s) => s.sentence)
      expect(sentences, id).toEqual([...sentences].sort((a, b) => a - b))
    }
    expect(page.results.some((s) => s.kind === 'narration')).toBe(true)
  })

  it('gives ids that are unique and URL-safe', async () => {
    const ids = (await all()).results.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/)
  })

  it('pages with limit and offset, defaulting to 20 from 0', async () => {
    const first = await json<Page>('/v1/statements')
    expect(first.limit).toBe(20)
    expect(first.offset).toBe(0)
    expect(first.results).toHaveLength(Math.min(20, first.total))
    const second = await json<Page>('/v1/statements?limit=5&offset=10')
    const everything = await all()
    expect(second.results.map((s) => s.id)).toEqual(everything.results.slice(10, 15).map((s) => s.id))
  })

  it('gives a last page shorter than the limit', async () => {
    const total = (await all()).total
    const last = await json<Page>(`/v1/statements?limit=5&offset=${total - 2}`)
    expect(last.results).toHaveLength(2)
  })

  it('returns an empty page, not an error, past the end', async () => {
    const page = await json<Page>('/v1/statements?offset=1000')
    expect(page.results).toEqual([])
    expect(page.total).toBeGreaterThan(0)
  })

  describe('filters', () => {
    it('speaker=blinken gives exactly the 4 statements attributed to Antony Blinken', async () => {
      const page = await json<Page>('/v1/statements?speaker=blinken')
      expect(page.total).toBe(4)
      for (const s of page.results) expect(s.speakers.map((p) => p.id)).toContain('antony-blinken')
    })

    it.each(['antony-blinken', 'Antony Blinken', 'BLINKEN', "America's top diplomat"])(
      'names a speaker case-insensitively by id, name or alias: %s',
      async (value) => {
        const page = await json<Page>(`/v1/statements?speaker=${encodeURIComponent(value)}`)
        expect(page.total).toBe(4)
      },
    )

    it("kind=direct gives the seed article's 3 direct quotes, all by Blinken", async () => {
      const page = await json<Page>(`/v1/statements?kind=direct&article=${SEED}`)
      expect(page.total).toBe(3)
      expect(new Set(speakerIds(page))).toEqual(new Set(['antony-blinken']))
    })

    it("kind=mixed gives the seed article's State Department and Biden partial quotes", async () => {
      const page = await json<Page>(`/v1/statements?kind=mixed&article=${SEED}`)
      expect(speakerIds(page).sort()).toEqual(['joe-biden', 'us-state-department'])
    })

    it('via=xinhua gives the 2 statements relayed by Xinhua, both Han Zheng', async () => {
      const page = await json<Page>('/v1/statements?via=xinhua')
      expect(page.total).toBe(2)
      for (const s of page.results) {
        expect(s.via?.id).toBe('xinhua')
        expect(s.speakers.map((p) => p.id)).toEqual(['han-zheng'])
      }
    })

    it('resolves "the department" to the US State Department', async () => {
      const page = await json<Page>('/v1/statements?speaker=us-state-department')
      expect(page.total).toBe(2)
    })

    it('ORs repeated and comma-separated values of one parameter', async () => {
      const repeated = await json<Page>(`/v1/statements?kind=direct&kind=mixed&article=${SEED}`)
      const commas = await json<Page>(`/v1/statements?kind=direct,mixed&article=${SEED}`)
      expect(repeated.total).toBe(5)
      expect(commas.results.map((s) => s.id)).toEqual(repeated.results.map((s) => s.id))
    })

    it('ANDs different parameters', async () => {
      const page = await json<Page>('/v1/statements?speaker=han&kind=indirect&via=xinhua')
      expect(page.total).toBe(2)
      const none = await json<Page>('/v1/statements?speaker=blinken&via=xinhua')
      expect(none.total).toBe(0)
      expect(none.results).toEqual([])
    })

    it('filters by topic id or a word of its label', async () => {
      const byId = await json<Page>('/v1/statements?topic=conflict-war-peace')
      const byLabel = await json<Page>('/v1/statements?topic=Conflict')
      expect(byId.total).toBeGreaterThanOrEqual(1)
      expect(byLabel.total).toBe(byId.total)
      for (const s of byId.results) expect(s.topics).toContain('conflict-war-peace')
    })

    it("filters by a topic's IPTC code, the one exact name of a label with commas in it", async () => {
      const byId = await json<Page>('/v1/statements?topic=conflict-war-peace')
      const byCode = await json<Page>('/v1/statements?topic=16000000')
      expect(byCode.total).toBe(byId.total)
      expect(byCode.results.map((s) => s.id)).toEqual(byId.results.map((s) => s.id))
    })

    it('filters by entity mentioned in the content', async () => {
      const page = await json<Page>('/v1/statements?entity=xi')
      expect(page.total).toBeGreaterThanOrEqual(1)
      for (const s of page.results) expect(s.entities).toContain('xi-jinping')
    })

    it('filters by article', async () => {
      const page = await json<Page>(`/v1/statements?article=${SEED}&limit=100`)
      const article = await json<{ statements: { id: string }[] }>(`/v1/articles/${SEED}`)
      expect(page.results.map((s) => s.id)).toEqual(article.statements.map((s) => s.id))
      for (const s of page.results) expect(s.article).toBe(SEED)
      expect(page.total).toBeLessThan((await all()).total)
    })

    it('answers 400 with up to 3 suggestions for an unknown value', async () => {
      const body = await problemOf('/v1/statements?speaker=blinkn', 400, 'unknown_filter_value')
      expect(body.errors?.[0]?.parameter).toBe('speaker')
      expect(body.errors?.[0]?.suggestions).toContain('antony-blinken')
      expect(body.errors?.[0]?.suggestions?.length).toBeLessThanOrEqual(3)
    })

    it.each(['kind=quote', 'topic=cheese', 'entity=nobody-at-all', 'article=nope', 'via=reuters-xyz'])(
      'answers 400 naming the parameter for %s',
      async (q) => {
        const body = await problemOf(`/v1/statements?${q}`, 400, 'unknown_filter_value')
        expect(body.errors?.[0]?.parameter).toBe(q.split('=')[0])
      },
    )
  })

  describe('facets', () => {
    it('counts over the whole matching set, not the page', async () => {
      const page = await json<Page>(`/v1/statements?limit=1&facets=speaker,kind&article=${SEED}`)
      expect(page.results).toHaveLength(1)
      const kinds = Object.fromEntries(page.facets!.kind!.map((f) => [f.value, f.count]))
      expect(kinds.direct).toBe(3)
      expect(kinds.mixed).toBe(2)
      expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(page.total)
      expect(page.facets!.speaker).toContainEqual({ value: 'antony-blinken', label: 'Antony Blinken', count: 4 })
    })

    it('respects the filters', async () => {
      const page = await json<Page>('/v1/statements?speaker=blinken&facets=kind')
      expect(page.facets!.kind).toEqual([
        { value: 'direct', label: 'direct', count: 3 },
        { value: 'indirect', label: 'indirect', count: 1 },
      ])
    })

    it('accepts every facet name', async () => {
      const page = await json<Page>('/v1/statements?facets=speaker,kind,topic,entity,article,via')
      expect(Object.keys(page.facets!).sort()).toEqual(['article', 'entity', 'kind', 'speaker', 'topic', 'via'])
      expect(page.facets!.via).toEqual([{ value: 'xinhua', label: 'Xinhua News Agency', count: 2 }])
    })

    it('rejects an unknown facet', async () => {
      const body = await problemOf('/v1/statements?facets=speaker,colour', 400, 'invalid_parameter')
      expect(body.errors?.[0]?.parameter).toBe('facets')
    })
  })

  describe('invalid input', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=2.5', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1e309', 'limit'],
      ['limit=', 'limit'],
      ['offset=1001', 'offset'],
      ['offset=-5', 'offset'],
    ])('answers 400 for %s', async (q, parameter) => {
      const body = await problemOf(`/v1/statements?${q}`, 400, 'invalid_parameter')
      expect(body.errors?.map((e) => e.parameter)).toContain(parameter)
    })

    it('answers 400 listing the valid parameters for an unknown one', async () => {
      const body = await problemOf('/v1/statements?spaeker=blinken', 400, 'unknown_parameter')
      expect(body.errors?.[0]?.parameter).toBe('spaeker')
      expect(body.errors?.[0]?.message).toMatch(/valid parameters: .*speaker/)
    })

    it('answers 400 for a scalar parameter given twice', async () => {
      const body = await problemOf('/v1/statements?limit=5&limit=6', 400, 'repeated_parameter')
      expect(body.errors?.[0]?.parameter).toBe('limit')
    })
  })
})

describe('GET /v1/statements/{id}', () => {
  it('returns one statement whose spans slice the article text', async () => {
    const page = await json<Page>('/v1/statements?kind=mixed&limit=1')
    const id = page.results[0]!.id
    const statement = await json<Statement>(`/v1/statements/${id}`)
    expect(statement.id).toBe(id)
    const article = await json<{ text: string }>(`/v1/articles/${statement.article}`)
    const pieces = statement.spans.map((s) => article.text.slice(s.start, s.end))
    expect(pieces.join(' ')).toBe(statement.content)
  })

  it('answers 404 problem+json for an unknown id', async () => {
    await problemOf('/v1/statements/no-such-statement', 404, 'not_found')
  })

  it('answers 405 with Allow for another method', async () => {
    const res = await call('/v1/statements/anything', { method: 'DELETE' })
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toMatch(/GET/)
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect((await res.json<{ code: string }>()).code).toBe('method_not_allowed')
  })
})
