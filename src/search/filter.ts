/** Filters over statements: values named by id or by name, OR within a parameter, AND across parameters. */
import type { Statement } from '../types'
import { didYouMean } from './did-you-mean'
import type { Dimension, Store } from './store'
import { compareStrings, normalizeName } from './text'

export const FILTER_PARAMS = ['speaker', 'kind', 'topic', 'entity', 'article', 'via'] as const
export type FilterParam = (typeof FILTER_PARAMS)[number]

/** Raw filter values as given: each parameter a list of values (already split on commas). */
export type RawFilters = Partial<Record<FilterParam, readonly string[]>> & ConfidenceFilter

/** `min_confidence`: the least speaker confidence (0–1) a statement needs; narration has none, so never passes. */
export interface ConfidenceFilter {
  min_confidence?: number
}

/**
 * Conditions on a statement that need no resolving: an inclusive date range (ISO `YYYY-MM-DD`) and
 * whether it is attributed (any kind but narration). A statement with no date fails any date
 * condition: it cannot be shown to fall inside the range.
 */
export interface Conditions {
  since?: string
  until?: string
  attributed?: boolean
}

/** Resolved filters: each present parameter is the set of ids it allows, plus the plain conditions. */
export type Filters = Partial<Record<FilterParam, ReadonlySet<string>>> & Conditions & ConfidenceFilter

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Why a date parameter is unusable, or null: it must be a real calendar date written `YYYY-MM-DD`.
 *
 * @example checkDate('2023-02-30') // 'must be a real date'
 */
export function checkDate(value: string): string | null {
  const m = ISO_DATE.exec(value)
  if (!m) return 'must be a date written YYYY-MM-DD'
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return 'must be a real date'
  return null
}

/** True when the statement satisfies the plain conditions. Dates compare as strings: ISO dates sort by time. */
export function matchesConditions(st: Statement, { since, until, attributed }: Conditions): boolean {
  if (attributed !== undefined && (st.kind !== 'narration') !== attributed) return false
  if (since !== undefined || until !== undefined) {
    // A statement's date may carry a time ("2023-09-18T10:00"); its day is what the range is about.
    const day = st.date?.slice(0, 10)
    if (!day) return false
    if (since !== undefined && day < since) return false
    if (until !== undefined && day > until) return false
  }
  return true
}

/** A value a filter could mean, with its statement count, so a client can offer the choice. */
export interface FilterCandidate {
  id: string
  name: string
  count: number
}

export interface FilterError {
  parameter: FilterParam
  value: string
  /** `unknown`: the value names nothing; `ambiguous`: it names several values only in part. */
  reason: 'unknown' | 'ambiguous'
  message: string
  /** Close ids for an unknown value (up to 3); every candidate's id for an ambiguous one. */
  suggestions: string[]
  /** For an ambiguous value: the values it could mean, most statements first. */
  candidates?: FilterCandidate[]
}

/**
 * Resolves every value to ids, case-insensitively. A value that names one value in full (id,
 * name or alias) selects it; otherwise one it names in part (a surname) selects that one. Values
 * that name nothing come back as `unknown` errors with up to 3 suggestions; values that name
 * several (a surname two speakers share, an alias of two) as `ambiguous` errors with candidates.
 *
 * @example resolveFilters(store, { speaker: ['blinken'] }) // { filters: { speaker: Set{'antony-blinken'} }, errors: [] }
 */
export function resolveFilters(
  store: Pick<Store, 'dimensions'>,
  raw: RawFilters,
): { filters: Filters; errors: FilterError[] } {
  const filters: Filters = raw.min_confidence === undefined ? {} : { min_confidence: raw.min_confidence }
  const errors: FilterError[] = []
  for (const parameter of FILTER_PARAMS) {
    const values = raw[parameter]
    if (!values || values.length === 0) continue
    const dimension = store.dimensions[parameter]
    const ids = new Set<string>()
    for (const value of values) {
      const key = normalizeName(value)
      const named =
        dimension.exact.get(key) ??
        dimension.keys.get(key) ??
        (dimension.labels.has(value) ? new Set([value]) : undefined)
      if (named && named.size > 1) {
        errors.push(ambiguity(parameter, value, dimension, named))
        continue
      }
      if (named) {
        for (const id of named) ids.add(id)
        continue
      }
      const suggestions = didYouMean(key, dimension.keys)
      errors.push({
        parameter,
        value,
        reason: 'unknown',
        message:
          `no ${parameter} matches "${value}"` +
          (suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''),
        suggestions,
      })
    }
    filters[parameter] = ids
  }
  return { filters, errors }
}

