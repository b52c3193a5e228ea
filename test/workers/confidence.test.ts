/** The speaker confidence on every statement, and the `min_confidence` filter on every statement list and search. */
import { describe, expect, it } from 'vitest'
import { json, problemOf } from './helpers'

interface Statement {
  id: string
  kind: string
  confidence: number | null
  corrected: boolean
  speakers: { id: string }[]
}
interface Page {
  total: number
  results: Statement[]
}

const SEED = 'han-blinken-unga-2023'
const all = () => json<Page>('/v1/statements?limit=100')

/** Every path that lists statements, so the filter is checked on each. */
const LISTS = [
  '/v1/statements?limit=100',
  '/v1/search?q=relations&limit=100',
  '/v1/speakers/antony-blinken/statements?limit=100',
  '/v1/topics/politics/statements?limit=100',
]

describe('GET /v1/statements', () => {
  it('gives every statement a confidence: null for narration, 0 to 1 for the others', async () => {
    for (const s of (await all()).results) {
      if (s.kind === 'narration') expect(s.confidence, s.id).toBeNull()
      else {
        expect(s.confidence, s.id).toBeGreaterThanOrEqual(0)
        expect(s.confidence, s.id).toBeLessThanOrEqual(1)
      }
      expect(typeof s.corrected).toBe('boolean')
    }
  })

  it('min_confidence=0.8 keeps exactly the statements at or above 0.8', async () => {
    const everything = (await all()).results
    const page = await json<Page>('/v1/statements?limit=100&min_confidence=0.8')
    expect(page.results.map((s) => s.id)).toEqual(
      everything.filter((s) => s.confidence !== null && s.confidence >= 0.8).map((s) => s.id),
    )
    // The seed has pronouns far from their antecedents ("he would get to see him"), so something is left out.
    expect(page.total).toBeGreaterThan(0)
    expect(page.total).toBeLessThan(everything.filter((s) => s.kind !== 'narration').length)
  })

  it('min_confidence=0 keeps every attributed statement and leaves out narration', async () => {
    const page = await json<Page>('/v1/statements?limit=100&min_confidence=0')
    const everything = (await all()).results
    expect(page.total).toBe(everything.filter((s) => s.kind !== 'narration').length)
  })

  it('min_confidence=1 keeps only statements the extractor or an editor is certain of', async () => {
    const page = await json<Page>('/v1/statements?limit=100&min_confidence=1')
    for (const s of page.results) expect(s.confidence).toBe(1)
  })

  it('ANDs min_confidence with the other filters', async () => {
    const page = await json<Page>(`/v1/statements?article=${SEED}&speaker=blinken&min_confidence=0.9`)
    const blinken = await json<Page>(`/v1/statements?article=${SEED}&speaker=blinken`)
    expect(page.results.map((s) => s.id)).toEqual(blinken.results.filter((s) => s.confidence! >= 0.9).map((s) => s.id))
    // "he said" three sentences after Blinken is named scores below a named "Blinken said".
    expect(page.total).toBeLessThan(blinken.total)
  })

  describe('invalid input', () => {
    it.each(['-0.1', '1.5', '2', 'abc', '0.5,0.6', '1e-1', '', 'NaN', '0x1', '.'])(
      'answers 400 invalid_parameter naming min_confidence for %j',
      async (value) => {
        const body = await problemOf(
          `/v1/statements?min_confidence=${encodeURIComponent(value)}`,
          400,
          'invalid_parameter',
        )
        expect(body.errors?.map((e) => e.parameter)).toContain('min_confidence')
      },
    )

    it('answers 400 repeated_parameter when min_confidence is given twice', async () => {
      const body = await problemOf('/v1/statements?min_confidence=0.1&min_confidence=0.2', 400, 'repeated_parameter')
      expect(body.errors?.[0]?.parameter).toBe('min_confidence')
    })
  })
})

describe('GET /v1/search', () => {
  it('min_confidence keeps only results at or above it', async () => {
    const page = await json<Page>('/v1/search?q=relations&limit=100&min_confidence=0.5')
    const everything = await json<Page>('/v1/search?q=relations&limit=100')
    expect(page.results.map((s) => s.id)).toEqual(
      everything.results.filter((s) => s.confidence !== null && s.confidence >= 0.5).map((s) => s.id),
    )
  })

  it('answers 400 invalid_parameter for a min_confidence above 1', async () => {
    const body = await problemOf('/v1/search?q=relations&min_confidence=1.01', 400, 'invalid_parameter')
    expect(body.errors?.map((e) => e.parameter)).toContain('min_confidence')
  })
})

describe('GET /v1/speakers/{id}/statements', () => {
  it('min_confidence filters a speaker statements', async () => {
    const page = await json<Page>('/v1/speakers/antony-blinken/statements?min_confidence=0.9')
    expect(page.total).toBeGreaterThan(0)
    for (const s of page.results) expect(s.confidence).toBeGreaterThanOrEqual(0.9)
  })

  it('answers 400 invalid_parameter for a negative min_confidence', async () => {
    await problemOf('/v1/speakers/antony-blinken/statements?min_confidence=-1', 400, 'invalid_parameter')
  })
})

describe('GET /v1/topics/{id}/statements', () => {
  it('min_confidence filters a topic statements', async () => {
    const page = await json<Page>('/v1/topics/politics/statements?min_confidence=0.9')
    expect(page.total).toBeGreaterThan(0)
    for (const s of page.results) expect(s.confidence).toBeGreaterThanOrEqual(0.9)
  })
})

describe('GET /openapi.json', () => {
  it('documents min_confidence, with an example, on every statement list and on search', async () => {
    const doc = await json<any>('/openapi.json')
    for (const path of LISTS.map((p) =>
      p.split('?')[0]!.replace('antony-blinken', '{id}').replace('/topics/politics/', '/topics/{id}/'),
    )) {
      const param = doc.paths[path].get.parameters.find((p: { name: string }) => p.name === 'min_confidence')
      expect(param, path).toBeDefined()
      expect(param.schema).toMatchObject({ type: 'number', minimum: 0, maximum: 1 })
      expect(param.example ?? param.schema.example).toBe(0.8)
    }
  })

  it('documents confidence and corrected on the Statement schema', async () => {
    const doc = await json<any>('/openapi.json')
    expect(Object.keys(doc.components.schemas.Statement.properties)).toEqual(
      expect.arrayContaining(['confidence', 'corrected']),
    )
  })
})
