/**
 * A small per-isolate LRU of recent search result sets. Pagination repeats a query with another
 * offset, and a page is often asked again in another representation (HTML highlights, CSV, other
 * facets): those answers come from the cached set without querying the index. Keyed by the build
 * hash and the normalised request minus offset and limit; bounded in entries and in bytes.
 */
import type { Facets, FacetValue } from './facets'
import type { Filters } from './filter'
import { BoundedLru } from './lru'
import type { SearchOutcome, Sort } from './search'

/** How many of the best hits a search keeps ranked, so the first pages of a query share one entry. */
export const RESULT_DEPTH = 100

export interface CachedResult {
  outcome: SearchOutcome
  /** How many hits `outcome.hits` ranks: pages ending at or before it are served from it. */
  depth: number
  /** Facet values by facet, computed on first request. */
  facets: Map<string, FacetValue[]>
  /** `did_you_mean`, when nothing matched, once computed. */
  didYouMean?: string | null
}

/** The request's identity for the cache: the build, the query as typed and everything that changes its result set. */
export function resultKey(
  buildHash: string,
  request: { q: string; filters: readonly Filters[]; match: 'all' | 'any'; sort: Sort },
): string {
  const filters = request.filters.map((f) =>
    Object.keys(f)
      .filter((k) => f[k as keyof Filters] !== undefined)
      .sort()
      .map((k) => {
        const v = f[k as keyof Filters]
        return [k, v instanceof Set ? [...v].sort() : v]
      }),
  )
  return JSON.stringify([buildHash, request.q, request.match, request.sort.by, request.sort.order, filters])
}

/** An estimate of what an entry keeps alive, in bytes: the matched positions, the ranked hits and the facets. */
function sizeOf(entry: CachedResult): number {
  let facetValues = 0
  for (const values of entry.facets.values()) facetValues += values.length
  return 256 + entry.outcome.matched.byteLength + entry.outcome.hits.length * 200 + facetValues * 100
}

/** Up to 64 result sets and about 4 MiB by default. */
export class ResultCache extends BoundedLru<CachedResult> {
  constructor(maxEntries = 64, maxBytes = 4 * 1024 * 1024) {
    super(maxEntries, maxBytes, sizeOf)
  }
}

/** Copies of cached facet values, so a caller that changes its answer cannot change the next one. */
export function copyFacets(facets: Facets): Facets {
  const out: Facets = {}
  for (const [name, values] of Object.entries(facets)) out[name as keyof Facets] = values.map((v) => ({ ...v }))
  return out
}
