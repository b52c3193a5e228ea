/**
 * Benchmarks: extraction throughput, search latency on the seed corpus and on a synthetic
 * 10k-statement corpus, the worst allowed request, and load (cold start) time. Writes
 * bench/RESULTS.md. Speed targets live here, never in unit tests.
 *
 * usage: npm run bench   (tsx bench/run.ts [--quick])
 */

import { readdirSync, readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCorpus } from '../scripts/build-data'
import { extractStatements } from '../src/extract/index'
import { explainHits } from '../src/search/explain'
import { computeFacets, FACET_NAMES, type FacetName } from '../src/search/facets'
import { highlightHit, markHtml, snippet } from '../src/search/highlight'
import { loadStore } from '../src/search/pack'
import { parseQuery } from '../src/search/query'
import { searchStatements } from '../src/search/search'
import type { Store } from '../src/search/store'
import { writeSection } from './results'
import { indexCorpus, syntheticCorpus } from './synthetic'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const quick = process.argv.includes('--quick')

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}
function time(fn: () => void): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}
const ms = (x: number) => `${x.toFixed(3)} ms`

/** What one `/v1/search` request computes, minus HTTP: search, facets, a page with highlights and snippets. */
interface RequestShape {
  facets?: readonly FacetName[]
  /** Highlight and snippet a page of results (as /v1/search always does); off for the bare search. */
  page?: boolean
  limit?: number
  explain?: boolean
  html?: boolean
  any?: boolean
}

function fullRequest(store: Store, q: string, opts: RequestShape = {}) {
  const outcome = searchStatements(store, { query: parseQuery(q), match: opts.any ? 'any' : 'all' })
  if (opts.facets?.length)
    computeFacets(
      store,
      outcome.hits.map((h) => h.statement),
      opts.facets,
    )
  if (opts.page === false) return outcome.hits.length
  const page = outcome.hits.slice(0, opts.limit ?? 20)
  if (opts.explain) explainHits(store, page, outcome.plan)
  for (const hit of page) {
    const hl = highlightHit(hit, outcome.plan)
    snippet(hit.statement.content, hl)
    if (opts.html) {
      markHtml(hit.statement.content, hl, 'content')
      markHtml(hit.statement.text, hl, 'text')
    }
  }
  return outcome.hits.length
}

const QUERIES = [
  'face-to-face diplomacy',
  'relationship',
  'diplomcy',
  'Taiw',
  'north korea',
  'what did Han say about cooperation',
  '"open lines of communication"',
  'G20 summit',
  'united states -taiwan',
  'speaker:blinken relationship',
  'stable development relations',
  'talks',
]
const WORST =
  'internationally representatives negotiations communication relationship development understanding cooperation opportunities responsibility administration perspective'

/** The shapes of request measured, from the bare search to a page with every facet. */
const SHAPES: Record<string, RequestShape> = {
  'search only': { page: false },
  'page of 20 + facets speaker,kind': { facets: ['speaker', 'kind'] },
  'page of 20 + all 6 facets': { facets: FACET_NAMES },
}

function benchQueries(store: Store, rounds: number, shape: RequestShape = SHAPES['page of 20 + all 6 facets']!) {
  const all: number[] = []
  const byQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]))
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const t = time(() => fullRequest(store, q, shape))
      all.push(t)
      byQuery.get(q)!.push(t)
    }
  }
  return Object.assign(all, { byQuery })
}

