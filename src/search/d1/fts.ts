/** Queries as FTS5 expressions over the memory backend's own index terms; typo candidates from fts5vocab. */
import { FIELD_BOOSTS, fuzzyDistance, SEARCH_FIELDS, type SearchField } from '../options'
import { type Clause, SYNONYM_FIELDS } from '../search'
import { indexTerms, processTerm } from '../text'
import { batch, prepare, rowsOf } from './sql'
import type { D1Like } from './types'

/** bm25() weights, in the FTS5 column order (SEARCH_FIELDS). */
export const BM25 = `bm25(statements_fts, ${SEARCH_FIELDS.map((f) => FIELD_BOOSTS[f]).join(', ')})`
// ---------------------------------------------------------------------------------------------
// Queries as FTS5 expressions

export const quote = (term: string) => `"${term.replace(/"/g, '""')}"`

/** One query term with everything it may match: itself, words it begins (the last word) and close spellings. */
export interface TermSpec {
  exact: Set<string>
  prefix: string | null
}

export interface AlternativeSpec {
  fields: readonly SearchField[] | null
  terms: TermSpec[]
}

/** A clause's alternatives, with typo candidates filled in from `fuzzy` (term → corpus terms within its distance). */
export function clauseSpecs(clause: Clause, fuzzy: ReadonlyMap<string, string[]>): AlternativeSpec[] {
  return clause.alternatives
    .map((alternative, i) => ({
      fields: i > 0 ? SYNONYM_FIELDS : null,
      terms: indexTerms(alternative).map((term) => ({
        exact: new Set([term, ...(i === 0 && clause.fuzzy ? (fuzzy.get(term) ?? []) : [])]),
        prefix: clause.prefix ? term : null,
      })),
    }))
    .filter((a) => a.terms.length > 0)
}

function alternativeExpression(a: AlternativeSpec): string {
  const terms = a.terms.map((t) => {
    const parts = [...t.exact].filter((e) => e !== t.prefix).map(quote)
    if (t.prefix !== null) parts.unshift(`${quote(t.prefix)}*`)
    return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`
  })
  const all = terms.length === 1 ? terms[0]! : `(${terms.join(' AND ')})`
  return a.fields ? `{${a.fields.join(' ')}} : ${all}` : all
}

export function matchExpression(specs: readonly AlternativeSpec[][], combine: 'AND' | 'OR'): string {
  return specs
    .map((alternatives) => {
      const parts = alternatives.map(alternativeExpression)
      return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`
    })
    .join(` ${combine} `)
}

/** The terms each field of a hit matched, as MiniSearch reports them: alternatives that matched whole. */
export function matchesOf(
  columns: Record<SearchField, string>,
  specs: readonly AlternativeSpec[][],
): Record<string, string[]> {
  const tokens = SEARCH_FIELDS.map((field) => ({ field, terms: columns[field] ? columns[field].split(' ') : [] }))
  const matches: Record<string, string[]> = {}
  for (const alternatives of specs) {
    for (const a of alternatives) {
      const found: [string, SearchField][][] = a.terms.map((spec) => {
        const hits: [string, SearchField][] = []
        for (const { field, terms } of tokens) {
          if (a.fields && !a.fields.includes(field)) continue
          for (const term of terms) {
            if (spec.exact.has(term) || (spec.prefix !== null && term.startsWith(spec.prefix))) hits.push([term, field])
          }
        }
        return hits
      })
      if (found.some((f) => f.length === 0)) continue
      for (const [term, field] of found.flat()) {
        const fields = matches[term] ?? []
        if (!fields.includes(field)) fields.push(field)
        matches[term] = fields
      }
    }
  }
  return matches
}

/** Levenshtein distance, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
      cur.push(d)
      if (d < best) best = d
    }
    if (best > max) return max + 1
    prev = cur
  }
  return prev[b.length]!
}

/** Which of these index terms the corpus holds: one indexed lookup each, in one round trip. */
export async function knownTerms(db: D1Like, terms: Iterable<string>): Promise<Set<string>> {
  const unique = [...new Set(terms)]
  const known = new Set<string>()
  if (unique.length === 0) return known
  const lookups = unique.map((term) => prepare(db, 'SELECT term FROM statements_terms WHERE term = ?1', [term]))
  for (const result of await batch(db, 'looking up terms', lookups)) {
    for (const row of rowsOf<{ term: string }>(result)) known.add(row.term)
  }
  return known
}

/** Corpus terms within each term's edit distance, from the FTS5 vocabulary: those sharing its first letter. */
export async function fuzzyCandidates(db: D1Like, terms: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  const wanted = terms.filter((t) => fuzzyDistance(t) > 0)
  if (wanted.length === 0) return out
  const statements = wanted.map((term) => {
    const d = Math.min(2, fuzzyDistance(term))
    const first = term[0]!
    const next = String.fromCharCode(first.charCodeAt(0) + 1)
    return prepare(
      db,
      'SELECT term FROM statements_terms WHERE term >= ?1 AND term < ?2 AND length(term) BETWEEN ?3 AND ?4',
      [first, next, term.length - d, term.length + d],
    )
  })
  const results = await batch(db, 'looking up close spellings', statements)
  wanted.forEach((term, i) => {
    const d = Math.min(2, fuzzyDistance(term))
    out.set(
      term,
      rowsOf<{ term: string }>(results[i])
        .map((r) => r.term)
        .filter((t) => t !== term && editDistance(term, t, d) <= d),
    )
  })
  return out
}

/** Every index term a query's words could need `hasTerm` for while planning. */
export function planningTerms(terms: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of terms) {
    for (const form of [raw, raw.toUpperCase()]) {
      out.push(...(processTerm(form) ?? []))
      out.push(...indexTerms(form))
    }
  }
  return out
}
