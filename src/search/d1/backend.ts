/**
 * The `d1` backend: statements in Cloudflare D1, searched with SQLite FTS5 (schema in migrations/).
 * Query planning, synonyms, folding and stemming are the memory backend's own (the FTS5 columns hold
 * the same index terms); D1 finds, counts, ranks (bm25) and facets (GROUP BY) the matching set.
 * The small tables (the Catalog) are read once per isolate and revalidated by build hash.
 */
import type { Statement } from '../../types'
import type {
  BackendHit,
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
import { parseQuery } from '../query'
import { NARRATION_BOOST, namedSpeakers, phraseWords, planQuery, type QueryPlan } from '../search'
import { distinctiveTerms, SAME_SPEAKER_BOOST } from '../similar'
import { suggest } from '../suggest'
import { fold, processTerm, tokenize } from '../text'
import { catalogFor, precomputed } from './catalog'
import {
  BM25,
  clauseSpecs,
  fuzzyCandidates,
  indexTerms,
  knownTerms,
  matchExpression,
  matchesOf,
  planningTerms,
  quote,
} from './fts'
import { batch, FACET_SQL, facetsOf, filterConditions, orderBy, Params, prepare, rowsOf, timeouts } from './sql'
import { TOP_K } from './top'
import type { D1Like } from './types'

export { CATALOG_TTL_MS } from './catalog'
export { D1_TIMEOUT_MS } from './sql'

const backends = new WeakMap<D1Like, SearchBackend>()

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
      // A frequent word's best candidates and count were computed at load time (src/search/d1/top.ts).
      let fromTop = k <= TOP_K && precomputed(catalog).has(match)
      for (let m = Math.max(100, 2 * k); m <= 64_000; m *= 4) {
        if (fromTop && m > TOP_K) {
          // The whole list is the exact top TOP_K (already boosted); past it, rank live.
          fromTop = false
          m = TOP_K * 4
        }
        const candidates = fromTop
          ? `SELECT t.rid AS rid, t.raw AS raw, s.kind AS kind, s.pos AS pos FROM term_top t JOIN statements s ON s.rid = t.rid
WHERE t.query = ?1 AND t.rank <= ?2`
          : `SELECT c.rid AS rid, c.raw AS raw, s.kind AS kind, s.pos AS pos FROM (SELECT rowid AS rid, -${BM25} AS raw
FROM statements_fts WHERE statements_fts MATCH ?1 ORDER BY ${BM25} LIMIT ?2) c JOIN statements s ON s.rid = c.rid`
        const first = total < 0
        const count = fromTop
          ? 'SELECT total AS n FROM term_top_totals WHERE query = ?1'
          : 'SELECT count(*) AS n FROM statements_fts WHERE statements_fts MATCH ?1'
        const results = await batch(db, 'searching', [
          prepare(db, candidates, [match, Math.min(m, fromTop ? TOP_K : m)]),
          ...(first
            ? [
                prepare(db, count, [match]),
                ...facets.map((name) => prepare(db, FACET_SQL[name](`(${fts}) m`), [match])),
              ]
            : []),
        ])
        if (first) {
          total = rowsOf<{ n: number }>(results[1])[0]?.n ?? 0
          if (facets.length) facetCounts = facetsOf(catalog, facets, results.slice(2))
        }
        const rows = rowsOf<{ rid: number; raw: number; kind: string; pos: number }>(results[0])
        // Precomputed scores are boosted already: they are in search order, and the exact top.
        const boost = (kind: string) => (fromTop || kind !== 'narration' ? 1 : NARRATION_BOOST)
        const scored = rows
          .map((r) => ({ rid: r.rid, pos: r.pos, score: r.raw * boost(r.kind) }))
          .sort((a, b) => b.score - a.score || a.pos - b.pos)
        let floor = Number.POSITIVE_INFINITY
        for (const r of rows) floor = Math.min(floor, r.raw)
        // Every match is a candidate, or the k-th boosted score beats any statement left out.
        const all = rows.length >= total || (!fromTop && rows.length < m)
        const exact = all || k === 0 || (scored.length >= k && (fromTop || scored[k - 1]!.score > floor))
        if (!exact) continue
        const page = scored.slice(request.offset, request.offset + request.limit)
        const byRid = new Map<number, HitRow>()
        if (page.length > 0) {
          const [found] = await batch(db, 'reading results', [
            prepare(
              db,
              `SELECT s.rid AS rid, s.json AS json, ${FTS_COLUMNS} FROM statements s
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
