/** Writes the shipped data format (src/search/packed.ts) at build time. Build-only: nothing in the Worker imports it. */
import MiniSearch from 'minisearch'
import { type Speaker, STATEMENT_KINDS, type Statement } from '../types'
import type { Corpus } from './corpus'
import { SEARCH_OPTIONS, type SearchDocument } from './options'
import {
  PACKED_FORMAT,
  type PackedCorpus,
  type PackedIndex,
  type PackedStatements,
  unpackStore,
  VARINT_CONTINUE,
  VARINT_LAST,
} from './packed'
import type { Store } from './store'

/** JSON with every non-ASCII character as `\uXXXX`, so V8 holds it (and what it parses from it) at one byte a character. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Appends `value` (a non-negative integer) as a varint (src/search/packed.ts). */
function pushVarint(out: string[], value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`pack: ${value} is not a non-negative integer`)
  let v = value
  while (v >= 32) {
    out.push(VARINT_CONTINUE[v % 32]!)
    v = Math.floor(v / 32)
  }
  out.push(VARINT_LAST[v]!)
}

interface MiniSearchJson {
  documentCount: number
  nextId: number
  documentIds: Record<string, string>
  fieldIds: Record<string, number>
  fieldLength: Record<string, number[]>
  averageFieldLength: number[]
  index: Array<[string, Record<string, Record<string, number>>]>
}

function packIndex(index: MiniSearch<SearchDocument>, statements: readonly Statement[]): PackedIndex {
  const json = index.toJSON() as unknown as MiniSearchJson
  // Document i must be statement i: the loader rebuilds the ids from the statements.
  if (json.documentCount !== statements.length || json.nextId !== statements.length)
    throw new Error(`pack: the index holds ${json.documentCount} documents for ${statements.length} statements`)
  statements.forEach((st, i) => {
    if (json.documentIds[i] !== st.id) throw new Error(`pack: index document ${i} is not statement ${st.id}`)
  })
  const fields = Object.keys(json.fieldIds).length
  const fieldLength: string[] = []
  for (let d = 0; d < json.documentCount; d++) {
    const row = json.fieldLength[d] ?? []
    for (let f = 0; f < fields; f++) pushVarint(fieldLength, row[f] ?? 0)
  }
  const terms: string[] = []
  const postings: string[] = []
  for (const [term, byField] of json.index) {
    terms.push(term)
    const entries = Object.entries(byField)
    pushVarint(postings, entries.length)
    for (const [fieldId, docs] of entries) {
      const pairs = Object.entries(docs)
        .map(([id, freq]) => [Number(id), Math.min(freq, 65_535)] as const)
        .sort((a, b) => a[0] - b[0])
      const hasFreqs = pairs.some(([, f]) => f !== 1)
      pushVarint(postings, Number(fieldId))
      pushVarint(postings, pairs.length)
      pushVarint(postings, hasFreqs ? 1 : 0)
      let last = 0
      for (const [id] of pairs) {
        pushVarint(postings, id - last)
        last = id
      }
      if (hasFreqs) for (const [, f] of pairs) pushVarint(postings, f)
    }
  }
  return {
    documentCount: json.documentCount,
    fieldIds: json.fieldIds,
    averageFieldLength: json.averageFieldLength,
    fieldLength: fieldLength.join(''),
    terms,
    postings: postings.join(''),
  }
}

/** A string table: each distinct string once, by index. */
function table(): { strings: string[]; index(value: string): number } {
  const strings: string[] = []
  const seen = new Map<string, number>()
  return {
    strings,
    index(value) {
      let i = seen.get(value)
      if (i === undefined) {
        i = strings.length
        strings.push(value)
        seen.set(value, i)
      }
      return i
    },
  }
}

