/**
 * The `memory` backend: the bundled MiniSearch index, loaded once per isolate. A thin delegation to
 * the search functions, so it answers exactly as they do and follows them as they change.
 */
import type { BackendHit, Catalog, ListRequest, SearchBackend, SearchPageRequest } from './backend'
import { suggestCorrection } from './correction'
import { explainHits } from './explain'
import { computeFacets, computeFacetsAt } from './facets'
import { filterStatements } from './filter'
import { highlightHit } from './highlight'
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

export function memoryBackend(store: Store): SearchBackend {
  const catalog = catalogOf(store)
  return {
    name: 'memory',
    catalog: async () => catalog,
    async search(request: SearchPageRequest) {
      const { filters, match, sort } = request
      const outcome = searchStatements(store, {
        query: request.query,
        filters,
        match,
        sort,
        limit: request.offset + request.limit,
      })
      const page = outcome.hits.slice(request.offset, request.offset + request.limit)
      const explanations = request.explain ? explainHits(store, page, outcome.plan) : []
      const hits: BackendHit[] = page.map((hit, i) => ({
        statement: hit.statement,
        score: hit.score,
        matches: hit.matches,
        highlights: highlightHit(hit, outcome.plan),
        ...(explanations[i] ? { explain: explanations[i] } : {}),
      }))
      return {
        total: outcome.total,
        relaxed: outcome.relaxed,
        plan: outcome.plan,
        hits,
        ...(request.facets?.length
          ? {
              facets: computeFacetsAt(store, outcome.matched, request.facets),
            }
          : {}),
        ...(outcome.total === 0 ? { didYouMean: suggestCorrection(store, request.q, { filters, match, sort }) } : {}),
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
