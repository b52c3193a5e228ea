/**
 * The `d1` backend: statements in Cloudflare D1, searched with SQLite FTS5 (schema in migrations/).
 * Query planning, synonyms, folding and stemming are the memory backend's own (the FTS5 columns hold
 * the same index terms); D1 finds, counts, ranks (bm25) and facets (GROUP BY) the matching set.
 * The small tables (the Catalog) are read once per isolate and revalidated by build hash.
 */
import type { Statement } from '../../types'
import type {
  BackendHit,
  Catalog,
  ListRequest,
  PageRequest,
  SearchBackend,
  SearchPageRequest,
  SearchPageResult,
} from '../backend'
import type { ArticleRecord } from '../corpus'
import { wordsOf } from '../correction'
import { correctQuery } from '../did-you-mean'
import type { Facets } from '../facets'
import { highlightHit } from '../highlight'
import { SEARCH_FIELDS, type SearchField } from '../options'
import { type ParsedQuery, parseQuery } from '../query'
import { NARRATION_BOOST, namedSpeakers, phraseWords, planQuery, type QueryPlan } from '../search'
import { distinctiveTerms, SAME_SPEAKER_BOOST } from '../similar'
import { suggest } from '../suggest'
import { fold, indexTerms, processTerm, tokenize } from '../text'
import { catalogFor, listedTerms, precomputed } from './catalog'
import { BM25, clauseSpecs, fuzzyCandidates, knownTerms, matchExpression, matchesOf, planningTerms, quote } from './fts'
import { batch, FACET_SQL, facetsOf, filterConditions, orderBy, Params, prepare, rowsOf, timeouts } from './sql'
import { listKey, scoreSql, TOP_K, TOP_MIN_DOCS } from './top'
import type { D1Like, D1Statement } from './types'

export { CATALOG_TTL_MS } from './catalog'
export { D1_TIMEOUT_MS } from './sql'

const backends = new WeakMap<D1Like, SearchBackend>()

/**
 * Candidates a search without a precomputed list ranks by bm25() before boosting (at least): as many
 * as the fewest matches that get a list by default (TOP_MIN_DOCS), so a one-word search without a
 * list has every match among them and is exact in one pass.
 */
const LIVE_CANDIDATES = TOP_MIN_DOCS

interface RunResult {
  total: number
  rows: HitRow[]
  facets?: Facets
}

/** A hit's row: its score, its statement and the index terms of each searched field (FTS5 columns). */
type HitRow = { score: number; json: string } & Record<SearchField, string>

/** The FTS5 columns of a hit, `f` being `statements_fts`. */
const FTS_COLUMNS = SEARCH_FIELDS.map((field) => `f.${field}`).join(', ')

/**
 * The backend over one D1 binding (kept per binding, so its catalog is read once per isolate).
 *
 * @example const backend = d1Backend(env.DB); const page = await backend.search({ ... })
 */
