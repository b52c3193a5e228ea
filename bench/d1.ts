/**
 * `npm run bench:d1 [-- --sizes 100000,1000000 --requests 200]`: the d1 backend at scale. For each
 * size, a synthetic corpus (bench/synthetic.ts) is loaded into a fresh local D1 (.tmp/bench-d1/N),
 * then timed through the Worker (`wrangler dev --env d1` on 127.0.0.1) with a query mix, each request
 * a different query so the Workers cache never answers. Also: load and no-op reload time, database
 * size, rows read per query (D1's billing unit), and the memory backend in-process where it fits.
 * Results go to bench/RESULTS.md (section d1) and stdout.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildCorpus } from '../scripts/build-data'
import { loadIntoD1 } from '../scripts/d1-load'
import type { SearchBackend } from '../src/search/backend'
import { buildIndex } from '../src/search/build-index'
import type { Corpus } from '../src/search/corpus'
import { d1Backend } from '../src/search/d1/backend'
import type { D1Like, D1Statement } from '../src/search/d1/types'
import { memoryBackend } from '../src/search/memory'
import { parseQuery } from '../src/search/query'
import { createStore } from '../src/search/store'
import { writeSection } from './results'
import { syntheticCorpus } from './synthetic'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const PORT = 8795

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}
const SIZES = arg('sizes', '100000,1000000').split(',').map(Number)
const REQUESTS = Number(arg('requests', '200'))
/** The memory backend is timed up to this size: past it, the index does not fit one isolate anyway. */
const MEMORY_MAX = Number(arg('memory-max', '100000'))
/** Keep a database an earlier run loaded (the load is then the no-op reload): for iterating on queries. */
const REUSE = process.argv.includes('--reuse')
/** Load by writing the local D1's SQLite file with the sqlite3 shell (scripts/d1-load.ts --sqlite) instead of through miniflare. */
const SQLITE = process.argv.includes('--sqlite')

/** The SQLite file of the local D1 under `dir` (it exists once the migrations are applied). */
function databaseFile(dir: string): string {
  const folder = join(dir, 'v3', 'd1', 'miniflare-D1DatabaseObject')
  const file = readdirSync(folder).find((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
  if (!file) throw new Error(`no local D1 database in ${folder}`)
  return join(folder, file)
}

const log = (line: string) => process.stdout.write(`${line}\n`)
const ms = (x: number) => `${x.toFixed(1)} ms`
function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

function dirSize(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? dirSize(path) : statSync(path).size
  }
  return total
}

/** A deterministic pseudo-random stream, so every run asks the same queries. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
}

interface Mix {
  name: string
  /** The i-th request of this kind: a path, and the same request for the backend in-process. */
  path(i: number): string
  call(backend: SearchBackend, i: number): Promise<unknown>
}

