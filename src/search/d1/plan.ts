/**
 * The writes that bring a D1 database from what it holds to a built corpus: only new, changed and
 * removed articles are written, moved ones renumbered, and the small tables replaced. Each write
 * carries its rows as one JSON parameter (`json_each`), cut to stay under D1's limits: 100 bound
 * parameters and 100 KB per statement (when inlined for `wrangler d1 execute --file`), 2 MB per
 * value. Pure: the loader (scripts/d1-load.ts) and the tests run the writes.
 */
import { SEARCH_FIELDS } from '../options'
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

export interface LoadSummary {
  added: number
  changed: number
  removed: number
  moved: number
  unchanged: number
  /** Statements written. */
  statements: number
  /** Articles looked at so far (all of them once the plan is run through). */
  seen: number
  /** False when the database already holds this build exactly: nothing to write. */
  needed: boolean
}

export interface LoadPlan extends LoadSummary {
  writes: Write[]
}

/** Most characters of JSON one write carries: under D1's 100 KB statement limit once inlined as a literal. */
export const MAX_CHUNK_CHARS = 30_000

const J = (path: string) => `json_extract(value, '$.${path}')`
const STATEMENT_COLUMNS = ['id', 'article', 'pos', 'kind', 'via', 'date', 'day', 'confidence', 'phrase', 'json']
const INSERT_STATEMENTS = `INSERT INTO statements (${STATEMENT_COLUMNS.join(', ')})
SELECT ${STATEMENT_COLUMNS.map(J).join(', ')} FROM json_each(?)`
const INSERT_FTS = `INSERT INTO statements_fts (rowid, ${SEARCH_FIELDS.join(', ')})
SELECT s.rid, ${SEARCH_FIELDS.map((_, i) => `json_extract(j.value, '$.fts[${i}]')`).join(', ')}
FROM json_each(?) j JOIN statements s ON s.id = json_extract(j.value, '$.id')`
const insertLinks = (table: string, column: string, field: string) =>
  `INSERT OR IGNORE INTO ${table} (${column}, rid) SELECT v.value, s.rid FROM json_each(?) j
JOIN statements s ON s.id = json_extract(j.value, '$.id'), json_each(j.value, '$.${field}') v`
const IDS = '(SELECT value FROM json_each(?))'

/** Removes statements (FTS rows and links included) chosen by `where`, a condition on `statements` with one parameter. */
function deleteStatements(where: string, param: string): Write[] {
  const rids = `(SELECT rid FROM statements WHERE ${where})`
  return [
    { sql: `DELETE FROM statements_fts WHERE rowid IN ${rids}`, params: [param] },
    { sql: `DELETE FROM statement_speakers WHERE rid IN ${rids}`, params: [param] },
    { sql: `DELETE FROM statement_topics WHERE rid IN ${rids}`, params: [param] },
    { sql: `DELETE FROM statement_entities WHERE rid IN ${rids}`, params: [param] },
    { sql: `DELETE FROM statements WHERE ${where}`, params: [param] },
  ]
}

function deleteArticles(ids: readonly string[]): Write[] {
  const p = JSON.stringify(ids)
  return [...deleteStatements(`article IN ${IDS}`, p), { sql: `DELETE FROM articles WHERE id IN ${IDS}`, params: [p] }]
}

/** Inserts statements: any row with the same id goes first (a statement that moved to another article). */
function insertStatements(rows: readonly string[], ids: readonly string[]): Write[] {
  const p = `[${rows.join(',')}]`
  return [
    ...deleteStatements(`id IN ${IDS}`, JSON.stringify(ids)),
    { sql: INSERT_STATEMENTS, params: [p] },
    { sql: INSERT_FTS, params: [p] },
    { sql: insertLinks('statement_speakers', 'speaker', 'speakers'), params: [p] },
    { sql: insertLinks('statement_topics', 'topic', 'topics'), params: [p] },
    { sql: insertLinks('statement_entities', 'entity', 'entities'), params: [p] },
  ]
}

function insertArticle(a: ArticleRows): Write {
  const row = {
    id: a.id,
    hash: a.hash,
    position: a.position,
    first_pos: a.statements[0]?.pos ?? -1,
    summary: a.summary,
    record: a.record,
  }
  return {
    sql: `INSERT INTO articles (id, hash, position, first_pos, summary, record)
SELECT ${['id', 'hash', 'position', 'first_pos', 'summary', 'record'].map(J).join(', ')} FROM json_each(?)`,
    params: [JSON.stringify([row])],
  }
}

/** JSON items cut into arrays of at most `max` characters (an item longer than that goes alone). */
function* chunked(items: readonly string[], max: number): Generator<string[]> {
  let current: string[] = []
  let used = 0
  for (const item of items) {
    if (current.length > 0 && used + item.length + 1 > max) {
      yield current
      current = []
      used = 0
    }
    current.push(item)
    used += item.length + 1
  }
  if (current.length > 0) yield current
}

function replaceTable(table: string, rows: readonly { id: string; json: string }[], max: number): Write[] {
  const writes: Write[] = [{ sql: `DELETE FROM ${table}`, params: [] }]
  const items = rows.map((r, rank) => JSON.stringify({ id: r.id, rank, json: r.json }))
  for (const part of chunked(items, max)) {
    writes.push({
      sql: `INSERT INTO ${table} (id, rank, json) SELECT ${J('id')}, ${J('rank')}, ${J('json')} FROM json_each(?)`,
      params: [`[${part.join(',')}]`],
    })
  }
  return writes
}