function main(): void {
  const lines: string[] = []
  const log = (s = '') => {
    console.log(s)
    lines.push(s)
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  log('## Extraction and search (in process)')
  log()
  log(
    `Command: \`npm run bench\`${quick ? ' (--quick)' : ''}. Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  )
  log('The machine is shared and noisy: figures are medians (and p99) of repeated runs in one process, side by side.')
  log()

  // Extraction throughput.
  const texts = [readFileSync(join(ROOT, 'data/articles/han-blinken-unga-2023.txt'), 'utf8')].concat(
    readdirSync(join(ROOT, 'test/fixtures/articles'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(ROOT, 'test/fixtures/articles', f), 'utf8')),
  )
  const oneCorpusBytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0)
  const repeats = Math.ceil((1024 * 1024) / oneCorpusBytes)
  const bytes = oneCorpusBytes * repeats
  const extractRuns: number[] = []
  for (let r = 0; r < (quick ? 3 : 7); r++) {
    extractRuns.push(
      time(() => {
        for (let k = 0; k < repeats; k++)
          for (const [i, text] of texts.entries()) extractStatements({ id: `a${k}-${i}`, text, date: null })
      }),
    )
  }
  const big = texts.join('\n').repeat(repeats)
  const bigRuns: number[] = []
  for (let r = 0; r < (quick ? 2 : 5); r++)
    bigRuns.push(time(() => extractStatements({ id: 'big', text: big, date: null })))
  log('### Extraction')
  log()
  log('| input | median time | throughput |')
  log('|---|---|---|')
  const mbps = (t: number, b: number) => `${(b / 2 ** 20 / (t / 1000)).toFixed(2)} MB/s`
  log(
    `| ${texts.length} articles × ${repeats} (${(bytes / 2 ** 20).toFixed(2)} MB) | ${median(extractRuns).toFixed(0)} ms | ${mbps(median(extractRuns), bytes)} |`,
  )
  log(
    `| one ${(Buffer.byteLength(big) / 2 ** 20).toFixed(2)} MB article | ${median(bigRuns).toFixed(0)} ms | ${mbps(median(bigRuns), Buffer.byteLength(big))} |`,
  )
  log()
  log('Target: at least 1 MB of article text per second.')
  log()

  // Search on the seed corpus.
  const { corpus, indexJson } = buildCorpus({ dataDir: join(ROOT, 'data') })
  const corpusJson = JSON.stringify(corpus)
  const loads: number[] = []
  let store!: Store
  for (let r = 0; r < 20; r++) loads.push(time(() => (store = loadStore(corpusJson, indexJson))))
  benchQueries(store, 20) // warm up
  const seedTimes = benchQueries(store, quick ? 50 : 300)
  const worstSeed: number[] = []
  for (let r = 0; r < (quick ? 50 : 300); r++)
    worstSeed.push(
      time(() => fullRequest(store, WORST, { facets: FACET_NAMES, limit: 100, explain: true, html: true, any: true })),
    )

  // Search on a synthetic 10k-statement corpus.
  const synthetic = syntheticCorpus(corpus, 10_000)
  const synthIndexJson = indexCorpus(synthetic)
  const synthCorpusJson = JSON.stringify(synthetic)
  const synthLoads: number[] = []
  let synthStore!: Store
  for (let r = 0; r < 5; r++) synthLoads.push(time(() => (synthStore = loadStore(synthCorpusJson, synthIndexJson))))
  benchQueries(synthStore, 3)
  const synthTimes = benchQueries(synthStore, quick ? 10 : 40)
  // Each shape side by side in one run, on both corpora.
  const shapeRows = Object.entries(SHAPES).map(([name, shape]) => ({
    name,
    seed: benchQueries(store, quick ? 20 : 100, shape),
    synth: benchQueries(synthStore, quick ? 10 : 40, shape),
  }))
  const worstSynth: number[] = []
  for (let r = 0; r < (quick ? 10 : 40); r++)
    worstSynth.push(
      time(() =>
        fullRequest(synthStore, WORST, { facets: FACET_NAMES, limit: 100, explain: true, html: true, any: true }),
      ),
    )

  log('### Search (in-process CPU time of what /v1/search computes: search, facets, highlights and snippets of a page)')
  log()
  log(
    `Queries: ${QUERIES.map((q) => `\`${q}\``).join(', ')}. Worst allowed request: 12 long words (2 typos each), \`match=any\`, all facets, \`limit=100\`, \`explain=true\`, \`highlight=html\`.`,
  )
  log()
  log('| corpus | statements | median | p99 | worst request median | worst request p99 | load (cold start) median |')
  log('|---|---|---|---|---|---|---|')
  log(
    `| seed | ${corpus.statements.length} | ${ms(median(seedTimes))} | ${ms(percentile(seedTimes, 99))} | ${ms(median(worstSeed))} | ${ms(percentile(worstSeed, 99))} | ${ms(median(loads))} |`,
  )
  log(
    `| synthetic | ${synthetic.statements.length} | ${ms(median(synthTimes))} | ${ms(percentile(synthTimes, 99))} | ${ms(median(worstSynth))} | ${ms(percentile(worstSynth, 99))} | ${ms(median(synthLoads))} |`,
  )
  log()
  log('By request shape (all queries pooled):')
  log()
  log('| request | seed median | seed p99 | synthetic median | synthetic p99 |')
  log('|---|---|---|---|---|')
  for (const row of shapeRows) {
    log(
      `| ${row.name} | ${ms(median(row.seed))} | ${ms(percentile(row.seed, 99))} | ${ms(median(row.synth))} | ${ms(percentile(row.synth, 99))} |`,
    )
  }
  log()
  log('Per query, median with all 6 facets (seed / synthetic):')
  log()
  log('| query | seed | synthetic | synthetic hits |')
  log('|---|---|---|---|')
  for (const q of QUERIES) {
    const hits = searchStatements(synthStore, { query: parseQuery(q) }).hits.length
    log(`| \`${q}\` | ${ms(median(seedTimes.byQuery.get(q)!))} | ${ms(median(synthTimes.byQuery.get(q)!))} | ${hits} |`)
  }
  log()
  log(
    `Ratio synthetic/seed, median query: ${(median(synthTimes) / median(seedTimes)).toFixed(1)}×. Index JSON: seed ${(indexJson.length / 1024).toFixed(1)} KiB, synthetic ${(synthIndexJson.length / 2 ** 20).toFixed(2)} MiB.`,
  )
  log()
  log(
    'Targets: seed median under 1 ms; synthetic 10k p99 under 10 ms; the worst allowed request within 10 ms of CPU on the seed corpus (the Workers free plan).',
  )
  log()
  writeSection(join(ROOT, 'bench/RESULTS.md'), 'bench', lines.join('\n'))
  console.error('wrote bench/RESULTS.md')
}

main()
