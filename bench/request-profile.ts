/**
 * Where the time of one search request goes, in process (Node, no HTTP server,
 * no rate limiter): the whole app's answer to `/health` and to the searches `npm run load --
 * --compare` sends, and the parts of a search answer measured apart: the search, highlights, snippets
 * and the JSON text. Interleaved rounds, medians. Writes the `request-profile` section of bench/RESULTS.md.
 *
 * usage: npx tsx bench/request-profile.ts [--rounds 300]
 */
import { cpus } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildCorpus, ROOT } from '../scripts/build-data'
import { createApp } from '../src/app'
import { buildIndex } from '../src/search/build-index'
import { computeFacets } from '../src/search/facets'
import { highlightHit, snippet } from '../src/search/highlight'
import { packCorpus } from '../src/search/pack'
import { unpackStore } from '../src/search/packed'
import { parseQuery } from '../src/search/query'
import { searchStatements } from '../src/search/search'
import { writeSection } from './results'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '300' } } })
const rounds = Number(values.rounds)
const { corpus } = buildCorpus({ dataDir: join(ROOT, 'data') })
const store = unpackStore(packCorpus(corpus, buildIndex(corpus.statements, corpus)))
const app = createApp({ ok: true, store })
// The access log writes a line per request; silence it so printing is not what is measured.
console.log = () => {}
const lines: string[] = []
const print = (s: string) => {
  lines.push(s)
  process.stdout.write(`${s}\n`)
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
// Repeated URLs are answered from the answers the isolate keeps; NEVER is a new URL each round (an
// exclusion no statement has), so it is computed every time: the parts below are shares of it.
const NEVER = '/v1/search?q=china+-zzN'
const PATHS = [
  '/health',
  '/v1/search?q=china',
  '/v1/search?q=china&facets=speaker,kind,topic',
  NEVER,
  '/v1/statements?speaker=blinken',
]
const hits = searchStatements(store, { query: parseQuery('china') })
const page = hits.hits.slice(0, 20)
const parts: Record<string, () => unknown> = {
  'search (searchStatements)': () => searchStatements(store, { query: parseQuery('china') }),
  'facets speaker,kind,topic': () =>
    computeFacets(
      store,
      hits.hits.map((h) => h.statement),
      ['speaker', 'kind', 'topic'],
    ),
  'highlights of the page (re-tokenizing)': () => page.map((h) => highlightHit(h, hits.plan)),
  'highlights + snippets of the page': () => page.map((h) => snippet(h.statement.content, highlightHit(h, hits.plan))),
}
const times = new Map<string, number[]>(
  [...PATHS, ...Object.keys(parts), 'JSON text of the answer'].map((k) => [k, []]),
)
let body = ''
for (let r = 0; r < rounds; r++) {
  for (const path of PATHS) {
    const t = performance.now()
    const res = await app.request(path.replace('N', String(r)))
    const text = await res.text()
    times.get(path)!.push(performance.now() - t)
    if (path === NEVER) body = text
  }
  for (const [name, fn] of Object.entries(parts)) {
    const t = performance.now()
    fn()
    times.get(name)!.push(performance.now() - t)
  }
  const parsed = JSON.parse(body)
  const t = performance.now()
  JSON.stringify(parsed)
  times.get('JSON text of the answer')!.push(performance.now() - t)
}
const health = median(times.get('/health')!)
const search = median(times.get(NEVER)!)
print(`| in process (${rounds} interleaved rounds, seed corpus) | median | ÷ /health | share of search |`)
print('|---|---|---|---|')
for (const [name, xs] of times) {
  const m = median(xs)
  print(
    `| ${name.startsWith('/') ? `\`${name}\`${name === NEVER ? ' (never asked before: computed)' : name === '/health' ? '' : ' (repeated: a kept answer)'}` : name} | ${m.toFixed(3)} ms | ${(m / health).toFixed(2)}× | ${name.startsWith('/') ? '' : `${((m / search) * 100).toFixed(0)}%`} |`,
  )
}
print('')
print(
  `The rest of a search answer (${((1 - [...Object.keys(parts), 'JSON text of the answer'].filter((k) => !k.startsWith('highlights of')).reduce((a, k) => a + median(times.get(k)!), 0) / search) * 100).toFixed(0)}%: the request less the parts above) is the route around them: parameter validation, the cache key and ETag, links, headers and the middleware.`,
)
writeSection(
  join(ROOT, 'bench/RESULTS.md'),
  'request-profile',
  [
    '## Where a search request spends its time (in process)',
    '',
    `Command: \`npx tsx bench/request-profile.ts --rounds ${rounds}\`. Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. The whole app answering in Node (\`app.request\`: no HTTP server, no rate limiter) and the parts of a \`/v1/search?q=china\` answer timed apart, on the seed corpus. A repeated URL is answered from the answers the isolate keeps; a URL never asked before (\`-zzN\`, a new N each round) is computed, and the parts are shares of that one.`,
    '',
    ...lines,
  ].join('\n'),
)
