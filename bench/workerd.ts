/**
 * Startup and heap of the Worker in workerd (wrangler's own Miniflare), for any generated corpus:
 * bundles src/index.ts as wrangler does (wrangler.toml's [alias], the data and text modules kept as
 * modules), with `src/generated/` replaced by `generatedDir`, starts it, and reports the time to
 * the first 200 of `/health` (minus the same for an empty Worker, measured alongside) and the V8
 * heap after a full GC, read through the inspector.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import { openApiDocumentText } from '../scripts/build-openapi'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const requireFromWrangler = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'))
// biome-ignore lint/suspicious/noExplicitAny: Miniflare's types come from wrangler's nested copy.
const { Miniflare } = requireFromWrangler('miniflare') as { Miniflare: any }

export interface Bundle {
  code: string
  /** Data modules beside the script (name → bytes). */
  data: Map<string, Uint8Array>
  /** Text modules beside the script (name → text): the OpenAPI document. */
  text: Map<string, string>
  codeBytes: number
}

/** Bundles the Worker with `src/generated/*` read from `generatedDir`. */
export async function bundleWorker(generatedDir: string): Promise<Bundle> {
  const data = new Map<string, Uint8Array>()
  const text = new Map<string, string>()
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'src/index.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    alias: { '@hono/zod-openapi': join(ROOT, 'src/vendor/zod-openapi.ts') },
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    logLevel: 'error',
    plugins: [
      {
        name: 'generated',
        setup(build) {
          build.onResolve({ filter: /generated\// }, (args) => {
            const name = args.path.split('/').pop()!
            if (name.endsWith('.bin')) {
              data.set(name, readFileSync(join(generatedDir, name)))
              return { path: name, external: true }
            }
            // The OpenAPI document depends on the code only: generated as build:openapi generates it.
            if (name === 'openapi.json.txt') {
              text.set(name, openApiDocumentText())
              return { path: name, external: true }
            }
            const file = readdirSync(generatedDir).find((f) => f === `${name}.ts` || f === name)
            return { path: join(generatedDir, file ?? `${name}.ts`) }
          })
        },
      },
    ],
  })
  const code = result.outputFiles[0]!.text
  return { code, data, text, codeBytes: Buffer.byteLength(code) }
}

/** CPU time (user + system, ms) of the workerd processes this process started, from /proc; 0 where there is none. */
function workerdCpuMs(): number {
  let ticks = 0
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue
      let stat: string
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      } catch {
        continue
      }
      // pid (comm) state ppid ... utime(14) stime(15), counted after the closing parenthesis.
      const close = stat.lastIndexOf(')')
      const comm = stat.slice(stat.indexOf('(') + 1, close)
      const fields = stat.slice(close + 2).split(' ')
      if (comm !== 'workerd' || Number(fields[1]) !== process.pid) continue
      ticks += Number(fields[11]) + Number(fields[12])
    }
  } catch {
    return 0
  }
  return ticks * 10 // USER_HZ is 100 on Linux
}

async function startAndFetch(
  code: string,
  data: Map<string, Uint8Array>,
  text: Map<string, string>,
  inspectorPort?: number,
): Promise<{
  ms: number
  cpuMs: number
  mf: { dispose(): Promise<void>; dispatchFetch(url: string): Promise<Response> }
}> {
  const t0 = performance.now()
  const mf = new Miniflare({
    modules: [
      { type: 'ESModule', path: 'index.mjs', contents: code },
      ...[...data].map(([path, contents]) => ({ type: 'Data', path, contents })),
      ...[...text].map(([path, contents]) => ({ type: 'Text', path, contents })),
    ],
    compatibilityDate: '2026-04-01',
    ...(inspectorPort ? { inspectorPort } : {}),
  })
  const res = await mf.dispatchFetch('http://localhost/health')
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`/health answered ${res.status}`)
  return { ms: performance.now() - t0, cpuMs: workerdCpuMs(), mf }
}

/** Heap used by the Worker's isolate after a full GC, through the V8 inspector. */
async function heapUsed(port: number): Promise<number> {
  const list = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as Array<{ webSocketDebuggerUrl: string }>
  const target = list.find((t) => t.webSocketDebuggerUrl)
  if (!target) throw new Error('no inspector target')
  const WebSocket = requireFromWrangler('ws') as new (
    url: string,
  ) => {
    on(e: string, f: (d: unknown) => void): void
    send(s: string): void
    close(): void
  }
  const ws = new WebSocket(target.webSocketDebuggerUrl)
  await new Promise((ok) => ws.on('open', ok))
  let next = 1
  const pending = new Map<number, (v: unknown) => void>()
  ws.on('message', (d) => {
    const msg = JSON.parse(String(d)) as { id?: number; result?: unknown }
    if (msg.id && pending.has(msg.id)) pending.get(msg.id)!(msg.result)
  })
  const call = (method: string) =>
    new Promise<unknown>((ok) => {
      const id = next++
      pending.set(id, ok)
      ws.send(JSON.stringify({ id, method }))
    })
  // workerd's inspector does not answer HeapProfiler.collectGarbage; the figure includes any garbage
  // not yet collected, so it is an upper bound.
  const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
  ws.close()
  return usage.usedSize
}

