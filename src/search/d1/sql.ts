/** SQL helpers of the d1 backend: parameters, guarded batches (timeouts, 503s), filters, sorts and facets. */
import { BackendUnavailableError, type Catalog, type Scope } from '../backend'
import { type FacetName, type Facets, MAX_FACET_VALUES } from '../facets'
import type { Filters } from '../filter'
import type { Sort } from '../search'
import { compareStrings } from '../text'
import { withTimeout } from '../timeout'
import type { D1Like, D1Statement } from './types'

/** How long one D1 round trip may take before the request gives up with a 503. */
export const D1_TIMEOUT_MS = 5_000

/** Numbered SQL parameters (`?1`, `?2`, …), so parts of a query can be written in any order. */
export class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `?${this.values.length}`
  }
  list(values: Iterable<string>): string {
    return `(SELECT value FROM json_each(${this.add(JSON.stringify([...values]))}))`
  }
}

/** Binds the parameters a statement's SQL uses: D1 refuses more than the SQL names. */
export function prepare(db: D1Like, sql: string, params: Params | unknown[]): D1Statement {
  const values = Array.isArray(params) ? params : params.values
  let max = 0
  for (const m of sql.matchAll(/\?(\d+)/g)) max = Math.max(max, Number(m[1]))
  return db.prepare(sql).bind(...values.slice(0, max))
}

/** How long each binding's calls may take (d1Backend's option), by binding. */
export const timeouts = new WeakMap<D1Like, number>()

/** A D1 call that gives up after the timeout; storage failures become BackendUnavailableError (a 503). */
async function guarded<T>(db: D1Like, what: string, work: () => Promise<T>): Promise<T> {
  const ms = timeouts.get(db) ?? D1_TIMEOUT_MS
  try {
    return await withTimeout(
      work(),
      ms,
      () => new BackendUnavailableError(`${what}: no answer from D1 within ${ms} ms`),
    )
  } catch (error) {
    if (error instanceof BackendUnavailableError) throw error
    const message = error instanceof Error ? error.message : String(error)
    // A query this module wrote wrong is a bug (500); anything else is the database not answering.
    if (/syntax error|unrecognized token|no such column|fts5: /i.test(message)) throw error
    throw new BackendUnavailableError(`${what}: ${message}`)
  }
}

export async function batch(db: D1Like, what: string, statements: D1Statement[]) {
  return guarded(db, what, () => db.batch(statements))
}

export function rowsOf<T>(result: { results?: unknown[] } | undefined): T[] {
  return (result?.results ?? []) as T[]
}

// ---------------------------------------------------------------------------------------------
// Filters, sorting and facets as SQL

/** Conditions on `s` (statements) for the filters and scope; every one must hold. */
export function filterConditions(p: Params, filters: readonly Filters[], scope: Scope = {}): string[] {
  const out: string[] = []
  const link = (table: string, column: string, ids: Iterable<string>) =>
    `s.rid IN (SELECT rid FROM ${table} WHERE ${column} IN ${p.list(ids)})`
  for (const f of filters) {
    if (f.kind) out.push(`s.kind IN ${p.list(f.kind)}`)
    if (f.article) out.push(`s.article IN ${p.list(f.article)}`)
    if (f.via) out.push(`s.via IN ${p.list(f.via)}`)
    if (f.speaker) out.push(link('statement_speakers', 'speaker', f.speaker))
    if (f.topic) out.push(link('statement_topics', 'topic', f.topic))
    if (f.entity) out.push(link('statement_entities', 'entity', f.entity))
    if (f.since !== undefined) out.push(`s.day >= ${p.add(f.since)}`)
    if (f.until !== undefined) out.push(`s.day <= ${p.add(f.until)}`)
    if (f.attributed !== undefined) out.push(f.attributed ? "s.kind <> 'narration'" : "s.kind = 'narration'")
    if (f.min_confidence !== undefined) out.push(`s.confidence >= ${p.add(f.min_confidence)}`)
  }
  if (scope.speakerOrVia) {
    const id = p.add(scope.speakerOrVia)
    out.push(`(s.rid IN (SELECT rid FROM statement_speakers WHERE speaker = ${id}) OR s.via = ${id})`)
  }
  if (scope.topic) out.push(`s.rid IN (SELECT rid FROM statement_topics WHERE topic = ${p.add(scope.topic)})`)
  return out
}

/** ORDER BY for a sort over columns `score`, `pos` and `date` of `t`; ties always in article order. */
export function orderBy(sort: Sort, t: string): string {
  const dir = sort.order === 'asc' ? 'ASC' : 'DESC'
  if (sort.by === 'relevance') return `${t}.score ${dir}, ${t}.pos ASC`
  if (sort.by === 'position') return `${t}.pos ${dir}`
  return `(${t}.date IS NULL) ASC, ${t}.date ${dir}, ${t}.pos ASC`
}

export const FACET_SQL: Record<FacetName, (m: string) => string> = {
  kind: (m) => `SELECT s.kind AS value, count(*) AS n FROM ${m} JOIN statements s ON s.rid = m.rid GROUP BY 1`,
  article: (m) => `SELECT s.article AS value, count(*) AS n FROM ${m} JOIN statements s ON s.rid = m.rid GROUP BY 1`,
  via: (m) =>
    `SELECT s.via AS value, count(*) AS n FROM ${m} JOIN statements s ON s.rid = m.rid WHERE s.via IS NOT NULL GROUP BY 1`,
  speaker: (m) =>
    `SELECT x.speaker AS value, count(*) AS n FROM ${m} JOIN statement_speakers x ON x.rid = m.rid GROUP BY 1`,
  topic: (m) => `SELECT x.topic AS value, count(*) AS n FROM ${m} JOIN statement_topics x ON x.rid = m.rid GROUP BY 1`,
  entity: (m) =>
    `SELECT x.entity AS value, count(*) AS n FROM ${m} JOIN statement_entities x ON x.rid = m.rid GROUP BY 1`,
}

/** Facet counts as the memory backend orders them: most first, then by label; at most MAX_FACET_VALUES. */
export function facetsOf(catalog: Catalog, names: readonly FacetName[], results: { results?: unknown[] }[]): Facets {
  const facets: Facets = {}
  names.forEach((name, i) => {
    const labels = catalog.dimensions[name].labels
    facets[name] = rowsOf<{ value: string; n: number }>(results[i])
      .map((r) => ({ value: r.value, label: labels.get(r.value) ?? r.value, count: r.n }))
      .sort((a, b) => b.count - a.count || compareStrings(a.label, b.label))
      .slice(0, MAX_FACET_VALUES)
  })
  return facets
}
