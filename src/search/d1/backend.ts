/**
 * The `d1` backend: statements in Cloudflare D1, searched with SQLite FTS5 (schema in migrations/).
 * Query planning, synonyms, folding and stemming are the memory backend's own (the FTS5 columns hold
 * the same index terms); D1 finds, counts, ranks (bm25) and facets (GROUP BY) the matching set.
 * The small tables (the Catalog) are read once per isolate and revalidated by build hash.
 */
import type { Statement } from '../../types'
import {
  type BackendHit,
  BackendUnavailableError,
  type Catalog,
  type ListRequest,
  type PageRequest,
  type Scope,
  type SearchBackend,
  type SearchPageRequest,
  type SearchPageResult,
} from '../backend'
import type { ArticleRecord } from '../corpus'
import { wordsOf } from '../correction'
import { correctQuery } from '../did-you-mean'
import { type FacetName, type Facets, MAX_FACET_VALUES } from '../facets'
import type { Filters } from '../filter'
import { highlightHit } from '../highlight'
import { FIELD_BOOSTS, fuzzyDistance, SEARCH_FIELDS, type SearchField } from '../options'
import { parseQuery } from '../query'
import {
  type Clause,
  NARRATION_BOOST,
  namedSpeakers,
  phraseWords,
  planQuery,
  type QueryPlan,
  type Sort,
} from '../search'
import { distinctiveTerms, SAME_SPEAKER_BOOST } from '../similar'
import type { ArticleSummary, Dimension, EntitySummary, SpeakerSummary, TopicSummary } from '../store'
import { suggest } from '../suggest'
import { createSynonyms } from '../synonyms'
import { compareStrings, fold, processTerm, tokenize, tokenizeForIndex } from '../text'
import type { CatalogJson } from './rows'
import type { D1Like, D1Statement } from './types'

/** How long one D1 round trip may take before the request gives up with a 503. */
export const D1_TIMEOUT_MS = 5_000
/** How long a catalog is trusted before the build hash is checked again. */
export const CATALOG_TTL_MS = 60_000

/** bm25() weights, in the FTS5 column order (SEARCH_FIELDS). */
const BM25 = `bm25(statements_fts, ${SEARCH_FIELDS.map((f) => FIELD_BOOSTS[f]).join(', ')})`
/** Fields a synonym form is looked up in, as in the memory backend. */
const SYNONYM_FIELDS: readonly SearchField[] = ['content', 'text', 'speaker']

