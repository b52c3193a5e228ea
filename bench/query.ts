/**
 * Query layer against raw MiniSearch and against a full scan, side by side in one process on the
 * synthetic corpus: text queries through searchStatements (plan, filters, boosts, sort) vs
 * MiniSearch.search with the same options on the same index loaded the stock way, and listings
 * with facets through the per-value position lists vs a scan of every statement; and the peers
 * on the same corpus and queries: SQLite FTS5 (better-sqlite3; after `npm ci`, which runs no install
 * scripts, build it once with `npm rebuild better-sqlite3`) and Orama. Medians of interleaved rounds.
 * usage: npx tsx bench/query.ts [statements=10000]
 */

import { join } from 'node:path'
import { create, insertMultiple, search as oramaSearch } from '@orama/orama'
import MiniSearch from 'minisearch'
import { buildCorpus, ROOT } from '../scripts/build-data'
import { buildIndex } from '../src/search/build-index'
import { computeFacets, type FacetName } from '../src/search/facets'
import { filterStatements, matchesFilters, resolveFilters } from '../src/search/filter'
import { SEARCH_OPTIONS, type SearchDocument } from '../src/search/options'
import { packCorpus } from '../src/search/pack'
import { unpackStore } from '../src/search/packed'
import { parseQuery } from '../src/search/query'
import { planQuery, searchStatements } from '../src/search/search'
import { syntheticCorpus } from './synthetic'

const n = Number(process.argv[2] ?? 10_000)
const { corpus: base } = buildCorpus({ dataDir: join(ROOT, 'data') })
const corpus = syntheticCorpus(base, n)
const index = buildIndex(corpus.statements, corpus)
const store = unpackStore(packCorpus(corpus, index))
const raw = MiniSearch.loadJSON<SearchDocument>(JSON.stringify(index), SEARCH_OPTIONS)

// Peers: one row per statement, the fields ours searches (speaker names as text) and the filter columns.
type Sqlite = {
  prepare(sql: string): { all(...args: unknown[]): unknown[]; run(...args: unknown[]): unknown }
  exec(sql: string): void
  transaction<T>(fn: () => T): () => T
}
let sqlite: Sqlite | null = null
try {
  const { default: Database } = (await import('better-sqlite3')) as unknown as { default: new (f: string) => Sqlite }
  sqlite = new Database(':memory:')
} catch (error) {
  console.error(
    `SQLite FTS5 skipped: better-sqlite3 does not load (${String(error).split('\n')[0]}); run npm rebuild better-sqlite3`,
  )
}
if (sqlite) {
  const db = sqlite
  db.exec(`CREATE VIRTUAL TABLE fts USING fts5(content, text, speaker, tokenize = 'porter unicode61');
    CREATE TABLE st (id INTEGER PRIMARY KEY, kind TEXT);
    CREATE TABLE st_speaker (st INTEGER, speaker TEXT); CREATE INDEX st_speaker_s ON st_speaker (speaker, st);
    CREATE TABLE st_topic (st INTEGER, topic TEXT); CREATE INDEX st_topic_t ON st_topic (topic, st);
    CREATE INDEX st_kind ON st (kind, id);`)
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
}
const orama = create({
  schema: { content: 'string', text: 'string', speaker: 'string', kind: 'enum', speakers: 'enum[]', topics: 'enum[]' },
} as const)
await insertMultiple(
  orama,
  corpus.statements.map((st) => ({
    content: st.content,
    text: st.text,
    speaker: st.speakers.map((x) => x.name).join(' ; '),
    kind: st.kind,
    speakers: st.speakers.map((x) => x.id),
    topics: st.topics,
  })),
)

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
function time(fn: () => unknown, rounds: number): number[] {
  const out: number[] = []
  for (let r = 0; r < rounds; r++) {
    const t = performance.now()
    fn()
    out.push(performance.now() - t)
  }
  return out
}

