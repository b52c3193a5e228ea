/**
 * The writes that bring a D1 database from what it holds to a built corpus: only new, changed and
 * removed articles are written, moved ones renumbered, and the small tables replaced when the build
 * changed. Each write carries its rows as one JSON parameter (`json_each`), cut to stay under D1's
 * limits: 100 bound parameters and 100 KB per statement (when inlined for `wrangler d1 execute`),
 * 2 MB per value. Pure: the loader and the tests run the writes.
 */
import type { ArticleRows, CorpusRows, StatementRow } from './rows'

export interface Write {
  sql: string
  params: (string | number | null)[]
}

export interface ExistingArticle {
  hash: string
  position: number
  firstPos: number
}

export interface LoadPlan {
  writes: Write[]
  added: number
  changed: number
  removed: number
  moved: number
  unchanged: number
  statements: number
  /** False when the database already holds this build exactly: nothing to write. */
  needed: boolean
}

/** Most characters of JSON one write carries: under D1's 100 KB statement limit once inlined as a literal. */
export const MAX_CHUNK_CHARS = 30_000

function chunks<T>(items: readonly T[], size: (item: T) => number, max: number): T[][] {
  const out: T[][] = []
  let current: T[] = []
  let used = 0
  for (const item of items) {
    const n = size(item)
    if (current.length > 0 && used + n > max) {
      out.push(current)
      current = []
      used = 0
    }
    current.push(item)
    used += n
  }
  if (current.length > 0) out.push(current)
  return out
}

const J = (path: string) => `json_extract(value, '$.${path}')`

const INSERT_STATEMENTS = `INSERT INTO statements (id, article, pos, kind, via, date, day, confidence, phrase, json)
SELECT ${['id', 'article', 'pos', 'kind', 'via', 'date', 'day', 'confidence', 'phrase', 'json'].map(J).join(', ')} FROM json_each(?)`
const INSERT_FTS = `INSERT INTO statements_fts (rowid, content, speaker, text, topic, entity, cue)
SELECT s.rid, ${[0, 1, 2, 3, 4, 5].map((i) => `json_extract(j.value, '$.fts[${i}]')`).join(', ')}
FROM json_each(?) j JOIN statements s ON s.id = json_extract(j.value, '$.id')`
const insertLinks = (table: string, column: string, field: string) =>
  `INSERT OR IGNORE INTO ${table} (${column}, rid) SELECT v.value, s.rid FROM json_each(?) j
JOIN statements s ON s.id = json_extract(j.value, '$.id'), json_each(j.value, '$.${field}') v`

const IDS = '(SELECT value FROM json_each(?))'
const RIDS = `(SELECT rid FROM statements WHERE article IN ${IDS})`

/** Removes every row of these articles, statements and links included. */
function deleteArticles(ids: readonly string[]): Write[] {
  const writes: Write[] = []
  for (const part of chunks(ids, (id) => id.length + 3, MAX_CHUNK_CHARS)) {
    const p = [JSON.stringify(part)]
    writes.push(
      { sql: `DELETE FROM statements_fts WHERE rowid IN ${RIDS}`, params: p },
      { sql: `DELETE FROM statement_speakers WHERE rid IN ${RIDS}`, params: p },
      { sql: `DELETE FROM statement_topics WHERE rid IN ${RIDS}`, params: p },
      { sql: `DELETE FROM statement_entities WHERE rid IN ${RIDS}`, params: p },
      { sql: `DELETE FROM statements WHERE article IN ${IDS}`, params: p },
      { sql: `DELETE FROM articles WHERE id IN ${IDS}`, params: p },
    )
  }
  return writes
}

function statementJson(st: StatementRow): string {
  return JSON.stringify(st)
}

