/** What every statement list shares: resolving filters, counting facets and cutting the page. */
import { ProblemError, problem } from '../errors'
import { computeFacets, type FacetName, type Facets } from '../search/facets'
import { FILTER_PARAMS, type Filters, type RawFilters, resolveFilters } from '../search/filter'
import type { Store } from '../search/store'
import type { Statement } from '../types'

export interface ListQuery extends RawFilters {
  limit: number
  offset: number
  facets?: readonly string[]
}

export interface Page<T> {
  total: number
  limit: number
  offset: number
  results: T[]
  facets?: Facets
}

/**
 * Resolves the filter parameters, or throws a 400 naming each unknown value with suggestions.
 * With `inside` ("q"), the filters came from that parameter's text (`speaker:x`), and the errors
 * name it.
 */
export function resolveOrThrow(store: Store, query: RawFilters, instance: string, inside?: string): Filters {
  const raw: RawFilters = {}
  for (const p of FILTER_PARAMS) if (query[p]?.length) raw[p] = query[p]
  if (query.min_confidence !== undefined) raw.min_confidence = query.min_confidence
  const { filters, errors } = resolveFilters(store, raw)
  if (errors.length === 0) return filters
  throw new ProblemError(
    problem(
      'unknown_filter_value',
      errors.map((e) => (inside ? `${e.parameter}: in ${inside}: ${e.message}` : e.message)).join('; '),
      {
        instance,
        errors: errors.map(({ parameter, message, suggestions }) =>
          inside
            ? { parameter: inside, message: `${parameter}: ${message}`, suggestions }
            : { parameter, message, suggestions },
        ),
      },
    ),
  )
}

/** Cuts one page out of `items`. */
export function cutPage<T, R>(
  items: readonly T[],
  query: { limit: number; offset: number },
  render: (item: T) => R,
): Page<R> {
  return {
    total: items.length,
    limit: query.limit,
    offset: query.offset,
    results: items.slice(query.offset, query.offset + query.limit).map(render),
  }
}

/**
 * One page of statement-bearing items, with facet counts computed over all of them.
 *
 * @example statementPage(store, hits, { limit: 20, offset: 0, facets: ['kind'] }, (h) => h.statement, render)
 */
export function statementPage<T, R>(
  store: Store,
  items: readonly T[],
  query: ListQuery,
  toStatement: (item: T) => Statement,
  render: (item: T) => R,
): Page<R> {
  const page = cutPage(items, query, render)
  if (query.facets?.length) page.facets = computeFacets(store, items.map(toStatement), query.facets as FacetName[])
  return page
}
