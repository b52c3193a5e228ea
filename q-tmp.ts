import MiniSearch from 'minisearch'
import { buildCorpus } from './scripts/build-data'
import { SEARCH_OPTIONS } from './src/search/options'
import { parseQuery } from './src/search/query'
import { searchStatements } from './src/search/search'
import { createStore } from './src/search/store'
const { corpus, indexJson } = buildCorpus({ dataDir: 'data' })
const store = createStore(corpus, MiniSearch.loadJSON(indexJson, SEARCH_OPTIONS))
for (const q of process.argv.slice(2)) {
  const o = searchStatements(store, { query: parseQuery(q) })
  console.log(`\n## ${q}  (${o.hits.length}${o.relaxed ? ', relaxed' : ''})`)
  for (const h of o.hits.slice(0, 3)) console.log(`  ${h.score.toFixed(2)} [${h.statement.kind}] ${h.statement.speakers.map(s=>s.name).join('+')||'-'}: ${h.statement.content.slice(0, 90)}`)
}