function queryMix(corpus: Corpus): Mix[] {
  const rand = rng(7)
  const words = corpus.vocabulary
    .filter(([text, , type]) => type === 'term' && /^[a-z]{4,}$/i.test(text))
    .map(([text]) => text)
  const pick = () => words[Math.floor(rand() * words.length)]!
  const one = Array.from({ length: REQUESTS }, pick)
  const two = Array.from({ length: REQUESTS }, () => `${pick()} ${pick()}`)
  const prefixes = Array.from({ length: REQUESTS }, () => {
    const w = words.filter((x) => x.length >= 6)[Math.floor(rand() * words.length) % words.length] ?? pick()
    return w.slice(0, 4)
  })
  const typos = Array.from({ length: REQUESTS }, () => {
    let w = pick()
    while (w.length < 6) w = pick()
    const at = 2 + Math.floor(rand() * (w.length - 3))
    return `${w.slice(0, at)}${w[at + 1]}${w[at]}${w.slice(at + 2)}`
  })
  const speakers = [...new Set(corpus.statements.slice(0, 5000).flatMap((s) => s.speakers.map((x) => x.id)))]
  const ids = Array.from(
    { length: REQUESTS },
    () => corpus.statements[Math.floor(rand() * corpus.statements.length)]!.id,
  )
  const search = (q: string, extra: Record<string, unknown> = {}) => ({
    q,
    query: parseQuery(q),
    filters: [],
    match: 'all' as const,
    sort: { by: 'relevance' as const, order: 'desc' as const },
    limit: 20,
    offset: 0,
    ...extra,
  })
  const enc = encodeURIComponent
  return [
    {
      name: 'one word',
      path: (i) => `/v1/search?q=${enc(one[i]!)}`,
      call: (b, i) => b.search(search(one[i]!)),
    },
    {
      name: 'two words (AND)',
      path: (i) => `/v1/search?q=${enc(two[i]!)}`,
      call: (b, i) => b.search(search(two[i]!)),
    },
    {
      name: 'prefix (last word typed)',
      path: (i) => `/v1/search?q=${enc(prefixes[i]!)}&limit=${10 + (i % 10)}`,
      call: (b, i) => b.search(search(prefixes[i]!, { limit: 10 + (i % 10) })),
    },
    {
      name: 'typo (swapped letters)',
      path: (i) => `/v1/search?q=${enc(typos[i]!)}`,
      call: (b, i) => b.search(search(typos[i]!)),
    },
    {
      name: 'word + 3 facets',
      path: (i) => `/v1/search?q=${enc(one[(i + 17) % one.length]!)}&facets=speaker,kind,topic`,
      call: (b, i) => b.search(search(one[(i + 17) % one.length]!, { facets: ['speaker', 'kind', 'topic'] })),
    },
    {
      name: 'speaker filter + kind facet',
      path: (i) => `/v1/statements?speaker=${enc(speakers[i % speakers.length]!)}&facets=kind&offset=${i % 5}`,
      call: (b, i) =>
        b.list({
          filters: { speaker: new Set([speakers[i % speakers.length]!]) },
          limit: 20,
          offset: i % 5,
          facets: ['kind'],
        }),
    },
    {
      name: 'statement by id',
      path: (i) => `/v1/statements/${enc(ids[i]!)}`,
      call: (b, i) => b.statement(ids[i]!),
    },
  ]
}

/** A binding that adds up D1's `rows_read` of every query it runs. */
function counting(db: D1Like): D1Like & { rowsRead: number } {
  const wrapper = {
    rowsRead: 0,
    prepare: (sql: string) => db.prepare(sql),
    batch: async <T>(statements: D1Statement[]) => {
      const results = await db.batch<T>(statements)
      for (const r of results) wrapper.rowsRead += r.meta?.rows_read ?? 0
      return results
    },
  }
  return wrapper
}

/** Rows read by each of these requests (`which`: mix name → request indices), through a binding in this process. */
async function rowsRead(dir: string, mix: Mix[], which: Map<string, number[]>): Promise<Map<string, number[]>> {
  const { getPlatformProxy } = await import('wrangler')
  const proxy = await getPlatformProxy<{ DB: D1Like }>({ environment: 'd1', persist: { path: join(dir, 'v3') } })
  const db = counting(proxy.env.DB)
  const backend = d1Backend(db)
  await backend.catalog()
  const out = new Map<string, number[]>()
  try {
    for (const m of mix) {
      const samples: number[] = []
      for (const i of which.get(m.name) ?? []) {
        db.rowsRead = 0
        await m.call(backend, i)
        samples.push(db.rowsRead)
      }
      out.set(m.name, samples)
    }
  } finally {
    await proxy.dispose()
  }
  return out
}

async function startWorker(dir: string): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    ['wrangler', 'dev', '--env', 'd1', '--persist-to', dir, '--port', String(PORT), '--ip', '127.0.0.1'],
    { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: 'ignore', detached: true },
  )
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 500))
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) return child
    } catch {}
  }
  stopWorker(child)
  throw new Error('wrangler dev did not start')
}

function stopWorker(child: ChildProcess): void {
  // Our own process group only: wrangler and the workerd it started.
  if (child.pid) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
  }
}

