/**
 * Precomputed top candidates of frequent words (migrations/0002_term_top.sql): the writes that
 * build them, run by D1 itself at load time (so the scores are FTS5's own bm25()), and the set of
 * queries that have them, read with the catalog.
 */
import { NARRATION_BOOST } from '../search'
import { BM25, quote } from './fts'
import type { Write } from './plan'

/** Candidates kept per query: enough for the first pages (offset + limit up to this); deeper pages rank live. */
export const TOP_K = 300

/** A term is frequent from this many statements, or 0.5% of the corpus when that is more. */
export const TOP_MIN_DOCS = 2_000

export function topThreshold(statements: number, minDocs = TOP_MIN_DOCS): number {
  return Math.max(minDocs, Math.ceil(statements * 0.005))
}

/** The FTS5 queries a one-word search for `term` makes: the word exactly, and as a prefix. */
export function topQueries(term: string): string[] {
  return [quote(term), `${quote(term)}*`]
}

/** The query that lists the frequent terms of the corpus (from the fts5vocab table). */
export const FREQUENT_TERMS_SQL = 'SELECT term FROM statements_terms WHERE doc >= ?'

/**
 * Rebuilds the lists for these terms, for the build `buildHash`.
 *
 * @example topWrites(['year', 'minist'], build) // DELETE…, INSERT … SELECT … ORDER BY bm25(…) LIMIT 300, …
 */
export function topWrites(terms: readonly string[], buildHash: string): Write[][] {
  const groups: Write[][] = [
    [
      { sql: "DELETE FROM meta WHERE key = 'top_build'", params: [] },
      { sql: 'DELETE FROM term_top', params: [] },
      { sql: 'DELETE FROM term_top_totals', params: [] },
    ],
  ]
  for (const term of terms) {
    groups.push(
      topQueries(term).flatMap((query) => [
        {
          // Ranked as a search ranks them: bm25() times the narration boost, ties in article order.
          sql: `INSERT INTO term_top (query, rank, rid, raw) SELECT ?, row_number() OVER (ORDER BY score DESC, pos), rid, score
FROM (SELECT s.rid AS rid, s.pos AS pos, -${BM25} * (CASE WHEN s.kind = 'narration' THEN ${NARRATION_BOOST} ELSE 1 END) AS score
FROM statements_fts JOIN statements s ON s.rid = statements_fts.rowid WHERE statements_fts MATCH ?
ORDER BY score DESC, pos LIMIT ${TOP_K})`,
          params: [query, query],
        },
        {
          sql: 'INSERT INTO term_top_totals (query, total) SELECT ?, count(*) FROM statements_fts WHERE statements_fts MATCH ?',
          params: [query, query],
        },
      ]),
    )
  }
  groups.push([{ sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('top_build', ?)", params: [buildHash] }])
  return groups
}

/** Whether the lists must be rebuilt: they were computed on another build than the one the database holds. */
export const TOP_BUILD_SQL = "SELECT value FROM meta WHERE key = 'top_build'"
