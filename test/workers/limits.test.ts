/** Every hard limit, tested at and past its edge, and documented in the OpenAPI document. */
import { describe, expect, it } from 'vitest'
import { computeFacets, MAX_FACET_VALUES } from '../../src/search/facets'
import { LIMITS } from '../../src/search/limits'
import { parseQuery } from '../../src/search/query'
import { planQuery } from '../../src/search/search'
import { json, problemOf } from './helpers'
import { storeOf } from './inline-store'
import { testStore } from './test-data'

const store = testStore()

describe('limits', () => {
  it('gives typo tolerance to the first 4 unknown words only', () => {
    const plan = planQuery(store, parseQuery('qwertx asdfgx zxcvbx poiuyx lkjhgx mnbvcx'))
    expect(plan.clauses.map((c) => c.fuzzy)).toEqual([true, true, true, true, false, false])
  })

  it('gives no typo tolerance to words the corpus has', () => {
    expect(planQuery(store, parseQuery('diplomacy relationship')).clauses.every((c) => !c.fuzzy)).toBe(true)
  })

  it(`takes at most ${LIMITS.filterValues} values in a filter`, async () => {
    const values = (n: number) => Array.from({ length: n }, () => 'direct').join(',')
    await json(`/v1/statements?kind=${values(LIMITS.filterValues)}`)
    const body = await problemOf(`/v1/statements?kind=${values(LIMITS.filterValues + 1)}`, 400, 'invalid_parameter')
    expect(body.errors?.[0]?.parameter).toBe('kind')
  })

  it(`takes filter values of at most ${LIMITS.filterValueLength} characters`, async () => {
    const body = await problemOf(
      `/v1/statements?speaker=${'b'.repeat(LIMITS.filterValueLength + 1)}`,
      400,
      'invalid_parameter',
    )
    expect(body.errors?.[0]?.parameter).toBe('speaker')
    await problemOf(`/v1/statements?speaker=${'b'.repeat(LIMITS.filterValueLength)}`, 400, 'unknown_filter_value')
  })

  it(`lists at most ${MAX_FACET_VALUES} values in a facet`, () => {
    const template = store.statements[0]!
    const statements = Array.from({ length: MAX_FACET_VALUES + 50 }, (_, i) => ({
      ...template,
      id: `s-${i}`,
      speakers: [{ id: `speaker-${i}`, name: `Speaker ${i}`, type: 'person' as const }],
    }))
    const big = storeOf(statements)
    expect(computeFacets(big, big.statements, ['speaker']).speaker).toHaveLength(MAX_FACET_VALUES)
  })

  it('documents the limits in the OpenAPI document', async () => {
    const doc = await json<any>('/openapi.json')
    const search = doc.paths['/v1/search'].get.parameters as {
      name: string
      description?: string
      schema: Record<string, any>
    }[]
    const param = (name: string) => search.find((p) => p.name === name)!
    // The schema allows the export maximum; the description says JSON pages stop at 100.
    expect(param('limit').schema).toMatchObject({ minimum: 1, maximum: LIMITS.maxExportLimit })
    expect(param('limit').description).toContain(`1 to ${LIMITS.maxLimit} for JSON`)
    expect(param('offset').schema).toMatchObject({ minimum: 0, maximum: LIMITS.maxOffset })
    const q = JSON.stringify(param('q'))
    for (const n of [LIMITS.queryLength, LIMITS.queryTerms, LIMITS.queryPhrases, LIMITS.fuzzyTerms])
      expect(q).toContain(String(n))
    expect(JSON.stringify(param('speaker'))).toContain(`at most ${LIMITS.filterValues} values`)
    expect(JSON.stringify(param('facets'))).toContain(`at most ${MAX_FACET_VALUES} values`)
    expect(doc.info.description).toMatch(/URLs of at most 4096 characters/)
  })
})
