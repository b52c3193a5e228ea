/**
 * The shipped data format: the corpus and its index in one compact JSON document (format 2), and
 * the loader that turns it into a Store. Written by `packCorpus` (src/search/pack.ts) at build time.
 *
 * Compact where it is cheap to be, and loaded once:
 * - every non-ASCII character is escaped, so the text (and every string parsed from it) is one byte
 *   a character in V8, not two;
 * - each distinct speaker is written once and shared by the statements that name it;
 * - a statement's `content` and `text`, when they are a piece of the article text (nearly always),
 *   are offsets into it and load as slices of it, not copies;
 * - the index keeps no document ids (document i is statement i) and its postings are delta-coded
 *   id lists written as varint text, loaded into two typed arrays shared by every term instead of a
 *   Map per term and field.
 */
import MiniSearch from 'minisearch'
import {
  type MentionedEntity,
  type RegistryEntity,
  type Speaker,
  STATEMENT_KINDS,
  type Statement,
  type Topic,
} from '../types'
import type { ArticleRecord, Corpus } from './corpus'
import { SEARCH_OPTIONS, type SearchDocument } from './options'
import { createStore, type Store } from './store'
import type { VocabularyEntry } from './vocabulary'

export const PACKED_FORMAT = 2

/**
 * The statements, column by column: strings in tables, everything else varints (no array or
 * object per statement for the parser to build). Per statement, in order: article index, kind
 * (index in STATEMENT_KINDS), speaker count and speaker indexes, source, cue (0: null, else
 * string index + 1), via (0: none, else speaker index + 1), content and text (each 0 then start
 * and length in the article text, or 1 then a string index), span count and each span's start and
 * length, paragraph, sentence, topic count and value indexes, entity count and value indexes, date
 * (0: null, else string index + 1), confidence (0: null, else hundredths + 1), corrected (0/1).
 */
export interface PackedStatements {
  /** Statement ids; a leading `-` means the article id comes first. */
  ids: string[]
  /** Sources, cues, dates and any content or text that is not a piece of its article. */
  strings: string[]
  /** Topic and entity ids. */
  values: string[]
  data: string
}

export interface PackedIndex {
  documentCount: number
  fieldIds: Record<string, number>
  averageFieldLength: number[]
  /** Varints (`decodeVarints`): documentCount × fields lengths, row by row. */
  fieldLength: string
  terms: string[]
  /**
   * Varints: for each term in order, how many fields have it, then per field its id, its document
   * count n, 1 if frequencies follow (else every frequency is 1), n id deltas, and n frequencies.
   */
  postings: string
}

/**
 * Non-negative integers as text, little-endian base 32: a digit from CONTINUE when more follow,
 * from LAST for the final one. Both alphabets are printable ASCII without `"` or `\\`, so JSON
 * carries the text as is, and decoding it allocates nothing per number.
 */
export const VARINT_CONTINUE = '#$%&()*+,-./0123456789:;<=>?@ABC'
export const VARINT_LAST = 'DEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcd'
const DIGIT = new Int8Array(128).fill(-1)
for (let i = 0; i < 32; i++) {
  DIGIT[VARINT_CONTINUE.charCodeAt(i)] = i
  DIGIT[VARINT_LAST.charCodeAt(i)] = 32 + i
}

/** Reads varints from a string, one after another. */
export class VarintReader {
  at = 0
  constructor(private readonly text: string) {}
  next(): number {
    let value = 0
    let shift = 1
    for (;;) {
      const d = DIGIT[this.text.charCodeAt(this.at++)]
      if (d === undefined || d < 0) throw new Error(`corpus: bad varint at ${this.at - 1}`)
      if (d >= 32) return value + (d - 32) * shift
      value += d * shift
      shift *= 32
    }
  }
}

export interface PackedCorpus {
  format: typeof PACKED_FORMAT
  build_hash: string
  articles: ArticleRecord[]
  entities: RegistryEntity[]
  /** Entities named in statements that the registry lacks (absent when there are none). */
  mentioned?: MentionedEntity[]
  topics: Topic[]
  synonyms: string[][]
  vocabulary: VocabularyEntry[]
  speakers: Speaker[]
  statements: PackedStatements
  index: PackedIndex
}

/**
 * One term's documents in one field, read-only: the part of a `Map<docId, frequency>` MiniSearch
 * reads when it searches (`size`, `keys()`, `get`), over slices of shared typed arrays. `get` after
 * `keys()` in id order (how MiniSearch scores) is O(1); any other `get` is a binary search.
 */
