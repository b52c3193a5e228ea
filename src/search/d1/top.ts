/**
 * Precomputed top candidates (migrations/0002_term_top.sql): which searches get a list, the writes
 * that build them, run by D1 itself at load time (so the scores are FTS5's own bm25()), and the key
 * a search looks its list up by. A list is keyed by everything its ranking depends on: the FTS5
 * expression, and the speakers the query names with their boost.
 */
import { parseQuery } from '../query'
import { NARRATION_BOOST, namedSpeakers, planQuery } from '../search'
import type { Store } from '../store'
import { createSynonyms, type Synonyms } from '../synonyms'
import { BM25, clauseSpecs, matchExpression, planningTerms, quote } from './fts'
import type { Write } from './plan'
import type { CatalogJson } from './rows'

/** Candidates kept per query: enough for the first pages (offset + limit up to this); deeper pages rank live. */
export const TOP_K = 300

/** A search is frequent from this many matching statements, or 0.1% of the corpus when that is more. */
export const TOP_MIN_DOCS = 1_000

export function topThreshold(statements: number, minDocs = TOP_MIN_DOCS): number {
  return Math.max(minDocs, Math.ceil(statements * 0.001))
}

/**
 * What decides which lists exist. Stored with them (meta 'top_rules'): a load rebuilds the lists
 * when the rules changed, even on the same build.
 */
export const TOP_RULES = 'v2: words and prefixes by matches, named speakers'

/** The list key of a search: its FTS5 expression, and the speakers it names with their boost. */
export function listKey(match: string, named: ReadonlyMap<string, number>): string {
  if (named.size === 0) return match
  const ids = [...named.keys()].sort()
  return `${match} @${[...named.values()][0]} ${ids.join(' ')}`
}

/** The index term a list is for, when its expression is one term (`"t"` or `"t"*`): a term the corpus has. */
export function listTerm(key: string): string | null {
  const m = /^"((?:[^"]|"")*)"\*?(?: @|$)/.exec(key)
  return m ? m[1]!.replace(/""/g, '"') : null
}

/** Every key whose expression is one index term: `"t"` for a word, `"t"*` for a word being typed. */
const termKeys = (term: string) => [quote(term), `${quote(term)}*`]

/**
 * The score a search ranks by, as SQL over `s` (statements) and `statements_fts`: bm25() times
 * the narration boost, or the named speakers' boost for their statements. `speakers` is the SQL
 * of the named speakers' ids (a subquery); `boost` their boost.
 */
export function scoreSql(speakers: string | null, boost: number): string {
  const named = speakers
    ? `WHEN EXISTS (SELECT 1 FROM statement_speakers x WHERE x.rid = s.rid AND x.speaker IN ${speakers}) THEN ${boost} `
    : ''
  return `(-${BM25} * CASE ${named}WHEN s.kind = 'narration' THEN ${NARRATION_BOOST} ELSE 1 END)`
}

export interface TopList {
  key: string
  /** The FTS5 expression. */
  match: string
  named: ReadonlyMap<string, number>
}

/** What choosing lists needs to know of the corpus: its index terms with their statement counts, synonyms and speakers. */
export interface TopCorpus {
  /** Statements each index term is in (the fts5vocab table's `doc`). */
  terms: ReadonlyMap<string, number>
  synonyms: Synonyms
  speakerKeys: Store['dimensions']['speaker']['keys']
  /** Words people search for: the completion vocabulary's terms. */
  words: Iterable<string>
}

/**
 * The searches that get a list: those that match at least `threshold` statements (bounded from
 * above by the vocabulary's counts), for which ranking live would score that many statements.
 * - each index term, as a word (`"t"`) and as a word being typed (`"t"*`, counted with every term
 *   it begins), whatever word people type for it;
 * - each word a speaker is named by, and each completion word, whose search is not just one term
 *   (it names speakers, who rank higher, or has synonyms): keyed as that search plans it.
 *
 * @example chooseLists({ terms: new Map([['year', 9000]]), ... }, 1000) // [{ key: '"year"', ... }, { key: '"year"*', ... }]
 */
export function chooseLists(corpus: TopCorpus, threshold: number): TopList[] {
  const { terms } = corpus
  // Statements a prefix query can match, at most: the sum over the terms it begins.
  const prefixDocs = new Map<string, number>()
  for (const [term, doc] of terms) {
    for (let i = 1; i <= term.length; i++) {
      const p = term.slice(0, i)
      if (terms.has(p)) prefixDocs.set(p, (prefixDocs.get(p) ?? 0) + doc)
    }
  }
  const lists = new Map<string, TopList>()
  const none = new Map<string, number>()
  for (const [term, doc] of terms) {
    const [exact, prefix] = termKeys(term)
    if (doc >= threshold) lists.set(exact!, { key: exact!, match: exact!, named: none })
    if ((prefixDocs.get(term) ?? 0) >= threshold) lists.set(prefix!, { key: prefix!, match: prefix!, named: none })
  }
  const speakerWords = [...corpus.speakerKeys.keys()].filter((k) => !k.includes(' '))
  for (const word of new Set([...speakerWords, ...corpus.words])) {
    for (const q of [word, `${word} `]) {
      const planned = plannedKey(q, {
        hasTerm: (t) => terms.has(t),
        synonyms: corpus.synonyms,
        speakerKeys: corpus.speakerKeys,
      })
      if (!planned || lists.has(planned.key)) continue
      let most = 0
      for (const alternative of planned.specs[0] ?? []) {
        let fewest = Number.POSITIVE_INFINITY
        for (const t of alternative.terms) {
          let n = t.prefix !== null ? (prefixDocs.get(t.prefix) ?? 0) : 0
          for (const e of t.exact) if (e !== t.prefix) n += terms.get(e) ?? 0
          fewest = Math.min(fewest, n)
        }
        most += fewest
      }
      if (planned.specs.length === 1 && most >= threshold) lists.set(planned.key, planned)
    }
  }
  return [...lists.values()]
}

