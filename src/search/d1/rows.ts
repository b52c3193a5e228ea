/**
 * The rows a corpus becomes in D1, and the catalog the Worker reads back: one pure function from
 * a built corpus to the loader's writes, used by `npm run d1:load` and by the tests alike.
 */
import MiniSearch from 'minisearch'
import type { Statement } from '../../types'
import type { Corpus } from '../corpus'
import { documentLookups, toSearchDocument } from '../document'
import { SEARCH_FIELDS, SEARCH_OPTIONS, type SearchDocument } from '../options'
import { phraseWords } from '../search'
import { createStore, type Dimension, type Store } from '../store'
import { indexTerms } from '../text'

/** What the catalog part of D1 holds, as JSON (Maps as entry lists). */
export interface CatalogJson {
  buildHash: string
  registry: Store['registry']
  synonyms: string[][]
  vocabulary: Store['vocabulary']
  statementCount: number
  articleCount: number
  dimensions: Record<
    keyof Store['dimensions'],
    { labels: [string, string][]; counts: [string, number][]; keys: [string, string[]][]; exact: [string, string[]][] }
  >
}

/** A statement's row: the columns of `statements`, its link rows and its FTS5 columns. */
export interface StatementRow {
  id: string
  article: string
  pos: number
  kind: string
  via: string | null
  date: string | null
  day: string | null
  confidence: number | null
  phrase: string
  json: string
  speakers: string[]
  topics: string[]
  entities: string[]
  /** Index terms of each searched field, in SEARCH_FIELDS order, space-separated. */
  fts: string[]
}

export interface ArticleRows {
  id: string
  /** Content hash of everything the article's rows hold: equal hashes mean nothing to write. */
  hash: string
  position: number
  summary: string
  record: string
  statements: StatementRow[]
}

export interface CorpusRows {
  buildHash: string
  catalog: string
  speakers: { id: string; json: string }[]
  topics: { id: string; json: string }[]
  entities: { id: string; json: string }[]
  /** Article ids in corpus order, known before any row is made. */
  articleIds: string[]
  /** Each article's rows, made as they are read: a corpus of millions never holds them all at once. */
  articles: Iterable<ArticleRows>
}

/** A field's index terms, as MiniSearch makes them from SEARCH_OPTIONS. */
export function fieldTerms(value: string): string {
  return indexTerms(value).join(' ')
}

/** The folded words of content and text, padded, that phrases are looked for in (as src/search/search.ts does). */
export function phraseColumn(st: Pick<Statement, 'content' | 'text'>): string {
  return ` ${phraseWords(st.content).join(' ')} | ${phraseWords(st.text).join(' ')} `
}

/** 53-bit string hash (cyrb53): cheap, stable, ample to tell one article's rows from another's. */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

function dimensionJson(d: Dimension): CatalogJson['dimensions'][keyof Store['dimensions']] {
  return {
    labels: [...d.labels],
    counts: [...d.counts],
    keys: [...d.keys].map(([k, ids]) => [k, [...ids]]),
    exact: [...d.exact].map(([k, ids]) => [k, [...ids]]),
  }
}

/** The catalog of a store, as stored: everything but statements and speakers, topics, entities, articles. */
export function catalogJson(store: Store, corpus: Corpus): CatalogJson {
  const dims = store.dimensions
  return {
    buildHash: store.buildHash,
    registry: { entities: [...store.registry.entities], topics: [...store.registry.topics] },
    synonyms: corpus.synonyms,
    vocabulary: corpus.vocabulary,
    statementCount: corpus.statements.length,
    articleCount: corpus.articles.length,
    dimensions: {
      speaker: dimensionJson(dims.speaker),
      via: dimensionJson(dims.via),
      topic: dimensionJson(dims.topic),
      entity: dimensionJson(dims.entity),
      article: dimensionJson(dims.article),
      kind: dimensionJson(dims.kind),
    },
  }
}

/**
 * Every row a corpus becomes. The store is derived without an index (none is needed for the
 * summaries and filter spellings), so a corpus of millions of statements loads without one.
 *
 * @example const rows = corpusRows(unpackCorpus(text)); rows.articles[0].statements[0].fts[0] // 'diplomaci ...'
 */
export function corpusRows(corpus: Corpus): CorpusRows {
  const store = createStore(corpus, new MiniSearch<SearchDocument>(SEARCH_OPTIONS))
  const lookups = documentLookups(corpus)
  const summaries = new Map(store.articleSummaries.map((a) => [a.id, a]))
  const positions = new Map<string, number[]>()
  corpus.statements.forEach((st, pos) => {
    const list = positions.get(st.article) ?? []
    list.push(pos)
    positions.set(st.article, list)
  })
  const statementRow = (st: Statement, pos: number): StatementRow => {
    const doc = toSearchDocument(st, lookups)
    return {
      id: st.id,
      article: st.article,
      pos,
      kind: st.kind,
      via: st.via?.id ?? null,
      date: st.date,
      day: st.date?.slice(0, 10) ?? null,
      confidence: st.confidence,
      phrase: phraseColumn(st),
      json: JSON.stringify(st),
      speakers: [...new Set(st.speakers.map((s) => s.id))],
      topics: [...new Set(st.topics)],
      entities: [...new Set(st.entities)],
      fts: SEARCH_FIELDS.map((f) => fieldTerms(doc[f])),
    }
  }
  function* articles(): Generator<ArticleRows> {
    for (const [position, a] of corpus.articles.entries()) {
      const statements = (positions.get(a.id) ?? []).map((pos) => statementRow(corpus.statements[pos]!, pos))
      const summary = JSON.stringify(summaries.get(a.id))
      const record = JSON.stringify(a)
      // Positions are left out of the hash: an article moved by another's arrival is renumbered, not rewritten.
      const content = [summary, record, ...statements.map((s) => [s.json, ...s.fts, s.phrase].join('\n'))].join('\n')
      yield { id: a.id, hash: hashString(content), position, summary, record, statements }
    }
  }
  return {
    buildHash: corpus.build_hash,
    // ASCII only (\u escapes), so cutting it into parts never splits a character.
    catalog: JSON.stringify(catalogJson(store, corpus)).replace(
      /[\u007f-\uffff]/g,
      (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
    speakers: store.speakers.map((s) => ({ id: s.id, json: JSON.stringify(s) })),
    topics: store.topics.map((t) => ({ id: t.id, json: JSON.stringify(t) })),
    entities: store.entities.map((e) => ({ id: e.id, json: JSON.stringify(e) })),
    articleIds: corpus.articles.map((a) => a.id),
    articles: { [Symbol.iterator]: articles },
  }
}