// Common words of the synthetic vocabulary; the last of a query may be a prefix, unknown words are fuzzy.
const TEXT: Record<string, { q: string; fts: string | null; tolerance: number }> = {
  'one word': { q: 'china', fts: 'china', tolerance: 0 },
  AND: { q: 'united states relations', fts: 'united AND states AND relations', tolerance: 0 },
  prefix: { q: 'relat', fts: 'relat*', tolerance: 0 },
  fuzzy: { q: 'diplomcy', fts: null, tolerance: 1 },
  phrase: { q: '"the united states"', fts: '"the united states"', tolerance: 0 },
}
const fmt = (xs: number[]) => (xs.length ? `${median(xs).toFixed(3)} ms` : 'n/a')
console.log(`| query (${n} statements) | ours | raw MiniSearch | ours ÷ raw | SQLite FTS5 | Orama | hits (ours) |`)
console.log('|---|---|---|---|---|---|---|')
for (const [name, { q, fts, tolerance }] of Object.entries(TEXT)) {
  const plan = planQuery(store, parseQuery(q))
  const ours: number[] = []
  const rawTimes: number[] = []
  const sqlTimes: number[] = []
  const oramaTimes: number[] = []
  const ftsQuery = sqlite && fts ? sqlite.prepare('SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts)') : null
  let hits = 0
  for (let r = 0; r < 15; r++) {
    // A page, as the API asks: the best 20 ranked, every match counted.
    ours.push(...time(() => (hits = searchStatements(store, { query: parseQuery(q), limit: 20 }).total), 3))
    // The same clauses as one MiniSearch query, as a bare client would send them.
    rawTimes.push(...time(() => raw.search(q, { combineWith: plan.clauses.length > 1 ? 'AND' : 'OR' }), 3))
    if (ftsQuery) sqlTimes.push(...time(() => ftsQuery.all(fts), 3))
    for (let k = 0; k < 3; k++) {
      const t = performance.now()
      await oramaSearch(orama, {
        term: q.replace(/"/g, ''),
        properties: ['content', 'text', 'speaker'],
        tolerance,
        limit: 20,
      })
      oramaTimes.push(performance.now() - t)
    }
  }
  console.log(
    `| ${name} \`${q}\` | ${fmt(ours)} | ${fmt(rawTimes)} | ${(median(ours) / median(rawTimes)).toFixed(2)}× | ${fmt(sqlTimes)} | ${fmt(oramaTimes)} | ${hits} |`,
  )
}

const FACETS: FacetName[] = ['speaker', 'kind', 'topic']
const speaker = store.speakers[3]!.id
const LISTINGS: Record<string, Record<string, string[]>> = {
  'no filter': {},
  [`speaker=${speaker}`]: { speaker: [speaker] },
  'kind=direct': { kind: ['direct'] },
}
console.log()
console.log(
  `| listing + facets ${FACETS.join(',')} (${n}) | ours (position lists) | full scan | SQLite (indexes, GROUP BY) | Orama (where + facets) | matches |`,
)
console.log('|---|---|---|---|---|---|')
for (const [name, raw] of Object.entries(LISTINGS)) {
  const { filters } = resolveFilters(store, raw)
  const scan = () => {
    const items = store.statements.filter((st) => matchesFilters(st, filters))
    const counts = FACETS.map(() => new Map<string, number>())
    for (const st of items) {
      for (const id of new Set(st.speakers.map((s) => s.id))) counts[0]!.set(id, (counts[0]!.get(id) ?? 0) + 1)
      counts[1]!.set(st.kind, (counts[1]!.get(st.kind) ?? 0) + 1)
      for (const t of new Set(st.topics)) counts[2]!.set(t, (counts[2]!.get(t) ?? 0) + 1)
    }
    return items.length
  }
  let matches = 0
  const ours: number[] = []
  const scans: number[] = []
  const sqlTimes: number[] = []
  const oramaTimes: number[] = []
  // SQLite: the matching ids through the filter's index, and one GROUP BY per facet over them.
  const where = raw.speaker ? 'id IN (SELECT st FROM st_speaker WHERE speaker = ?)' : raw.kind ? 'kind = ?' : '1 = 1'
  const args = raw.speaker ?? raw.kind ?? []
  const sqlListing = sqlite
    ? [
        sqlite.prepare(`SELECT id FROM st WHERE ${where} ORDER BY id LIMIT 20`),
        sqlite.prepare(
          `SELECT speaker, count(*) FROM st_speaker WHERE st IN (SELECT id FROM st WHERE ${where}) GROUP BY speaker`,
        ),
        sqlite.prepare(`SELECT kind, count(*) FROM st WHERE ${where} GROUP BY kind`),
        sqlite.prepare(
          `SELECT topic, count(*) FROM st_topic WHERE st IN (SELECT id FROM st WHERE ${where}) GROUP BY topic`,
        ),
        sqlite.prepare(`SELECT count(*) FROM st WHERE ${where}`),
      ]
    : null
  const oramaWhere = raw.speaker
    ? { speakers: { containsAll: raw.speaker } }
    : raw.kind
      ? { kind: { eq: raw.kind[0] } }
      : {}
  for (let r = 0; r < 15; r++) {
    if (sqlListing) sqlTimes.push(...time(() => sqlListing.map((q) => q.all(...args)), 3))
    for (let k = 0; k < 3; k++) {
      const t = performance.now()
      await oramaSearch(orama, {
        term: '',
        where: oramaWhere,
        facets: { speakers: { limit: 100 }, kind: {}, topics: { limit: 100 } },
        limit: 20,
      } as never)
      oramaTimes.push(performance.now() - t)
    }
    ours.push(
      ...time(() => {
        const items = filterStatements(store, filters)
        computeFacets(store, items, FACETS)
        matches = items.length
      }, 3),
    )
    scans.push(...time(scan, 3))
  }
  console.log(`| ${name} | ${fmt(ours)} | ${fmt(scans)} | ${fmt(sqlTimes)} | ${fmt(oramaTimes)} | ${matches} |`)
}
