/** The search page at `GET /`: the same search the API runs, rendered on the server, each state a shareable URL. */

import { suggestCorrection } from '../search/correction'
import { computeFacets } from '../search/facets'
import { type FilterError, type Filters, filterStatements, type RawFilters, resolveFilters } from '../search/filter'
import { highlightHit } from '../search/highlight'
import { LIMITS } from '../search/limits'
import { checkQuery, parseQuery } from '../search/query'
import { searchStatements } from '../search/search'
import type { Store } from '../search/store'
import { type FacetChip, Facets, PAGE_FACETS, type PageFacet, ResultItem, type ResultView } from './components'
import { Layout } from './layout'

/** Results per page, as the script asks the API for. */
export const PAGE_SIZE = 20

/** Example searches the empty page offers, one for each part of the query language. */
const EXAMPLES = ['diplomacy', '"face-to-face"', 'speaker:blinken relationship', 'kind:direct']

/** What the URL asks for: `?q=…&speaker=…&kind=…&topic=…&offset=…`. */
export interface SearchState {
  q: string
  filters: Record<PageFacet, string[]>
  offset: number
}

/** Reads the page's parameters; repeated or comma-separated filter values OR, as in the API. */
export function readSearchState(params: URLSearchParams): SearchState {
  const values = (name: string) =>
    params
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v && v.length <= LIMITS.filterValueLength)
      .slice(0, LIMITS.filterValues)
  const offset = Math.min(LIMITS.maxOffset, Math.max(0, Math.floor(Number(params.get('offset')) || 0)))
  return {
    q: (params.get('q') ?? '').slice(0, LIMITS.queryLength * 2),
    filters: { speaker: values('speaker'), kind: values('kind'), topic: values('topic') },
    offset,
  }
}

/** The page URL of a state; the chips, pager and suggestions link to variations of it. */
export function searchHref(state: SearchState, change: Partial<SearchState> = {}): string {
  const next = { ...state, ...change }
  const params = new URLSearchParams()
  if (next.q) params.set('q', next.q)
  for (const facet of PAGE_FACETS) for (const v of next.filters[facet]) params.append(facet, v)
  if (next.offset > 0) params.set('offset', String(next.offset))
  const query = params.toString()
  return query ? `/?${query}` : '/'
}

/**
 * The state with each filter value replaced by the ids it names (`blinken` → `antony-blinken`), so
 * chips match the facet values; a value that names nothing is kept, to be reported.
 */
export function canonicalState(store: Store, state: SearchState): SearchState {
  const filters = { ...state.filters }
  for (const facet of PAGE_FACETS) {
    const ids = state.filters[facet].flatMap((value) => {
      const { filters: resolved, errors } = resolveFilters(store, { [facet]: [value] })
      return errors.length > 0 ? [value] : [...(resolved[facet] ?? [])]
    })
    filters[facet] = [...new Set(ids)]
  }
  return { ...state, filters }
}

function toggled(state: SearchState, facet: PageFacet, value: string): SearchState['filters'] {
  const chosen = state.filters[facet]
  const values = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value]
  return { ...state.filters, [facet]: values }
}

interface Outcome {
  total: number
  results: ResultView[]
  facets: ReturnType<typeof computeFacets>
  relaxed: boolean
  didYouMean: string | null
  problems: string[]
}

/** Runs the state's search (or filter) with the search module, exactly as `/v1/search` and `/v1/statements` do. */
function runSearch(store: Store, state: SearchState): Outcome {
  const problems: string[] = []
  const q = state.q.trim()
  const why = q ? checkQuery(q) : null
  if (why) problems.push(`The search ${why}.`)
  const raw: RawFilters = { ...state.filters }
  const resolved = resolveFilters(store, raw)
  const dropUnknown = (filters: Filters, errors: FilterError[]) => {
    for (const e of errors) problems.push(`${e.message[0]!.toUpperCase()}${e.message.slice(1)}.`)
    const bad = new Set(errors.map((e) => e.parameter))
    // A value that names nothing is reported and left out, rather than emptying the page.
    for (const p of bad) if (filters[p]?.size === 0) delete filters[p]
    return filters
  }
  const filters = dropUnknown(resolved.filters, resolved.errors)
  const empty = { total: 0, results: [], facets: {}, relaxed: false, didYouMean: null, problems }
  if (why) return empty
  const page = <T,>(items: readonly T[]) => items.slice(state.offset, state.offset + PAGE_SIZE)
  if (!q) {
    const statements = filterStatements(store, filters)
    const results = page(statements).map((st) => ({ ...st, highlights: [] }))
    return { ...empty, total: statements.length, results, facets: computeFacets(store, statements, PAGE_FACETS) }
  }
  const parsed = parseQuery(q)
  const inline = resolveFilters(store, parsed.filters)
  const request = { filters: [filters, dropUnknown(inline.filters, inline.errors)] }
  const outcome = searchStatements(store, { ...request, query: parsed })
  const statements = outcome.hits.map((h) => h.statement)
  return {
    total: outcome.hits.length,
    results: page(outcome.hits).map((hit) => ({ ...hit.statement, highlights: highlightHit(hit, outcome.plan) })),
    facets: computeFacets(store, statements, PAGE_FACETS),
    relaxed: outcome.relaxed,
    didYouMean: outcome.hits.length === 0 ? suggestCorrection(store, q, request) : null,
    problems,
  }
}

