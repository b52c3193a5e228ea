/**
 * CPU time of extraction per KB of text, the cost of one `POST /v1/extract`: every article in
 * data/, test/corpus/ and test/fixtures/ is extracted (warm, as an isolate serving requests would
 * be) and timed; prints the median ms per KB and the largest article's time.
 *
 * usage: npx tsx bench/extract-cpu.ts
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../scripts/build-data'
import { extractStatements } from '../src/extract/index'
import type { RegistryEntity, Topic } from '../src/types'

const ROUNDS = 20

function articlesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(dir, f))
}

const entities = JSON.parse(readFileSync(join(ROOT, 'data/entities.json'), 'utf8')) as RegistryEntity[]
const topics = JSON.parse(readFileSync(join(ROOT, 'data/topics.json'), 'utf8')) as Topic[]
const files = ['data/articles', 'test/corpus/articles', 'test/fixtures'].flatMap((d) => articlesUnder(join(ROOT, d)))

const rows = files.map((file) => {
  const text = readFileSync(file, 'utf8')
  const run = () => extractStatements({ id: 'bench', text, date: null }, { entities, topics })
  run() // warm up: the lexicon and regular expressions compile on first use
  const times: number[] = []
  for (let i = 0; i < ROUNDS; i++) {
    const before = process.cpuUsage()
    run()
    const used = process.cpuUsage(before)
    times.push((used.user + used.system) / 1000)
  }
  times.sort((a, b) => a - b)
  const kb = Buffer.byteLength(text) / 1024
  const ms = times[Math.floor(times.length / 2)]!
  return { file, kb, ms, msPerKb: ms / kb }
})

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const largest = rows.reduce((a, b) => (b.kb > a.kb ? b : a))
console.log(`articles: ${rows.length}, ${ROUNDS} runs each (median run), Node ${process.version}`)
console.log(`median CPU per KB: ${median(rows.map((r) => r.msPerKb)).toFixed(2)} ms`)
console.log(`largest: ${largest.kb.toFixed(1)} KB in ${largest.ms.toFixed(1)} ms`)
console.log(`64 KB at the median rate: ${(median(rows.map((r) => r.msPerKb)) * 64).toFixed(0)} ms`)

// The largest body the route accepts: fixture articles joined up to 64 KB, timed the same way.
let joined = ''
for (const file of files) {
  if (Buffer.byteLength(joined) > 60 * 1024) break
  joined += `${readFileSync(file, 'utf8')}\n\n`
}
joined = joined.slice(0, 64 * 1024)
extractStatements({ id: 'bench', text: joined, date: null }, { entities, topics })
const big: number[] = []
for (let i = 0; i < 5; i++) {
  const before = process.cpuUsage()
  extractStatements({ id: 'bench', text: joined, date: null }, { entities, topics })
  const used = process.cpuUsage(before)
  big.push((used.user + used.system) / 1000)
}
const bigKb = Buffer.byteLength(joined) / 1024
console.log(
  `a ${bigKb.toFixed(0)} KB body: ${median(big).toFixed(0)} ms (${(median(big) / bigKb).toFixed(2)} ms per KB)`,
)