export class Postings {
  private cursor: number
  constructor(
    private readonly ids: Int32Array,
    private readonly freqs: Uint16Array,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.cursor = start
  }
  get size(): number {
    return this.end - this.start
  }
  keys(): Int32Array {
    this.cursor = this.start
    return this.ids.subarray(this.start, this.end)
  }
  get(id: number): number | undefined {
    const i = this.cursor < this.end && this.ids[this.cursor] === id ? this.cursor : this.find(id)
    if (i < 0) return undefined
    this.cursor = i + 1
    return this.freqs[i]
  }
  has(id: number): boolean {
    return this.find(id) >= 0
  }
  *entries(): IterableIterator<[number, number]> {
    for (let i = this.start; i < this.end; i++) yield [this.ids[i]!, this.freqs[i]!]
  }
  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries()
  }
  forEach(fn: (freq: number, id: number) => void): void {
    for (let i = this.start; i < this.end; i++) fn(this.freqs[i]!, this.ids[i]!)
  }
  private find(id: number): number {
    let lo = this.start
    let hi = this.end - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = this.ids[mid]!
      if (v === id) return mid
      if (v < id) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }
}

/** MiniSearch's short id → id map, read-only, over the statements' ids: short id i is statement i. */
class DocumentIds {
  constructor(private readonly ids: readonly string[]) {}
  get size(): number {
    return this.ids.length
  }
  has(shortId: number): boolean {
    return shortId >= 0 && shortId < this.ids.length
  }
  get(shortId: number): string | undefined {
    return this.ids[shortId]
  }
  *[Symbol.iterator](): IterableIterator<[number, string]> {
    for (let i = 0; i < this.ids.length; i++) yield [i, this.ids[i]!]
  }
}

/**
 * MiniSearch's short id → field lengths, read-only, over one typed array. MiniSearch reads
 * `get(id)[fieldId]` once per posting and keeps nothing, so one row array is refilled per call.
 */
class FieldLengths {
  private readonly lengths: Uint16Array
  private readonly row: number[]
  constructor(
    varints: string,
    documents: number,
    private readonly fields: number,
  ) {
    this.lengths = new Uint16Array(documents * fields)
    const reader = new VarintReader(varints)
    for (let i = 0; i < this.lengths.length; i++) this.lengths[i] = Math.min(reader.next(), 65_535)
    this.row = new Array<number>(fields).fill(0)
  }
  get(shortId: number): number[] | undefined {
    const base = shortId * this.fields
    if (base < 0 || base >= this.lengths.length) return undefined
    for (let f = 0; f < this.fields; f++) this.row[f] = this.lengths[base + f]!
    return this.row
  }
}

function unpackStatements(packed: PackedCorpus): Statement[] {
  const { ids, strings, values, data } = packed.statements
  const articles = packed.articles
  const speakers = packed.speakers
  const read = new VarintReader(data)
  // Topic and entity lists repeat (most are empty or one of a few): one array each.
  const shared = new Map<string, string[]>()
  const list = (): string[] => {
    const n = read.next()
    if (n === 0) return EMPTY
    const out: string[] = []
    for (let i = 0; i < n; i++) out.push(values[read.next()]!)
    const key = out.join('\u0000')
    const found = shared.get(key)
    if (found) return found
    shared.set(key, out)
    return out
  }
  const EMPTY: string[] = []
  const optional = (): string | null => {
    const k = read.next()
    return k === 0 ? null : strings[k - 1]!
  }
  const piece = (text: string): string => {
    if (read.next() === 1) return strings[read.next()]!
    const start = read.next()
    return text.slice(start, start + read.next())
  }
  const out = new Array<Statement>(ids.length)
  for (let s = 0; s < ids.length; s++) {
    const article = articles[read.next()]!
    const kind = STATEMENT_KINDS[read.next()]!
    const who: Speaker[] = []
    for (let n = read.next(); n > 0; n--) who.push(speakers[read.next()]!)
    const source = optional()
    const cue = optional()
    const via = read.next()
    const content = piece(article.text)
    const text = piece(article.text)
    const spans: Statement['spans'] = []
    for (let n = read.next(); n > 0; n--) {
      const start = read.next()
      spans.push({ start, end: start + read.next() })
    }
    const paragraph = read.next()
    const sentence = read.next()
    const topics = list()
    const entities = list()
    const date = optional()
    const confidence = read.next()
    const id = ids[s]!
    out[s] = {
      id: id.startsWith('-') ? article.id + id : id,
      article: article.id,
      kind,
      speakers: who,
      source,
      cue,
      via: via === 0 ? null : speakers[via - 1]!,
      content,
      text,
      spans,
      paragraph,
      sentence,
      topics,
      entities,
      date,
      confidence: confidence === 0 ? null : (confidence - 1) / 100,
      corrected: read.next() === 1,
    }
  }
  return out
}