function chipsOf(state: SearchState, outcome: Outcome) {
  return PAGE_FACETS.map((facet) => {
    const values = outcome.facets[facet] ?? []
    const chips: FacetChip[] = values.map((v) => ({
      ...v,
      selected: state.filters[facet].includes(v.value),
      href: searchHref(state, { filters: toggled(state, facet, v.value), offset: 0 }),
    }))
    // A chosen value stays on screen even when nothing matches now, so it can be turned off.
    for (const value of state.filters[facet]) {
      if (!chips.some((c) => c.value === value)) {
        const href = searchHref(state, { filters: toggled(state, facet, value), offset: 0 })
        chips.unshift({ value, label: value, count: 0, selected: true, href })
      }
    }
    return { facet, chips }
  })
}

function statusOf(state: SearchState, total: number): string {
  const filtered = PAGE_FACETS.some((f) => state.filters[f].length > 0)
  const shown = `“${state.q}”${filtered ? ' with these filters' : ''}`
  if (total === 0) return `No statements match ${shown}.`
  return `${total} ${total === 1 ? 'statement matches' : 'statements match'} ${state.q ? shown : 'these filters'}.`
}

/**
 * The whole search page for a state. Without a query or filter it shows examples; with one, the
 * results, the facet chips and, when nothing matched, a corrected query or the query without filters.
 */
export function SearchPage({ store, state: asked }: { store: Store; state: SearchState }) {
  const state = canonicalState(store, asked)
  const active = state.q.trim() !== '' || PAGE_FACETS.some((f) => state.filters[f].length > 0)
  const outcome = active ? runSearch(store, state) : null
  const title = (id: string) => store.articleById.get(id)?.title ?? id
  const filtered = PAGE_FACETS.some((f) => state.filters[f].length > 0)
  return (
    <Layout title={state.q ? `“${state.q}”` : 'Search who said what'} current="search">
      <h1>Search who said what</h1>
      <search>
        <form id="search" class="search" method="get" action="/">
          <label class="sr-only" for="q">
            Search statements
          </label>
          <input
            type="search"
            id="q"
            name="q"
            value={state.q}
            list="suggestions"
            autocomplete="off"
            placeholder="diplomacy, &quot;open lines&quot;, speaker:blinken…"
          />
          <datalist id="suggestions" />
          {PAGE_FACETS.flatMap((f) => state.filters[f].map((v) => <input type="hidden" name={f} value={v} />))}
          <button type="submit">Search</button>
        </form>
      </search>
      <div class="layout">
        <div id="facets-box">{outcome ? <Facets groups={chipsOf(state, outcome)} /> : null}</div>
        <section aria-labelledby="results-title">
          <h2 id="results-title" class="sr-only">
            Results
          </h2>
          <p id="status" class="status" role="status">
            {outcome ? statusOf(state, outcome.total) : ''}
          </p>
          <div id="intro" hidden={active}>
            <p>
              Find what was said in the news, and by whom: direct quotes, reported speech and the articles' own
              narration, each with its speaker, cue and place in the article.
            </p>
            <p>Try:</p>
            <ul class="examples">
              {EXAMPLES.map((q) => (
                <li>
                  <a class="chip" href={searchHref({ q, filters: { speaker: [], kind: [], topic: [] }, offset: 0 })}>
                    {q}
                  </a>
                </li>
              ))}
            </ul>
            <h2>Articles</h2>
            <ul class="plain-list">
              {store.articleSummaries.map((a) => (
                <li>
                  <a href={`/articles/${encodeURIComponent(a.id)}`}>{a.title}</a> ({a.statement_count} statements)
                </li>
              ))}
            </ul>
          </div>
          <div id="results-box">
            {outcome ? (
              <>
                {outcome.problems.map((p) => (
                  <p class="error">{p}</p>
                ))}
                {outcome.relaxed ? <p class="notice">No statement has every word; these have some of them.</p> : null}
                {outcome.total === 0 ? (
                  <div class="empty">
                    {outcome.didYouMean ? (
                      <p>
                        Did you mean{' '}
                        <a href={searchHref(state, { q: outcome.didYouMean, offset: 0 })} rel="nofollow">
                          {outcome.didYouMean}
                        </a>
                        ?
                      </p>
                    ) : null}
                    {filtered ? (
                      <p>
                        <a href={searchHref(state, { filters: { speaker: [], kind: [], topic: [] }, offset: 0 })}>
                          Search for “{state.q}” without filters
                        </a>
                      </p>
                    ) : null}
                  </div>
                ) : null}
                <ol class="results" id="results">
                  {outcome.results.map((r) => (
                    <ResultItem result={r} articleTitle={title(r.article)} />
                  ))}
                </ol>
                {state.offset > 0 || state.offset + PAGE_SIZE < outcome.total ? (
                  <nav class="pager" aria-label="Pages">
                    {state.offset > 0 ? (
                      <a
                        href={searchHref(state, { offset: Math.max(0, state.offset - PAGE_SIZE) })}
                        data-offset={Math.max(0, state.offset - PAGE_SIZE)}
                        rel="prev"
                      >
                        Previous
                      </a>
                    ) : null}
                    {state.offset + PAGE_SIZE < outcome.total ? (
                      <a
                        href={searchHref(state, { offset: state.offset + PAGE_SIZE })}
                        data-offset={state.offset + PAGE_SIZE}
                        rel="next"
                      >
                        Next
                      </a>
                    ) : null}
                  </nav>
                ) : null}
              </>
            ) : null}
          </div>
        </section>
      </div>
    </Layout>
  )
}