/** Numbered SQL parameters (`?1`, `?2`, …), so parts of a query can be written in any order. */
class Params {
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
function prepare(db: D1Like, sql: string, params: Params | unknown[]): D1Statement {
  const values = Array.isArray(params) ? params : params.values
  let max = 0
  for (const m of sql.matchAll(/\?(\d+)/g)) max = Math.max(max, Number(m[1]))
  return db.prepare(sql).bind(...values.slice(0, max))
}

/** How long each binding's calls may take (d1Backend's option), by binding. */
const timeouts = new WeakMap<D1Like, number>()

/** A D1 call that gives up after the timeout; storage failures become BackendUnavailableError (a 503). */
async function guarded<T>(db: D1Like, what: string, work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const ms = timeouts.get(db) ?? D1_TIMEOUT_MS
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BackendUnavailableError(`${what}: no answer from D1 within ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([work(), timeout])
  } catch (error) {
    if (error instanceof BackendUnavailableError) throw error
    const message = error instanceof Error ? error.message : String(error)
    // A query this module wrote wrong is a bug (500); anything else is the database not answering.
    if (/syntax error|unrecognized token|no such column|fts5: /i.test(message)) throw error
    throw new BackendUnavailableError(`${what}: ${message}`)
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
}

async function batch(db: D1Like, what: string, statements: D1Statement[]) {
  return guarded(db, what, () => db.batch(statements))
}

function rowsOf<T>(result: { results?: unknown[] } | undefined): T[] {
  return (result?.results ?? []) as T[]
}

// ---------------------------------------------------------------------------------------------
// The catalog

function dimensionOf(json: CatalogJson['dimensions'][keyof CatalogJson['dimensions']]): Dimension {
  return {
    labels: new Map(json.labels),
    counts: new Map(json.counts),
    keys: new Map(json.keys.map(([k, ids]) => [k, new Set(ids)])),
    exact: new Map(json.exact.map(([k, ids]) => [k, new Set(ids)])),
  }
}

async function readBuild(db: D1Like): Promise<string | null> {
  const [meta] = await batch(db, 'reading the build', [db.prepare("SELECT value FROM meta WHERE key = 'build_hash'")])
  return rowsOf<{ value: string }>(meta)[0]?.value ?? null
}

async function loadCatalog(db: D1Like): Promise<Catalog> {
  const [meta, parts, speakers, topics, entities, articles] = await batch(db, 'reading the catalog', [
    db.prepare("SELECT value FROM meta WHERE key = 'build_hash'"),
    db.prepare('SELECT json FROM catalog ORDER BY part'),
    db.prepare('SELECT json FROM speakers ORDER BY rank'),
    db.prepare('SELECT json FROM topics ORDER BY rank'),
    db.prepare('SELECT json FROM entities ORDER BY rank'),
    db.prepare('SELECT summary FROM articles ORDER BY position'),
  ])
  if (!rowsOf<{ value: string }>(meta)[0]) {
    throw new BackendUnavailableError('the database holds no complete build (run `npm run d1:load`)', 60)
  }
  const json = JSON.parse(
    rowsOf<{ json: string }>(parts)
      .map((r) => r.json)
      .join(''),
  ) as CatalogJson
  const parse = <T>(rows: { json: string }[]) => rows.map((r) => JSON.parse(r.json) as T)
  const speakerList = parse<SpeakerSummary>(rowsOf(speakers))
  const topicList = parse<TopicSummary>(rowsOf(topics))
  const entityList = parse<EntitySummary>(rowsOf(entities))
  return {
    buildHash: json.buildHash,
    registry: json.registry,
    synonyms: createSynonyms(json.synonyms),
    vocabulary: json.vocabulary,
    statementCount: json.statementCount,
    articleCount: json.articleCount,
    speakers: speakerList,
    speakerById: new Map(speakerList.map((s) => [s.id, s])),
    topics: topicList,
    topicById: new Map(topicList.map((t) => [t.id, t])),
    entities: entityList,
    entityById: new Map(entityList.map((e) => [e.id, e])),
    articleSummaries: rowsOf<{ summary: string }>(articles).map((r) => JSON.parse(r.summary) as ArticleSummary),
    dimensions: {
      speaker: dimensionOf(json.dimensions.speaker),
      via: dimensionOf(json.dimensions.via),
      topic: dimensionOf(json.dimensions.topic),
      entity: dimensionOf(json.dimensions.entity),
      article: dimensionOf(json.dimensions.article),
      kind: dimensionOf(json.dimensions.kind),
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Filters, sorting and facets as SQL

/** Conditions on `s` (statements) for the filters and scope; every one must hold. */
function filterConditions(p: Params, filters: readonly Filters[], scope: Scope = {}): string[] {
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
function orderBy(sort: Sort, t: string): string {
  const dir = sort.order === 'asc' ? 'ASC' : 'DESC'
  if (sort.by === 'relevance') return `${t}.score ${dir}, ${t}.pos ASC`
  if (sort.by === 'position') return `${t}.pos ${dir}`
  return `(${t}.date IS NULL) ASC, ${t}.date ${dir}, ${t}.pos ASC`
}

const FACET_SQL: Record<FacetName, (m: string) => string> = {
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
function facetsOf(catalog: Catalog, names: readonly FacetName[], results: { results?: unknown[] }[]): Facets {
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

// ---------------------------------------------------------------------------------------------
// Queries as FTS5 expressions

/** Index terms of a string, in order, as MiniSearch makes them. */
function indexTerms(text: string): string[] {
  return tokenizeForIndex(text).flatMap((t) => processTerm(t) ?? [])
}

const quote = (term: string) => `"${term.replace(/"/g, '""')}"`

/** One query term with everything it may match: itself, words it begins (the last word) and close spellings. */
interface TermSpec {
  exact: Set<string>
  prefix: string | null
}

interface AlternativeSpec {
  fields: readonly SearchField[] | null
  terms: TermSpec[]
}

/** A clause's alternatives, with typo candidates filled in from `fuzzy` (term → corpus terms within its distance). */
function clauseSpecs(clause: Clause, fuzzy: ReadonlyMap<string, string[]>): AlternativeSpec[] {
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

function matchExpression(specs: readonly AlternativeSpec[][], combine: 'AND' | 'OR'): string {
  return specs
    .map((alternatives) => {
      const parts = alternatives.map(alternativeExpression)
      return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`
    })
    .join(` ${combine} `)
}

/** The terms each field of a hit matched, as MiniSearch reports them: alternatives that matched whole. */
function matchesOf(
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

// ---------------------------------------------------------------------------------------------
// The backend

interface CachedCatalog {
  catalog: Promise<Catalog>
  checked: number
}

const catalogs = new WeakMap<D1Like, CachedCatalog>()
const backends = new WeakMap<D1Like, SearchBackend>()

/** The catalog of this database, read once per isolate and trusted for CATALOG_TTL_MS. */
async function catalogFor(db: D1Like): Promise<Catalog> {
  const cached = catalogs.get(db)
  const now = Date.now()
  if (cached && now - cached.checked < CATALOG_TTL_MS) return cached.catalog
  if (cached) {
    const current = await cached.catalog.catch(() => null)
    if (current && (await readBuild(db)) === current.buildHash) {
      cached.checked = now
      return current
    }
  }
  const entry: CachedCatalog = { catalog: loadCatalog(db), checked: now }
  catalogs.set(db, entry)
  // A failed read is not kept: the next request tries again.
  entry.catalog.catch(() => {
    if (catalogs.get(db) === entry) catalogs.delete(db)
  })
  return entry.catalog
}

/** Which of these index terms the corpus holds: one indexed lookup each, in one round trip. */
async function knownTerms(db: D1Like, terms: Iterable<string>): Promise<Set<string>> {
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
async function fuzzyCandidates(db: D1Like, terms: readonly string[]): Promise<Map<string, string[]>> {
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
function planningTerms(terms: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of terms) {
    for (const form of [raw, raw.toUpperCase()]) {
      out.push(...(processTerm(form) ?? []))
      out.push(...indexTerms(form))
    }
  }
  return out
}

interface RunResult {
  total: number
  rows: HitRow[]
  facets?: Facets
}

interface HitRow {
  score: number
  json: string
  content: string
  speaker: string
  text: string
  topic: string
  entity: string
  cue: string
}

/**
 * The backend over one D1 binding (kept per binding, so its catalog is read once per isolate).
 *
 * @example const backend = d1Backend(env.DB); const page = await backend.search({ ... })
 */
export function d1Backend(db: D1Like, options: { timeoutMs?: number } = {}): SearchBackend {
  if (options.timeoutMs !== undefined) timeouts.set(db, options.timeoutMs)
  const existing = backends.get(db)
  if (existing) return existing

  async function search(request: SearchPageRequest, correct = true): Promise<SearchPageResult> {
    const catalog = await catalogFor(db)
    const known = await knownTerms(db, planningTerms(request.query.terms))
    const plan: QueryPlan = planQuery({ hasTerm: (t) => known.has(t), synonyms: catalog.synonyms }, request.query)
    // Only stop words ("to be or not to be"): look for them as a phrase, as the memory backend does.
    if (plan.clauses.length === 0 && request.query.terms.length > 0) {
      const words = phraseWords(request.query.terms.join(' '))
      if (words.length > 0) plan.phrases.push(words)
    }
    const fuzzyTerms = plan.clauses.filter((c) => c.fuzzy).flatMap((c) => indexTerms(c.alternatives[0]!))
    const fuzzy = await fuzzyCandidates(db, fuzzyTerms)
    const specs = plan.clauses.map((c) => clauseSpecs(c, fuzzy)).filter((s) => s.length > 0)

    /**
     * The plain relevance search (no filter, phrase, exclusion or named speaker), without scoring
     * every match in SQL: FTS5 ranks by bm25() alone, then the top candidates get their boost here.
     * Exact: a statement outside the candidates scores at most the lowest candidate's bm25, and the
     * boost only lowers scores, so once the k-th boosted score beats that, no other can enter.
     * Null when the candidates never suffice (the general query then answers).
     */
    const topByRelevance = async (match: string): Promise<RunResult | null> => {
      const k = request.offset + request.limit
      const facets = request.facets ?? []
      const fts = 'SELECT rowid AS rid FROM statements_fts WHERE statements_fts MATCH ?1'
      let total = -1
      let facetCounts: Facets | undefined
      for (let m = Math.max(100, 2 * k); m <= 64_000; m *= 4) {
        const candidates = `SELECT c.rid AS rid, c.raw AS raw, s.kind AS kind, s.pos AS pos FROM (SELECT rowid AS rid, -${BM25} AS raw
FROM statements_fts WHERE statements_fts MATCH ?1 ORDER BY ${BM25} LIMIT ?2) c JOIN statements s ON s.rid = c.rid`
        const first = total < 0
        const results = await batch(db, 'searching', [
          prepare(db, candidates, [match, m]),
          ...(first
            ? [
                prepare(db, 'SELECT count(*) AS n FROM statements_fts WHERE statements_fts MATCH ?1', [match]),
                ...facets.map((name) => prepare(db, FACET_SQL[name](`(${fts}) m`), [match])),
              ]
            : []),
        ])
        if (first) {
          total = rowsOf<{ n: number }>(results[1])[0]?.n ?? 0
          if (facets.length) facetCounts = facetsOf(catalog, facets, results.slice(2))
        }
        const rows = rowsOf<{ rid: number; raw: number; kind: string; pos: number }>(results[0])
        const scored = rows
          .map((r) => ({ rid: r.rid, pos: r.pos, score: r.raw * (r.kind === 'narration' ? NARRATION_BOOST : 1) }))
          .sort((a, b) => b.score - a.score || a.pos - b.pos)
        let floor = Number.POSITIVE_INFINITY
        for (const r of rows) floor = Math.min(floor, r.raw)
        const exact = rows.length < m || k === 0 || (scored.length >= k && scored[k - 1]!.score > floor)
        if (!exact) continue
        const page = scored.slice(request.offset, request.offset + request.limit)
        const byRid = new Map<number, HitRow>()
        if (page.length > 0) {
          const [found] = await batch(db, 'reading results', [
            prepare(
              db,
              `SELECT s.rid AS rid, s.json AS json, f.content, f.speaker, f.text, f.topic, f.entity, f.cue FROM statements s
JOIN statements_fts f ON f.rowid = s.rid WHERE s.rid IN (SELECT value FROM json_each(?1))`,
              [JSON.stringify(page.map((r) => r.rid))],
            ),
          ])
          for (const row of rowsOf<HitRow & { rid: number }>(found)) byRid.set(row.rid, row)
        }
        return {
          total,
          rows: page.flatMap((r) => {
            const row = byRid.get(r.rid)
            return row ? [{ ...row, score: r.score }] : []
          }),
          facets: facetCounts,
        }
      }
      return null
    }

    const run = async (combine: 'AND' | 'OR'): Promise<RunResult> => {
      const p = new Params()
      const conditions = filterConditions(p, request.filters)
      for (const phrase of plan.phrases) conditions.push(`instr(s.phrase, ${p.add(` ${phrase.join(' ')} `)}) > 0`)
      for (const phrase of plan.excludedPhrases)
        conditions.push(`instr(s.phrase, ${p.add(` ${phrase.join(' ')} `)}) = 0`)
      const excluded = plan.excludedTerms
        .map(indexTerms)
        .filter((t) => t.length > 0)
        .map((terms) => (terms.length === 1 ? quote(terms[0]!) : `(${terms.map(quote).join(' AND ')})`))
      if (excluded.length > 0) {
        conditions.push(
          `s.rid NOT IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ${p.add(excluded.join(' OR '))})`,
        )
      }
      const searching = specs.length > 0
      const named = namedSpeakers(catalog, request.query)
      const { by, order } = request.sort
      if (searching && conditions.length === 0 && named.size === 0 && by === 'relevance' && order === 'desc') {
        const ranked = await topByRelevance(matchExpression(specs, combine))
        if (ranked) return ranked
      }
      let from = 'statements s'
      let score = '0'
      if (searching) {
        from = 'statements_fts JOIN statements s ON s.rid = statements_fts.rowid'
        conditions.unshift(`statements_fts MATCH ${p.add(matchExpression(specs, combine))}`)
        const boost = named.size
          ? `CASE WHEN EXISTS (SELECT 1 FROM statement_speakers x WHERE x.rid = s.rid AND x.speaker IN ${p.list(named.keys())}) THEN ${[...named.values()][0]} WHEN s.kind = 'narration' THEN ${NARRATION_BOOST} ELSE 1 END`
          : `CASE WHEN s.kind = 'narration' THEN ${NARRATION_BOOST} ELSE 1 END`
        score = `(-${BM25} * ${boost})`
      }
      const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
      const matched = `(SELECT s.rid AS rid FROM ${from} ${where}) m`
      const count =
        searching && conditions.length === 1
          ? `SELECT count(*) AS n FROM statements_fts WHERE statements_fts MATCH ?1`
          : conditions.length === 0
            ? null
            : `SELECT count(*) AS n FROM ${from} ${where}`
      const limit = p.add(request.limit)
      const offset = p.add(request.offset)
      const page = `WITH h AS (SELECT s.rid AS rid, s.pos AS pos, s.date AS date, ${score} AS score FROM ${from} ${where}
ORDER BY ${orderBy(request.sort, 's').replace('s.score', 'score')} LIMIT ${limit} OFFSET ${offset})
SELECT h.score AS score, s.json AS json${searching ? ', f.content, f.speaker, f.text, f.topic, f.entity, f.cue' : ''}
FROM h JOIN statements s ON s.rid = h.rid${searching ? ' JOIN statements_fts f ON f.rowid = h.rid' : ''}
ORDER BY ${orderBy(request.sort, 'h')}`
      const facets = request.facets ?? []
      const statements = [
        prepare(db, page, p),
        ...(count ? [prepare(db, count, p)] : []),
        ...facets.map((name) => prepare(db, FACET_SQL[name](matched), p)),
      ]
      const results = await batch(db, 'searching', statements)
      const total = count ? (rowsOf<{ n: number }>(results[1])[0]?.n ?? 0) : catalog.statementCount
      return {
        total,
        rows: rowsOf<HitRow>(results[0]),
        facets: facets.length ? facetsOf(catalog, facets, results.slice(count ? 2 : 1)) : undefined,
      }
    }

    const any = request.match === 'any'
    let outcome = await run(any ? 'OR' : 'AND')
    let relaxed = false
    if (outcome.total === 0 && !any && specs.length > 1) {
      outcome = await run('OR')
      relaxed = outcome.total > 0
    }
    const hits: BackendHit[] = outcome.rows.map((row) => {
      const statement = JSON.parse(row.json) as Statement
      const matches = specs.length ? matchesOf(row, specs) : {}
      const score = Math.round(row.score * 1000) / 1000
      return { statement, score, matches, highlights: highlightHit({ statement, score, matches, position: 0 }, plan) }
    })
    let didYouMean: string | null | undefined
    if (outcome.total === 0 && correct) {
      const words = tokenize(request.q).map((t) => t.raw)
      const vocabulary = await knownTerms(db, planningTerms(words))
      const isKnown = (word: string) => {
        const terms = processTerm(word)
        return terms === null || terms.every((t) => vocabulary.has(t))
      }
      const corrected = correctQuery(request.q, isKnown, wordsOf(catalog), fold)
      if (corrected !== null) {
        const again = await search(
          { ...request, q: corrected, query: parseQuery(corrected), limit: 1, offset: 0, facets: [] },
          false,
        )
        didYouMean = again.total > 0 ? corrected : null
      } else didYouMean = null
    }
    return {
      total: outcome.total,
      relaxed,
      plan,
      hits,
      ...(outcome.facets ? { facets: outcome.facets } : {}),
      ...(didYouMean !== undefined ? { didYouMean } : {}),
    }
  }

  async function list(request: ListRequest) {
    const catalog = await catalogFor(db)
    const p = new Params()
    const conditions = filterConditions(p, [request.filters], request.scope)
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''
    const facets = request.facets ?? []
    const pageSql = `SELECT s.json AS json FROM statements s ${where} ORDER BY s.pos LIMIT ${p.add(request.limit)} OFFSET ${p.add(request.offset)}`
    const statements = [
      prepare(db, pageSql, p),
      ...(conditions.length ? [prepare(db, `SELECT count(*) AS n FROM statements s ${where}`, p)] : []),
      ...facets.map((name) => prepare(db, FACET_SQL[name](`(SELECT s.rid AS rid FROM statements s ${where}) m`), p)),
    ]
    const results = await batch(db, 'listing', statements)
    const counted = conditions.length > 0
    return {
      total: counted ? (rowsOf<{ n: number }>(results[1])[0]?.n ?? 0) : catalog.statementCount,
      statements: rowsOf<{ json: string }>(results[0]).map((r) => JSON.parse(r.json) as Statement),
      ...(facets.length ? { facets: facetsOf(catalog, facets, results.slice(counted ? 2 : 1)) } : {}),
    }
  }

  async function similar(statement: Statement, page: PageRequest) {
    const catalog = await catalogFor(db)
    const candidates = new Set<string>()
    for (const t of tokenize(statement.content)) for (const term of processTerm(t.raw) ?? []) candidates.add(term)
    const frequency = new Map<string, number>()
    const lookups = [...candidates].map((term) =>
      prepare(db, "SELECT doc FROM statements_field_terms WHERE term = ?1 AND col = 'content'", [term]),
    )
    if (lookups.length > 0) {
      const results = await batch(db, 'reading term frequencies', lookups)
      let i = 0
      for (const term of candidates) frequency.set(term, rowsOf<{ doc: number }>(results[i++])[0]?.doc ?? 0)
    }
    const terms = distinctiveTerms(
      { statements: { length: catalog.statementCount }, contentFrequency: (t) => frequency.get(t) ?? 0 },
      statement,
    )
    if (terms.length === 0) return { total: 0, hits: [] }
    const p = new Params()
    const match = p.add(terms.map(quote).join(' OR '))
    const self = p.add(statement.id)
    const speakers = p.list(new Set(statement.speakers.map((s) => s.id)))
    const from = `statements_fts JOIN statements s ON s.rid = statements_fts.rowid WHERE statements_fts MATCH ${match} AND s.id <> ${self}`
    const score = `(-${BM25} * CASE WHEN EXISTS (SELECT 1 FROM statement_speakers x WHERE x.rid = s.rid AND x.speaker IN ${speakers}) THEN ${SAME_SPEAKER_BOOST} ELSE 1 END)`
    const sql = `SELECT s.json AS json, ${score} AS score FROM ${from} ORDER BY score DESC, s.pos ASC LIMIT ${p.add(page.limit)} OFFSET ${p.add(page.offset)}`
    const [rows, count] = await batch(db, 'finding similar statements', [
      prepare(db, sql, p),
      prepare(db, `SELECT count(*) AS n FROM ${from}`, p),
    ])
    return {
      total: rowsOf<{ n: number }>(count)[0]?.n ?? 0,
      hits: rowsOf<{ json: string; score: number }>(rows).map((r) => ({
        statement: JSON.parse(r.json) as Statement,
        score: Math.round(r.score * 1000) / 1000,
      })),
    }
  }

  const backend: SearchBackend = {
    name: 'd1',
    catalog: () => catalogFor(db),
    search: (request) => search(request),
    list,
    async statement(id) {
      const [result] = await batch(db, 'reading a statement', [
        prepare(db, 'SELECT json FROM statements WHERE id = ?1', [id]),
      ])
      const row = rowsOf<{ json: string }>(result)[0]
      return row ? (JSON.parse(row.json) as Statement) : null
    },
    similar,
    async article(id) {
      const [article, statements] = await batch(db, 'reading an article', [
        prepare(db, 'SELECT record FROM articles WHERE id = ?1', [id]),
        prepare(db, 'SELECT json FROM statements WHERE article = ?1 ORDER BY pos', [id]),
      ])
      const row = rowsOf<{ record: string }>(article)[0]
      if (!row) return null
      return {
        article: JSON.parse(row.record) as ArticleRecord,
        statements: rowsOf<{ json: string }>(statements).map((r) => JSON.parse(r.json) as Statement),
      }
    },
    async suggest(q, limit) {
      return suggest(await catalogFor(db), q, limit)
    },
  }
  backends.set(db, backend)
  return backend
}
