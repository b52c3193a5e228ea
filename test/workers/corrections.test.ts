/** Editorial corrections as served: test/corpus/corrections.json sets, drops and adds statements of one article. */
import { describe, expect, it } from 'vitest'
import { json } from './helpers'

interface Statement {
  id: string
  article: string
  kind: string
  content: string
  cue: string | null
  confidence: number | null
  corrected: boolean
  speakers: { id: string; name: string; type: string; role?: string }[]
}
interface Page {
  total: number
  results: Statement[]
}

const ARTICLE = 'harbour-city-comeback'
const statementsOf = async () => (await json<Page>(`/v1/statements?article=${ARTICLE}&limit=100`)).results
const find = (list: Statement[], part: string) => list.filter((s) => s.content.includes(part))

describe('GET /v1/statements', () => {
  it('marks exactly the set and added statements corrected', async () => {
    const corrected = (await json<Page>('/v1/statements?limit=100')).results.filter((s) => s.corrected)
    const starts = ['Benali’s current contract', 'That one is on me', 'he had practised', 'she expects him']
    expect(corrected.map((s) => starts.findIndex((w) => s.content.startsWith(w))).sort()).toEqual([0, 1, 2, 3])
    for (const s of corrected) expect(s.article).toBe(ARTICLE)
  })

  it('serves a speaker an editor set with confidence 1', async () => {
    const [st] = find(await statementsOf(), 'That one is on me')
    expect(st).toMatchObject({ corrected: true, confidence: 1, speakers: [{ id: 'luis-ferreira' }] })
  })

  it('serves the kind an editor set', async () => {
    const [st] = find(await statementsOf(), 'practised the free kick')
    expect(st).toMatchObject({ kind: 'indirect', corrected: true })
  })

  it('leaves out dropped statements', async () => {
    const list = await statementsOf()
    expect(find(list, 'declined to comment on Hart')).toEqual([])
    expect(find(list, 'Moretti made clear')).toEqual([])
  })

  it('serves added statements in article order with their speaker, kind and cue', async () => {
    const list = await statementsOf()
    const [club] = find(list, 'Benali’s current contract')
    const [coach] = find(list, 'she expects him to stay')
    expect(club).toMatchObject({ kind: 'indirect', cue: 'according to', confidence: 1, corrected: true })
    expect(club!.speakers).toEqual([
      { id: 'harbour-city-fc', name: 'Harbour City FC', type: 'organization', role: 'Football club' },
    ])
    expect(coach).toMatchObject({ cue: 'made clear', speakers: [{ id: 'ines-moretti' }] })
    expect(list.indexOf(coach!)).toBe(list.indexOf(club!) + 1)
    expect(club!.id).toMatch(/^harbour-city-comeback-[0-9a-f]{10}$/)
  })

  it('filters corrected statements like any other', async () => {
    const page = await json<Page>('/v1/statements?speaker=harbour-city-fc')
    expect(page.results.map((s) => s.content)).toEqual([expect.stringMatching(/^Benali’s current contract/)])
  })
})

describe('GET /v1/speakers/{id}', () => {
  it('knows a speaker an editor added', async () => {
    const speaker = await json<{ id: string; name: string }>('/v1/speakers/harbour-city-fc')
    expect(speaker).toMatchObject({ id: 'harbour-city-fc', name: 'Harbour City FC' })
  })
})

describe('GET /v1/search', () => {
  it('finds an added statement', async () => {
    const page = await json<Page>('/v1/search?q=%22expects+him+to+stay%22')
    expect(page.results[0]).toMatchObject({ corrected: true, speakers: [{ id: 'ines-moretti' }] })
  })
})