function ambiguity(parameter: FilterParam, value: string, dimension: Dimension, ids: ReadonlySet<string>): FilterError {
  const candidates = [...ids]
    .map((id) => ({ id, name: dimension.labels.get(id) ?? id, count: dimension.counts.get(id) ?? 0 }))
    .sort((a, b) => b.count - a.count || compareStrings(a.id, b.id))
  const listed = candidates.map((c) => `"${c.id}" (${c.name}, ${c.count})`).join(', ')
  return {
    parameter,
    value,
    reason: 'ambiguous',
    message: `${parameter} "${value}" could be any of ${listed}; name one`,
    suggestions: candidates.map((c) => c.id),
    candidates,
  }
}

/** True when the statement passes every filter. */
export function matchesFilters(st: Statement, filters: Filters): boolean {
  const { speaker, kind, topic, entity, article, via } = filters
  if (!matchesConditions(st, filters)) return false
  if (kind && !kind.has(st.kind)) return false
  if (article && !article.has(st.article)) return false
  if (speaker && !st.speakers.some((s) => speaker.has(s.id))) return false
  if (via && !(st.via && via.has(st.via.id))) return false
  if (topic && !st.topics.some((t) => topic.has(t))) return false
  if (entity && !st.entities.some((e) => entity.has(e))) return false
  return meetsConfidence(st, filters.min_confidence)
}

/**
 * True when the statement's speaker confidence is at least `min` (always, without a minimum). Narration, whose
 * confidence is null, never meets one, not even 0.
 *
 * @example meetsConfidence({ ...statement, confidence: 0.9 }, 0.8) // true
 */
export function meetsConfidence(st: Pick<Statement, 'confidence'>, min: number | undefined): boolean {
  return min === undefined || (st.confidence !== null && st.confidence >= min)
}

/** True when the filters constrain nothing. */
export function isEmptyFilter(filters: Filters): boolean {
  return Object.values(filters).every((v) => v === undefined)
}

/**
 * Positions (ascending) of the statements that may pass the filters, from the per-value lists of
 * the most selective filtered dimension; null when no dimension is filtered (dates, confidence
 * and `attributed` alone: every statement is a candidate).
 */
export function candidatePositions(store: Store, filters: Filters): Int32Array | null {
  let best: Int32Array | null = null
  for (const parameter of FILTER_PARAMS) {
    const ids = filters[parameter]
    if (!ids) continue
    const lists = [...ids].map((id) => store.positions[parameter].get(id)).filter((l) => l !== undefined)
    const size = lists.reduce((n, l) => n + l.length, 0)
    if (best && best.length <= size) continue
    if (lists.length === 1) best = lists[0]!
    else {
      // OR within a parameter: the union, in article order (a statement in two lists once).
      const seen = new Uint8Array(store.statements.length)
      for (const list of lists) for (const p of list) seen[p] = 1
      const union = new Int32Array(size)
      let n = 0
      for (let p = 0; p < seen.length; p++) if (seen[p]) union[n++] = p
      best = union.subarray(0, n)
    }
  }
  return best
}

/**
 * Positions (ascending, so in article order) of the statements that pass the filters, read from the
 * most selective filtered dimension's value lists: a listing and its facets need no Statement array.
 */
export function filterPositions(store: Store, filters: Filters): Int32Array {
  if (isEmptyFilter(filters)) return allPositions(store)
  const candidates = candidatePositions(store, filters)
  // One dimension and nothing else: its value lists are the answer, with nothing left to check.
  const set = Object.entries(filters).filter(([, v]) => v !== undefined)
  if (candidates && set.length === 1 && (FILTER_PARAMS as readonly string[]).includes(set[0]![0])) return candidates
  const statements = store.statements
  const count = candidates ? candidates.length : statements.length
  const out = new Int32Array(count)
  let n = 0
  for (let i = 0; i < count; i++) {
    const p = candidates ? candidates[i]! : i
    if (matchesFilters(statements[p]!, filters)) out[n++] = p
  }
  return out.subarray(0, n)
}

const everyPosition = new WeakMap<Store, Int32Array>()

function allPositions(store: Store): Int32Array {
  let all = everyPosition.get(store)
  if (!all) {
    all = new Int32Array(store.statements.length)
    for (let p = 0; p < all.length; p++) all[p] = p
    everyPosition.set(store, all)
  }
  return all
}

/** Statements in article order that pass the filters. */
export function filterStatements(store: Store, filters: Filters): Statement[] {
  return Array.from(filterPositions(store, filters), (p) => store.statements[p]!)
}
