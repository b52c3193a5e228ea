/**
 * `npm run d1:load -- --local | --remote`: writes the built corpus (src/generated/corpus.bin, made by
 * `npm run build:data`) into the D1 database of wrangler.toml's `d1` environment, in batches within
 * D1's limits. Idempotent (a second run of the same build writes nothing) and incremental (only
 * new, changed and removed articles are written; moved ones renumbered), with progress on stderr.
 *
 *   --local            the local database `wrangler dev --env d1` reads (the default), through
 *                      wrangler's getPlatformProxy
 *   --remote           the deployed database, through `wrangler d1 execute --remote --file`
 *   --via-file         with --local: go through `wrangler d1 execute --local --file` as --remote does
 *   --persist-to DIR   with --local: the local state directory (as wrangler's --persist-to)
 *   --env NAME         the wrangler environment with the DB binding (default d1)
 *   --corpus FILE      a corpus JSON file instead of the built one
 *   --sqlite FILE      write a local D1's SQLite file directly with the sqlite3 shell (large local
 *                      loads; nothing may have the file open)
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Corpus } from '../src/search/corpus'
import {
  EXISTING_ARTICLES_SQL,
  EXISTING_BUILD_SQL,
  type ExistingArticle,
  emptySummary,
  type LoadSummary,
  planWrites,
  type Write,
} from '../src/search/d1/plan'
import { type CatalogJson, corpusRows } from '../src/search/d1/rows'
import {
  chooseLists,
  TERMS_PAGE_SQL,
  TOP_BUILD_SQL,
  TOP_RULES,
  topCorpus,
  topThreshold,
  topWrites,
} from '../src/search/d1/top'
import { unpackCorpus } from '../src/search/packed'

export interface LoadOptions {
  remote?: boolean
  viaFile?: boolean
  persistTo?: string
  env?: string
  /** Progress lines to stderr (default true). */
  progress?: boolean
  /** Fewest statements a search must match for precomputed candidates (default TOP_MIN_DOCS). */
  topMinDocs?: number
  /** Write this SQLite file (a local D1's) directly with the sqlite3 shell. */
  sqlite?: string
}

/** Where writes go: a D1 binding in this process, or wrangler's command line. */
interface Target {
  query<T>(sql: string): Promise<T[]>
  run(writes: Write[]): Promise<void>
  /** Characters of JSON per write: small enough to inline in a 100 KB statement for files, larger for a binding. */
  chunk: number
  close(): Promise<void>
}

interface D1Binding {
  prepare(sql: string): { bind(...v: unknown[]): unknown; all(): Promise<{ results: unknown[] }> }
  batch(statements: unknown[]): Promise<unknown>
}

async function bindingTarget(options: LoadOptions): Promise<Target> {
  const { getPlatformProxy } = await import('wrangler')
  const proxy = await getPlatformProxy<{ DB?: D1Binding }>({
    environment: options.env ?? 'd1',
    persist: options.persistTo ? { path: join(options.persistTo, 'v3') } : true,
  })
  const db = proxy.env.DB
  if (!db) throw new Error(`wrangler.toml's "${options.env ?? 'd1'}" environment binds no DB`)
  return {
    query: async <T>(sql: string) => (await db.prepare(sql).all()).results as T[],
    run: async (writes) => {
      await db.batch(writes.map((w) => db.prepare(w.sql).bind(...w.params)))
    },
    // D1 takes values up to 2 MB; a few hundred KB per write keeps each batch quick.
    chunk: 400_000,
    close: () => proxy.dispose(),
  }
}

/** A value as an SQL literal, for a .sql file. */
export function literal(value: string | number | null): string {
  if (value === null) return 'NULL'
  if (typeof value === 'number') return String(value)
  return `'${value.replace(/'/g, "''")}'`
}

/** A write with its parameters inlined (the SQL holds no other `?`). */
export function inline(write: Write): string {
  let i = 0
  return write.sql.replace(/\?/g, () => literal(write.params[i++] ?? null))
}