/** A TopCorpus from the index terms' counts (read from D1) and the catalog the load wrote. */
export function topCorpus(terms: ReadonlyMap<string, number>, catalog: CatalogJson): TopCorpus {
  return {
    terms,
    synonyms: createSynonyms(catalog.synonyms),
    speakerKeys: new Map(catalog.dimensions.speaker.keys.map(([k, ids]) => [k, new Set(ids)])),
    words: catalog.vocabulary.filter(([, , type]) => type === 'term').map(([text]) => text),
  }
}

/**
 * The list key of a search whose every word the corpus has, planned as the d1 backend plans it
 * (`hasTerm` answered for the query's planning terms only); null when no list could serve it
 * (typo candidates, phrases, exclusions, no searchable word).
 */
export function plannedKey(
  q: string,
  corpus: { hasTerm(term: string): boolean; synonyms: Synonyms; speakerKeys: Store['dimensions']['speaker']['keys'] },
): (TopList & { specs: ReturnType<typeof clauseSpecs>[] }) | null {
  const query = parseQuery(q)
  const asked = new Set(planningTerms(query.terms))
  const plan = planQuery({ hasTerm: (t) => asked.has(t) && corpus.hasTerm(t), synonyms: corpus.synonyms }, query)
  if (plan.clauses.some((c) => c.fuzzy) || plan.phrases.length > 0 || plan.excludedTerms.length > 0) return null
  if (plan.excludedPhrases.length > 0) return null
  const specs = plan.clauses.map((c) => clauseSpecs(c, new Map())).filter((s) => s.length > 0)
  if (specs.length === 0) return null
  const match = matchExpression(specs, 'AND')
  const named = namedSpeakers(
    { dimensions: { speaker: { keys: corpus.speakerKeys } } } as Pick<Store, 'dimensions'>,
    query,
  )
  return { key: listKey(match, named), match, named, specs }
}

/** The query that reads the corpus's index terms and their statement counts (fts5vocab), a page at a time. */
export const TERMS_PAGE_SQL = 'SELECT term, doc FROM statements_terms WHERE term > ? ORDER BY term LIMIT ?'

/**
 * Rebuilds the lists, for the build `buildHash`.
 *
 * @example topWrites(chooseLists(corpus, 1000), build) // DELETE…, INSERT … SELECT … ORDER BY score LIMIT 300, …
 */
export function topWrites(lists: readonly TopList[], buildHash: string): Write[][] {
  const groups: Write[][] = [
    [
      { sql: "DELETE FROM meta WHERE key = 'top_build'", params: [] },
      { sql: 'DELETE FROM term_top', params: [] },
      { sql: 'DELETE FROM term_top_totals', params: [] },
    ],
  ]
  for (const list of lists) {
    const boost = list.named.size > 0 ? [...list.named.values()][0]! : 1
    const speakers = list.named.size > 0 ? '(SELECT value FROM json_each(?))' : null
    const named = list.named.size > 0 ? [JSON.stringify([...list.named.keys()])] : []
    groups.push([
      {
        // Ranked as a search ranks them, ties in article order.
        sql: `INSERT INTO term_top (query, rank, rid, raw) SELECT ?, row_number() OVER (ORDER BY score DESC, pos), rid, score
FROM (SELECT s.rid AS rid, s.pos AS pos, ${scoreSql(speakers, boost)} AS score
FROM statements_fts JOIN statements s ON s.rid = statements_fts.rowid WHERE statements_fts MATCH ?
ORDER BY score DESC, pos LIMIT ${TOP_K})`,
        params: [list.key, ...named, list.match],
      },
      {
        sql: 'INSERT INTO term_top_totals (query, total) SELECT ?, count(*) FROM statements_fts WHERE statements_fts MATCH ?',
        params: [list.key, list.match],
      },
    ])
  }
  groups.push([
    { sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('top_build', ?)", params: [buildHash] },
    { sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('top_rules', ?)", params: [TOP_RULES] },
  ])
  return groups
}

/** Whether the lists must be rebuilt: computed on another build, or by other rules, than the database's. */
export const TOP_BUILD_SQL =
  "SELECT (SELECT value FROM meta WHERE key = 'top_build') AS build, (SELECT value FROM meta WHERE key = 'top_rules') AS rules"
