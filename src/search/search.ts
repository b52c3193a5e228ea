/** Runs a parsed query over the MiniSearch index: synonyms, phrases, exclusions, filters, relaxing and sorting. */
import type { Query } from 'minisearch'
import type { Statement } from '../types'
import { type Filters, isEmptyFilter, matchesFilters } from './filter'
import { LIMITS } from './limits'
import type { SearchField } from './options'
import type { ParsedQuery } from './query'
import { compareHits, type SearchHit, type Sort, TopK } from './rank'
import { rawSearch } from './raw'
import type { Store } from './store'
import { minimalForms, wordKey } from './synonyms'
import { fold, indexTerms, normalizeName, processTerm, STOP_WORDS, tokenize } from './text'

export { compareHits, DEFAULT_ORDER, type SearchHit, type Sort, type SortKey, TopK } from './rank'

/** One required part of a query: a word, or a synonym group that the word or words belong to. */
export interface Clause {
  /** The query words this clause stands for, as typed. */
  text: string
  /** Query strings any one of which satisfies the clause (the words, or their synonyms). */
  alternatives: string[]
  /** The last word typed may be unfinished. */
  prefix: boolean
  /**
   * Typo tolerance for the words as typed: only when the index lacks them exactly. A word the
   * corpus has is not a typo, and expanding it ("states" → "start") only adds noise and cost.
   * Never for a phrase's words.
   */
  fuzzy: boolean
}

export interface QueryPlan {
  clauses: Clause[]
  /** Phrases as folded word sequences, verified against content and text. */
  phrases: string[][]
  excludedTerms: string[]
  excludedPhrases: string[][]
}

export interface SearchOutcome {
  /** The best `limit` hits in order (every hit when no limit was asked for). */
  hits: SearchHit[]
  /** How many statements match, all pages together. */
  total: number
  /** Positions of every matching statement, ascending: what facets count. */
  matched: Int32Array
  /** True when no statement had every word, and these hits have any of them. */
  relaxed: boolean
  plan: QueryPlan
}

export interface SearchRequest {
  query: ParsedQuery
  /** Filters from parameters and from `field:value` in the query; all must pass. */
  filters?: readonly Filters[]
  /** `all`: every word must match (the default); `any`: at least one. */
  match?: 'all' | 'any'
  sort?: Sort
  /**
   * How many of the best hits to rank and return (a page's offset + limit); the rest are only
   * counted. Omitted: all of them, ranked.
   */
  limit?: number
}

/**
 * Attributed statements are what whosaid is for: narration that merely repeats the query's words (a
 * headline, a summary sentence, a reporter's set-up) ranks below the statement that answers it. Narration
 * is typically a whole sentence against a shorter quote or clause, which BM25's length normalisation
 * already evens out, so the factor has to be strong enough to win against a narration hit with a word
 * or two more; it is not applied when the query asks for narration (`kind:narration`, `attributed=false`).
 */
export const NARRATION_BOOST = 0.5
/** Statements by a speaker the query names ("blinken diplomacy"). */
export const NAMED_SPEAKER_BOOST = 1.5
/** ... and more when the query asks for what they said ("what did blinken say"). */
export const SPEECH_INTENT_BOOST = 3
const SPEECH_WORDS = new Set([
  'say',
  'said',
  'says',
  'saying',
  'tell',
  'told',
  'quote',
  'quotes',
  'quoted',
  'statement',
  'statements',
  'comment',
  'comments',
  'remark',
  'remarks',
  'view',
  'views',
  'think',
  'thinks',
])

/**
 * Speakers the query names, by id, name, alias or surname (one or two words at a time), with the
 * boost their statements get.
 */