function fileTarget(options: LoadOptions): Target {
  const where = options.remote
    ? ['--remote']
    : ['--local', ...(options.persistTo ? ['--persist-to', options.persistTo] : [])]
  const base = ['wrangler', 'd1', 'execute', 'DB', '--env', options.env ?? 'd1', ...where]
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-d1-'))
  const wrangler = (args: string[]) =>
    execFileSync('npx', [...base, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  let n = 0
  return {
    query: async <T>(sql: string) => {
      const out = JSON.parse(wrangler(['--json', '--command', sql])) as { results: T[] }[]
      return out[0]?.results ?? []
    },
    run: async (writes) => {
      const file = join(dir, `load-${n++}.sql`)
      writeFileSync(file, `${writes.map(inline).join(';\n')};\n`)
      wrangler(['--file', file])
      rmSync(file)
    },
    chunk: 30_000,
    close: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

/**
 * A local D1's SQLite file written directly by the sqlite3 command-line shell: the same writes, for
 * loading millions of statements locally (through miniflare a local load runs at a few hundred
 * statements a second on a small machine). Nothing else may have the file open meanwhile.
 */
function sqliteTarget(file: string): Target {
  let child: ChildProcessWithoutNullStreams | null = null
  let failed = ''
  let exited: Promise<number | null> = Promise.resolve(0)
  const finish = async () => {
    if (!child) return
    child.stdin.end()
    const code = await exited
    child = null
    if (code !== 0 || failed) throw new Error(`sqlite3 ${file}: ${failed.trim() || `exit ${code}`}`)
  }
  return {
    query: async <T>(sql: string) => {
      await finish()
      const out = execFileSync('sqlite3', ['-json', file, sql], { encoding: 'utf8', maxBuffer: 1 << 30 })
      return (out.trim() ? JSON.parse(out) : []) as T[]
    },
    run: async (writes) => {
      if (!child) {
        const started = spawn('sqlite3', ['-bail', file], { stdio: ['pipe', 'pipe', 'pipe'] })
        started.stderr.on('data', (d) => {
          failed += String(d)
        })
        exited = new Promise((resolve) => started.on('close', resolve))
        child = started
      }
      const text = `BEGIN;\n${writes.map(inline).join(';\n')};\nCOMMIT;\n`
      if (!child.stdin.write(text)) await new Promise((resolve) => child?.stdin.once('drain', resolve))
      if (failed) throw new Error(`sqlite3 ${file}: ${failed.trim()}`)
    },
    chunk: 400_000,
    close: finish,
  }
}

/** Index terms read per query when choosing the lists to precompute. */
const TERMS_PAGE = 50_000

/** Runs writes in groups, each group one D1 batch (binding) or one file (wrangler), of about `limit` characters. */
async function runGrouped(
  target: Target,
  groups: Iterable<Write[]>,
  limit: number,
  onFlush: () => void,
): Promise<void> {
  let pending: Write[] = []
  let size = 0
  for (const group of groups) {
    for (const w of group) {
      pending.push(w)
      size += w.sql.length + w.params.reduce<number>((n, p) => n + String(p).length, 0)
    }
    if (size >= limit) {
      await target.run(pending)
      pending = []
      size = 0
      onFlush()
    }
  }
  if (pending.length > 0) await target.run(pending)
  onFlush()
}

/**
 * Loads a corpus into D1: reads what the database holds, writes only the difference.
 *
 * @example await loadIntoD1(corpus, { persistTo: '.wrangler/state' })
 */
export async function loadIntoD1(corpus: Corpus, options: LoadOptions = {}): Promise<LoadSummary & { ms: number }> {
  const started = performance.now()
  const target = options.sqlite
    ? sqliteTarget(options.sqlite)
    : options.remote || options.viaFile
      ? fileTarget(options)
      : await bindingTarget(options)
  const say = (line: string) => {
    if (options.progress !== false) process.stderr.write(`${line}\n`)
  }
  try {
    const tables = await target.query<{ name: string }>("SELECT name FROM sqlite_master WHERE name = 'statements_fts'")
    if (tables.length === 0) {
      throw new Error(
        `the database has no whosaid schema: run \`npx wrangler d1 migrations apply whosaid ${options.remote ? '--remote' : '--local'} --env ${options.env ?? 'd1'}\` first`,
      )
    }
    const existing = new Map<string, ExistingArticle>()
    for (const r of await target.query<{ id: string; hash: string; position: number; first_pos: number }>(
      EXISTING_ARTICLES_SQL,
    )) {
      existing.set(r.id, { hash: r.hash, position: r.position, firstPos: r.first_pos })
    }
    const build = (await target.query<{ value: string }>(EXISTING_BUILD_SQL))[0]?.value ?? null
    say(
      `d1:load: ${corpus.articles.length} articles, ${corpus.statements.length} statements; the database holds ${existing.size} articles (build ${build ?? 'none'})`,
    )
    const summary = emptySummary()
    const rows = corpusRows(corpus)
    let last = 0
    const progress = () => {
      const now = performance.now()
      if (now - last < 1000 && summary.seen < corpus.articles.length) return
      last = now
      const s = ((now - started) / 1000).toFixed(1)
      const pct = ((100 * summary.seen) / Math.max(1, corpus.articles.length)).toFixed(1)
      say(
        `d1:load: ${summary.seen}/${corpus.articles.length} articles (${pct}%), ${summary.statements} statements written, ${s} s`,
      )
    }
    await runGrouped(
      target,
      planWrites(rows, existing, build, summary, target.chunk),
      options.sqlite ? 20_000_000 : options.remote || options.viaFile ? 4_000_000 : 2_000_000,
      progress,
    )
    // Precomputed candidates of the searches that match many statements (src/search/d1/top.ts),
    // rebuilt whenever the build or the rules that choose them changed.
    const top = (await target.query<{ build: string | null; rules: string | null }>(TOP_BUILD_SQL))[0]
    if (summary.needed || top?.build !== rows.buildHash || top?.rules !== TOP_RULES) {
      const t0 = performance.now()
      const threshold = topThreshold(corpus.statements.length, options.topMinDocs)
      const terms = new Map<string, number>()
      for (let after = ''; ; ) {
        const page = await target.query<{ term: string; doc: number }>(
          inline({ sql: TERMS_PAGE_SQL, params: [after, TERMS_PAGE] }),
        )
        for (const r of page) terms.set(r.term, r.doc)
        if (page.length < TERMS_PAGE) break
        after = page[page.length - 1]!.term
      }
      const lists = chooseLists(topCorpus(terms, JSON.parse(rows.catalog) as CatalogJson), threshold)
      const groups = topWrites(lists, rows.buildHash)
      for (let i = 0; i < groups.length; i += 20) {
        await target.run(groups.slice(i, i + 20).flat())
        if (i % 200 === 0) say(`d1:load: top candidates of ${Math.min(i, lists.length)}/${lists.length} searches`)
      }
      // Read back, which also waits for the writes to be done (the sqlite3 shell takes them as they come).
      const written = (await target.query<{ n: number }>('SELECT count(*) AS n FROM term_top_totals'))[0]?.n ?? 0
      if (written !== lists.length) throw new Error(`wrote ${written} precomputed lists of ${lists.length}`)
      say(
        `d1:load: top candidates of ${lists.length} searches (matching ${threshold}+ statements, of ${terms.size} terms) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      )
    }
    const ms = performance.now() - started
    say(
      summary.needed
        ? `d1:load: done in ${(ms / 1000).toFixed(1)} s: ${summary.added} added, ${summary.changed} changed, ${summary.removed} removed, ${summary.moved} renumbered, ${summary.unchanged} unchanged`
        : 'd1:load: the database already holds this build; nothing written',
    )
    return { ...summary, ms }
  } finally {
    await target.close()
  }
}

async function builtCorpus(file: string | undefined): Promise<Corpus> {
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as Corpus
  const generated = join(import.meta.dirname, '..', 'src', 'generated', 'corpus.bin')
  if (!existsSync(generated)) throw new Error('no built corpus: run `npm run build:data` first')
  return unpackCorpus(readFileSync(generated, 'utf8'))
}

function parseArgs(argv: string[]): LoadOptions & { corpus?: string } {
  const options: LoadOptions & { corpus?: string } = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (!v) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--local') options.remote = false
    else if (arg === '--remote') options.remote = true
    else if (arg === '--via-file') options.viaFile = true
    else if (arg === '--persist-to') options.persistTo = value()
    else if (arg === '--env') options.env = value()
    else if (arg === '--corpus') options.corpus = value()
    else if (arg === '--sqlite') options.sqlite = value()
    else
      throw new Error(
        `unknown option ${arg}; use --local, --remote, --via-file, --persist-to DIR, --env NAME, --corpus FILE, --sqlite FILE`,
      )
  }
  return options
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseArgs(process.argv.slice(2))
    await loadIntoD1(await builtCorpus(options.corpus), options)
  } catch (error) {
    console.error(`d1:load: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
