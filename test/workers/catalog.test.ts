import { describe, expect, it } from 'vitest'
import { json, problemOf } from './helpers'

interface Page<T> {
  total: number
  limit: number
  offset: number
  results: T[]
}
interface SpeakerSummary {
  id: string
  name: string
  type: string
  role: string | null
  affiliation: string | null
  counts: { total: number; direct: number; mixed: number; indirect: number }
  relayed: number
}

describe('GET /v1/speakers', () => {
  it('lists speakers with role, affiliation and counts by kind, most statements first', async () => {
    const page = await json<Page<SpeakerSummary>>('/v1/speakers?limit=100')
    const blinken = page.results.find((s) => s.id === 'antony-blinken')
    expect(blinken).toMatchObject({
      name: 'Antony Blinken',
      type: 'person',
      role: 'US Secretary of State',
      affiliation: 'United States',
      counts: { total: 4, direct: 3, mixed: 0, indirect: 1 },
    })
    const totals = page.results.map((s) => s.counts.total)
    expect(totals).toEqual([...totals].sort((a, b) => b - a))
  })

  it('includes relaying channels with their relayed count', async () => {
    const page = await json<Page<SpeakerSummary>>('/v1/speakers?limit=100')
    expect(page.results.find((s) => s.id === 'xinhua')).toMatchObject({ relayed: 2, type: 'organization' })
  })

  it('filters by type', async () => {
    const page = await json<Page<SpeakerSummary>>('/v1/speakers?type=organization&limit=100')
    expect(page.results.length).toBeGreaterThan(0)
    for (const s of page.results) expect(s.type).toBe('organization')
  })

  it('rejects an unknown type', async () => {
    await problemOf('/v1/speakers?type=robot', 400, 'invalid_parameter')
  })

  it('searches names, aliases, roles and affiliations with q, by prefix and with typos', async () => {
    for (const q of ['blin', 'blinkn', 'secretary']) {
      const page = await json<Page<SpeakerSummary>>(`/v1/speakers?q=${q}`)
      expect(page.results[0]?.id).toBe('antony-blinken')
    }
  })

  it('answers an empty page when q matches nobody', async () => {
    const page = await json<Page<SpeakerSummary>>('/v1/speakers?q=astronaut')
    expect(page).toMatchObject({ total: 0, results: [] })
  })

  it('sorts by name with sort=name', async () => {
    const page = await json<Page<SpeakerSummary>>('/v1/speakers?sort=name&limit=100')
    const names = page.results.map((s) => s.name.toLowerCase())
    expect(names).toEqual([...names].sort())
  })

  it.each(['sort=loudest', `q=${'x'.repeat(257)}`])('rejects %s', async (q) => {
    await problemOf(`/v1/speakers?${q}`, 400, 'invalid_parameter')
  })
})

describe('GET /v1/speakers/{id}', () => {
  it('returns one speaker', async () => {
    const han = await json<SpeakerSummary>('/v1/speakers/han-zheng')
    expect(han).toMatchObject({ name: 'Han Zheng', role: 'Vice President of China', counts: { total: 4 } })
  })

  it('also finds a speaker by an unambiguous name', async () => {
    expect((await json<SpeakerSummary>('/v1/speakers/Blinken')).id).toBe('antony-blinken')
  })

  it('answers 404 with suggestions for an unknown speaker', async () => {
    const body = await problemOf('/v1/speakers/blinkne', 404, 'not_found')
    expect(body.errors?.[0]?.suggestions).toContain('antony-blinken')
  })
})

describe('GET /v1/speakers/{id}/statements', () => {
  it("lists the speaker's statements", async () => {
    const page = await json<Page<{ speakers: { id: string }[] }>>('/v1/speakers/joe-biden/statements')
    expect(page.total).toBe(2)
  })

  it('takes the same filters and pagination', async () => {
    const page = await json<Page<{ kind: string }>>('/v1/speakers/antony-blinken/statements?kind=direct&limit=2')
    expect(page.total).toBe(3)
    expect(page.results).toHaveLength(2)
  })

  it("lists a channel's relayed statements", async () => {
    const page = await json<Page<unknown>>('/v1/speakers/xinhua/statements')
    expect(page.total).toBe(2)
  })

  it('answers 404 for an unknown speaker and 400 for a bad filter', async () => {
    await problemOf('/v1/speakers/nobody/statements', 404, 'not_found')
    await problemOf('/v1/speakers/han-zheng/statements?kind=shout', 400, 'unknown_filter_value')
  })
})

describe('GET /v1/topics', () => {
  it('lists the taxonomy with counts', async () => {
    const page =
      await json<
        Page<{ id: string; label: string; code: string | null; count: number; keywords: string[]; exclude: string[] }>
      >('/v1/topics')
    // The top level of IPTC Media Topics, each with its code.
    expect(page.total).toBe(17)
    const politics = page.results.find((t) => t.id === 'politics')!
    expect(politics).toMatchObject({ label: 'politics', code: '11000000' })
    expect(politics.count).toBeGreaterThanOrEqual(1)
    expect(page.results.find((t) => t.id === 'economy-business-finance')).toMatchObject({
      code: '04000000',
      exclude: expect.arrayContaining(['Commerce Secretary']),
    })
    for (const t of page.results) {
      expect(t.code).toMatch(/^\d{2}000000$/)
      expect(t.keywords.length).toBeGreaterThan(0)
    }
  })
})