/** Each request from its own client address, so the per-client rate limit (300 a minute) never answers. */
let client = 0
const clientAddress = () => {
  client++
  return `10.${(client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`
}

async function timeThroughWorker(mix: Mix[]): Promise<Map<string, { i: number; ms: number }[]>> {
  const out = new Map<string, { i: number; ms: number }[]>()
  for (const m of mix) {
    const times: { i: number; ms: number }[] = []
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now()
      const res = await fetch(`http://127.0.0.1:${PORT}${m.path(i)}`, {
        headers: { 'CF-Connecting-IP': clientAddress() },
      })
      await res.arrayBuffer()
      const t = performance.now() - t0
      if (res.status !== 200) throw new Error(`${m.path(i)} answered ${res.status}`)
      if (res.headers.get('X-Cache') === 'HIT') continue
      times.push({ i, ms: t })
    }
    out.set(m.name, times)
  }
  return out
}

async function timeInProcess(backend: SearchBackend, mix: Mix[]): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>()
  for (const m of mix) {
    const times: number[] = []
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now()
      await m.call(backend, i)
      times.push(performance.now() - t0)
    }
    out.set(m.name, times)
  }
  return out
}

async function main() {
  const { corpus: base } = buildCorpus({ dataDir: join(ROOT, 'data') })
  const lines: string[] = []
  const when = new Date().toISOString().slice(0, 10)
  lines.push('## D1 backend at scale (`npm run bench:d1`)')
  lines.push('')
  lines.push(
    `Command: \`npm run bench:d1 -- --sizes ${SIZES.join(',')} --requests ${REQUESTS}${SQLITE ? ' --sqlite' : ''}${REUSE ? ' --reuse' : ''}\`. Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${when}. Local D1 (miniflare's SQLite) through \`wrangler dev --env d1\` on 127.0.0.1, one request at a time, each a different query (no cache hits); times are client-side, so they include wrangler's dev proxy. The machine is shared and noisy: medians and ratios matter, single figures less.`,
  )
  for (const n of SIZES) {
    const dir = join(ROOT, '.tmp', 'bench-d1', String(n))
    if (!REUSE) rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    log(`\n# ${n} statements`)
    let t0 = performance.now()
    const corpus = syntheticCorpus(base, n)
    const generateMs = performance.now() - t0
    log(`generated in ${ms(generateMs)}`)
    execFileSync(
      'npx',
      ['wrangler', 'd1', 'migrations', 'apply', 'whosaid', '--local', '--env', 'd1', '--persist-to', dir],
      { cwd: ROOT, stdio: 'ignore', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } },
    )
    const target = SQLITE ? { sqlite: databaseFile(dir) } : { persistTo: dir }
    const load = await loadIntoD1(corpus, target)
    // Reusing a loaded database, the load above was already the no-op reload.
    const reload = REUSE ? load : await loadIntoD1(corpus, { ...target, progress: false })
    if (!REUSE && reload.needed) throw new Error('a reload of the same build wrote something')
    const size = dirSize(join(dir, 'v3', 'd1'))
    log(`loaded in ${ms(load.ms)}, reload ${ms(reload.ms)}, ${(size / 2 ** 20).toFixed(0)} MiB`)

    const mix = queryMix(corpus)
    const first20 = Array.from({ length: Math.min(20, REQUESTS) }, (_, i) => i)
    const rowsReadMedian = new Map(
      [...(await rowsRead(dir, mix, new Map(mix.map((m) => [m.name, first20]))))].map(([name, xs]) => [
        name,
        percentile(xs, 50),
      ]),
    )
    const loadBefore = loadavg()
    const worker = await startWorker(dir)
    let timed: Map<string, { i: number; ms: number }[]>
    try {
      // The first request reads the catalog; time the steady state.
      await fetch(`http://127.0.0.1:${PORT}/v1/search?q=warmup`)
      timed = await timeThroughWorker(mix)
    } finally {
      stopWorker(worker)
    }
    const loadAfter = loadavg()
    const d1Times = new Map([...timed].map(([name, xs]) => [name, xs.map((x) => x.ms)]))
    // The tail of the one-word searches, with what each read: which queries make the p99.
    const slowest = [...(timed.get('one word') ?? [])].sort((a, b) => b.ms - a.ms).slice(0, 10)
    const slowRows = (await rowsRead(dir, mix, new Map([['one word', slowest.map((x) => x.i)]]))).get('one word') ?? []
    let memoryTimes: Map<string, number[]> | null = null
    let memoryBuildMs = 0
    if (n <= MEMORY_MAX) {
      t0 = performance.now()
      const store = createStore(corpus, buildIndex(corpus.statements, corpus))
      memoryBuildMs = performance.now() - t0
      memoryTimes = await timeInProcess(memoryBackend(store), mix)
    }

    lines.push('')
    lines.push(`### ${n.toLocaleString('en')} statements (${corpus.articles.length.toLocaleString('en')} articles)`)
    lines.push('')
    lines.push(
      `${REUSE ? '(Database reused from an earlier run: the load figure is a no-op reload.) ' : ''}Generated in ${ms(generateMs)}. Loaded into local D1${SQLITE ? ' (its SQLite file written by `npm run d1:load -- --sqlite`, the same writes through the sqlite3 shell)' : ' (through miniflare, as `npm run d1:load -- --local`)'} in ${(load.ms / 1000).toFixed(1)} s (${Math.round(n / (load.ms / 1000)).toLocaleString('en')} statements/s); reloading the same build (nothing to write) ${(reload.ms / 1000).toFixed(1)} s. Database on disk: ${(size / 2 ** 20).toFixed(0)} MiB (${((size / n) * 1).toFixed(0)} bytes per statement).${memoryTimes ? ` Memory backend index built in ${(memoryBuildMs / 1000).toFixed(1)} s.` : ''}`,
    )
    lines.push('')
    lines.push(
      `| request | d1 through the Worker p50 | p99 | rows read (median) |${memoryTimes ? ' memory in-process p50 | p99 |' : ''}`,
    )
    lines.push(`|---|---|---|---|${memoryTimes ? '---|---|' : ''}`)
    for (const m of mix) {
      const d = d1Times.get(m.name)!
      const mem = memoryTimes?.get(m.name)
      lines.push(
        `| ${m.name} | ${ms(percentile(d, 50))} | ${ms(percentile(d, 99))} | ${rowsReadMedian.get(m.name)?.toLocaleString('en')} |${mem ? ` ${ms(percentile(mem, 50))} | ${ms(percentile(mem, 99))} |` : ''}`,
      )
      log(
        `${m.name}: p50 ${ms(percentile(d, 50))}, p99 ${ms(percentile(d, 99))}, rows read ${rowsReadMedian.get(m.name)}`,
      )
    }
    const one = mix.find((m) => m.name === 'one word')
    lines.push('')
    lines.push(
      `Load average (1, 5, 15 min) as the Worker timing began: ${loadBefore.map((x) => x.toFixed(2)).join(', ')}; as it ended: ${loadAfter.map((x) => x.toFixed(2)).join(', ')}. The 10 slowest one-word searches (time, rows read): ${slowest
        .map(
          (x, j) =>
            `\`${decodeURIComponent(one?.path(x.i).split('q=')[1] ?? '')}\` ${ms(x.ms)}, ${slowRows[j]?.toLocaleString('en')}`,
        )
        .join('; ')}.`,
    )
    log(lines[lines.length - 1]!)
  }
  lines.push('')
  lines.push(
    'Bar (issue 12): 1M statements in local D1, a one-word search through the Worker with p99 under 50 ms. Memory-backend figures are in-process (no HTTP), so they are not comparable one to one with the Worker column; they show where the memory backend stops fitting (its index alone outgrows a 128 MB isolate past roughly 100k statements).',
  )
  // One section per set of sizes, so a 1M run does not erase the 100k figures.
  writeSection(join(ROOT, 'bench', 'RESULTS.md'), `d1-${SIZES.join('-')}`, lines.join('\n'))
  log(`\n${lines.join('\n')}`)
}

await main()
