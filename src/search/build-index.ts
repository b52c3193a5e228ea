/** Builds the MiniSearch index of a set of statements: the one place an index is made. */
import MiniSearch from 'minisearch'
import type { MentionedEntity, RegistryEntity, Statement, Topic } from '../types'
import { documentLookups, toSearchDocument } from './document'
import { SEARCH_OPTIONS, type SearchDocument } from './options'

/** What indexing needs besides the statements: the registry and the taxonomy, for names and labels. */
export interface IndexContext {
  entities: readonly RegistryEntity[]
  topics: readonly Topic[]
  /** Entities named in statements that the registry lacks. */
  mentioned?: readonly MentionedEntity[]
}

/**
 * Indexes statements with `SEARCH_OPTIONS`, the options the Worker loads the index with, so an index
 * built here, serialized and loaded again answers exactly as it did before. Used by the build script,
 * the bench and the tests alike. Pure: no I/O.
 *
 * @example
 * const index = buildIndex(corpus.statements, corpus) // a Corpus carries `entities` and `topics`
 * const json = JSON.stringify(index)
 * const again = MiniSearch.loadJSON(json, SEARCH_OPTIONS)
 */
export function buildIndex(statements: readonly Statement[], context: IndexContext): MiniSearch<SearchDocument> {
  const lookups = documentLookups(context)
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS)
  index.addAll(statements.map((st) => toSearchDocument(st, lookups)))
  return index
}
