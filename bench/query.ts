/**
 * Query layer against raw MiniSearch and against a full scan, side by side in one process on the
 * synthetic corpus: text queries through searchStatements (plan, filters, boosts, sort) vs
 * MiniSearch.search with the same options on the same index loaded the stock way, and listings
 * with facets through the per-value position lists vs a scan of every statement; and the peers
 * on the same corpus and queries: SQLite FTS5 (better-sqlite3; after `npm ci`, which runs no install
 * scripts, build it once with `npm rebuild better-sqlite3`) and Orama. Medians of interleaved rounds.
 * usage: npx tsx bench/query.ts [statements=10000] [--no-orama]
 *
 * `--no-orama` leaves Orama out: while its searches run between ours in this process, ours reads
 * 2-3x slower at 10k (0.15 -> 0.40-0.52 ms for `china`) and raw MiniSearch barely moves, so the
 * ratios here depend on the company each engine keeps; `npm run bench` is the run to compare.
 */

import { join } from 'node:path'
import { buildCorpus, ROOT } from '../scripts/build-data'
import { buildIndex } from '../src/search/build-index'
import type { FacetName } from '../src/search/facets'
import { matchesFilters, resolveFilters } from '../src/search/filter'
import { listStatements } from '../src/search/memory'
import { packCorpus } from '../src/search/pack'
import { unpackStore } from '../src/search/packed'
import { parseQuery } from '../src/search/query'
import { clauseQuery, planQuery, searchStatements } from '../src/search/search'
import { buildOrama, buildSqlite, loadRawMiniSearch, sqliteUnavailable } from './peers'
import { syntheticCorpus } from './synthetic'

const n = Number(process.argv[2] ?? 10_000)
const withOrama = !process.argv.includes('--no-orama')
const { corpus: base } = buildCorpus({ dataDir: join(ROOT, 'data') })
const corpus = syntheticCorpus(base, n)
const index = buildIndex(corpus.statements, corpus)
const store = unpackStore(packCorpus(corpus, index))
const raw = loadRawMiniSearch(JSON.stringify(index))

// Peers on the same corpus, built as `npm run bench` builds them (bench/peers.ts).
const sqliteMissing = await sqliteUnavailable()
if (sqliteMissing) console.error(`SQLite FTS5 skipped: ${sqliteMissing}`)
const sqlite = sqliteMissing ? null : await buildSqlite(corpus)
const orama = withOrama ? await buildOrama(corpus) : null

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
console.log(
  `| query (${n} statements) | ours | raw MiniSearch | ours ÷ raw | raw MiniSearch, our query tree | ours ÷ that | SQLite FTS5 | Orama | hits (ours) |`,
)
console.log('|---|---|---|---|---|---|---|---|---|')
for (const [name, { q, fts, tolerance }] of Object.entries(TEXT)) {
  const plan = planQuery(store, parseQuery(q))
  const ours: number[] = []
  const rawTimes: number[] = []
  const treeTimes: number[] = []
  // The query tree ours sends (synonym alternatives, prefix and typo options per clause): ours over
  // it is the cost of the layer around the index alone.
  const tree = { combineWith: 'AND', queries: plan.clauses.map(clauseQuery) } as const
  const sqlTimes: number[] = []
  const oramaTimes: number[] = []
  let hits = 0
  // Warm every engine first: the first calls time the JIT compiling each code path, not the query.
  for (let w = 0; w < 30; w++) {
    searchStatements(store, { query: parseQuery(q), limit: 20 })
    raw.search(q, { combineWith: plan.clauses.length > 1 ? 'AND' : 'OR' })
    raw.search(tree)
    if (sqlite && fts) sqlite.search(fts)
  }
  for (let r = 0; r < 40; r++) {
    // A page, as the API asks: the best 20 ranked, every match counted.
    ours.push(...time(() => (hits = searchStatements(store, { query: parseQuery(q), limit: 20 }).total), 3))
    // The same clauses as one MiniSearch query, as a bare client would send them.
    rawTimes.push(...time(() => raw.search(q, { combineWith: plan.clauses.length > 1 ? 'AND' : 'OR' }), 3))
    treeTimes.push(...time(() => raw.search(tree), 3))
    if (sqlite && fts) sqlTimes.push(...time(() => sqlite.search(fts), 3))
    for (let k = 0; orama && k < 3; k++) {
      const t = performance.now()
      await orama.search(q.replace(/"/g, ''), tolerance)
      oramaTimes.push(performance.now() - t)
    }
  }
  console.log(
    `| ${name} \`${q}\` | ${fmt(ours)} | ${fmt(rawTimes)} | ${(median(ours) / median(rawTimes)).toFixed(2)}× | ${fmt(treeTimes)} | ${(median(ours) / median(treeTimes)).toFixed(2)}× | ${fmt(sqlTimes)} | ${fmt(oramaTimes)} | ${hits} |`,
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
  const filter = { speaker: raw.speaker?.[0], kind: raw.kind?.[0] }
  for (let w = 0; w < 10; w++) listStatements(store, { filters, offset: 0, limit: 20, facets: FACETS })
  for (let r = 0; r < 40; r++) {
    if (sqlite) sqlTimes.push(...time(() => sqlite.listing(filter), 3))
    for (let k = 0; orama && k < 3; k++) {
      const t = performance.now()
      await orama.listing(filter)
      oramaTimes.push(performance.now() - t)
    }
    ours.push(
      ...time(() => {
        matches = listStatements(store, { filters, offset: 0, limit: 20, facets: FACETS }).total
      }, 3),
    )
    scans.push(...time(scan, 3))
  }
  console.log(`| ${name} | ${fmt(ours)} | ${fmt(scans)} | ${fmt(sqlTimes)} | ${fmt(oramaTimes)} | ${matches} |`)
}
sqlite?.close()