describe('GET /v1/topics/{id}/statements', () => {
  it("lists a topic's statements", async () => {
    const page = await json<Page<{ topics: string[] }>>('/v1/topics/conflict-war-peace/statements')
    expect(page.total).toBeGreaterThanOrEqual(1)
    for (const s of page.results) expect(s.topics).toContain('conflict-war-peace')
  })

  it('answers 404 for an unknown topic', async () => {
    await problemOf('/v1/topics/cooking/statements', 404, 'not_found')
  })
})

describe('GET /v1/entities', () => {
  it('lists entities with mention counts, most mentioned first', async () => {
    const page = await json<Page<{ id: string; count: number }>>('/v1/entities?limit=100')
    const counts = page.results.map((e) => e.count)
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    expect(page.results.find((e) => e.id === 'xi-jinping')!.count).toBeGreaterThanOrEqual(1)
  })

  it('can list only the entities some statement mentions', async () => {
    const page = await json<Page<{ count: number }>>('/v1/entities?mentioned=true&limit=100')
    for (const e of page.results) expect(e.count).toBeGreaterThan(0)
  })
})

describe('GET /v1/articles', () => {
  it('lists article metadata without the text', async () => {
    const page = await json<Page<Record<string, unknown>>>('/v1/articles')
    expect(page.total).toBeGreaterThanOrEqual(1)
    const seed = page.results.find((a) => a.id === 'han-blinken-unga-2023')!
    expect(seed).toMatchObject({
      publisher: null,
      published: null,
      event_date: '2023-09-18',
      credit: '(Agencies)',
      language: 'en',
    })
    expect(seed.text).toBeUndefined()
    expect(seed.statement_count).toBeGreaterThanOrEqual(15)
  })
})

describe('GET /v1/articles/{id}', () => {
  it('returns the full text with every statement and its spans', async () => {
    const article = await json<{
      text: string
      statements: { id: string; spans: { start: number; end: number }[] }[]
      paragraphs: unknown[]
    }>('/v1/articles/han-blinken-unga-2023')
    expect(article.text.startsWith('Vice president Han Zheng')).toBe(true)
    expect(article.paragraphs).toHaveLength(14)
    for (const st of article.statements) {
      for (const span of st.spans) expect(span.end).toBeLessThanOrEqual(article.text.length)
    }
  })

  it("joins a hard-wrapped article's lines into one paragraph per blank-line separated block", async () => {
    const article = await json<{ text: string; paragraphs: { start: number; end: number }[] }>(
      '/v1/articles/eastvale-library-reopens',
    )
    // A headline line, then five blocks of three lines each.
    expect(article.paragraphs).toHaveLength(6)
    expect(article.paragraphs.some((p) => article.text.slice(p.start, p.end).includes('\n'))).toBe(true)
  })

  it.each(['han-blinken-unga-2023', 'eastvale-library-reopens', 'harbour-city-comeback'])(
    'numbers each statement of %s with the paragraph that holds its spans',
    async (id) => {
      const article = await json<{ text: string; paragraphs: { start: number; end: number }[] }>(`/v1/articles/${id}`)
      const page = await json<Page<{ id: string; paragraph: number; spans: { start: number; end: number }[] }>>(
        `/v1/statements?article=${id}&limit=100`,
      )
      expect(page.total).toBeGreaterThan(0)
      for (const st of page.results) {
        const paragraph = article.paragraphs[st.paragraph - 1]
        expect(paragraph, `${st.id} is in paragraph ${st.paragraph}`).toBeDefined()
        for (const span of st.spans) {
          expect(span.start, st.id).toBeGreaterThanOrEqual(paragraph!.start)
          expect(span.end, st.id).toBeLessThanOrEqual(paragraph!.end)
        }
      }
    },
  )

  it('answers 404 for an unknown article', async () => {
    await problemOf('/v1/articles/nope', 404, 'not_found')
  })
})

describe('entities named in statements, beyond the registry', () => {
  type Entity = { id: string; name: string; type: string; registered: boolean; count: number }

  it('lists people, organizations and places recognised in the statements, with kinds, filterable by kind', async () => {
    const all = await json<Page<Entity>>('/v1/entities?limit=100')
    const byId = new Map(all.results.map((e) => [e.id, e]))
    expect(byId.get('westmoor-athletic')).toMatchObject({ type: 'organization', registered: false })
    expect(byId.get('san-francisco')).toMatchObject({ type: 'place', registered: false })
    expect(byId.get('antony-blinken')).toMatchObject({ type: 'person', registered: true })
    const places = await json<Page<Entity>>('/v1/entities?type=place&limit=100')
    expect(places.results.length).toBeGreaterThan(0)
    for (const e of places.results) expect(e.type).toBe('place')
    const recognised = await json<Page<Entity>>('/v1/entities?registered=false&limit=100')
    for (const e of recognised.results) expect(e.registered).toBe(false)
  })

  it('filters and facets statements by a recognised entity like a registered one', async () => {
    const page = await json<Page<{ entities: string[] }> & { facets: { entity: { value: string; count: number }[] } }>(
      '/v1/statements?entity=westmoor-athletic&facets=entity',
    )
    expect(page.total).toBeGreaterThan(0)
    for (const s of page.results) expect(s.entities).toContain('westmoor-athletic')
    expect(page.facets.entity.find((f) => f.value === 'westmoor-athletic')?.count).toBe(page.total)
    // By name too, case-insensitively.
    expect((await json<Page<unknown>>('/v1/statements?entity=Westmoor%20Athletic')).total).toBe(page.total)
  })
})