export function namedSpeakers(store: Pick<Store, 'dimensions'>, query: ParsedQuery): Map<string, number> {
  const words = query.terms.map(normalizeName).filter(Boolean)
  const intent = words.some((w) => SPEECH_WORDS.has(w))
  const boost = intent ? SPEECH_INTENT_BOOST : NAMED_SPEAKER_BOOST
  const found = new Map<string, number>()
  for (let i = 0; i < words.length; i++) {
    for (const key of [`${words[i]} ${words[i + 1] ?? ''}`.trim(), words[i]!]) {
      if (STOP_WORDS.has(key)) continue
      for (const id of store.dimensions.speaker.keys.get(key) ?? []) found.set(id, boost)
    }
  }
  return found
}

/** A word's comparison form for phrases: folded, stop words kept, hyphenated words split. */
export function phraseWords(text: string): string[] {
  return tokenize(text).flatMap((t) => fold(t.raw).replace(/'s$/, '').replace(/'/g, '').split('-').filter(Boolean))
}

/**
 * Offsets of every occurrence of a phrase in `text`, comparing folded words in order.
 *
 * @example findPhrase('Face-to-face diplomacy works', ['face', 'to', 'face', 'diplomacy']) // [{ start: 0, end: 22 }]
 */
export function findPhrase(text: string, phrase: readonly string[]): { start: number; end: number }[] {
  if (phrase.length === 0) return []
  // Split hyphenated tokens into parts, remembering the offsets of the token each part came from.
  const words: { word: string; start: number; end: number }[] = []
  for (const t of tokenize(text)) {
    for (const part of fold(t.raw).replace(/'s$/, '').replace(/'/g, '').split('-')) {
      if (part) words.push({ word: part, start: t.start, end: t.end })
    }
  }
  const found: { start: number; end: number }[] = []
  for (let i = 0; i + phrase.length <= words.length; i++) {
    let ok = true
    for (let j = 0; j < phrase.length; j++) {
      if (words[i + j]!.word !== phrase[j]) {
        ok = false
        break
      }
    }
    if (ok) found.push({ start: words[i]!.start, end: words[i + phrase.length - 1]!.end })
  }
  return found
}

// Folded words of each statement's content and text, joined by spaces and padded, computed on first
// use and kept for the isolate's life, by position: phrase checks then cost one substring search.
const phraseTextCache = new WeakMap<Store, (string | undefined)[]>()

function phraseTextAt(store: Store, position: number): string {
  let texts = phraseTextCache.get(store)
  if (!texts) {
    texts = new Array<string | undefined>(store.statements.length)
    phraseTextCache.set(store, texts)
  }
  let cached = texts[position]
  if (cached === undefined) {
    const st = store.statements[position]!
    cached = ` ${phraseWords(st.content).join(' ')} \u0000 ${phraseWords(st.text).join(' ')} `
    texts[position] = cached
  }
  return cached
}

/** What a phrase check looks for in `phraseTextAt`: the words, space-separated and padded. */
const phraseNeedle = (phrase: readonly string[]) => ` ${phrase.join(' ')} `

/**
 * Turns a parsed query into clauses: each word becomes one clause, and a run of words that is
 * a form of a synonym group ("United States") becomes one clause whose alternatives are all the
 * group's forms. Stop words make no clause.
 */
