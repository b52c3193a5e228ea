/**
 * Load test: starts the Worker with `wrangler dev` on 127.0.0.1, runs wrk for 30 s with 64
 * connections over a rotating mix of requests (bench/load.lua), stops everything, and records
 * the figures in bench/RESULTS.md. Bounded in time; fails when any 5xx or socket error occurs.
 *
 * usage: npm run load   (tsx bench/load.ts [--duration 30] [--connections 64] [--port 8799])
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeSection } from './results'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '64' },
    port: { type: 'string', default: '8799' },
  },
})
const duration = Math.min(120, Math.max(1, Number(values.duration)))
const connections = Math.min(256, Math.max(1, Number(values.connections)))
const port = Number(values.port)
const base = `http://127.0.0.1:${port}`

async function waitForHealth(deadline: number): Promise<void> {
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

async function main(): Promise<void> {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' })
  } catch (error) {
    // wrk prints its usage and exits 1 for --version; only a missing binary is a problem.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error('load: wrk is not installed; run `apt-get install -y wrk`')
      process.exit(2)
    }
  }
  const wrangler = spawn(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'],
    {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    },
  )
  const guard = setTimeout(() => stop(wrangler), (duration + 120) * 1000)
  try {
    await waitForHealth(Date.now() + 90_000)
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

main().catch((error) => {
  console.error(`load: ${(error as Error).message}`)
  process.exit(1)
})
