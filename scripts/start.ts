/**
 * `npm start`: `wrangler dev` on the bundled corpus, quiet when offline, and stopped as a whole.
 *
 * usage: npm start [-- <wrangler dev options>]   e.g. npm start -- --port 8790
 *
 * wrangler leaves its workerd children running when only its own process gets SIGTERM, so a
 * supervisor that stops `npm start` by process id would find port 8787 still taken. This wrapper
 * runs wrangler in the same terminal (its hotkeys keep working) and, on SIGINT, SIGTERM or SIGHUP,
 * stops every process it started, waiting for them to exit before it does. It does the same when
 * its parent (npm) goes away, since npm exits on TERM without passing it on.
 */
import { execFileSync, spawn } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const WRANGLER = join(ROOT, 'node_modules/wrangler/bin/wrangler.js')
const GRACE_MS = 5_000

/** Every descendant of `pid`, deepest first, from one `ps` listing (Linux and macOS). */
export function descendantsOf(pid: number): number[] {
  let listing: string
  try {
    listing = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
  } catch {
    return []
  }
  const children = new Map<number, number[]>()
  for (const line of listing.split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number)
    if (!child || parent === undefined) continue
    children.set(parent, [...(children.get(parent) ?? []), child])
  }
  const found: number[] = []
  const visit = (p: number) => {
    for (const c of children.get(p) ?? []) {
      visit(c)
      found.push(c)
    }
  }
  visit(pid)
  return found
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const signal = (pids: readonly number[], sig: NodeJS.Signals) => {
  for (const pid of pids) {
    try {
      process.kill(pid, sig)
    } catch {
      // Already gone.
    }
  }
}

/** Stops the whole tree: TERM, then KILL for whatever is still running after the grace period. */
async function stopTree(root: number): Promise<void> {
  const tree = [...descendantsOf(root), root]
  signal(tree, 'SIGTERM')
  const deadline = Date.now() + GRACE_MS
  while (tree.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  signal(tree.filter(alive), 'SIGKILL')
}

/**
 * Both Workers in one `wrangler dev`: the search Worker (wrangler.toml, the first config, served on
 * :8787) and the extraction Worker its EXTRACTOR binding calls for POST /v1/extract.
 */
export const DEV_CONFIGS = ['-c', 'wrangler.toml', '-c', 'wrangler.extract.toml']

function main(): void {
  const args = process.argv.slice(2).filter((a) => a !== '--')
  const child = spawn(process.execPath, [WRANGLER, 'dev', ...DEV_CONFIGS, ...args], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      // Offline, wrangler fails to fetch the Request.cf sample and prints a stack trace on every
      // reload; the app never reads request.cf, so the built-in placeholder is all it needs.
      CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? 'false',
      WRANGLER_SEND_METRICS: process.env.WRANGLER_SEND_METRICS ?? 'false',
    },
  })
  let stopping = false
  const stop = (sig: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    void stopTree(child.pid!).then(() => process.exit(sig === 'SIGINT' ? 130 : 143))
  }
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => stop(sig))
  // npm does not pass a TERM on to the script it runs: when npm goes, stop rather than linger.
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGTERM')
  }, 500).unref()
  child.on('exit', (code, sig) => {
    if (!stopping) process.exit(code ?? (sig ? 1 : 0))
  })
}

if (process.argv[1] && /[\\/]start\.ts$/.test(process.argv[1])) main()