export function planQuery(store: Pick<Store, 'hasTerm' | 'synonyms'>, query: ParsedQuery): QueryPlan {
  const known = (terms: readonly string[]) => terms.length > 0 && terms.every((t) => store.hasTerm(t))
  // People type acronyms in lower case ("what did the us say"): a stop word whose capitals are a
  // synonym form ("US") is read as that acronym in a query. In text, case tells them apart.
  // Likewise a hyphenated word the index lacks whole whose capitals it has as acronyms: "afl-cio" is AFL-CIO.
  const asTyped = (raw: string) => {
    const upper = raw.toUpperCase()
    if (processTerm(raw) === null && store.synonyms.match([wordKey(upper)])) return upper
    if (/[-‐‑]/.test(raw) && !known(processTerm(raw) ?? []) && known(processTerm(upper) ?? [])) return upper
    return raw
  }
  const words = query.terms
    .map(asTyped)
    .map((raw) => ({ raw, terms: processTerm(raw) ?? [] }))
    .filter((w) => w.terms.length > 0)
  const clauses: Clause[] = []
  for (let i = 0; i < words.length; ) {
    const match = store.synonyms.match(words.slice(i).map((w) => w.terms.join(' ')))
    const isLast = (n: number) => i + n === words.length && query.endsInWord
    if (match) {
      const typed = words
        .slice(i, i + match.length)
        .map((w) => w.raw)
        .join(' ')
      // The typed form first (it alone is fuzzy), then each other form once: "U.S." and "US" index alike.
      const others = minimalForms(typed, match.forms)
      clauses.push({ text: typed, alternatives: [typed, ...others], prefix: false, fuzzy: !known(indexTerms(typed)) })
      i += match.length
    } else {
      const word = words[i]!
      clauses.push({ text: word.raw, alternatives: [word.raw], prefix: isLast(1), fuzzy: !known(word.terms) })
      i++
    }
  }
  // A phrase's words must be in the statement too; the index finds candidates, the check confirms order.
  const phrases = query.phrases.map(phraseWords).filter((p) => p.length > 0)
  for (const phrase of query.phrases) {
    for (const t of tokenize(phrase))
      if (processTerm(t.raw)) clauses.push({ text: t.raw, alternatives: [t.raw], prefix: false, fuzzy: false })
  }
  // Typo tolerance is the costly part of a query: only the first few unknown words get it.
  let fuzzy = 0
  for (const c of clauses) if (c.fuzzy && ++fuzzy > LIMITS.fuzzyTerms) c.fuzzy = false
  return {
    clauses: dedupeClauses(clauses),
    phrases,
    excludedTerms: query.excludedTerms,
    excludedPhrases: query.excludedPhrases.map(phraseWords).filter((p) => p.length > 0),
  }
}