function insertArticles(articles: readonly ArticleRows[]): Write[] {
  const writes: Write[] = []
  const rows = articles.map((a) =>
    JSON.stringify({
      id: a.id,
      hash: a.hash,
      position: a.position,
      first_pos: a.statements[0]?.pos ?? -1,
      summary: a.summary,
      record: a.record,
    }),
  )
  for (const part of chunks(rows, (r) => r.length + 1, MAX_CHUNK_CHARS)) {
    writes.push({
      sql: `INSERT INTO articles (id, hash, position, first_pos, summary, record)
SELECT ${['id', 'hash', 'position', 'first_pos', 'summary', 'record'].map(J).join(', ')} FROM json_each(?)`,
      params: [`[${part.join(',')}]`],
    })
  }
  const statements = articles.flatMap((a) => a.statements.map(statementJson))
  for (const part of chunks(statements, (s) => s.length + 1, MAX_CHUNK_CHARS)) {
    const p = [`[${part.join(',')}]`]
    writes.push(
      { sql: INSERT_STATEMENTS, params: p },
      { sql: INSERT_FTS, params: p },
      { sql: insertLinks('statement_speakers', 'speaker', 'speakers'), params: p },
      { sql: insertLinks('statement_topics', 'topic', 'topics'), params: p },
      { sql: insertLinks('statement_entities', 'entity', 'entities'), params: p },
    )
  }
  return writes
}

function replaceTable(table: string, rows: readonly { id: string; json: string }[]): Write[] {
  const writes: Write[] = [{ sql: `DELETE FROM ${table}`, params: [] }]
  const items = rows.map((r, rank) => JSON.stringify({ id: r.id, rank, json: r.json }))
  for (const part of chunks(items, (r) => r.length + 1, MAX_CHUNK_CHARS)) {
    writes.push({
      sql: `INSERT INTO ${table} (id, rank, json) SELECT ${J('id')}, ${J('rank')}, ${J('json')} FROM json_each(?)`,
      params: [`[${part.join(',')}]`],
    })
  }
  return writes
}

/**
 * The writes from `existing` (article id → hash and place, and the build the database holds) to `rows`.
 *
 * @example const plan = planLoad(corpusRows(corpus), new Map(), null); for (const w of plan.writes) await run(w)
 */
export function planLoad(
  rows: CorpusRows,
  existing: ReadonlyMap<string, ExistingArticle>,
  existingBuild: string | null,
): LoadPlan {
  const wanted = new Set(rows.articles.map((a) => a.id))
  const removed = [...existing.keys()].filter((id) => !wanted.has(id))
  const fresh: ArticleRows[] = []
  let changed = 0
  let moved = 0
  const renumber: Write[] = []
  for (const a of rows.articles) {
    const old = existing.get(a.id)
    if (!old || old.hash !== a.hash) {
      if (old) changed++
      fresh.push(a)
      continue
    }
    const firstPos = a.statements[0]?.pos ?? -1
    if (old.position !== a.position || old.firstPos !== firstPos) {
      moved++
      renumber.push(
        {
          sql: 'UPDATE statements SET pos = pos + ? WHERE article = ?',
          params: [firstPos - old.firstPos, a.id],
        },
        { sql: 'UPDATE articles SET position = ?, first_pos = ? WHERE id = ?', params: [a.position, firstPos, a.id] },
      )
    }
  }
  const rewrite = [...removed, ...fresh.filter((a) => existing.has(a.id)).map((a) => a.id)]
  const needed = rewrite.length > 0 || fresh.length > 0 || renumber.length > 0 || existingBuild !== rows.buildHash
  const writes: Write[] = needed
    ? [
        // The build is unset while writing, so a load that stops half-way is seen and finished next time.
        { sql: "DELETE FROM meta WHERE key = 'build_hash'", params: [] },
        ...deleteArticles(rewrite),
        ...renumber,
        ...insertArticles(fresh),
        ...replaceTable('speakers', rows.speakers),
        ...replaceTable('topics', rows.topics),
        ...replaceTable('entities', rows.entities),
        { sql: 'DELETE FROM catalog', params: [] },
        ...Array.from({ length: Math.ceil(rows.catalog.length / MAX_CHUNK_CHARS) }, (_, i) => ({
          sql: 'INSERT INTO catalog (part, json) VALUES (?, ?)',
          params: [i, rows.catalog.slice(i * MAX_CHUNK_CHARS, (i + 1) * MAX_CHUNK_CHARS)],
        })),
        { sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('build_hash', ?)", params: [rows.buildHash] },
      ]
    : []
  return {
    writes,
    added: fresh.length - changed,
    changed,
    removed: removed.length,
    moved,
    unchanged: rows.articles.length - fresh.length,
    statements: fresh.reduce((n, a) => n + a.statements.length, 0),
    needed,
  }
}

/** The query that reads what `planLoad` needs to know about the database. */
export const EXISTING_ARTICLES_SQL = 'SELECT id, hash, position, first_pos FROM articles'
export const EXISTING_BUILD_SQL = "SELECT value FROM meta WHERE key = 'build_hash'"
