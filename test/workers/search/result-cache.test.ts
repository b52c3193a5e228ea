/** The per-isolate LRU of result sets: same answers, reused across pages, bounded, and never across builds. */
import { describe, expect, it } from 'vitest'
import type { SearchPageRequest } from '../../../src/search/backend'
import { memoryBackend } from '../../../src/search/memory'
import { parseQuery } from '../../../src/search/query'
import { type CachedResult, ResultCache, resultKey } from '../../../src/search/result-cache'
import { searchStatements } from '../../../src/search/search'
import { testStore } from '../test-data'

const request = (q: string, page: Partial<SearchPageRequest> = {}): SearchPageRequest => ({
  q,
  query: parseQuery(q),
  filters: [],
  match: 'any',
  sort: { by: 'relevance', order: 'desc' },
  limit: 3,
  offset: 0,
  ...page,
})

describe('result cache in the memory backend', () => {
  it('a repeated request returns the same page from the cached set', async () => {
    const backend = memoryBackend(testStore())
    const first = await backend.search(request('china relations', { facets: ['kind', 'speaker'] }))
    const again = await backend.search(request('china relations', { facets: ['kind', 'speaker'] }))
    expect(first.total).toBeGreaterThan(3)
    expect(again).toEqual(first)
    // The same hit objects: the index was not queried again.
    expect(again.hits[0]!.matches).toBe(first.hits[0]!.matches)
    // And what a backend with nothing cached answers.
    expect(
      await memoryBackend(testStore()).search(request('china relations', { facets: ['kind', 'speaker'] })),
    ).toEqual(first)
  })

  it('serves the next pages of a query from one entry, each the slice of the full ranking', async () => {
    const store = testStore()
    const backend = memoryBackend(store)
    const full = searchStatements(store, { query: parseQuery('said'), match: 'any' })
    expect(full.total).toBeGreaterThan(6)
    const pages = []
    for (let offset = 0; offset < Math.min(full.total, 12); offset += 3)
      pages.push(await backend.search(request('said', { offset })))
    expect(pages.flatMap((p) => p.hits.map((h) => h.statement.id))).toEqual(
      full.hits.slice(0, pages.length * 3).map((h) => h.statement.id),
    )
  })

  it('a page beyond the cached depth is ranked again, and right', async () => {
    const store = testStore()
    const backend = memoryBackend(store, { resultDepth: 5 })
    const first = await backend.search(request('the'))
    const deep = await backend.search(request('the', { offset: 8, limit: 5 }))
    const expected = searchStatements(store, { query: parseQuery('the'), match: 'any' })
    expect(deep.hits.map((h) => h.statement.id)).toEqual(expected.hits.slice(8, 13).map((h) => h.statement.id))
    expect(expected.total).toBeGreaterThan(13)
    expect(first.hits.map((h) => h.statement.id)).toEqual(expected.hits.slice(0, 3).map((h) => h.statement.id))
    // And the first page again, now from the deeper set.
    expect(await backend.search(request('the'))).toEqual(first)
  })

  it('cached facets are copies: changing one answer does not change the next', async () => {
    const backend = memoryBackend(testStore())
    const first = await backend.search(request('said', { facets: ['kind'] }))
    first.facets!.kind![0]!.count = -1
    const again = await backend.search(request('said', { facets: ['kind'] }))
    expect(again.facets!.kind![0]!.count).toBeGreaterThan(0)
  })
})

describe('resultKey', () => {
  const base = { q: 'x', filters: [{ kind: new Set(['direct', 'mixed']) }], match: 'all' as const }
  const sort = { by: 'relevance' as const, order: 'desc' as const }
  it('names the build, and normalises filter order', () => {
    expect(resultKey('a', { ...base, sort })).not.toBe(resultKey('b', { ...base, sort }))
    expect(resultKey('a', { ...base, sort })).toBe(
      resultKey('a', { ...base, filters: [{ kind: new Set(['mixed', 'direct']) }], sort }),
    )
    expect(resultKey('a', { ...base, sort })).not.toBe(resultKey('a', { ...base, sort: { ...sort, order: 'asc' } }))
    expect(resultKey('a', { ...base, sort })).not.toBe(resultKey('a', { ...base, match: 'any', sort }))
  })
})

describe('ResultCache', () => {
  const entry = (positions: number): CachedResult => ({
    outcome: {
      hits: [],
      total: positions,
      matched: new Int32Array(positions),
      relaxed: false,
      plan: { clauses: [], phrases: [], excludedTerms: [], excludedPhrases: [] },
    },
    depth: 20,
    facets: new Map(),
  })

  it('a different build hash misses', () => {
    const cache = new ResultCache()
    const r = {
      q: 'china',
      filters: [],
      match: 'all' as const,
      sort: { by: 'relevance' as const, order: 'desc' as const },
    }
    cache.set(resultKey('build-1', r), entry(5))
    expect(cache.get(resultKey('build-1', r))).toBeDefined()
    expect(cache.get(resultKey('build-2', r))).toBeUndefined()
  })

  it('keeps at most maxEntries, dropping the least recently used', () => {
    const cache = new ResultCache(3)
    for (const k of ['a', 'b', 'c']) cache.set(k, entry(1))
    cache.get('a')
    cache.set('d', entry(1))
    expect(cache.size).toBe(3)
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBeDefined()
  })

  it('keeps at most maxBytes, and never stores an entry larger than that', () => {
    const cache = new ResultCache(100, 10_000)
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, entry(1000))
    expect(cache.estimatedBytes).toBeLessThanOrEqual(10_000)
    expect(cache.size).toBeLessThan(10)
    expect(cache.get('k9')).toBeDefined()
    cache.set('huge', entry(10_000))
    expect(cache.get('huge')).toBeUndefined()
  })
})
