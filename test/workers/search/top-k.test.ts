/**
 * The page of a search is chosen by a bounded heap, not by sorting every match: it must be exactly
 * the slice of the full ranking, for every sort, and MiniSearch's internal query (which the search
 * uses instead of `search`) must give the same statements and scores as `search`.
 */
import { describe, expect, it } from 'vitest'
import { computeFacets, computeFacetsAt } from '../../../src/search/facets'
import { parseQuery } from '../../../src/search/query'
import { rawSearch } from '../../../src/search/raw'
import { clauseQuery, planQuery, type Sort, searchStatements, TopK } from '../../../src/search/search'
import { testStore } from '../test-data'

const QUERIES = [
  'china',
  'relations',
  'relat',
  'diplomcy',
  'united states',
  'said -taiwan',
  'kind:direct',
  'talks meeting',
]
const SORTS: Sort[] = [
  { by: 'relevance', order: 'desc' },
  { by: 'relevance', order: 'asc' },
  { by: 'position', order: 'asc' },
  { by: 'position', order: 'desc' },
  { by: 'date', order: 'desc' },
  { by: 'date', order: 'asc' },
]

describe('top offset + limit', () => {
  const store = testStore()
  for (const q of QUERIES) {
    it(`"${q}": each page is the slice of the full ranking, for every sort`, () => {
      for (const sort of SORTS) {
        const full = searchStatements(store, { query: parseQuery(q), sort })
        expect(full.hits.length).toBe(full.total)
        for (const limit of [0, 1, 3, 20, full.total + 5]) {
          const page = searchStatements(store, { query: parseQuery(q), sort, limit })
          expect(page.total).toBe(full.total)
          expect(page.relaxed).toBe(full.relaxed)
          expect(page.hits).toEqual(full.hits.slice(0, limit))
          expect([...page.matched]).toEqual(full.hits.map((h) => h.position).sort((a, b) => a - b))
        }
      }
    })
  }

  it('finds matches for the queries above (the checks are not vacuous)', () => {
    const totals = QUERIES.map((q) => searchStatements(store, { query: parseQuery(q) }).total)
    expect(totals.filter((t) => t > 3).length).toBeGreaterThanOrEqual(4)
  })

  it('facets by positions count what facets by statements count', () => {
    for (const q of QUERIES) {
      const outcome = searchStatements(store, { query: parseQuery(q) })
      const names = ['speaker', 'kind', 'topic', 'entity', 'article', 'via'] as const
      expect(computeFacetsAt(store, outcome.matched, names)).toEqual(
        computeFacets(
          store,
          [...outcome.matched].map((p) => store.statements[p]!),
          names,
        ),
      )
    }
  })
})

describe('rawSearch', () => {
  const store = testStore()
  it('gives what MiniSearch.search gives: the same statements, scores and matches', () => {
    for (const q of QUERIES) {
      const plan = planQuery(store, parseQuery(q))
      if (plan.clauses.length === 0) continue
      const query = { combineWith: 'OR' as const, queries: plan.clauses.map(clauseQuery) }
      const expected = new Map(store.index.search(query).map((r) => [r.id as string, r]))
      const seen = new Map<string, { score: number; match: unknown }>()
      rawSearch(store, query, (position, score, match) => seen.set(store.statements[position]!.id, { score, match }))
      expect(seen.size).toBe(expected.size)
      for (const [id, r] of expected) expect(seen.get(id)).toEqual({ score: r.score, match: r.match })
    }
  })

  it('uses MiniSearch internals that still exist (an upgrade that moves them fails here)', () => {
    const internals = store.index as unknown as { executeQuery?: unknown; _documentIds?: { get?: unknown } }
    expect(typeof internals.executeQuery).toBe('function')
    expect(typeof internals._documentIds?.get).toBe('function')
  })
})

describe('TopK', () => {
  it('keeps the k best of many, best first', () => {
    const hits = Array.from({ length: 200 }, (_, i) => ({
      statement: testStore().statements[0]!,
      score: (i * 37) % 11,
      matches: {},
      position: i,
    }))
    const compare = (a: (typeof hits)[0], b: (typeof hits)[0]) => b.score - a.score || a.position - b.position
    const top = new TopK(15, compare)
    for (const h of hits) if (top.wants(h)) top.add(h)
    expect(top.sorted()).toEqual([...hits].sort(compare).slice(0, 15))
  })
})
