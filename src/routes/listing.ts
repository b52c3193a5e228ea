/** What every list shares: resolving filters, counting facets, cutting the page, its links and its exports. */
import type { Context } from 'hono'
import { ProblemError, problem } from '../errors'
import type { Scope } from '../search/backend'
import type { FacetName, Facets } from '../search/facets'
import { type Conditions, FILTER_PARAMS, type Filters, type RawFilters, resolveFilters } from '../search/filter'
import { LIMITS } from '../search/limits'
import type { Store } from '../search/store'
import type { Statement } from '../types'
import { cachedResponse, canonicalParams } from './cache'
import { CONTENT_TYPES, type ExportFormat, exportBody, negotiateFormat } from './export'
import type { AppEnv } from './router'

export interface ListQuery extends RawFilters {
  limit: number
  offset: number
  facets?: readonly string[]
  since?: string
  until?: string
  attributed?: 'true' | 'false'
  format?: ExportFormat
  pretty?: string
}

export interface PageLinks {
  self: string
  next: string | null
  prev: string | null
}

export interface Page<T> {
  total: number
  limit: number
  offset: number
  links: PageLinks
  results: T[]
  facets?: Facets
}

/** The conditions a list query asks for, or a 400 naming `since` and `until` when the range is backwards. */
function conditionsOf(query: ListQuery, instance: string): Conditions {
  const conditions: Conditions = {}
  if (query.since) conditions.since = query.since
  if (query.until) conditions.until = query.until
  if (query.attributed) conditions.attributed = query.attributed === 'true'
  if (query.since && query.until && query.since > query.until) {
    const message = `since (${query.since}) must not be after until (${query.until})`
    throw new ProblemError(
      problem('invalid_parameter', message, {
        instance,
        errors: [
          { parameter: 'since', message },
          { parameter: 'until', message },
        ],
      }),
    )
  }
  return conditions
}

/**
 * Resolves the filter parameters, or throws a 400 naming each unknown value with suggestions
 * (`unknown_filter_value`) or, when every bad value is ambiguous, each with its candidates
 * (`ambiguous_filter_value`).
 * With `inside` ("q"), the filters came from that parameter's text (`speaker:x`), and the errors
 * name it.
 */
export function resolveOrThrow(
  store: Pick<Store, 'dimensions'>,
  query: RawFilters,
  instance: string,
  inside?: string,
): Filters {
  const raw: RawFilters = {}
  for (const p of FILTER_PARAMS) if (query[p]?.length) raw[p] = query[p]
  if (query.min_confidence !== undefined) raw.min_confidence = query.min_confidence
  const { filters, errors } = resolveFilters(store, raw)
  if (errors.length === 0) return inside ? filters : { ...filters, ...conditionsOf(query as ListQuery, instance) }
  throw new ProblemError(
    problem(
      errors.every((e) => e.reason === 'ambiguous') ? 'ambiguous_filter_value' : 'unknown_filter_value',
      errors.map((e) => (inside ? `${e.parameter}: in ${inside}: ${e.message}` : e.message)).join('; '),
      {
        instance,
        errors: errors.map(({ parameter, message, suggestions, candidates }) => ({
          ...(inside ? { parameter: inside, message: `${parameter}: ${message}` } : { parameter, message }),
          suggestions,
          ...(candidates ? { candidates } : {}),
        })),
      },
    ),
  )
}

/** Filters as canonical values: resolved ids sorted, so `speaker=Blinken` and `speaker=antony-blinken` agree. */
export function canonicalFilters(filters: Filters): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(filters)) {
    out[name] = value instanceof Set ? [...value].sort() : value
  }
  return out
}

/**
 * The normalised request a statement list answers: its path, the resolved filters and every other
 * parameter with its default made explicit. `format` and `pretty` are left out: they choose the
 * representation, which the cache and the ETag add themselves.
 */
export function listKey(path: string, query: ListQuery, filters: Filters, extra: Record<string, unknown> = {}): string {
  const { format: _format, pretty: _pretty, since: _s, until: _u, attributed: _a, ...rest } = query
  const params: Record<string, unknown> = { ...rest, ...extra, ...canonicalFilters(filters) }
  for (const p of FILTER_PARAMS) if (!(p in filters)) delete params[p]
  return `${path}?${canonicalParams(params)}`
}

/**
 * Links to this page and its neighbours, root-relative, keeping every other parameter as given.
 * `next` is null on the last page and where the next offset would pass the deepest allowed.
 */
