import { describe, expect, it } from 'vitest'
import { json, problemOf } from './helpers'

interface Hit {
  id: string
  kind: string
  content: string
  speakers: { id: string }[]
  score: number
  matches: Record<string, string[]>
}
interface Page {
  total: number
  limit: number
  offset: number
  results: Hit[]
  facets?: Record<string, { value: string; count: number }[]>
}

const search = (q: string, extra = '') => json<Page>(`/v1/search?q=${encodeURIComponent(q)}${extra}`)

describe('GET /v1/search', () => {
  it('ranks the statement that says the words first', async () => {
    // Only Blinken's third quote speaks of face-to-face diplomacy.
    const page = await search('face-to-face diplomacy')
    expect(page.results[0]?.content).toMatch(/face-to-face diplomacy/)
    expect(page.results[0]?.speakers.map((s) => s.id)).toEqual(['antony-blinken'])
  })

  it('returns scores in descending order and the matched terms', async () => {
    const page = await search('relationship')
    expect(page.total).toBeGreaterThan(1)
    const scores = page.results.map((r) => r.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    expect(Object.keys(page.results[0]!.matches).length).toBeGreaterThan(0)
  })

  it('ranks statements by a speaker the query names above statements about them', async () => {
    // whosaid answers who said what: "Han" first finds what Han Zheng said, then what was said of him.
    const page = await search('Han')
    expect(page.results[0]?.speakers.map((s) => s.id)).toContain('han-zheng')
    expect(page.results.some((r) => r.kind === 'narration' && r.content.includes('Han'))).toBe(true)
  })

  it('ranks what a speaker said first when the query asks for it', async () => {
    // "what did blinken say": three narration sentences name Blinken, but his own quotes come first.
    const page = await search('what did blinken say')
    expect(page.results.slice(0, 3).map((r) => r.kind)).toEqual(['direct', 'direct', 'direct'])
  })

  it('requires every word by default', async () => {
    const page = await search('candid constructive')
    expect(page.total).toBe(1)
    expect(page.results[0]?.content).toMatch(/candid and constructive/)
  })

  it('tolerates a typo in a long word', async () => {
    // "diplomcy" is one edit from "diplomacy".
    const page = await search('diplomcy')
    expect(page.results[0]?.content).toMatch(/diplomacy/)
  })

  it('matches the last word as a prefix, for search as you type', async () => {
    const page = await search('Taiw')
    expect(page.results[0]?.content).toMatch(/Taiwan/)
  })

  it('finds a speaker by alias', async () => {
    const page = await search('top diplomat', '&kind=direct')
    expect(page.total).toBe(3)
  })

  it('combines the query with filters', async () => {
    const page = await search('United States', '&speaker=blinken&kind=direct')
    expect(page.total).toBeGreaterThanOrEqual(1)
    for (const r of page.results) expect(r.speakers.map((s) => s.id)).toContain('antony-blinken')
  })

  it('counts facets over all hits', async () => {
    const page = await search('United States', '&limit=1&facets=speaker,kind')
    const total = page.facets!.kind!.reduce((a, f) => a + f.count, 0)
    expect(total).toBe(page.total)
  })

  it('answers an empty result, not an error, when nothing matches', async () => {
    const page = await search('zeppelin')
    expect(page).toMatchObject({ total: 0, results: [] })
  })

  describe('invalid input', () => {
    it('answers 400 when q is missing', async () => {
      const body = await problemOf('/v1/search', 400, 'invalid_parameter')
      expect(body.errors?.[0]?.parameter).toBe('q')
    })

    it.each(['', '%20%20'])('answers 400 when q is empty: "%s"', async (q) => {
      const body = await problemOf(`/v1/search?q=${q}`, 400, 'invalid_parameter')
      expect(body.errors?.[0]?.parameter).toBe('q')
    })

    it('answers 400 when q is over 256 characters', async () => {
      const body = await problemOf(`/v1/search?q=${'a'.repeat(257)}`, 400, 'query_too_long')
      expect(body.errors?.[0]?.parameter).toBe('q')
    })

    it('accepts q of exactly 256 characters', async () => {
      await json(`/v1/search?q=${'a'.repeat(256)}`)
    })

    it('answers 400 when q has more than 12 terms', async () => {
      const q = Array.from({ length: 13 }, (_, i) => `word${i}`).join('+')
      const body = await problemOf(`/v1/search?q=${q}`, 400, 'query_too_long')
      expect(body.errors?.[0]?.message).toMatch(/12 terms/)
    })

    it('answers 400 for an unknown parameter', async () => {
      await problemOf('/v1/search?q=talks&order=score', 400, 'unknown_parameter')
    })

    it('answers 400 for an unknown filter value', async () => {
      await problemOf('/v1/search?q=talks&speaker=nobody-known', 400, 'unknown_filter_value')
    })
  })
})
