/**
 * The `memory` backend: the bundled MiniSearch index, loaded once per isolate. A thin delegation to
 * the search functions, so it answers exactly as they do and follows them as they change.
 */
import type { BackendHit, Catalog, ListRequest, SearchBackend, SearchPageRequest } from './backend'
import { suggestCorrection } from './correction'
import { explainHits } from './explain'
import { computeFacets, computeFacetsAt, type Facets } from './facets'
import { filterStatements } from './filter'
import { highlightHit } from './highlight'
import { copyFacets, RESULT_DEPTH, ResultCache, resultKey } from './result-cache'
import { searchStatements } from './search'
import { similarStatements } from './similar'
import type { Store } from './store'
import { suggest } from './suggest'

const catalogs = new WeakMap<Store, Catalog>()

/** The store's small tables as a Catalog (the Store is one, plus counts). */
export function catalogOf(store: Store): Catalog {
  let catalog = catalogs.get(store)
  if (!catalog) {
    catalog = Object.assign(Object.create(store) as Store, {
      statementCount: store.statements.length,
      articleCount: store.articles.length,
    })
    catalogs.set(store, catalog)
  }
  return catalog
}

/** `resultDepth`: how many of the best hits a search ranks and caches (RESULT_DEPTH; tests make it small). */
export function memoryBackend(store: Store, { resultDepth = RESULT_DEPTH } = {}): SearchBackend {
  const catalog = catalogOf(store)
  const results = new ResultCache()
  return {
    name: 'memory',
    catalog: async () => catalog,
    async search(request: SearchPageRequest) {
      const { filters, match, sort } = request
      const end = request.offset + request.limit
      const key = resultKey(store.buildHash, request)
      let cached = results.get(key)
      if (!cached || cached.depth < end) {
        // The first pages of a query rank together, so paging through them reuses one result set.
        const depth = Math.max(end, resultDepth)
        const outcome = searchStatements(store, { query: request.query, filters, match, sort, limit: depth })
        cached = { outcome, depth, facets: new Map() }
        results.set(key, cached)
      }
      const { outcome } = cached
      const page = outcome.hits.slice(request.offset, end)
      const explanations = request.explain ? explainHits(store, page, outcome.plan) : []
      const hits: BackendHit[] = page.map((hit, i) => ({
        statement: hit.statement,
        score: hit.score,
        matches: hit.matches,
        highlights: highlightHit(hit, outcome.plan),
        ...(explanations[i] ? { explain: explanations[i] } : {}),
      }))
      let facets: Facets | undefined
      if (request.facets?.length) {
        const entry = cached
        const missing = request.facets.filter((name) => !entry.facets.has(name))
        if (missing.length > 0) {
          const counted = computeFacetsAt(store, outcome.matched, missing)
          for (const name of missing) entry.facets.set(name, counted[name]!)
          results.set(key, entry)
        }
        facets = copyFacets(Object.fromEntries(request.facets.map((name) => [name, entry.facets.get(name)!])))
      }
      if (outcome.total === 0 && cached.didYouMean === undefined)
        cached.didYouMean = suggestCorrection(store, request.q, { filters, match, sort })
      return {
        total: outcome.total,
        relaxed: outcome.relaxed,
        plan: outcome.plan,
        hits,
        ...(facets ? { facets } : {}),
        ...(outcome.total === 0 ? { didYouMean: cached.didYouMean } : {}),
      }
    },
    async list(request: ListRequest) {
      let items = filterStatements(store, request.filters)
      const { speakerOrVia, topic } = request.scope ?? {}
      if (speakerOrVia)
        items = items.filter((st) => st.speakers.some((s) => s.id === speakerOrVia) || st.via?.id === speakerOrVia)
      if (topic) items = items.filter((st) => st.topics.includes(topic))
      return {
        total: items.length,
        statements: items.slice(request.offset, request.offset + request.limit),
        ...(request.facets?.length ? { facets: computeFacets(store, items, request.facets) } : {}),
      }
    },
    statement: async (id) => store.byId.get(id) ?? null,
    async similar(statement, page) {
      const hits = similarStatements(store, statement)
      return { total: hits.length, hits: hits.slice(page.offset, page.offset + page.limit) }
    },
    async article(id) {
      const article = store.articleById.get(id)
      if (!article) return null
      return { article, statements: store.statements.filter((st) => st.article === id) }
    },
    suggest: async (q, limit) => suggest(store, q, limit),
  }
}
