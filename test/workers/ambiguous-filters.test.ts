/** Filter values that name several things in part: a surname two speakers share, a word of two topics. */
import { describe, expect, it } from 'vitest'
import { createApi } from '../../src/api'
import { resolveFilters } from '../../src/search/filter'
import type { Speaker, Statement } from '../../src/types'
import { statementOf, storeOf } from './inline-store'

const DONALD: Speaker = { id: 'donald-trump', name: 'Donald Trump', type: 'person' }
const MELANIA: Speaker = { id: 'melania-trump', name: 'Melania Trump', type: 'person' }
const BLINKEN: Speaker = { id: 'antony-blinken', name: 'Antony Blinken', type: 'person' }

const said = (id: string, speaker: Speaker, fields: Partial<Statement> = {}) =>
  statementOf({ id, content: `Words ${id}`, kind: 'direct', speakers: [speaker], ...fields })

const store = storeOf(
  [
    said('d1', DONALD, { topics: ['china-us-relations'], entities: ['donald-trump'] }),
    said('d2', DONALD, { topics: ['us-russia-relations'], entities: ['eric-trump'] }),
    said('d3', DONALD, { entities: ['donald-trump'] }),
    said('m1', MELANIA, { source: 'the first lady' }),
    said('b1', BLINKEN, { topics: ['china-us-relations'] }),
  ],
  {
    topics: [
      { id: 'china-us-relations', label: 'China–US relations', keywords: [] },
      { id: 'us-russia-relations', label: 'US–Russia relations', keywords: [] },
    ],
    entities: [
      { id: 'donald-trump', name: 'Donald Trump', type: 'person', aliases: ['President Trump'] },
      { id: 'eric-trump', name: 'Eric Trump', type: 'person', aliases: [] },
    ],
  },
)
const api = createApi({ ok: true, store })

describe('resolveFilters', () => {
  describe('when a value names one speaker in full', () => {
    it.each(['donald-trump', 'Donald Trump', 'DONALD TRUMP', 'the first lady'])('selects that one for %s', (value) => {
      const { filters, errors } = resolveFilters(store, { speaker: [value] })
      expect(errors).toEqual([])
      expect(filters.speaker?.size).toBe(1)
    })
  })

  describe('when a surname is one speaker’s alone', () => {
    it('selects that speaker', () => {
      expect([...resolveFilters(store, { speaker: ['blinken'] }).filters.speaker!]).toEqual(['antony-blinken'])
    })
  })

  describe('when a surname is shared', () => {
    it('reports the value as ambiguous, with every candidate and its statement count, most first', () => {
      const { errors } = resolveFilters(store, { speaker: ['Trump'] })
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatchObject({
        parameter: 'speaker',
        value: 'Trump',
        reason: 'ambiguous',
        suggestions: ['donald-trump', 'melania-trump'],
        candidates: [
          { id: 'donald-trump', name: 'Donald Trump', count: 3 },
          { id: 'melania-trump', name: 'Melania Trump', count: 1 },
        ],
      })
    })

    it('does the same for entities', () => {
      const { errors } = resolveFilters(store, { entity: ['trump'] })
      expect(errors[0]?.reason).toBe('ambiguous')
      expect(errors[0]?.candidates).toEqual([
        { id: 'donald-trump', name: 'Donald Trump', count: 2 },
        { id: 'eric-trump', name: 'Eric Trump', count: 1 },
      ])
    })

    it('still selects an entity named by its alias in full', () => {
      expect([...resolveFilters(store, { entity: ['president trump'] }).filters.entity!]).toEqual(['donald-trump'])
    })
  })

  describe('when a word is in several topic labels', () => {
    it('reports the value as ambiguous', () => {
      const { errors } = resolveFilters(store, { topic: ['relations'] })
      expect(errors[0]?.reason).toBe('ambiguous')
      expect(errors[0]?.suggestions).toEqual(['china-us-relations', 'us-russia-relations'])
    })

    it('selects the one topic a word of one label names', () => {
      expect([...resolveFilters(store, { topic: ['russia'] }).filters.topic!]).toEqual(['us-russia-relations'])
    })
  })

  describe('when a value names nothing', () => {
    it('reports it as unknown, not ambiguous', () => {
      expect(resolveFilters(store, { speaker: ['nobody'] }).errors[0]?.reason).toBe('unknown')
    })
  })
})

describe('GET /v1/statements with an ambiguous filter value', () => {
  const problemOf = async (path: string) => {
    const res = await api.request(path)
    expect(res.status).toBe(400)
    expect(res.headers.get('Content-Type')).toContain('application/problem+json')
    return (await res.json()) as {
      code: string
      errors: { parameter: string; suggestions?: string[]; candidates?: { id: string; count: number }[] }[]
    }
  }

  it('answers 400 ambiguous_filter_value listing the candidates with their counts', async () => {
    const body = await problemOf('/v1/statements?speaker=Trump')
    expect(body.code).toBe('ambiguous_filter_value')
    expect(body.errors[0]?.parameter).toBe('speaker')
    expect(body.errors[0]?.candidates?.map((c) => [c.id, c.count])).toEqual([
      ['donald-trump', 3],
      ['melania-trump', 1],
    ])
  })

  it('answers the same for an inline filter in q, naming q', async () => {
    const body = await problemOf('/v1/search?q=words+speaker:trump')
    expect(body.code).toBe('ambiguous_filter_value')
    expect(body.errors[0]?.parameter).toBe('q')
  })

  it('answers unknown_filter_value when any value names nothing', async () => {
    expect((await problemOf('/v1/statements?speaker=Trump&topic=cheese')).code).toBe('unknown_filter_value')
  })

  it('selects the one speaker a full name names', async () => {
    const res = await api.request('/v1/statements?speaker=melania+trump')
    expect(res.status).toBe(200)
    const page = (await res.json()) as { results: { id: string }[] }
    expect(page.results.map((s) => s.id)).toEqual(['m1'])
  })
})
