/**
 * `npm run bench`: the whole benchmark in one bounded run (under 10 minutes on 2 cores). For each
 * corpus size (synthetic, bench/synthetic.ts; default 1k, 10k, 50k, 100k statements): build time,
 * load time, heap, p50/p99 of the query mix (one word, AND, prefix, fuzzy, phrase, listing with
 * facets, and the worst request the limits allow) for ours and, on the same corpus and queries,
 * raw MiniSearch, SQLite FTS5 and Orama, interleaved round by round, with ratios; startup in
 * workerd; then extraction throughput and search against /health through `wrangler dev` (wrk).
 * Writes the `bench` and `http` sections of bench/RESULTS.md, bench/results.json (every raw figure)
 * and bench/chart.svg.
 *
 * Bounds: fixed round counts, a time budget per query row and per engine (an engine past its budget
 * stops being sampled, and says with how many samples), and a run budget after which the remaining
 * sections are skipped with a note.
 *
 * usage: npm run bench [-- --sizes 1000,10000 --no-http --no-workerd --budget-s 540]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { buildCorpus } from '../scripts/build-data'
import { extractStatements } from '../src/extract/index'
import { buildIndex } from '../src/search/build-index'
import { explainHits } from '../src/search/explain'
import { computeFacetsAt, FACET_NAMES, type FacetName } from '../src/search/facets'
import { filterPositions, resolveFilters } from '../src/search/filter'
import { highlightHit, markHtml, snippet } from '../src/search/highlight'
import { LIMITS } from '../src/search/limits'
import { listStatements } from '../src/search/memory'
import { packCorpus } from '../src/search/pack'
import { unpackStore } from '../src/search/packed'
import { parseQuery } from '../src/search/query'
import { planQuery, searchStatements } from '../src/search/search'
import type { Store } from '../src/search/store'
import { chartSvg } from './chart'
import { type CompareResult, compareMarkdown, compareRps, hasWrk } from './load'
import { buildOrama, buildSqlite, loadRawMiniSearch, sqliteUnavailable } from './peers'
import { writeResultsJson, writeSection } from './results'
import { SYNTHETIC_SPEAKERS, SYNTHETIC_VOCABULARY, syntheticCorpus } from './synthetic'
import { bundleWorker, measureWorkerd } from './workerd'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000,100000' },
    'no-http': { type: 'boolean', default: false },
    'no-workerd': { type: 'boolean', default: false },
    'budget-s': { type: 'string', default: '540' },
    'http-rounds': { type: 'string', default: '10' },
  },
})
const SIZES = args.sizes.split(',').map(Number)
const RUN_BUDGET_MS = Number(args['budget-s']) * 1000
const started = performance.now()
const elapsed = () => performance.now() - started
const overBudget = () => elapsed() > RUN_BUDGET_MS
const skipped: string[] = []

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! : Number.NaN)
const percentile = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!
}
function time(fn: () => unknown): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}
async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await fn()
  return performance.now() - t
}
const r3 = (x: number) => (Number.isFinite(x) ? +x.toFixed(3) : null)

/** One request as /v1/search computes it, minus HTTP and JSON: search, facets, a page with highlights and snippets. */
function searchPage(
  store: Store,
  q: string,
  opts: { facets?: readonly FacetName[]; limit?: number; explain?: boolean; html?: boolean; any?: boolean } = {},
) {
  const outcome = searchStatements(store, { query: parseQuery(q), match: opts.any ? 'any' : 'all' })
  if (opts.facets?.length) computeFacetsAt(store, outcome.matched, opts.facets)
  const page = outcome.hits.slice(0, opts.limit ?? LIMITS.defaultLimit)
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

/**
 * The query mix. Words are common in the synthetic vocabulary (the base articles' words rank first);
 * `fts` is the same query in FTS5 syntax (null: FTS5 has no typo tolerance), `tolerance` Orama's.
 */
const TEXT = [
  { name: 'one word', q: 'china', fts: 'china', tolerance: 0 },
  { name: 'AND', q: 'united states relations', fts: 'united AND states AND relations', tolerance: 0 },
  { name: 'prefix', q: 'relat', fts: 'relat*', tolerance: 0 },
  { name: 'fuzzy', q: 'diplomcy', fts: null, tolerance: 1 },
  { name: 'phrase', q: '"the president"', fts: '"the president"', tolerance: 0 },
] as const
/** The worst request the limits allow: 12 long words (typo-tolerant), match=any, all facets, limit 100, explain, html. */
const WORST =
  'internationally representatives negotiations communication relationship development understanding cooperation opportunities responsibility administration perspective'
const LISTING_FACETS: FacetName[] = ['speaker', 'kind', 'topic']

type Engine = 'ours' | 'ours_page' | 'raw' | 'sqlite' | 'orama'
interface Cell {
  p50: number | null
  p99: number | null
  n: number
  /** Sampling stopped early because this engine used up its budget for the row. */
  capped?: boolean
}
interface Row {
  name: string
  query: string
  hits: number
  cells: Partial<Record<Engine, Cell>>
}

/** Fixed rounds, each engine once per round (interleaved); an engine past `engineBudget` ms in this row stops. */
/** Warm-up of each engine before a row's samples: at most this many calls, and at most this long. */
const WARMUP_CALLS = 30
const WARMUP_MS = 30

async function measureRow(
  name: string,
  query: string,
  engines: Partial<Record<Engine, () => unknown>>,
  rounds: number,
  engineBudget: number,
  hits: number,
): Promise<Row> {
  const samples = new Map<Engine, number[]>()
  const spent = new Map<Engine, number>()
  const capped = new Set<Engine>()
  const list = Object.entries(engines) as Array<[Engine, () => unknown]>
  for (const [e, fn] of list) {
    // Warm-up, not counted: up to WARMUP_CALLS calls or WARMUP_MS, whichever comes first, so the
    // samples time each engine's optimised code rather than V8 compiling it (at 1k statements a
    // query takes 30-300 µs, and 40 samples after a single call timed mostly unoptimised code). A
    // first call that alone spends the engine's budget is its one sample.
    const t = await timeAsync(async () => fn())
    samples.set(e, t > engineBudget ? [t] : [])
    spent.set(e, t)
    if (t > engineBudget) continue
    const warmStart = performance.now()
    for (let w = 1; w < WARMUP_CALLS && performance.now() - warmStart < WARMUP_MS; w++) await fn()
  }
  for (let r = 0; r < rounds; r++) {
    for (const [e, fn] of list) {
      if (spent.get(e)! > engineBudget) {
        capped.add(e)
        continue
      }
      const t = await timeAsync(async () => fn())
      samples.get(e)!.push(t)
      spent.set(e, spent.get(e)! + t)
    }
  }
  const cells: Row['cells'] = {}
  for (const [e] of list) {
    const xs = samples.get(e)!
    cells[e] = {
      p50: r3(median(xs)),
      p99: r3(percentile(xs, 99)),
      n: xs.length,
      ...(capped.has(e) ? { capped: true } : {}),
    }
  }
  return { name, query, hits, cells }
}

interface SizeResult {
  statements: number
  articles: number
  speakers: number
  generate_ms: number
  /** buildIndex + packCorpus, as build-data does. */
  build_ms: number
  data_bytes: number
  data_gzip_bytes: number
  /** unpackStore of the shipped text, median of 3. */
  load_ms: number
  /** What the loaded store keeps after full GCs (Node, bench/live-heap.ts). */
  live_heap_mib: number | null
  peers_build_ms: { raw: number; sqlite: number | null; orama: number }
  rows: Row[]
  workerd: null | {
    startup_ms: number
    startup_cpu_ms: number
    heap_mib: number
    code_gzip_kib: number
  }
}

async function benchSize(base: ReturnType<typeof buildCorpus>['corpus'], n: number, sqliteOk: boolean) {
  const small = n <= 10_000
  const rounds = small ? 40 : 20
  const engineBudget = small ? 1500 : 3000
  let t = performance.now()
  const corpus = syntheticCorpus(base, n)
  const generateMs = performance.now() - t
  t = performance.now()
  const index = buildIndex(corpus.statements, corpus)
  const packed = packCorpus(corpus, index)
  const buildMs = performance.now() - t
  const dir = join(ROOT, '.tmp', `bench-${n}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'corpus.bin'), packed)
  let store!: Store
  const loads: number[] = []
  for (let r = 0; r < 3; r++) loads.push(time(() => (store = unpackStore(packed))))
  let liveHeap: number | null = null
  try {
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/live-heap.ts'), join(dir, 'corpus.bin')],
      { encoding: 'utf8', timeout: 120_000 },
    )
    liveHeap = Number(out.trim().split(' ')[0])
  } catch (error) {
    console.error(`bench: live heap at ${n} not measured: ${String(error).split('\n')[0]}`)
  }

  t = performance.now()
  const raw = loadRawMiniSearch(JSON.stringify(index))
  const rawMs = performance.now() - t
  t = performance.now()
  const sqlite = sqliteOk ? await buildSqlite(corpus) : null
  const sqliteMs = sqlite ? performance.now() - t : null
  t = performance.now()
  const orama = await buildOrama(corpus)
  const oramaMs = performance.now() - t
  console.error(
    `bench ${n}: generated ${generateMs.toFixed(0)} ms, built ${buildMs.toFixed(0)} ms, loaded ${median(loads).toFixed(0)} ms; peers built (raw ${rawMs.toFixed(0)}, sqlite ${sqliteMs?.toFixed(0) ?? '-'}, orama ${oramaMs.toFixed(0)} ms) at ${(elapsed() / 1000).toFixed(0)} s`,
  )

  const rows: Row[] = []
  for (const { name, q, fts, tolerance } of TEXT) {
    const plan = planQuery(store, parseQuery(q))
    const hits = searchStatements(store, { query: parseQuery(q) }).hits.length
    rows.push(
      await measureRow(
        name,
        q,
        {
          ours: () => searchStatements(store, { query: parseQuery(q) }),
          ours_page: () => searchPage(store, q),
          // The same clauses as one MiniSearch query, as a bare client would send them.
          raw: () => raw.search(q.replace(/"/g, ''), { combineWith: plan.clauses.length > 1 ? 'AND' : 'OR' }),
          ...(sqlite && fts ? { sqlite: () => sqlite.search(fts) } : {}),
          orama: () => orama.search(q.replace(/"/g, ''), tolerance),
        },
        rounds,
        engineBudget,
        hits,
      ),
    )
  }
  const speaker = store.speakers.find((s) => s.id.includes('-'))?.id ?? store.speakers[0]!.id
  for (const [name, filter] of [
    [`listing speaker=${speaker} + 3 facets`, { speaker }],
    ['listing kind=direct + 3 facets', { kind: 'direct' }],
  ] as const) {
    const { filters } = resolveFilters(store, filter.speaker ? { speaker: [filter.speaker] } : { kind: [filter.kind!] })
    const matches = filterPositions(store, filters).length
    rows.push(
      await measureRow(
        name,
        `facets=${LISTING_FACETS.join(',')}`,
        {
          ours: () => listStatements(store, { filters, offset: 0, limit: LIMITS.defaultLimit, facets: LISTING_FACETS }),
          ...(sqlite ? { sqlite: () => sqlite.listing(filter) } : {}),
          orama: () => orama.listing(filter),
        },
        rounds,
        engineBudget,
        matches,
      ),
    )
  }
  const worstOpts = { facets: FACET_NAMES, limit: LIMITS.maxLimit, explain: true, html: true, any: true }
  rows.push(
    await measureRow(
      'worst allowed request',
      '12 long words, match=any, 6 facets, limit=100, explain, html',
      { ours_page: () => searchPage(store, WORST, worstOpts) },
      small ? 20 : 10,
      engineBudget,
      searchStatements(store, { query: parseQuery(WORST), match: 'any' }).hits.length,
    ),
  )
  sqlite?.close()

  let workerd: SizeResult['workerd'] = null
  if (!args['no-workerd'] && !overBudget()) {
    const bundle = await bundleWorker(dir)
    const f = await measureWorkerd(bundle, 3)
    workerd = {
      startup_ms: Math.round(f.startupMs),
      startup_cpu_ms: Math.round(f.startupCpuMs),
      heap_mib: +(f.heapBytes / 2 ** 20).toFixed(1),
      code_gzip_kib: Math.round(gzipSync(bundle.code).length / 1024),
    }
  } else if (!args['no-workerd']) skipped.push(`workerd startup at ${n} (run budget spent)`)
  rmSync(dir, { recursive: true, force: true })
  const result: SizeResult = {
    statements: n,
    articles: corpus.articles.length,
    speakers: store.speakers.length,
    generate_ms: Math.round(generateMs),
    build_ms: Math.round(buildMs),
    data_bytes: packed.length,
    data_gzip_bytes: gzipSync(packed).length,
    load_ms: r3(median(loads))!,
    live_heap_mib: liveHeap,
    peers_build_ms: { raw: Math.round(rawMs), sqlite: sqliteMs && Math.round(sqliteMs), orama: Math.round(oramaMs) },
    rows,
    workerd,
  }
  console.error(`bench ${n}: done at ${(elapsed() / 1000).toFixed(0)} s`)
  return result
}

function extraction() {
  const texts = [readFileSync(join(ROOT, 'data/articles/han-blinken-unga-2023.txt'), 'utf8')].concat(
    readdirSync(join(ROOT, 'test/fixtures/articles'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(ROOT, 'test/fixtures/articles', f), 'utf8')),
  )
  const oneBytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0)
  const repeats = Math.ceil((1024 * 1024) / oneBytes)
  const runs: number[] = []
  for (let r = 0; r < 3; r++)
    runs.push(
      time(() => {
        for (let k = 0; k < repeats; k++)
          for (const [i, text] of texts.entries()) extractStatements({ id: `a${k}-${i}`, text, date: null })
      }),
    )
  return { articles: texts.length, repeats, bytes: oneBytes * repeats, median_ms: Math.round(median(runs)) }
}

// ---- markdown ----
const f = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x < 10 ? x.toFixed(3) : x.toFixed(1)
const ratio = (a: Cell | undefined, b: Cell | undefined) =>
  a?.p50 && b?.p50 ? `${(a.p50 / b.p50).toFixed(2)}×` : 'n/a'
const cellMd = (c: Cell | undefined) => (c ? `${f(c.p50)}${c.capped ? ` (n=${c.n})` : ''}` : 'n/a')

function sizeMarkdown(s: SizeResult): string[] {
  const out = [
    `### ${s.statements.toLocaleString('en-US')} statements (${s.articles} articles, ${s.speakers} speakers)`,
    '',
    `Generated in ${s.generate_ms} ms; built (index + pack) in ${s.build_ms} ms: ${(s.data_bytes / 2 ** 20).toFixed(2)} MiB, ${(s.data_gzip_bytes / 2 ** 20).toFixed(2)} MiB gzip; loaded in ${f(s.load_ms)} ms; live heap ${s.live_heap_mib ?? 'n/a'} MiB. Peers built in: raw MiniSearch (loadJSON) ${s.peers_build_ms.raw} ms, SQLite ${s.peers_build_ms.sqlite ?? 'n/a'} ms, Orama ${s.peers_build_ms.orama} ms.`,
    '',
    '| query | ours p50 | ours p99 | ours + page p50 | raw MiniSearch p50 | ours ÷ raw | SQLite FTS5 p50 | ours ÷ SQLite | Orama p50 | ours ÷ Orama | matches |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of s.rows) {
    const ours = r.cells.ours ?? r.cells.ours_page
    out.push(
      `| ${r.name} \`${r.query}\` | ${cellMd(r.cells.ours)} | ${f(r.cells.ours?.p99)} | ${cellMd(r.cells.ours_page)}${r.cells.ours ? '' : ` (p99 ${f(r.cells.ours_page?.p99)})`} | ${cellMd(r.cells.raw)} | ${ratio(ours, r.cells.raw)} | ${cellMd(r.cells.sqlite)} | ${ratio(ours, r.cells.sqlite)} | ${cellMd(r.cells.orama)} | ${ratio(ours, r.cells.orama)} | ${r.hits} |`,
    )
  }
  out.push('')
  return out
}

async function main() {
  const { corpus: base } = buildCorpus({ dataDir: join(ROOT, 'data') })
  const sqliteWhy = await sqliteUnavailable()
  if (sqliteWhy) console.error(`bench: SQLite FTS5 peer skipped: ${sqliteWhy}`)
  const sizes: SizeResult[] = []
  for (const n of SIZES) {
    if (overBudget()) {
      skipped.push(`corpus of ${n} statements (run budget spent)`)
      continue
    }
    sizes.push(await benchSize(base, n, !sqliteWhy))
    ;(globalThis as { gc?: () => void }).gc?.()
  }
  const extract = overBudget() ? null : extraction()
  if (!extract) skipped.push('extraction (run budget spent)')

  let http: CompareResult | null = null
  let httpNote = ''
  if (args['no-http']) httpNote = 'skipped (--no-http)'
  else if (!hasWrk()) httpNote = 'skipped: wrk is not installed (`apt-get install -y wrk`)'
  else if (elapsed() > RUN_BUDGET_MS - 60_000) httpNote = 'skipped: the run budget was spent'
  else {
    const rounds = Math.max(1, Math.min(20, Number(args['http-rounds'])))
    http = await compareRps({ rounds, duration: 3, connections: 32, port: 8797 })
  }
  if (httpNote) skipped.push(`HTTP comparison: ${httpNote}`)

  const wallS = Math.round(elapsed() / 1000)
  const date = new Date().toISOString()
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
  const command = `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')

  // Chart: latency, heap and startup against corpus size.
  const xs = sizes.map((s) => s.statements)
  const rowOf = (s: SizeResult, name: string) => s.rows.find((r) => r.name.startsWith(name))
  const lat = (name: string, e: Engine) => sizes.map((s) => rowOf(s, name)?.cells[e]?.p50 ?? null)
  const svg = chartSvg(`whosaid npm run bench, ${date.slice(0, 10)}, ${machine}`, xs, [
    {
      title: 'one-word search p50',
      unit: 'ms',
      logY: true,
      series: [
        { name: 'ours', values: lat('one word', 'ours') },
        { name: 'raw MiniSearch', values: lat('one word', 'raw') },
        { name: 'SQLite FTS5', values: lat('one word', 'sqlite') },
        { name: 'Orama', values: lat('one word', 'orama') },
        { name: 'ours, worst request', values: lat('worst', 'ours_page'), dashed: true },
        { name: 'ours, listing + facets', values: lat('listing kind', 'ours'), dashed: true },
      ],
      limit: { value: 10, label: '10 ms CPU (free plan)' },
    },
    {
      title: 'heap',
      unit: 'MiB',
      series: [
        { name: 'live heap (Node, after GC)', values: sizes.map((s) => s.live_heap_mib) },
        { name: 'workerd heap', values: sizes.map((s) => s.workerd?.heap_mib ?? null) },
      ],
      limit: { value: 128 / 1.048576, label: '128 MB per isolate' },
    },
    {
      title: 'workerd startup',
      unit: 'ms',
      series: [
        { name: 'CPU', values: sizes.map((s) => s.workerd?.startup_cpu_ms ?? null) },
        { name: 'wall', values: sizes.map((s) => s.workerd?.startup_ms ?? null), dashed: true },
      ],
      limit: { value: 1000, label: '1 s' },
    },
  ])
  writeFileSync(join(ROOT, 'bench/chart.svg'), svg)

  const md: string[] = [
    '## `npm run bench`: build, load, heap, queries against peers, startup, by corpus size',
    '',
    `Command: \`${command}\`. Machine: ${machine}. Date: ${date}. Wall time of the whole run: ${wallS} s. Load average at the end: ${load} (the 2 cores are shared with other jobs: compare ratios measured side by side, not single figures).`,
    '',
    `![latency, heap and startup against corpus size](chart.svg)`,
    '',
    `Corpora: \`bench/synthetic.ts\`, fixed seed: sentences drawn from a Zipf vocabulary of ${SYNTHETIC_VOCABULARY.toLocaleString('en-US')} words, ${SYNTHETIC_SPEAKERS} invented speakers (Zipf-weighted) each mentioned by surname, full name or title and surname, articles of 40 statements; one statement in 50 copies a seed statement with its speakers.`,
    '',
    'Times are medians (p50) and p99 in ms of interleaved rounds (each engine once per round, one process), up to 40 rounds at 1k–10k and 20 at 50k–100k, after each engine is warmed up with up to 30 uncounted calls or 30 ms; an engine that spends its budget for a row (1.5 s at 1k–10k, 3 s beyond) stops being sampled, and its cell gives the number of samples.',
    '',
    '- *ours*: `searchStatements` (query plan with synonyms, typo and prefix rules, boosts, every hit sorted); for listings, `listStatements` (what the memory backend answers a listing with): the matching positions from the per-value lists, a page of 20, and the facets counted over those positions. *ours + page*: what `/v1/search` computes minus HTTP and JSON: the search plus highlights and snippets of a page of 20. Ratios use *ours*.',
    '- *raw MiniSearch*: the same index loaded with `MiniSearch.loadJSON` and `SEARCH_OPTIONS`, `search(q)` (AND for several words); no filters, so no listing rows.',
    '- *SQLite FTS5*: better-sqlite3 12 in memory, `fts5(content, text, speaker, tokenize = porter unicode61)`, every match ordered by bm25; no typo tolerance, so no fuzzy row. Listings: indexed filter columns, a page, a count and one GROUP BY per facet.',
    '- *Orama* 3: the same three text fields, `limit` 20 (it ranks and returns one page), `tolerance` 1 for the fuzzy row; Orama has no phrase search, so its phrase row is the words without quotes. Listings: `where` and facets.',
    `- *worst allowed request*: the most the limits let one request ask: 12 long words (${LIMITS.fuzzyTerms} typo-tolerant), \`match=any\`, all 6 facets, \`limit=100\`, \`explain=true\`, \`highlight=html\`.`,
    '',
    ...(sqliteWhy ? [`**SQLite FTS5 skipped**: ${sqliteWhy}.`, ''] : []),
    ...sizes.flatMap(sizeMarkdown),
    '### Startup and heap in workerd',
    '',
    "Bundled as wrangler bundles the Worker, with the corpus as a Data module, started in wrangler's workerd through Miniflare (bench/workerd.ts): median of 3 starts to the first `/health` 200 minus an empty Worker's started alongside, as workerd CPU time (from /proc, 10 ms resolution) and wall time; heap: V8 used heap after the first requests (no forced GC: an upper bound).",
    '',
    '| statements | data gzip | code gzip | build | load (Node) | live heap | startup CPU | startup wall | heap (workerd) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...sizes.map(
      (s) =>
        `| ${s.statements.toLocaleString('en-US')} | ${(s.data_gzip_bytes / 2 ** 20).toFixed(2)} MiB | ${s.workerd?.code_gzip_kib ?? 'n/a'} KiB | ${s.build_ms} ms | ${f(s.load_ms)} ms | ${s.live_heap_mib ?? 'n/a'} MiB | ${s.workerd?.startup_cpu_ms ?? 'n/a'} ms | ${s.workerd?.startup_ms ?? 'n/a'} ms | ${s.workerd?.heap_mib ?? 'n/a'} MiB |`,
    ),
    '',
    'Limits: startup 1 s, 128 MB per isolate, 10 ms CPU per request (free plan), bundle 3 MB gzip (free) or 10 MB (paid).',
    '',
    ...(extract
      ? [
          '### Extraction',
          '',
          `${extract.articles} articles × ${extract.repeats} (${(extract.bytes / 2 ** 20).toFixed(2)} MB): median of 3 runs ${extract.median_ms} ms, ${(extract.bytes / 2 ** 20 / (extract.median_ms / 1000)).toFixed(2)} MB/s (target: at least 1 MB/s).`,
          '',
        ]
      : []),
    ...(skipped.length ? ['**Skipped in this run:** ', ...skipped.map((s) => `- ${s}`), ''] : []),
  ]
  writeSection(join(ROOT, 'bench/RESULTS.md'), 'bench', md.join('\n'))
  if (http) writeSection(join(ROOT, 'bench/RESULTS.md'), 'http', compareMarkdown(http, command))

  writeResultsJson('bench', {
    command,
    machine,
    date,
    wall_s: wallS,
    loadavg_end: loadavg(),
    synthetic: { vocabulary: SYNTHETIC_VOCABULARY, speakers: SYNTHETIC_SPEAKERS },
    sqlite_skipped: sqliteWhy,
    sizes,
    extraction: extract,
    http,
    skipped,
  })
  console.log(md.join('\n'))
  if (http) console.log(compareMarkdown(http, command))
  console.error(`bench: wrote bench/RESULTS.md, bench/results.json, bench/chart.svg in ${wallS} s`)
}

// A hard stop in case anything hangs past the bound (the run budget leaves room for the last section).
setTimeout(
  () => {
    console.error('bench: past the 10-minute bound, stopping')
    process.exit(1)
  },
  Math.max(RUN_BUDGET_MS + 120_000, 60_000),
).unref()

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