export function d1Backend(db: D1Like, options: { timeoutMs?: number } = {}): SearchBackend {
  if (options.timeoutMs !== undefined) timeouts.set(db, options.timeoutMs)
  const existing = backends.get(db)
  if (existing) return existing

  /**
   * The plan of a query, as the memory backend makes it. Whether the corpus has a term is asked of
   * D1 (one round trip) only when the catalog cannot tell: a term with a precomputed list is known.
   * The answers are the same either way: only the query's own planning terms are ever known.
   */
  async function planFor(catalog: Catalog, query: ParsedQuery): Promise<QueryPlan> {
    const asked = new Set(planningTerms(query.terms))
    const listed = listedTerms(catalog)
    let unsure = false
    const hasTerm = (t: string) => {
      if (!asked.has(t)) return false
      if (listed.has(t)) return true
      unsure = true
      return false
    }
    const plan = planQuery({ hasTerm, synonyms: catalog.synonyms }, query)
    if (!unsure) return plan
    const known = await knownTerms(db, asked)
    return planQuery({ hasTerm: (t) => known.has(t), synonyms: catalog.synonyms }, query)
  }

  async function search(request: SearchPageRequest, correct = true): Promise<SearchPageResult> {
    const catalog = await catalogFor(db)
    const plan = await planFor(catalog, request.query)
    // Only stop words ("to be or not to be"): look for them as a phrase, as the memory backend does.
    if (plan.clauses.length === 0 && request.query.terms.length > 0) {
      const words = phraseWords(request.query.terms.join(' '))
      if (words.length > 0) plan.phrases.push(words)
    }
    const fuzzyTerms = plan.clauses.filter((c) => c.fuzzy).flatMap((c) => indexTerms(c.alternatives[0]!))
    const fuzzy = await fuzzyCandidates(db, fuzzyTerms)
    const specs = plan.clauses.map((c) => clauseSpecs(c, fuzzy)).filter((s) => s.length > 0)

    /**
     * The plain relevance search (no filter, phrase or exclusion), in one round trip: the page's
     * rows come back with the statement that ranks them.
     * - A search with a precomputed list (src/search/d1/top.ts: a frequent word, a word that names
     *   a speaker) reads the page from the list, already ranked with its boosts.
     * - Otherwise (no named speaker), FTS5 ranks by bm25() alone and only the top candidates get
     *   their boost. Exact: a statement outside the candidates scores at most the lowest
     *   candidate's bm25, and the narration boost only lowers scores, so once the k-th boosted
     *   score beats that, no other can enter.
     * Null when neither applies or the candidates do not suffice (the general query then answers).
     */
    const topByRelevance = async (match: string, named: ReadonlyMap<string, number>): Promise<RunResult | null> => {
      const k = request.offset + request.limit
      const facets = request.facets ?? []
      const fts = 'SELECT rowid AS rid FROM statements_fts WHERE statements_fts MATCH ?1'
      const key = listKey(match, named)
      const counting = (count: D1Statement) => [
        count,
        ...facets.map((name) => prepare(db, FACET_SQL[name](`(${fts}) m`), [match])),
      ]
      if (k <= TOP_K && precomputed(catalog).has(key)) {
        // The list is the exact top TOP_K of this search, in order: the page is a range of ranks.
        const results = await batch(db, 'searching', [
          prepare(
            db,
            `SELECT t.raw AS score, s.json AS json, ${FTS_COLUMNS} FROM term_top t JOIN statements s ON s.rid = t.rid
JOIN statements_fts f ON f.rowid = t.rid WHERE t.query = ?1 AND t.rank > ?2 AND t.rank <= ?3 ORDER BY t.rank`,
            [key, request.offset, k],
          ),
          ...counting(prepare(db, 'SELECT total AS n FROM term_top_totals WHERE query = ?1', [key])),
        ])
        return {
          total: rowsOf<{ n: number }>(results[1])[0]?.n ?? 0,
          rows: rowsOf<HitRow>(results[0]),
          facets: facets.length ? facetsOf(catalog, facets, results.slice(2)) : undefined,
        }
      }
      if (named.size > 0) return null
      // The m best by bm25(), boosted and ranked; the page's rows with their statements, and rank 1
      // (there whenever anything matched) to carry the candidates' count and lowest bm25.
      const m = Math.max(LIVE_CANDIDATES, 2 * k)
      const ranked = `WITH c AS (SELECT rowid AS rid, -${BM25} AS raw FROM statements_fts WHERE statements_fts MATCH ?1
ORDER BY raw DESC LIMIT ?2),
b AS (SELECT c.rid AS rid, c.raw AS raw, c.raw * (CASE WHEN s.kind = 'narration' THEN ${NARRATION_BOOST} ELSE 1 END) AS score,
s.pos AS pos FROM c JOIN statements s ON s.rid = c.rid),
r AS (SELECT rid, score, row_number() OVER (ORDER BY score DESC, pos) AS rank, min(raw) OVER () AS floor,
count(*) OVER () AS n FROM b)
SELECT r.rank AS rank, r.score AS score, r.floor AS floor, r.n AS n, s.json AS json, ${FTS_COLUMNS}
FROM r JOIN statements s ON s.rid = r.rid JOIN statements_fts f ON f.rowid = r.rid
WHERE (r.rank > ?3 AND r.rank <= ?4) OR r.rank = 1 ORDER BY r.rank`
      const results = await batch(db, 'searching', [
        prepare(db, ranked, [match, m, request.offset, k]),
        ...counting(prepare(db, 'SELECT count(*) AS n FROM statements_fts WHERE statements_fts MATCH ?1', [match])),
      ])
      const total = rowsOf<{ n: number }>(results[1])[0]?.n ?? 0
      const rows = rowsOf<HitRow & { rank: number; floor: number; n: number }>(results[0])
      const n = rows[0]?.n ?? 0
      const kth = rows.find((r) => r.rank === k)
      // Every match is a candidate, or the k-th boosted score beats any statement left out. Else
      // (many matches tied at the lowest candidate's bm25) the general query ranks them all.
      if (!(n >= total || n < m || k === 0 || (kth !== undefined && kth.score > rows[0]!.floor))) return null
      return {
        total,
        rows: rows.filter((r) => r.rank > request.offset && r.rank <= k),
        facets: facets.length ? facetsOf(catalog, facets, results.slice(2)) : undefined,
      }
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
      if (searching && conditions.length === 0 && by === 'relevance' && order === 'desc') {
        const ranked = await topByRelevance(matchExpression(specs, combine), named)
        if (ranked) return ranked
      }
      let from = 'statements s'
      let score = '0'
      if (searching) {
        from = 'statements_fts JOIN statements s ON s.rid = statements_fts.rowid'
        conditions.unshift(`statements_fts MATCH ${p.add(matchExpression(specs, combine))}`)
        // The same score the precomputed lists are ranked by (src/search/d1/top.ts).
        score = scoreSql(named.size ? p.list(named.keys()) : null, [...named.values()][0] ?? 1)
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
SELECT h.score AS score, s.json AS json${searching ? `, ${FTS_COLUMNS}` : ''}
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
    cacheAtEdge: true,
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
