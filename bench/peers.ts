/**
 * The peers `npm run bench` measures beside ours, on the same corpus and queries: raw MiniSearch
 * (the same index loaded the stock way, `search(q)`), SQLite FTS5 (better-sqlite3 12; skipped with a
 * message when its native binding is missing, as after a fresh `npm ci`, which runs no install
 * scripts: `npm rebuild better-sqlite3` builds it) and Orama 3.
 */
import { create, insertMultiple, search as oramaSearch } from '@orama/orama'
import MiniSearch from 'minisearch'
import type { Corpus } from '../src/search/corpus'
import { SEARCH_OPTIONS, type SearchDocument } from '../src/search/options'

export interface SqlitePeer {
  /** Every match of an FTS5 query, ordered by bm25. */
  search(fts: string): unknown[]
  /** A page of 20 statements with a filter, its total and facets speaker, kind, topic (one GROUP BY each). */
  listing(filter: { speaker?: string; kind?: string }): unknown[]
}

type Db = {
  prepare(sql: string): { all(...args: unknown[]): unknown[]; run(...args: unknown[]): unknown }
  exec(sql: string): void
  transaction<T>(fn: () => T): () => T
  close(): void
}

/** Why SQLite is skipped, or null when better-sqlite3 loads. */
export async function sqliteUnavailable(): Promise<string | null> {
  try {
    const { default: Database } = (await import('better-sqlite3')) as unknown as { default: new (f: string) => Db }
    new Database(':memory:').close()
    return null
  } catch (error) {
    return `better-sqlite3 does not load (${String(error).split('\n')[0]}); run \`npm rebuild better-sqlite3\` once after \`npm ci\``
  }
}

/** An in-memory FTS5 table of the statements: content, text and the speakers' names, plus indexed filter columns. */
export async function buildSqlite(corpus: Corpus): Promise<SqlitePeer & { close(): void }> {
  const { default: Database } = (await import('better-sqlite3')) as unknown as { default: new (f: string) => Db }
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(content, text, speaker, tokenize = 'porter unicode61');
    CREATE TABLE st (id INTEGER PRIMARY KEY, kind TEXT);
    CREATE TABLE st_speaker (st INTEGER, speaker TEXT);
    CREATE TABLE st_topic (st INTEGER, topic TEXT);`)
  const fts = db.prepare('INSERT INTO fts (rowid, content, text, speaker) VALUES (?, ?, ?, ?)')
  const row = db.prepare('INSERT INTO st (id, kind) VALUES (?, ?)')
  const sp = db.prepare('INSERT INTO st_speaker (st, speaker) VALUES (?, ?)')
  const tp = db.prepare('INSERT INTO st_topic (st, topic) VALUES (?, ?)')
  db.transaction(() => {
    corpus.statements.forEach((st, i) => {
      fts.run(i, st.content, st.text, st.speakers.map((x) => x.name).join(' ; '))
      row.run(i, st.kind)
      for (const x of new Set(st.speakers.map((x) => x.id))) sp.run(i, x)
      for (const t of new Set(st.topics)) tp.run(i, t)
    })
  })()
  db.exec(`CREATE INDEX st_speaker_s ON st_speaker (speaker, st); CREATE INDEX st_speaker_st ON st_speaker (st);
    CREATE INDEX st_topic_t ON st_topic (topic, st); CREATE INDEX st_topic_st ON st_topic (st);
    CREATE INDEX st_kind ON st (kind, id);`)
  const search = db.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts)')
  const listings = new Map<string, ReturnType<Db['prepare']>[]>()
  const listingQueries = (where: string) => [
    db.prepare(`SELECT id FROM st WHERE ${where} ORDER BY id LIMIT 20`),
    db.prepare(`SELECT count(*) FROM st WHERE ${where}`),
    db.prepare(
      `SELECT speaker, count(*) FROM st_speaker WHERE st IN (SELECT id FROM st WHERE ${where}) GROUP BY speaker`,
    ),
    db.prepare(`SELECT kind, count(*) FROM st WHERE ${where} GROUP BY kind`),
    db.prepare(`SELECT topic, count(*) FROM st_topic WHERE st IN (SELECT id FROM st WHERE ${where}) GROUP BY topic`),
  ]
  return {
    search: (q) => search.all(q),
    listing(filter) {
      const where = filter.speaker
        ? 'id IN (SELECT st FROM st_speaker WHERE speaker = ?)'
        : filter.kind
          ? 'kind = ?'
          : '1 = 1'
      let qs = listings.get(where)
      if (!qs) {
        qs = listingQueries(where)
        listings.set(where, qs)
      }
      const args = filter.speaker ? [filter.speaker] : filter.kind ? [filter.kind] : []
      return qs.map((q) => q.all(...args))
    },
    close: () => db.close(),
  }
}

export interface OramaPeer {
  search(term: string, tolerance: number): Promise<unknown>
  listing(filter: { speaker?: string; kind?: string }): Promise<unknown>
}

/** An Orama database of the same three text fields and the filter fields as enums. */
export async function buildOrama(corpus: Corpus): Promise<OramaPeer> {
  const db = create({
    schema: {
      content: 'string',
      text: 'string',
      speaker: 'string',
      kind: 'enum',
      speakers: 'enum[]',
      topics: 'enum[]',
    },
  } as const)
  await insertMultiple(
    db,
    corpus.statements.map((st) => ({
      content: st.content,
      text: st.text,
      speaker: st.speakers.map((x) => x.name).join(' ; '),
      kind: st.kind,
      speakers: st.speakers.map((x) => x.id),
      topics: st.topics,
    })),
    5000,
  )
  return {
    search: (term, tolerance) =>
      Promise.resolve(oramaSearch(db, { term, properties: ['content', 'text', 'speaker'], tolerance, limit: 20 })),
    listing: (filter) =>
      Promise.resolve(
        oramaSearch(db, {
          term: '',
          where: filter.speaker
            ? { speakers: { containsAll: [filter.speaker] } }
            : filter.kind
              ? { kind: { eq: filter.kind } }
              : {},
          facets: { speakers: { limit: 100 }, kind: {}, topics: { limit: 100 } },
          limit: 20,
        } as never),
      ),
  }
}

/** The same index ours ships, loaded by MiniSearch from its JSON with the same options. */
export function loadRawMiniSearch(indexJson: string): MiniSearch<SearchDocument> {
  return MiniSearch.loadJSON<SearchDocument>(indexJson, SEARCH_OPTIONS)
}