export function pageLinks(url: string, page: { total: number; limit: number; offset: number }): PageLinks {
  const u = new URL(url)
  const at = (offset: number) => {
    const params = new URLSearchParams(u.search)
    params.set('offset', String(offset))
    return `${u.pathname}?${params}`
  }
  const nextOffset = page.offset + page.limit
  return {
    self: `${u.pathname}${u.search}`,
    next: nextOffset < page.total && nextOffset <= LIMITS.maxOffset ? at(nextOffset) : null,
    prev: page.offset > 0 ? at(Math.max(0, page.offset - page.limit)) : null,
  }
}

/** The RFC 8288 `Link` header of a page, as a headers object (empty when there is no other page). */
export function linkHeaders(links: PageLinks): Record<string, string> {
  const parts: string[] = []
  if (links.next) parts.push(`<${links.next}>; rel="next"`)
  if (links.prev) parts.push(`<${links.prev}>; rel="prev"`)
  return parts.length ? { Link: parts.join(', ') } : {}
}

/** Cuts one page out of `items`, with its links. */
export function cutPage<T, R>(
  url: string,
  items: readonly T[],
  query: { limit: number; offset: number },
  render: (item: T) => R,
): Page<R> {
  return {
    total: items.length,
    limit: query.limit,
    offset: query.offset,
    links: pageLinks(url, { total: items.length, limit: query.limit, offset: query.offset }),
    results: items.slice(query.offset, query.offset + query.limit).map(render),
  }
}

/**
 * A page the backend cut: its results, the total they were cut from, its links and any facets.
 *
 * @example backendPage(url, result.total, query, result.statements, result.facets)
 */
export function backendPage<R>(
  url: string,
  total: number,
  query: { limit: number; offset: number },
  results: R[],
  facets?: Facets,
): Page<R> {
  return {
    total,
    limit: query.limit,
    offset: query.offset,
    links: pageLinks(url, { total, limit: query.limit, offset: query.offset }),
    results,
    ...(facets ? { facets } : {}),
  }
}

/**
 * The representation a list request asks for (`format=`, else `Accept`), or a 400 naming `limit`
 * when a JSON page asks for more than 100: only the streamed exports take up to 1000.
 */
export function chooseFormat(c: Context<AppEnv>, query: ListQuery): ExportFormat {
  const format = negotiateFormat(query.format, c.req.header('Accept'))
  if (format === 'json' && query.limit > LIMITS.maxLimit) {
    const message = `limit must be at most ${LIMITS.maxLimit} for JSON; CSV and NDJSON exports take up to ${LIMITS.maxExportLimit}`
    throw new ProblemError(
      problem('invalid_parameter', message, { instance: c.req.path, errors: [{ parameter: 'limit', message }] }),
    )
  }
  return format
}

/** A CSV or NDJSON export of one page (cut by the backend from `total`): streamed, with the total in `X-Total-Count` and the page links in `Link`. */
export function exportResponse<T>(
  c: Context<AppEnv>,
  format: Exclude<ExportFormat, 'json'>,
  page: readonly T[],
  total: number,
  query: { limit: number; offset: number },
  toStatement: (item: T) => Statement,
  render: (item: T) => unknown,
): Response {
  const links = pageLinks(c.req.url, { total, limit: query.limit, offset: query.offset })
  return new Response(exportBody(format, page, toStatement, render), {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'X-Total-Count': String(total),
      Vary: 'Accept',
      ...linkHeaders(links),
    },
  })
}

/** Passes a value through: the render of lists whose items are already what they show. */
export function identity<T>(x: T): T {
  return x
}

/**
 * A list of statements, in the representation the request asks for and through the response
 * cache: all statements (`GET /v1/statements`) or those of one scope (a speaker's, a topic's).
 * `path` is the canonical path the cache key names, so `/v1/speakers/Blinken/statements` and
 * `/v1/speakers/antony-blinken/statements` share one entry.
 */
export function statementList(c: Context<AppEnv>, path: string, query: ListQuery, scope?: Scope) {
  const filters = resolveOrThrow(c.var.catalog, query, c.req.path)
  const format = chooseFormat(c, query)
  const key = listKey(path, query, filters)
  return cachedResponse(c, { key, format, pretty: query.pretty !== undefined }, async () => {
    const facets = format === 'json' ? (query.facets as FacetName[] | undefined) : undefined
    const result = await c.var.backend.list({
      filters,
      ...(scope ? { scope } : {}),
      limit: query.limit,
      offset: query.offset,
      facets,
    })
    if (format !== 'json') return exportResponse(c, format, result.statements, result.total, query, identity, identity)
    const page = backendPage(c.req.url, result.total, query, result.statements, result.facets)
    return c.json(page, 200, { Vary: 'Accept', ...linkHeaders(page.links) })
  })
}