export interface WorkerdFigures {
  /** Median time to the first /health 200, minus an empty Worker's. */
  startupMs: number
  /**
   * Median CPU time workerd spent up to that 200, minus an empty Worker's: what startup costs
   * regardless of how busy the machine is (10 ms resolution).
   */
  startupCpuMs: number
  /** V8 heap used after load and the first requests (no forced GC: an upper bound). */
  heapBytes: number
  codeBytes: number
  dataBytes: number
}

const EMPTY = 'export default { fetch() { return new Response("ok") } }'

/** Starts the bundle `rounds` times, interleaved with an empty Worker, and reads the heap once. */
export async function measureWorkerd(bundle: Bundle, rounds = 3, inspectorPort = 9330): Promise<WorkerdFigures> {
  const ours: number[] = []
  const empty: number[] = []
  const oursCpu: number[] = []
  const emptyCpu: number[] = []
  for (let r = 0; r < rounds; r++) {
    const e = await startAndFetch(EMPTY, new Map(), new Map())
    empty.push(e.ms)
    emptyCpu.push(e.cpuMs)
    await e.mf.dispose()
    const o = await startAndFetch(bundle.code, bundle.data, bundle.text)
    ours.push(o.ms)
    oursCpu.push(o.cpuMs)
    await o.mf.dispose()
  }
  const withInspector = await startAndFetch(bundle.code, bundle.data, bundle.text, inspectorPort)
  await withInspector.mf.dispatchFetch('http://localhost/health').then((r: Response) => r.arrayBuffer())
  const heapBytes = await heapUsed(inspectorPort)
  await withInspector.mf.dispose()
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  return {
    startupMs: Math.max(0, median(ours) - median(empty)),
    startupCpuMs: Math.max(0, median(oursCpu) - median(emptyCpu)),
    heapBytes,
    codeBytes: bundle.codeBytes,
    dataBytes: [...bundle.data.values()].reduce((a, b) => a + b.byteLength, 0),
  }
}

/**
 * Startup as `wrangler check startup` profiles it: the V8 CPU profile of the Worker's global scope,
 * taken in workerd the way Cloudflare checks startup at deploy; the profile's span in ms, median of
 * `rounds`. Runs in a throwaway copy of the project whose `src/generated/` holds `generatedDir`'s
 * files (over the repository's own), with wrangler.toml's `[build]` step dropped so they stay.
 */
export function checkStartupMs(generatedDir: string, rounds = 3): number {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-startup-'))
  try {
    for (const path of ['src', 'package.json', 'tsconfig.json'])
      cpSync(join(ROOT, path), join(dir, path), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir')
    cpSync(generatedDir, join(dir, 'src/generated'), { recursive: true })
    const config = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8').replace(/^\[build\]\n(?:(?!\[).*\n)*/m, '')
    writeFileSync(join(dir, 'wrangler.toml'), config)
    const spans: number[] = []
    for (let r = 0; r < rounds; r++) {
      const outfile = join(dir, `startup-${r}.cpuprofile`)
      execFileSync('npx', ['wrangler', 'check', 'startup', '--outfile', outfile], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 180_000,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      })
      const profile = JSON.parse(readFileSync(outfile, 'utf8')) as { startTime: number; endTime: number }
      spans.push((profile.endTime - profile.startTime) / 1000)
    }
    return [...spans].sort((a, b) => a - b)[Math.floor(spans.length / 2)]!
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// Standalone: npx tsx bench/workerd.ts <generated dir> [rounds]
if (process.argv[1] && /[\\/]workerd\.ts$/.test(process.argv[1])) {
  const dir = resolve(process.argv[2] ?? join(ROOT, 'src/generated'))
  const bundle = await bundleWorker(dir)
  const f = await measureWorkerd(bundle, Number(process.argv[3] ?? 3))
  console.log(
    JSON.stringify({
      startupMs: Math.round(f.startupMs),
      startupCpuMs: Math.round(f.startupCpuMs),
      heapMiB: +(f.heapBytes / 2 ** 20).toFixed(1),
      codeKiB: +(f.codeBytes / 1024).toFixed(0),
      dataKiB: +(f.dataBytes / 1024).toFixed(0),
    }),
  )
}