/**
 * The writes from what the database holds (`existing` articles and build) to `rows`, in groups, made
 * as the articles are read; `summary` fills in as they are. Writes of unchanged articles are never made.
 *
 * @example for (const group of planWrites(corpusRows(corpus), existing, build, summary)) await run(group)
 */
export function* planWrites(
  rows: CorpusRows,
  existing: ReadonlyMap<string, ExistingArticle>,
  existingBuild: string | null,
  summary: LoadSummary,
  maxChunk = MAX_CHUNK_CHARS,
): Generator<Write[]> {
  const wanted = new Set(rows.articleIds)
  const removed = [...existing.keys()].filter((id) => !wanted.has(id))
  summary.removed = removed.length
  let started = false
  const start = function* (): Generator<Write[]> {
    if (started) return
    started = true
    summary.needed = true
    // Marked while writing: readers keep the catalog of the build they have, and a load that stops
    // half-way is seen next time (the database then reports no build) and finished, skipping what it wrote.
    yield [{ sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('loading', ?)", params: [rows.buildHash] }]
  }
  if (removed.length > 0 || existingBuild !== rows.buildHash) yield* start()
  for (let i = 0; i < removed.length; i += 500) yield deleteArticles(removed.slice(i, i + 500))

  let pending: StatementRow[] = []
  let pendingArticles: ArticleRows[] = []
  let pendingChars = 0
  const flush = (): Write[] => {
    const writes: Write[] = []
    const json = pending.map((s) => JSON.stringify(s))
    let at = 0
    for (const part of chunked(json, maxChunk)) {
      writes.push(
        ...insertStatements(
          part,
          pending.slice(at, at + part.length).map((s) => s.id),
        ),
      )
      at += part.length
    }
    // Each article's own row goes after all its statements: its hash is what tells a later run
    // the article is written, so a load stopped in between rewrites it rather than skipping it.
    writes.push(...pendingArticles.map(insertArticle))
    pending = []
    pendingArticles = []
    pendingChars = 0
    return writes
  }

  for (const a of rows.articles) {
    summary.seen++
    const old = existing.get(a.id)
    const firstPos = a.statements[0]?.pos ?? -1
    if (old && old.hash === a.hash) {
      if (old.position === a.position && old.firstPos === firstPos) {
        summary.unchanged++
        continue
      }
      yield* start()
      summary.moved++
      yield [
        { sql: 'UPDATE statements SET pos = pos + ? WHERE article = ?', params: [firstPos - old.firstPos, a.id] },
        { sql: 'UPDATE articles SET position = ?, first_pos = ? WHERE id = ?', params: [a.position, firstPos, a.id] },
      ]
      continue
    }
    yield* start()
    if (old) summary.changed++
    else summary.added++
    summary.statements += a.statements.length
    if (old) yield deleteArticles([a.id])
    pendingArticles.push(a)
    for (const st of a.statements) {
      pending.push(st)
      pendingChars += st.json.length + st.phrase.length + st.fts.join(' ').length + 200
    }
    if (pendingChars >= maxChunk * 4) yield flush()
  }
  if (pending.length > 0 || pendingArticles.length > 0) yield flush()
  if (!started) return
  yield [
    ...replaceTable('speakers', rows.speakers, maxChunk),
    ...replaceTable('topics', rows.topics, maxChunk),
    ...replaceTable('entities', rows.entities, maxChunk),
    { sql: 'DELETE FROM catalog', params: [] },
    ...Array.from({ length: Math.ceil(rows.catalog.length / maxChunk) }, (_, i) => ({
      sql: 'INSERT INTO catalog (part, json) VALUES (?, ?)',
      params: [i, rows.catalog.slice(i * maxChunk, (i + 1) * maxChunk)],
    })),
    { sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('build_hash', ?)", params: [rows.buildHash] },
    { sql: "DELETE FROM meta WHERE key = 'loading'", params: [] },
  ]
}

export function emptySummary(): LoadSummary {
  return { added: 0, changed: 0, removed: 0, moved: 0, unchanged: 0, statements: 0, seen: 0, needed: false }
}

/**
 * Every write at once, for small corpora (the tests): see planWrites.
 *
 * @example const plan = planLoad(corpusRows(corpus), new Map(), null); for (const w of plan.writes) await run(w)
 */
export function planLoad(
  rows: CorpusRows,
  existing: ReadonlyMap<string, ExistingArticle>,
  existingBuild: string | null,
): LoadPlan {
  const summary = emptySummary()
  const writes = [...planWrites(rows, existing, existingBuild, summary)].flat()
  return { ...summary, writes }
}

/** The queries that read what planWrites needs to know about the database. */
export const EXISTING_ARTICLES_SQL = 'SELECT id, hash, position, first_pos FROM articles'
/** The build the database holds completely: none while a load is unfinished. */
export const EXISTING_BUILD_SQL =
  "SELECT value FROM meta WHERE key = 'build_hash' AND NOT EXISTS (SELECT 1 FROM meta WHERE key = 'loading')"