function dedupeClauses(clauses: Clause[]): Clause[] {
  const seen = new Set<string>()
  return clauses.filter((c) => {
    const key = c.alternatives.join('|') + (c.prefix ? '*' : '')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Fields a synonym form is looked up in (both backends). */
export const SYNONYM_FIELDS: readonly SearchField[] = ['content', 'text', 'speaker', 'role', 'affiliation']

/**
 * The MiniSearch query of one clause: any alternative, each alternative's words all required.
 * Only the words as typed get typo tolerance (synonym forms are spelled right already) and are
 * looked up in topic, entity and cue labels.
 */
export function clauseQuery(clause: Clause): Query {
  return {
    combineWith: 'OR',
    queries: clause.alternatives.map((alternative, i) => ({
      combineWith: 'AND',
      prefix: clause.prefix,
      ...(i > 0 || !clause.fuzzy ? { fuzzy: false } : {}),
      // Synonyms expand the words of statements, not of labels: "US" must not match every
      // statement filed under the topic "China–US relations" when someone typed "united states".
      ...(i > 0 ? { fields: [...SYNONYM_FIELDS] } : {}),
      queries: [alternative],
    })),
  }
}

/** Positions of the statements the query excludes, marked; null when it excludes nothing. */
function excludedPositions(store: Store, plan: QueryPlan): Uint8Array | null {
  let marks: Uint8Array | null = null
  const mark = (position: number) => {
    marks ??= new Uint8Array(store.statements.length)
    marks[position] = 1
  }
  for (const term of plan.excludedTerms) {
    if (!processTerm(term)) continue
    rawSearch(store, { combineWith: 'AND', prefix: false, fuzzy: false, queries: [term] }, mark)
  }
  if (plan.excludedPhrases.length > 0) {
    const needles = plan.excludedPhrases.map(phraseNeedle)
    for (let p = 0; p < store.statements.length; p++) {
      const text = phraseTextAt(store, p)
      if (needles.some((n) => text.includes(n))) mark(p)
    }
  }
  return marks
}

/** True when a filter selects narration by name (`kind=narration`) or as the unattributed (`attributed=false`). */
function asksForNarration(filters: readonly Filters[]): boolean {
  return filters.some((f) => f.kind?.has('narration') || f.attributed === false)
}

/**
 * Runs a query. Every word must match (with bounded typo tolerance; the last word may be a
 * prefix) unless `match` is `any`; phrases must appear in order; excluded words and phrases
 * must not; all filters must pass. When every-word matching finds nothing, the any-word
 * results come back flagged `relaxed`.
 *
 * @example searchStatements(store, { query: parseQuery('"face-to-face diplomacy" -Taiwan') })
 */
export function searchStatements(store: Store, request: SearchRequest): SearchOutcome {
  const plan = planQuery(store, request.query)
  // Words that are all stop words ("to be or not to be") are not in the index: look for them
  // as a phrase instead of ignoring them.
  if (plan.clauses.length === 0 && request.query.terms.length > 0) {
    const words = phraseWords(request.query.terms.join(' '))
    if (words.length > 0) plan.phrases.push(words)
  }
  const filters = request.filters ?? []
  const excluded = excludedPositions(store, plan)
  const active = filters.filter((f) => !isEmptyFilter(f))
  const needles = plan.phrases.map(phraseNeedle)
  const filtering = excluded !== null || active.length > 0 || needles.length > 0
  const accept = (st: Statement, position: number): boolean => {
    if (excluded?.[position]) return false
    for (let i = 0; i < active.length; i++) if (!matchesFilters(st, active[i]!)) return false
    if (needles.length === 0) return true
    const text = phraseTextAt(store, position)
    for (let i = 0; i < needles.length; i++) if (!text.includes(needles[i]!)) return false
    return true
  }

  const sort = request.sort ?? { by: 'relevance', order: 'desc' }
  const compare = compareHits(sort)
  const k = Math.max(0, request.limit ?? store.statements.length)
  let relaxed = false
  let selected: { top: TopK; matched: Int32Array }
  if (plan.clauses.length === 0) {
    // Only filters, exclusions or stop-word phrases: every statement that passes, in article order.
    const top = new TopK(k, compare)
    const matched: number[] = []
    const statements = store.statements
    for (let position = 0; position < statements.length; position++) {
      const statement = statements[position]!
      if (!accept(statement, position)) continue
      matched.push(position)
      const hit = { statement, score: 0, matches: {}, position }
      if (top.wants(hit)) top.add(hit)
    }
    selected = { top, matched: Int32Array.from(matched) }
  } else {
    const speakers = namedSpeakers(store, request.query)
    const narration = asksForNarration(active) ? 1 : NARRATION_BOOST
    // Applied to each hit's total rather than through MiniSearch's boostDocument, which would run
    // once per document per term: the same ranking, for one multiplication per hit.
    const boostOf = (st: Statement) => {
      let boost = st.kind === 'narration' ? narration : 1
      for (const s of st.speakers) boost = Math.max(boost, speakers.get(s.id) ?? 0)
      return boost
    }
    const run = (combineWith: 'AND' | 'OR') => {
      const top = new TopK(k, compare)
      const matched: number[] = []
      // One scratch hit for the comparison; an object is made only for a hit the page keeps.
      const scratch: SearchHit = { statement: store.statements[0]!, score: 0, matches: {}, position: 0 }
      rawSearch(store, { combineWith, queries: plan.clauses.map(clauseQuery) }, (position, score, match) => {
        const statement = store.statements[position]!
        if (filtering && !accept(statement, position)) return
        matched.push(position)
        scratch.statement = statement
        scratch.score = Math.round(score * boostOf(statement) * 1000) / 1000
        scratch.matches = match
        scratch.position = position
        if (top.wants(scratch)) top.add({ ...scratch })
      })
      return { top, matched: Int32Array.from(matched).sort() }
    }
    const any = request.match === 'any'
    selected = run(any ? 'OR' : 'AND')
    if (selected.matched.length === 0 && !any && plan.clauses.length > 1) {
      selected = run('OR')
      relaxed = selected.matched.length > 0
    }
  }
  return { hits: selected.top.sorted(), total: selected.matched.length, matched: selected.matched, relaxed, plan }
}