/** Loads the index: MiniSearch with the options it was built with, its internals replaced by the compact ones. */
function unpackIndex(packed: PackedIndex, statements: readonly Statement[], position: Map<string, number>) {
  const fields = Object.keys(packed.fieldIds).length
  const index = MiniSearch.loadJS<SearchDocument>(
    {
      documentCount: packed.documentCount,
      nextId: packed.documentCount,
      documentIds: {},
      fieldIds: packed.fieldIds,
      fieldLength: {},
      averageFieldLength: packed.averageFieldLength,
      storedFields: {},
      dirtCount: 0,
      index: [],
      serializationVersion: 2,
    },
    SEARCH_OPTIONS,
  )
  const internals = index as unknown as {
    _index: { set(term: string, data: Map<number, Postings>): void }
    _documentIds: unknown
    _idToShortId: unknown
    _fieldLength: unknown
  }
  // Two passes over the postings: count, then fill typed arrays of exactly that size.
  const reader = new VarintReader(packed.postings)
  let total = 0
  for (let t = 0; t < packed.terms.length; t++) {
    for (let f = reader.next(); f > 0; f--) {
      reader.next()
      const n = reader.next()
      const hasFreqs = reader.next()
      for (let i = 0; i < n * (1 + hasFreqs); i++) reader.next()
      total += n
    }
  }
  const ids = new Int32Array(total)
  const freqs = new Uint16Array(total).fill(1)
  reader.at = 0
  let at = 0
  for (let t = 0; t < packed.terms.length; t++) {
    const data = new Map<number, Postings>()
    for (let f = reader.next(); f > 0; f--) {
      const fieldId = reader.next()
      const n = reader.next()
      const hasFreqs = reader.next()
      const start = at
      let id = 0
      for (let i = 0; i < n; i++) {
        id += reader.next()
        ids[at++] = id
      }
      if (hasFreqs) for (let i = start; i < at; i++) freqs[i] = reader.next()
      data.set(fieldId, new Postings(ids, freqs, start, at))
    }
    internals._index.set(packed.terms[t]!, data)
  }
  internals._fieldLength = new FieldLengths(packed.fieldLength, packed.documentCount, fields)
  internals._documentIds = new DocumentIds(statements.map((s) => s.id))
  internals._idToShortId = position
  return index
}

/** True when `text` looks like a packed corpus of this format. */
export function isPacked(value: unknown): value is PackedCorpus {
  const packed = value as PackedCorpus | null
  return packed?.format === PACKED_FORMAT && typeof packed.statements?.data === 'string'
}

/** The corpus a parsed packed text holds, statements materialised. */
function corpusOf(packed: PackedCorpus, statements: Statement[]): Corpus {
  return {
    version: 1,
    build_hash: packed.build_hash,
    articles: packed.articles,
    statements,
    entities: packed.entities,
    ...(packed.mentioned ? { mentioned: packed.mentioned } : {}),
    topics: packed.topics,
    synonyms: packed.synonyms,
    vocabulary: packed.vocabulary,
  }
}

function parsePacked(text: string): PackedCorpus {
  const packed: unknown = JSON.parse(text)
  if (!isPacked(packed)) throw new Error('corpus: unsupported format')
  return packed
}

/**
 * The corpus of a shipped text, without its index: what the D1 loader writes.
 *
 * @example const corpus = unpackCorpus(readFileSync('src/generated/corpus.bin', 'utf8'))
 */
export function unpackCorpus(text: string): Corpus {
  const packed = parsePacked(text)
  return corpusOf(packed, unpackStatements(packed))
}

/**
 * Builds the Store from the shipped text (format 2). The text and the parsed document are
 * garbage once this returns: only the Store holds on.
 *
 * @example const store = unpackStore(new TextDecoder().decode(bytes))
 */
export function unpackStore(text: string): Store {
  const packed = parsePacked(text)
  const statements = unpackStatements(packed)
  const position = new Map(statements.map((s, i) => [s.id, i]))
  return createStore(corpusOf(packed, statements), unpackIndex(packed.index, statements, position), position)
}
