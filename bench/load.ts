/**
 * Load test: starts the Worker with `wrangler dev` on 127.0.0.1, runs wrk for 30 s with 64
 * connections over a rotating mix of requests (bench/load.lua), stops everything, and records
 * the figures in bench/RESULTS.md. Bounded in time; fails when any 5xx or socket error occurs.
 *
 * `--compare`: requests per second of search against `/health` on the same server, side by side:
 * `/health`, `/v1/search?q=china`, the same with three facets, and a speaker listing, each for
 * `--duration` seconds (default 3) in interleaved rounds (`--rounds`, default 10: many short rounds
 * follow the load of a shared machine more closely than a few long ones); reports each one's median
 * rps and its median ratio to `/health` in the same round. `npm run bench` runs it too.
 *
 * usage: npm run load   (tsx bench/load.ts [--duration 30] [--connections 64] [--port 8799])
 *        npm run load -- --compare [--rounds 10] [--duration 3] [--connections 32]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeSection } from './results'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
async function waitForHealth(base: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/health`)
      if (res.ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`wrangler dev did not answer ${base}/health in time`)
}

function stop(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      child.kill('SIGTERM')
    }
  }
}

/** Whether wrk is installed (it prints its usage and exits 1 for --version: only a missing binary counts). */
export function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
  }
  return true
}

/** `wrangler dev` serving the bundled corpus on 127.0.0.1:port, in its own process group. */
function startWrangler(port: number): ChildProcess {
  return spawn(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'],
    {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    },
  )
}

async function main(duration: number, connections: number, port: number): Promise<void> {
  if (!hasWrk()) {
    console.error('load: wrk is not installed; run `apt-get install -y wrk`')
    process.exit(2)
  }
  const base = `http://127.0.0.1:${port}`
  const wrangler = startWrangler(port)
  const guard = setTimeout(() => stop(wrangler), (duration + 120) * 1000)
  try {
    await waitForHealth(base, Date.now() + 90_000)
    const out = execFileSync(
      'timeout',
      [
        String(duration + 30),
        'wrk',
        '-t',
        '2',
        '-c',
        String(connections),
        '-d',
        `${duration}s`,
        '--timeout',
        '5s',
        '-s',
        join(ROOT, 'bench/load.lua'),
        base,
      ],
      { encoding: 'utf8' },
    )
    const line = out.split('\n').find((l) => l.startsWith('LOADJSON '))
    if (!line) throw new Error(`wrk printed no summary:\n${out}`)
    const r = JSON.parse(line.slice('LOADJSON '.length)) as Record<string, number>
    const seconds = r.duration_us! / 1e6
    const socketErrors = r.connect_errors! + r.read_errors! + r.write_errors! + r.timeouts!
    // Requests still in flight when wrk stops were sent but never answered: about one per connection
    // (plus one per thread that wrk re-sends on reconnect).
    const inFlight = r.sent_good! + r.sent_bad! - (r.s2xx! + r.s3xx! + r.s4xx! + r.s5xx!)
    const goodNot2xx = r.s2xx! + r.s3xx! < r.sent_good! - inFlight
    const badNot4xx = r.s4xx! < r.sent_bad! - inFlight || r.s4xx! > r.sent_bad!
    const md = [
      '## Load (wrk against `wrangler dev` on 127.0.0.1)',
      '',
      `Command: \`npm run load\` (wrk -t2 -c${connections} -d${duration}s --timeout 5s, bench/load.lua). Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. wrk, wrangler's dev proxy and workerd share the 2 cores, so these are local-dev figures, not edge figures.`,
      '',
      '| requests | throughput | p50 | p99 | max | socket errors | 5xx | good sent | 2xx | deliberate 4xx sent | 4xx | in flight at stop |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
      `| ${r.requests} | ${(r.requests! / seconds).toFixed(0)} req/s | ${(r.p50_us! / 1000).toFixed(2)} ms | ${(r.p99_us! / 1000).toFixed(2)} ms | ${(r.max_us! / 1000).toFixed(1)} ms | ${socketErrors} | ${r.s5xx} | ${r.sent_good} | ${r.s2xx} | ${r.sent_bad} | ${r.s4xx} | ${inFlight} |`,
      '',
      'Bar: zero socket errors and zero 5xx; the deliberate bad requests (missing q, limit over 100, unknown speaker, unknown id, unknown route) are counted apart and all answered 4xx, every other request 2xx.',
    ].join('\n')
    writeSection(join(ROOT, 'bench/RESULTS.md'), 'load', md)
    console.log(md)
    if (socketErrors > 0 || r.s5xx! > 0 || goodNot2xx || badNot4xx || inFlight > connections + 2) {
      console.error('load: FAILED the bar')
      process.exitCode = 1
    } else {
      console.log('load: passed the bar')
    }
  } finally {
    clearTimeout(guard)
    stop(wrangler)
  }
}

