/** The one MiniSearch configuration, shared by the build script that indexes and the Worker that loads. */
import type { Options } from 'minisearch'
import { processTerm, tokenizeForIndex } from './text'

/** The flat document MiniSearch indexes for each statement (built by `toSearchDocument`). */
export interface SearchDocument {
  id: string
  content: string
  /** The sentence(s) around the content: what `text` holds beyond `content`. */
  text: string
  /** Speaker and via names and aliases. */
  speaker: string
  /** The speakers' roles ("Homeland Security Secretary", "spokeswoman"), as stated in the article or the registry's. */
  role: string
  /** The speakers' affiliations (an organisation, a party, a country). */
  affiliation: string
  cue: string
  /** Topic labels. */
  topic: string
  /** Entity names and aliases. */
  entity: string
}

/** Indexed fields, most important first. */
export const SEARCH_FIELDS = ['content', 'speaker', 'text', 'role', 'affiliation', 'topic', 'entity', 'cue'] as const
export type SearchField = (typeof SEARCH_FIELDS)[number]

/** The fields that describe who spoke rather than what was said: `explain` tells these matches apart. */
export const SPEAKER_FIELDS: ReadonlySet<SearchField> = new Set(['speaker', 'role', 'affiliation'])

/**
 * Content matters most, then who said it; the surrounding sentence and labels only help.
 *
 * - `speaker` (2): a name picks out one speaker, and "what did X say" is the commonest question.
 * - `role` (1): a role word ("senator", "spokeswoman", "secretary") picks out a class of speakers, so
 *   it says less than a name; as much as the surrounding sentence, where articles state roles anyway
 *   ("Sen. X said"). It lets a statement whose speaker was resolved from a pronoun, far from where the
 *   role was written, be found by the role. Below `content`, so a statement that *says* "senator"
 *   outranks one merely spoken by a senator when both have the other query words equally.
 * - `affiliation` (1): the same for an organisation, party or country ("FBI", "Democrat").
 */
export const FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  content: 3,
  speaker: 2,
  text: 1,
  role: 1,
  affiliation: 1,
  topic: 0.8,
  entity: 0.8,
  cue: 0.5,
}

/** Edit distance allowed for a query term: none up to 3 letters, 1 up to 7, 2 beyond. */
export function fuzzyDistance(term: string): number {
  if (term.length <= 3) return 0
  if (term.length <= 7) return 1
  return 2
}

/**
 * The options object used at both ends: the builder's `new MiniSearch(SEARCH_OPTIONS)` and the
 * Worker's `MiniSearch.loadJSON(json, SEARCH_OPTIONS)`. Nothing is stored in the index;
 * statements are looked up by id in the corpus.
 *
 * @example
 * const index = new MiniSearch(SEARCH_OPTIONS); index.addAll(docs)
 * const again = MiniSearch.loadJSON(JSON.stringify(index), SEARCH_OPTIONS)
 */
export const SEARCH_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [],
  tokenize: tokenizeForIndex,
  processTerm,
  searchOptions: {
    boost: { ...FIELD_BOOSTS },
    // Only the last term is a prefix: that is the one still being typed.
    prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
    fuzzy: (term) => fuzzyDistance(term) || false,
    maxFuzzy: 2,
    // Exact matches outrank prefix and fuzzy expansions.
    weights: { prefix: 0.4, fuzzy: 0.3 },
    combineWith: 'AND',
  },
}
