/**
 * Startup cost in Node, as an isolate pays it: in a fresh process each run, the time to
 * `loadShipped` the bundled corpus (src/generated/corpus.bin), and from there to the first `GET /health` 200 (createApp and
 * the request). Prints each run and the medians; writes nothing.
 *
 * usage: npx tsx bench/startup.ts [--runs 7]
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, once: { type: 'boolean' } } })

interface Run {
  loadStore: number
  firstHealth: number
}

async function measureOnce(): Promise<Run> {
  const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../src/generated/corpus.bin', import.meta.url))))
    .buffer
  const { loadShipped, tryLoad } = await import('../src/search/load')
  const { createApp } = await import('../src/app')
  const t0 = performance.now()
  const data = tryLoad(() => loadShipped(bytes))
  const t1 = performance.now()
  const res = await createApp(data).request('/health')
  if (res.status !== 200) throw new Error(`/health answered ${res.status}`)
  return { loadStore: t1 - t0, firstHealth: performance.now() - t0 }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

if (values.once) {
  // The access log goes to stdout too; the parent reads the last line.
  console.log(JSON.stringify(await measureOnce()))
} else {
  const runs: Run[] = []
  for (let i = 0; i < Math.max(1, Number(values.runs)); i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--once'], {
      encoding: 'utf8',
    })
    const run = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Run
    runs.push(run)
    console.log(
      `run ${i + 1}: loadStore ${run.loadStore.toFixed(2)} ms, to first /health ${run.firstHealth.toFixed(2)} ms`,
    )
  }
  console.log(
    `median of ${runs.length}: loadStore ${median(runs.map((r) => r.loadStore)).toFixed(2)} ms, to first /health ${median(runs.map((r) => r.firstHealth)).toFixed(2)} ms`,
  )
}