/** The requests compared with `/health`: what a search box, a faceted search and a speaker page send. */
export const COMPARED = [
  { name: '/health', path: '/health' },
  { name: 'search `china`', path: '/v1/search?q=china' },
  { name: 'search `china` + 3 facets', path: '/v1/search?q=china&facets=speaker,kind,topic' },
  // Each request a new URL (an exclusion no statement matches), so none is answered from a kept answer.
  { name: 'search `china`, never cached', path: '/v1/search?q=china+-qqVARY' },
  { name: 'speaker listing', path: '/v1/statements?speaker=blinken' },
] as const

export interface CompareRow {
  name: string
  path: string
  /** Requests per second in each round. */
  rps: number[]
  /** rps ÷ the same round's /health rps. */
  ratios: number[]
  non2xx: number
  socketErrors: number
  /** X-Cache of a second request for the same URL before the rounds (HIT: a kept answer); a URL with VARY is new on every request. */
  cache: string | null
}

export interface CompareResult {
  rounds: number
  duration: number
  connections: number
  rows: CompareRow[]
}

function parseWrk(out: string): { rps: number; non2xx: number; socketErrors: number } {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1])
  if (!Number.isFinite(rps)) throw new Error(`wrk printed no Requests/sec:\n${out}`)
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0)
  const m = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const socketErrors = m ? m.slice(1).reduce((a, b) => a + Number(b), 0) : 0
  return { rps, non2xx, socketErrors }
}

/**
 * Requests per second of each of COMPARED through one `wrangler dev`, in `rounds` interleaved
 * rounds of `duration` seconds each (wrk -t2 -c`connections`). Bounded: each wrk run is killed
 * after duration + 20 s and the server after the whole run's time plus two minutes.
 */
