import { describe, expect, it } from 'vitest'
import { json, problemOf } from './helpers'

interface Hit {
  id: string
  kind: string
  content: string
  text: string
  date: string | null
  sentence: number
  speakers: { id: string }[]
  score: number
  highlights: { field: 'content' | 'text'; start: number; end: number }[]
  snippet: string
  content_html?: string
  text_html?: string
  explain?: {
    fields: Record<string, string[]>
    clauses: { clause: string; score: number; expansions: { query: string; matched: string; how: string }[] }[]
    score: number
  }
}
interface Page {
  total: number
  relaxed: boolean
  notice?: string
  results: Hit[]
}

const search = (q: string, extra = '') => json<Page>(`/v1/search?q=${encodeURIComponent(q)}${extra}`)
const contents = (page: Page) => page.results.map((r) => r.content)

describe('GET /v1/search query language', () => {
  describe('matching', () => {
    it('ANDs words by default and ORs them with match=any', async () => {
      const all = await search('candid halfway')
      const any = await search('candid halfway', '&match=any')
      expect(all.relaxed).toBe(true)
      expect(any.relaxed).toBe(false)
      expect(any.total).toBe(2)
      const both = await search('candid discussion')
      expect(both).toMatchObject({ total: 1, relaxed: false })
    })

    it('offers the OR results, flagged relaxed, when AND finds nothing', async () => {
      const page = await search('halfway Taiwan')
      expect(page.total).toBe(2)
      expect(page.relaxed).toBe(true)
      expect(page.notice).toMatch(/match some/)
    })

    it('does not relax with match=any or a single word', async () => {
      expect((await search('zeppelin')).relaxed).toBe(false)
    })

    it('verifies a phrase in word order', async () => {
      const page = await search('"open lines of communication"')
      expect(page.total).toBe(1)
      expect((await search('"communication of lines open"')).total).toBe(0)
    })

    it('excludes words and phrases', async () => {
      const withWord = await search('United States')
      const without = await search('United States -committed')
      expect(without.total).toBe(withWord.total - 1)
      expect(contents(without).some((c) => c.includes('committed'))).toBe(false)
      const withoutPhrase = await search('United States -"doing just that"')
      expect(withoutPhrase.total).toBe(withWord.total - 1)
    })

    it('treats the last word as a prefix', async () => {
      expect((await search('Taiw')).total).toBe(1)
      expect((await search('Taiw ')).total).toBe(0)
    })

    it('ranks exact matches above fuzzy ones', async () => {
      // "talks" is exact in several statements; "tasks" (1 edit) is not in the corpus at all.
      const page = await search('talks')
      expect(page.results[0]!.text.toLowerCase()).toContain('talks')
    })

    it('finds Group of 20 by G20 and the reverse', async () => {
      expect(contents(await search('G20'))[0]).toMatch(/Group of 20/)
      expect(contents(await search('"Group of 20"'))[0]).toMatch(/Group of 20/)
    })

    it('folds case, diacritics and curly apostrophes', async () => {
      const a = await search('CHINA’S DÉVELOPMENT')
      const b = await search("china's development")
      expect(a.results[0]?.id).toBe(b.results[0]?.id)
      expect(a.total).toBeGreaterThan(0)
    })

    it('stems light English forms: hopes finds hoped', async () => {
      const page = await search('hopes', '&limit=100')
      expect(contents(page).some((c) => c.includes('he hoped'))).toBe(true)
    })

    it('applies inline field filters like the parameters', async () => {
      const inline = await search('speaker:blinken kind:direct')
      const params = await json<Page>('/v1/search?q=kind:direct&speaker=blinken')
      expect(inline.total).toBe(3)
      expect(params.total).toBe(3)
    })

    it('answers 400 naming q for an unknown inline filter value', async () => {
      const body = await problemOf(
        `/v1/search?q=${encodeURIComponent('speaker:nobodyxyz talks')}`,
        400,
        'unknown_filter_value',
      )
      expect(body.errors?.[0]?.parameter).toBe('q')
    })

    it('tolerates unbalanced quotes and stray punctuation', async () => {
      for (const q of ['"open lines', 'candid"', '- -', '"""', 'speaker:', '((talks))', '-']) {
        const page = await search(q)
        expect(page.total).toBeGreaterThanOrEqual(0)
      }
    })

    it('looks for a query of stop words only as a phrase, instead of matching everything', async () => {
      const page = await search('the')
      const all = await json<Page>('/v1/statements?limit=1')
      expect(page.total).toBeLessThan(all.total)
      expect((await search('as well as')).results[0]?.content).toMatch(/as well as/)
      expect((await search('from the')).total).toBeGreaterThan(0)
      expect((await search('of but')).total).toBe(0)
    })

    it('reads a lower-case acronym in a query as the acronym ("us" as US)', async () => {
      const page = await search('what did the us say')
      expect(page.total).toBeGreaterThan(0)
      expect(page.results[0]!.content + page.results[0]!.text).toMatch(/US|United States/)
    })

    it('rejects more than 4 phrases', async () => {
      await problemOf(`/v1/search?q=${encodeURIComponent('"a b" "c d" "e f" "g h" "i j"')}`, 400, 'query_too_long')
    })
  })

  describe('results', () => {
    it('gives highlight offsets into content and text', async () => {
      const page = await search('face-to-face diplomacy')
      const hit = page.results[0]!
      const marked = hit.highlights.filter((h) => h.field === 'content').map((h) => hit.content.slice(h.start, h.end))
      expect(marked).toEqual(['face-to-face', 'diplomacy'])
      for (const h of hit.highlights.filter((x) => x.field === 'text'))
        expect(hit.text.slice(h.start, h.end)).toMatch(/face-to-face|diplomacy/)
    })

    it('highlights a phrase as one range', async () => {
      const hit = (await search('"candid and constructive"')).results[0]!
      const marked = hit.highlights.filter((h) => h.field === 'content').map((h) => hit.content.slice(h.start, h.end))
      expect(marked).toEqual(['candid and constructive'])
    })

    it('returns escaped HTML with <mark> on highlight=html', async () => {
      const hit = (await search('candid', '&highlight=html')).results[0]!
      expect(hit.content_html).toContain('<mark>candid</mark>')
      expect(hit.content_html).toContain('&quot;')
      expect(hit.content_html).not.toMatch(/<(?!\/?mark>)/)
      expect(hit.text_html).toContain('<mark>candid</mark>')
    })

    it('leaves HTML out unless asked', async () => {
      expect((await search('candid')).results[0]!.content_html).toBeUndefined()
    })

    it('crops a snippet to about 30 words around the match', async () => {
      const hit = (await search('mutually beneficial cooperation')).results[0]!
      expect(hit.content.split(' ').length).toBeGreaterThan(30)
      expect(hit.snippet).toMatch(/…$/)
      expect(hit.snippet).toContain('cooperation')
      expect(hit.snippet.replace(/…/g, '').trim().split(/\s+/).length).toBeLessThanOrEqual(32)
    })

    it('explains matches, expansions and score parts on explain=true', async () => {
      const hit = (await search('diplomcy', '&explain=true')).results[0]!
      expect(hit.explain!.clauses[0]!.expansions[0]).toMatchObject({ query: 'diplomcy', how: 'fuzzy' })
      expect(hit.explain!.clauses[0]!.score).toBeCloseTo(hit.score, 2)
      expect(Object.keys(hit.explain!.fields)).toContain('content')
      const prefix = (await search('Taiw', '&explain=true')).results[0]!
      expect(prefix.explain!.clauses[0]!.expansions.some((e) => e.how === 'prefix')).toBe(true)
      const synonym = (await search('G20', '&explain=true')).results[0]!
      expect(synonym.explain!.clauses[0]!.expansions.some((e) => e.how === 'synonym')).toBe(true)
    })
  })

  describe('sort', () => {
    it('sorts by relevance by default', async () => {
      const scores = (await search('relations')).results.map((r) => r.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
    })

    it.each([
      ['position', 1],
      ['position:asc', 1],
      ['position:desc', -1],
    ])('sorts by %s', async (sort, dir) => {
      const sentences = (await search('United States', `&sort=${sort}`)).results.map((r) => r.sentence)
      expect(sentences).toEqual([...sentences].sort((a, b) => dir * (a - b)))
    })

    it('sorts by date', async () => {
      const page = await search('United States', '&sort=date')
      expect(page.total).toBeGreaterThan(0)
      for (const r of page.results) expect(r.date).toBe('2023-09-18')
    })

    it('rejects an unknown sort', async () => {
      const body = await problemOf('/v1/search?q=talks&sort=loudness', 400, 'invalid_parameter')
      expect(body.errors?.[0]?.parameter).toBe('sort')
    })
  })
})

describe('GET /v1/suggest', () => {
  interface Suggestions {
    suggestions: { text: string; type: string; id?: string; count: number }[]
  }

  it('completes a speaker name from a few letters', async () => {
    const body = await json<Suggestions>('/v1/suggest?q=blin')
    expect(body.suggestions[0]).toMatchObject({ text: 'Antony Blinken', type: 'speaker', id: 'antony-blinken' })
  })

  it('mixes terms, phrases, speakers and topics, at most 10', async () => {
    const body = await json<Suggestions>('/v1/suggest?q=t')
    expect(body.suggestions.length).toBeLessThanOrEqual(10)
    const types = new Set((await json<Suggestions>('/v1/suggest?q=ta')).suggestions.map((s) => s.type))
    expect(types.size).toBeGreaterThan(1)
  })

  it('completes the last word after the words already typed', async () => {
    const body = await json<Suggestions>('/v1/suggest?q=face-to-face%20diplo')
    expect(body.suggestions.map((s) => s.text)).toContain('face-to-face diplomacy')
  })

  it('suggests topics', async () => {
    const body = await json<Suggestions>('/v1/suggest?q=polit')
    expect(body.suggestions.some((s) => s.type === 'topic' && s.id === 'politics')).toBe(true)
  })

  it('honours limit and rejects a missing q', async () => {
    expect((await json<Suggestions>('/v1/suggest?q=t&limit=2')).suggestions).toHaveLength(2)
    await problemOf('/v1/suggest', 400, 'invalid_parameter')
    await problemOf('/v1/suggest?q=t&limit=11', 400, 'invalid_parameter')
  })

  it('returns nothing for a prefix nothing starts with', async () => {
    expect((await json<Suggestions>('/v1/suggest?q=zzzq')).suggestions).toEqual([])
  })
})

describe('GET /v1/statements/{id}/similar', () => {
  it('returns statements like this one, never itself, same speaker first among equals', async () => {
    const first = (await search('responsibly manage')).results[0]!
    const page = await json<{ total: number; results: { id: string; speakers: { id: string }[]; score: number }[] }>(
      `/v1/statements/${first.id}/similar`,
    )
    expect(page.total).toBeGreaterThan(0)
    expect(page.results.map((r) => r.id)).not.toContain(first.id)
    // Blinken's other quote about the United States shares the most distinctive words.
    expect(page.results[0]!.speakers.map((s) => s.id)).toContain('antony-blinken')
  })

  it('answers 404 for an unknown id', async () => {
    await problemOf('/v1/statements/nope/similar', 404, 'not_found')
  })
})
