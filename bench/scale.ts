/**
 * How far one Worker carries the corpus: for each size, the synthetic corpus is built, packed
 * as build-data packs it, bundled with the Worker and started in workerd (bench/workerd.ts):
 * build time, shipped size (raw and gzip), startup (wall and CPU) and heap (in workerd, and live after GC in Node). Writes the `scale` section of
 * bench/RESULTS.md and bench/results.json.
 *
 * usage: npx tsx bench/scale.ts [sizes, default 1000,10000,45000,60000]
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { buildCorpus } from '../scripts/build-data'
import { buildIndex } from '../src/search/build-index'
import { packCorpus } from '../src/search/pack'
import { writeResultsJson, writeSection } from './results'
import { syntheticCorpus } from './synthetic'
import { bundleWorker, checkStartupMs, measureWorkerd } from './workerd'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const sizes = (process.argv[2] ?? '1000,10000,45000,60000,80000').split(',').map(Number)
const { corpus: base } = buildCorpus({ dataDir: join(ROOT, 'data') })
const rows: Array<Record<string, number>> = []
for (const n of sizes) {
  const t0 = performance.now()
  const corpus = syntheticCorpus(base, n)
  const packed = packCorpus(corpus, buildIndex(corpus.statements, corpus))
  const buildMs = performance.now() - t0
  const dir = join(ROOT, '.tmp', `scale-${n}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'corpus.bin'), packed)
  const live = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/live-heap.ts'), join(dir, 'corpus.bin')],
    { encoding: 'utf8' },
  )
  const bundle = await bundleWorker(dir)
  const f = await measureWorkerd(bundle, 3)
  rows.push({
    statements: n,
    build_ms: Math.round(buildMs),
    data_mib: +(packed.length / 2 ** 20).toFixed(2),
    data_gzip_mib: +(gzipSync(packed).length / 2 ** 20).toFixed(2),
    code_gzip_kib: +(gzipSync(bundle.code).length / 1024).toFixed(0),
    startup_ms: Math.round(f.startupMs),
    startup_cpu_ms: Math.round(f.startupCpuMs),
    check_startup_ms: Math.round(checkStartupMs(dir)),
    heap_mib: +(f.heapBytes / 2 ** 20).toFixed(1),
    live_heap_mib: Number(live.trim().split(' ')[0]),
  })
  console.error(JSON.stringify(rows.at(-1)))
  rmSync(dir, { recursive: true, force: true })
}
const lines = [
  '## One Worker: startup and heap in workerd by corpus size',
  '',
  `Command: \`npx tsx bench/scale.ts ${sizes.join(',')}\`. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  'Synthetic corpus (bench/synthetic.ts), packed as build-data packs it, bundled with the Worker and started in',
  "wrangler's workerd through Miniflare. *wrangler check startup*: the span of the CPU profile `wrangler check",
  "startup` takes of the Worker's global scope (what Cloudflare's 1 s startup limit is about), median of 3. Startup",
  "CPU and wall: median of 3 starts to the first `/health` 200, minus an empty Worker's measured alongside, as",
  "workerd's CPU time (from /proc) and as wall-clock time, which also counts Miniflare preparing the modules in Node",
  "and the machine's other load. Heap: V8 used heap after the first",
  'requests, read through the inspector (workerd does not answer a forced GC, so it includes whatever garbage',
  'is left, and swings with GC timing); live heap: what the loaded store keeps after full GCs, in Node (bench/live-heap.ts).',
  '',
  '| statements | build | data | data gzip | code gzip | wrangler check startup | startup CPU | startup wall | heap (workerd) | live heap |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.statements} | ${r.build_ms} ms | ${r.data_mib} MiB | ${r.data_gzip_mib} MiB | ${r.code_gzip_kib} KiB | ${r.check_startup_ms} ms | ${r.startup_cpu_ms} ms | ${r.startup_ms} ms | ${r.heap_mib} MiB | ${r.live_heap_mib} MiB |`,
  ),
  '',
  'Limits: startup 1 s, heap 128 MB per isolate, bundle 3 MB gzip (free plan) or 10 MB (paid).',
]
writeSection(join(ROOT, 'bench/RESULTS.md'), 'scale', lines.join('\n'))
writeResultsJson('scale', { date: new Date().toISOString(), rows })
console.log(lines.join('\n'))