export async function compareRps(opts: { rounds: number; duration: number; connections: number; port: number }) {
  const { rounds, duration, connections, port } = opts
  const base = `http://127.0.0.1:${port}`
  const wrangler = startWrangler(port)
  const guard = setTimeout(() => stop(wrangler), (rounds * COMPARED.length * (duration + 20) + 120) * 1000)
  try {
    await waitForHealth(base, Date.now() + 90_000)
    const rows: CompareRow[] = []
    for (const c of COMPARED) {
      await fetch(base + c.path).then((r) => r.arrayBuffer())
      const res = await fetch(base + c.path)
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`${c.path} answered ${res.status}`)
      const cache = c.path.includes('VARY') ? 'MISS (a new URL each request)' : res.headers.get('X-Cache')
      rows.push({ ...c, rps: [], ratios: [], non2xx: 0, socketErrors: 0, cache })
    }
    for (let r = 0; r < rounds; r++) {
      // Each round starts one row later, so no request always runs first (or last) while the load drifts.
      for (const row of [...rows.slice(r % rows.length), ...rows.slice(0, r % rows.length)]) {
        const out = execFileSync(
          'timeout',
          [
            String(duration + 20),
            'wrk',
            '-t2',
            `-c${connections}`,
            `-d${duration}s`,
            '--timeout',
            '5s',
            '-s',
            join(ROOT, 'bench/rps.lua'),
            base + row.path,
          ],
          {
            encoding: 'utf8',
          },
        )
        const w = parseWrk(out)
        row.rps.push(w.rps)
        row.non2xx += w.non2xx
        row.socketErrors += w.socketErrors
        console.error(`load --compare: round ${r + 1}/${rounds} ${row.path}: ${w.rps.toFixed(0)} req/s`)
      }
      for (const row of rows) row.ratios.push(row.rps[r]! / rows[0]!.rps[r]!)
    }
    return { rounds, duration, connections, rows } satisfies CompareResult
  } finally {
    clearTimeout(guard)
    stop(wrangler)
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

/** The markdown of a comparison: median rps, median ratio to /health, and the bar. */
export function compareMarkdown(c: CompareResult, command: string): string {
  const search = c.rows.find((r) => r.path === '/v1/search?q=china')!
  const ratio = median(search.ratios)
  const uncached = c.rows.find((r) => r.path.includes('VARY'))
  const uncachedRatio = uncached ? median(uncached.ratios) : Number.NaN
  return [
    '## Search against `/health` through `wrangler dev` (requests per second)',
    '',
    `Command: \`${command}\` (wrk -t2 -c${c.connections} -d${c.duration}s per request, ${c.rounds} interleaved rounds, 127.0.0.1). Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. wrk, wrangler's dev proxy and workerd share the 2 cores with other jobs: compare the ratios, measured side by side, not the absolute figures.`,
    '',
    '| request | median req/s | ÷ /health (median of rounds) | per round | non-2xx | socket errors | X-Cache |',
    '|---|---|---|---|---|---|---|',
    ...c.rows.map(
      (r) =>
        `| ${r.name} (\`${r.path.replace('VARY', 'N')}\`) | ${median(r.rps).toFixed(0)} | ${median(r.ratios).toFixed(2)}× | ${r.ratios.map((x) => x.toFixed(2)).join(', ')} | ${r.non2xx} | ${r.socketErrors} | ${r.cache ?? '–'} |`,
    ),
    '',
    `Bar (issue 11): search serves at least 0.85× the requests per second of \`/health\`: **${ratio >= 0.85 ? 'met' : 'missed'}** (${ratio.toFixed(2)}×) for a repeated search, answered from the isolate's kept answers after the first time${uncached ? `; **${uncachedRatio >= 0.85 ? 'met' : 'missed'}** (${uncachedRatio.toFixed(2)}×) for searches never asked before` : ''}.`,
  ].join('\n')
}

if (process.argv[1] && /[\\/]load\.ts$/.test(process.argv[1])) {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      port: { type: 'string', default: '8799' },
      compare: { type: 'boolean', default: false },
      rounds: { type: 'string', default: '10' },
    },
  })
  const compare = values.compare
  const duration = Math.min(120, Math.max(1, Number(values.duration ?? (compare ? 3 : 30))))
  const connections = Math.min(256, Math.max(1, Number(values.connections ?? (compare ? 32 : 64))))
  const port = Number(values.port)
  const run = compare
    ? (async () => {
        if (!hasWrk()) {
          console.error('load: wrk is not installed; run `apt-get install -y wrk`')
          process.exit(2)
        }
        const rounds = Math.min(20, Math.max(1, Number(values.rounds)))
        const result = await compareRps({ rounds, duration, connections, port })
        const md = compareMarkdown(result, `npm run load -- --compare --rounds ${rounds} --duration ${duration}`)
        writeSection(join(ROOT, 'bench/RESULTS.md'), 'http', md)
        console.log(md)
      })()
    : main(duration, connections, port)
  run.catch((error) => {
    console.error(`load: ${(error as Error).message}`)
    process.exit(1)
  })
}
