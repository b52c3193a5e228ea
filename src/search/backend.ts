/**
 * The one interface the routes search through, whichever backend serves it: `memory` (the bundled
 * MiniSearch index, src/search/memory.ts) or `d1` (Cloudflare D1 with SQLite FTS5, src/search/d1/).
 * Every method is async because D1 is; the memory backend answers at once.
 */
import type { Statement } from '../types'
import type { ArticleRecord } from './corpus'
import type { FacetName, Facets } from './facets'
import type { Filters } from './filter'
import type { Highlight } from './highlight'
import type { ParsedQuery } from './query'
import type { QueryPlan, Sort } from './search'
import type { SimilarHit } from './similar'
import type { Store } from './store'
import type { Suggestion } from './suggest'

/**
 * What every backend holds in memory per isolate: the small tables (speakers, topics, entities,
 * article metadata, the filter spellings, synonyms and completion vocabulary). Its size grows with
 * speakers and articles, never with statements.
 */
export type Catalog = Pick<
  Store,
  | 'buildHash'
  | 'registry'
  | 'articleSummaries'
  | 'speakers'
  | 'speakerById'
  | 'topics'
  | 'topicById'
  | 'entities'
  | 'entityById'
  | 'synonyms'
  | 'vocabulary'
  | 'dimensions'
> & {
  /** How many statements and articles the corpus holds. */
  statementCount: number
  articleCount: number
}

/** A slice of a ranked or ordered list. */
export interface PageRequest {
  limit: number
  offset: number
}

/** Statements only one speaker (as speaker or as relaying channel) or one topic has: the `/{id}/statements` routes. */
export interface Scope {
  speakerOrVia?: string
  topic?: string
}

export interface ListRequest extends PageRequest {
  filters: Filters
  scope?: Scope
  facets?: readonly FacetName[]
}

export interface ListResult {
  /** How many statements pass, all pages together. */
  total: number
  /** This page, in article order. */
  statements: Statement[]
  facets?: Facets
}

export interface SearchPageRequest extends PageRequest {
  /** The query as typed, for `did_you_mean`. */
  q: string
  query: ParsedQuery
  /** Filters from parameters and from `field:value` in the query; all must pass. */
  filters: readonly Filters[]
  match: 'all' | 'any'
  sort: Sort
  facets?: readonly FacetName[]
  /** Add per-hit explanations (memory backend only: see docs/SCALING.md). */
  explain?: boolean
}

export interface BackendHit {
  statement: Statement
  score: number
  /** Index terms that matched, each with the fields it matched in. */
  matches: Record<string, string[]>
  highlights: Highlight[]
  explain?: unknown
}

export interface SearchPageResult {
  total: number
  relaxed: boolean
  plan: QueryPlan
  /** This page only. */
  hits: BackendHit[]
  facets?: Facets
  /** Only when nothing matched and a corrected query finds something. */
  didYouMean?: string | null
}

/** One operation failed because the storage behind the backend did not answer: the API says 503. */
export class BackendUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfter = 5,
  ) {
    super(message)
    this.name = 'BackendUnavailableError'
  }
}

export interface SearchBackend {
  readonly name: 'memory' | 'd1'
  /**
   * Whether an answer costs a round trip to storage, so that the Workers cache, itself a round trip,
   * is worth asking first (d1). The memory backend answers faster than the cache would.
   */
  readonly cacheAtEdge: boolean
  catalog(): Promise<Catalog>
  search(request: SearchPageRequest): Promise<SearchPageResult>
  list(request: ListRequest): Promise<ListResult>
  statement(id: string): Promise<Statement | null>
  /** Statements most like this one, most similar first, never itself. */
  similar(statement: Statement, page: PageRequest): Promise<{ total: number; hits: SimilarHit[] }>
  /** An article with its full text, and its statements in order. */
  article(id: string): Promise<{ article: ArticleRecord; statements: Statement[] } | null>
  suggest(q: string, limit: number): Promise<Suggestion[]>
}
