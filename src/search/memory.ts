/**
 * The `memory` backend: the bundled MiniSearch index, loaded once per isolate. A thin delegation to
 * the search functions, so it answers exactly as they do and follows them as they change.
 */
import type { BackendHit, Catalog, ListRequest, ListResult, Scope, SearchBackend, SearchPageRequest } from './backend'
import { suggestCorrection } from './correction'
import { explainHits } from './explain'
import { computeFacetsAt, type Facets } from './facets'
import { filterPositions } from './filter'
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
    cacheAtEdge: false,
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
    list: async (request) => listStatements(store, request),
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

/**
 * A listing: the page of statements that pass the filters (and scope), in article order, their total and
 * facets, all from position lists; only the page becomes an array of statements. What `list` answers.
 */
export function listStatements(store: Store, request: ListRequest): ListResult {
  let positions = filterPositions(store, request.filters)
  if (request.scope?.speakerOrVia || request.scope?.topic) positions = inScope(store, positions, request.scope)
  const page = positions.subarray(request.offset, request.offset + request.limit)
  return {
    total: positions.length,
    statements: Array.from(page, (p) => store.statements[p]!),
    ...(request.facets?.length ? { facets: computeFacetsAt(store, positions, request.facets) } : {}),
  }
}

/** The positions of a speaker's or channel's statements (`speakerOrVia`), or of a topic's, among `positions`. */
function inScope(store: Store, positions: Int32Array, { speakerOrVia, topic }: Scope): Int32Array {
  const out = new Int32Array(positions.length)
  let n = 0
  for (let i = 0; i < positions.length; i++) {
    const st = store.statements[positions[i]!]!
    if (speakerOrVia && !(st.speakers.some((s) => s.id === speakerOrVia) || st.via?.id === speakerOrVia)) continue
    if (topic && !st.topics.includes(topic)) continue
    out[n++] = positions[i]!
  }
  return out.subarray(0, n)
}