/** The statements column by column (PackedStatements in src/search/packed.ts). */
function packStatements(corpus: Corpus, speakerOf: (s: Speaker) => number): PackedStatements {
  const articleIndex = new Map(corpus.articles.map((a, i) => [a.id, i]))
  const strings = table()
  const values = table()
  const data: string[] = []
  const put = (n: number) => pushVarint(data, n)
  const optional = (value: string | null) => put(value === null ? 0 : strings.index(value) + 1)
  const ids = corpus.statements.map((st) => {
    const a = articleIndex.get(st.article)
    if (a === undefined) throw new Error(`pack: statement ${st.id} names unknown article ${st.article}`)
    if (st.id.startsWith('-')) throw new Error(`pack: statement id ${st.id} starts with "-"`)
    const text = corpus.articles[a]!.text
    const near = st.spans[0]?.start ?? 0
    // A piece of the article text is written as offsets (searched near the first span first), else as a string.
    const piece = (value: string) => {
      let at = value.length < 16 ? -1 : text.indexOf(value, Math.max(0, near - value.length))
      if (at < 0 && value.length >= 16) at = text.indexOf(value)
      if (at < 0) {
        put(1)
        put(strings.index(value))
      } else {
        put(0)
        put(at)
        put(value.length)
      }
    }
    put(a)
    put(STATEMENT_KINDS.indexOf(st.kind))
    put(st.speakers.length)
    for (const s of st.speakers) put(speakerOf(s))
    optional(st.source)
    optional(st.cue)
    put(st.via ? speakerOf(st.via) + 1 : 0)
    piece(st.content)
    piece(st.text)
    put(st.spans.length)
    for (const span of st.spans) {
      put(span.start)
      put(span.end - span.start)
    }
    put(st.paragraph)
    put(st.sentence)
    for (const list of [st.topics, st.entities]) {
      put(list.length)
      for (const v of list) put(values.index(v))
    }
    optional(st.date)
    if (st.confidence === null) put(0)
    else {
      const hundredths = Math.round(st.confidence * 100)
      if (hundredths / 100 !== st.confidence || hundredths < 0)
        throw new Error(`pack: statement ${st.id} has confidence ${st.confidence}, not in hundredths from 0`)
      put(hundredths + 1)
    }
    put(st.corrected ? 1 : 0)
    return st.id.startsWith(`${st.article}-`) ? st.id.slice(st.article.length) : st.id
  })
  return { ids, strings: strings.strings, values: values.strings, data: data.join('') }
}

/**
 * The corpus and its index as the text the Worker ships (format 2): ASCII JSON, each speaker
 * once, content and text as offsets into the article where they are pieces of it. The index must
 * have been built from `corpus.statements` in order (`buildIndex` does).
 *
 * @example const text = packCorpus(corpus, buildIndex(corpus.statements, corpus)); unpackStore(text)
 */
export function packCorpus(corpus: Corpus, index: MiniSearch<SearchDocument>): string {
  // Each distinct speaker once: the string table interns their JSON, and a new index is a new speaker.
  const keys = table()
  const speakers: Speaker[] = []
  const speakerOf = (s: Speaker): number => {
    const i = keys.index(JSON.stringify(s))
    if (i === speakers.length) speakers.push(s)
    return i
  }
  const statements = packStatements(corpus, speakerOf)
  const packed: PackedCorpus = {
    format: PACKED_FORMAT,
    build_hash: corpus.build_hash,
    articles: corpus.articles,
    entities: corpus.entities,
    ...(corpus.mentioned?.length ? { mentioned: corpus.mentioned } : {}),
    topics: corpus.topics,
    synonyms: corpus.synonyms,
    vocabulary: corpus.vocabulary,
    speakers,
    statements,
    index: packIndex(index, corpus.statements),
  }
  return asciiJson(packed)
}

/**
 * Loads a corpus and its MiniSearch JSON (as `buildIndex` and `JSON.stringify` make them) through
 * the shipped format, so tests and the bench serve exactly what the Worker would. Throws if either is unusable.
 *
 * @example const store = loadStore(JSON.stringify(corpus), JSON.stringify(buildIndex(corpus.statements, corpus)))
 */
export function loadStore(corpusJson: string, indexJson: string): Store {
  const corpus = JSON.parse(corpusJson) as Corpus
  if (corpus?.version !== 1 || !Array.isArray(corpus.statements)) throw new Error('corpus: unsupported format')
  return unpackStore(packCorpus(corpus, MiniSearch.loadJSON<SearchDocument>(indexJson, SEARCH_OPTIONS)))
}
