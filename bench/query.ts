/**
 * Query layer against raw MiniSearch and against a full scan, side by side in one process on the
 * synthetic corpus: text queries through searchStatements (plan, filters, boosts, sort) vs
 * MiniSearch.search with the same options on the same index loaded the stock way, and listings
 * with facets through the per-value position lists vs a scan of every statement. Medians of
 * interleaved rounds. usage: npx tsx bench/query.ts [statements=10000]
 */
import { join } from 'node:path'
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
const TEXT = { 'one word': 'china', AND: 'united states relations', prefix: 'relat', fuzzy: 'diplomcy' }
console.log(`| query (${n} statements) | ours median | raw MiniSearch median | ratio | hits |`)
console.log('|---|---|---|---|---|')
for (const [name, q] of Object.entries(TEXT)) {
  const plan = planQuery(store, parseQuery(q))
  const ours: number[] = []
  const rawTimes: number[] = []
  let hits = 0
  for (let r = 0; r < 15; r++) {
    ours.push(...time(() => (hits = searchStatements(store, { query: parseQuery(q) }).hits.length), 3))
    // The same clauses as one MiniSearch query, as a bare client would send them.
    rawTimes.push(...time(() => raw.search(q, { combineWith: plan.clauses.length > 1 ? 'AND' : 'OR' }), 3))
  }
  console.log(
    `| ${name} \`${q}\` | ${median(ours).toFixed(3)} ms | ${median(rawTimes).toFixed(3)} ms | ${(median(ours) / median(rawTimes)).toFixed(2)}× | ${hits} |`,
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
console.log(`| listing + facets ${FACETS.join(',')} (${n}) | position lists median | full scan median | matches |`)
console.log('|---|---|---|---|')
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
  for (let r = 0; r < 15; r++) {
    ours.push(
      ...time(() => {
        const items = filterStatements(store, filters)
        computeFacets(store, items, FACETS)
        matches = items.length
      }, 3),
    )
    scans.push(...time(scan, 3))
  }
  console.log(`| ${name} | ${median(ours).toFixed(3)} ms | ${median(scans).toFixed(3)} ms | ${matches} |`)
}
