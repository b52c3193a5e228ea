/** Loads the generated corpus and index once, and derives the lookup tables every request reads. */
import type MiniSearch from 'minisearch'
import {
  ATTRIBUTED_KINDS,
  type AttributedKind,
  type MentionType,
  type RegistryEntity,
  type Speaker,
  type SpeakerType,
  STATEMENT_KINDS,
  type Statement,
  type StatementKind,
  type Topic,
} from '../types'
import { sortByName } from './collate'
import type { ArticleRecord, Corpus } from './corpus'
import type { SearchDocument } from './options'
import { createSynonyms, type Synonyms } from './synonyms'
import { normalizeName } from './text'
import type { VocabularyEntry } from './vocabulary'

/** Statement counts by kind; `total` excludes narration, which has no speaker. */
export type KindCounts = { total: number } & Record<AttributedKind, number>

export interface SpeakerSummary {
  id: string
  name: string
  type: SpeakerType
  role: string | null
  affiliation: string | null
  /** Other names the speaker goes by: registry aliases and mentions as written. */
  aliases: string[]
  counts: KindCounts
  /** Statements this speaker relayed as a channel (`via`). */
  relayed: number
}

export interface TopicSummary {
  id: string
  label: string
  /** The IPTC Media Topic code, when the taxonomy gives one. */
  code: string | null
  description: string | null
  keywords: string[]
  exclude: string[]
  count: number
}

export interface EntitySummary {
  id: string
  name: string
  type: MentionType
  /** In data/entities.json, rather than recognised where statements name it. */
  registered: boolean
  role: string | null
  affiliation: string | null
  aliases: string[]
  /** Statements whose content mentions the entity. */
  count: number
}

export interface ArticleSummary extends Omit<ArticleRecord, 'text' | 'paragraphs'> {
  statement_count: number
}

/** A filterable dimension: its values, and every accepted spelling of each. */
export interface Dimension {
  /** id → display label. */
  labels: ReadonlyMap<string, string>
  /** id → how many statements the value has (a speaker's attributed ones, a channel's relayed ones). */
  counts: ReadonlyMap<string, number>
  /** Normalised spelling (id, name, alias, surname) → ids it names. */
  keys: ReadonlyMap<string, ReadonlySet<string>>
  /** The spellings that name a value in full (id, name, alias), without the partial ones (surname). */
  exact: ReadonlyMap<string, ReadonlySet<string>>
}

export interface Store {
  buildHash: string
  /** The registry and topic rules the corpus was extracted with, so text submitted later is read alike. */
  registry: { entities: readonly RegistryEntity[]; topics: readonly Topic[] }
  index: MiniSearch<SearchDocument>
  /** Article order. */
  statements: readonly Statement[]
  byId: ReadonlyMap<string, Statement>
  /** Position of each statement id in article order. */
  position: ReadonlyMap<string, number>
  articles: readonly ArticleRecord[]
  articleById: ReadonlyMap<string, ArticleRecord>
  articleSummaries: readonly ArticleSummary[]
  speakers: readonly SpeakerSummary[]
  speakerById: ReadonlyMap<string, SpeakerSummary>
  topics: readonly TopicSummary[]
  topicById: ReadonlyMap<string, TopicSummary>
  entities: readonly EntitySummary[]
  entityById: ReadonlyMap<string, EntitySummary>
  synonyms: Synonyms
  /** Completion vocabulary from the build. */
  vocabulary: readonly VocabularyEntry[]
  /** True when the index holds this (processed) term exactly. */
  hasTerm(term: string): boolean
  /** Statements whose content holds this (processed) term. */
  contentFrequency(term: string): number
  dimensions: Readonly<Record<DimensionName, Dimension>>
  /**
   * For each filterable dimension, value id → the positions (article order, ascending) of the
   * statements that have it, each statement once: filters and facets read these instead of
   * scanning every statement.
   */
  positions: Readonly<Record<DimensionName, ReadonlyMap<string, Int32Array>>>
}

export type DimensionName = 'speaker' | 'via' | 'topic' | 'entity' | 'article' | 'kind'

const DIMENSION_NAMES: readonly DimensionName[] = ['speaker', 'via', 'topic', 'entity', 'article', 'kind']

function positionLists(statements: readonly Statement[]): Store['positions'] {
  // One pass, no array per statement: this runs at every isolate start.
  const lists = {} as Record<DimensionName, Map<string, number[]>>
  for (const dimension of DIMENSION_NAMES) lists[dimension] = new Map()
  // Positions only grow, so a value a statement names twice is pushed once by checking the last one.
  const add = (map: Map<string, number[]>, value: string, i: number) => {
    const list = map.get(value)
    if (!list) map.set(value, [i])
    else if (list[list.length - 1] !== i) list.push(i)
  }
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i]!
    for (const speaker of st.speakers) add(lists.speaker, speaker.id, i)
    if (st.via) add(lists.via, st.via.id, i)
    add(lists.kind, st.kind, i)
    add(lists.article, st.article, i)
    for (const topic of st.topics) add(lists.topic, topic, i)
    for (const entity of st.entities) add(lists.entity, entity, i)
  }
  const out = {} as Record<DimensionName, Map<string, Int32Array>>
  for (const dimension of DIMENSION_NAMES) {
    const map = new Map<string, Int32Array>()
    for (const [value, list] of lists[dimension]) map.set(value, Int32Array.from(list))
    out[dimension] = map
  }
  return out
}

const PRONOUN = /^(?:he|she|they|it|we|i|him|her|them|his|its|their)$/i

class DimensionBuilder {
  readonly labels = new Map<string, string>()
  readonly counts = new Map<string, number>()
  readonly keys = new Map<string, Set<string>>()
  readonly exact = new Map<string, Set<string>>()
  /** `spellings` name the value in full; `partial` ones (a surname) only in part, and may be shared. */
  add(
    id: string,
    label: string,
    count: number,
    spellings: Iterable<string | null | undefined>,
    partial: Iterable<string | null | undefined> = [],
  ): void {
    if (!this.labels.has(id)) this.labels.set(id, label)
    this.counts.set(id, count)
    for (const spelling of [id, label, ...spellings]) addKey(this.exact, spelling, id)
    for (const spelling of [id, label, ...spellings, ...partial]) addKey(this.keys, spelling, id)
  }
}

function addKey(keys: Map<string, Set<string>>, spelling: string | null | undefined, id: string): void {
  const key = spelling ? normalizeName(spelling) : ''
  if (!key) return
  let ids = keys.get(key)
  if (!ids) {
    ids = new Set()
    keys.set(key, ids)
  }
  ids.add(id)
}

// The words of a label that can name it on their own: four letters or more ("Summits", not "and").
function labelWords(label: string): string[] {
  return normalizeName(label)
    .split(' ')
    .filter((w) => w.length >= 4)
}

function emptyCounts(): KindCounts {
  return { total: 0, ...(Object.fromEntries(ATTRIBUTED_KINDS.map((k) => [k, 0])) as Record<AttributedKind, number>) }
}

function countKind(counts: KindCounts, kind: StatementKind): void {
  if (kind === 'narration') return
  counts[kind]++
  counts.total++
}

// "Antony Blinken" → also "Blinken", so `speaker=blinken` works without a registry entry.
function surname(speaker: { name: string; type: string }): string | null {
  if (speaker.type !== 'person') return null
  const parts = speaker.name.trim().split(/\s+/)
  return parts.length > 1 ? (parts[parts.length - 1] ?? null) : null
}

function summariseSpeakers(statements: readonly Statement[], registry: ReadonlyMap<string, RegistryEntity>) {
  const summaries = new Map<string, SpeakerSummary>()
  const aliasSets = new Map<string, Set<string>>()
  const touch = (speaker: Speaker): SpeakerSummary => {
    let summary = summaries.get(speaker.id)
    if (!summary) {
      const registered = registry.get(speaker.id)
      summary = {
        id: speaker.id,
        name: speaker.name,
        type: speaker.type,
        role: speaker.role ?? registered?.role ?? null,
        affiliation: speaker.affiliation ?? registered?.affiliation ?? null,
        aliases: [],
        counts: emptyCounts(),
        relayed: 0,
      }
      summaries.set(speaker.id, summary)
      aliasSets.set(speaker.id, new Set(registered?.aliases ?? []))
    }
    return summary
  }
  for (const st of statements) {
    for (const speaker of st.speakers) {
      countKind(touch(speaker).counts, st.kind)
      // A mention as written is an alias when it names the speaker rather than pointing back.
      if (st.source && st.speakers.length === 1 && !PRONOUN.test(st.source) && st.source !== speaker.name) {
        aliasSets.get(speaker.id)?.add(st.source)
      }
    }
    if (st.via) touch(st.via).relayed++
  }
  for (const [id, aliases] of aliasSets) {
    const summary = summaries.get(id)
    if (summary) summary.aliases = [...aliases].filter((a) => a !== summary.name)
  }
  return sortByName([...summaries.values()], (a, b) => b.counts.total - a.counts.total || b.relayed - a.relayed)
}

/**
 * Derives every lookup table from a parsed corpus and a loaded index. Pure: no I/O.
 *
 * @example const store = createStore(corpus, buildIndex(corpus.statements, corpus))
 */
export function createStore(
  corpus: Corpus,
  index: MiniSearch<SearchDocument>,
  position: ReadonlyMap<string, number> = new Map(corpus.statements.map((s, i) => [s.id, i])),
): Store {
  const registry = new Map(corpus.entities.map((e) => [e.id, e]))
  const statements = corpus.statements
  const byId = new Map(statements.map((s) => [s.id, s]))

  const speakers = summariseSpeakers(statements, registry)
  const speakerById = new Map(speakers.map((s) => [s.id, s]))

  const topicCounts = new Map<string, number>()
  const entityCounts = new Map<string, number>()
  const articleCounts = new Map<string, number>()
  for (const st of statements) {
    for (const t of st.topics) topicCounts.set(t, (topicCounts.get(t) ?? 0) + 1)
    for (const e of st.entities) entityCounts.set(e, (entityCounts.get(e) ?? 0) + 1)
    articleCounts.set(st.article, (articleCounts.get(st.article) ?? 0) + 1)
  }
  const topics: TopicSummary[] = corpus.topics.map((t: Topic) => ({
    id: t.id,
    label: t.label,
    code: t.code ?? null,
    description: t.description ?? null,
    keywords: t.keywords,
    exclude: t.exclude ?? [],
    count: topicCounts.get(t.id) ?? 0,
  }))
  const entities: EntitySummary[] = sortByName(
    [
      ...corpus.entities.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type as MentionType,
        registered: true,
        role: e.role ?? null,
        affiliation: e.affiliation ?? null,
        aliases: e.aliases,
        count: entityCounts.get(e.id) ?? 0,
      })),
      ...(corpus.mentioned ?? []).map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        registered: false,
        role: null,
        affiliation: null,
        aliases: e.aliases,
        count: entityCounts.get(e.id) ?? 0,
      })),
    ],
    (a, b) => b.count - a.count,
  )
  const articleSummaries: ArticleSummary[] = corpus.articles.map(({ text: _text, paragraphs: _p, ...meta }) => ({
    ...meta,
    statement_count: articleCounts.get(meta.id) ?? 0,
  }))

  const speaker = new DimensionBuilder()
  const via = new DimensionBuilder()
  for (const s of speakers) {
    const partial = [s.type === 'person' ? surname(s) : null]
    if (s.counts.total > 0) speaker.add(s.id, s.name, s.counts.total, s.aliases, partial)
    if (s.relayed > 0) via.add(s.id, s.name, s.relayed, s.aliases, partial)
  }
  const topic = new DimensionBuilder()
  // A topic is named in part by a word of its label: `topic=korea` is North Korea, `topic=relations` may be several.
  // Its IPTC code names it exactly (`topic=02000000`), since a label with commas cannot be one filter value.
  for (const t of topics) topic.add(t.id, t.label, t.count, t.code ? [t.code] : [], labelWords(t.label))
  const entity = new DimensionBuilder()
  for (const e of entities)
    entity.add(
      e.id,
      e.name,
      e.count,
      e.aliases.filter((a) => /^\p{Lu}/u.test(a)),
      [e.type === 'person' ? surname(e) : null],
    )
  const article = new DimensionBuilder()
  for (const a of corpus.articles) article.add(a.id, a.title, articleCounts.get(a.id) ?? 0, [])
  const kind = new DimensionBuilder()
  const kindCounts = new Map<string, number>()
  for (const st of statements) kindCounts.set(st.kind, (kindCounts.get(st.kind) ?? 0) + 1)
  for (const k of STATEMENT_KINDS) kind.add(k, k, kindCounts.get(k) ?? 0, [])

  return {
    buildHash: corpus.build_hash,
    registry: { entities: corpus.entities, topics: corpus.topics },
    index,
    statements,
    byId,
    position,
    articles: corpus.articles,
    articleById: new Map(corpus.articles.map((a) => [a.id, a])),
    articleSummaries,
    speakers,
    speakerById,
    topics,
    topicById: new Map(topics.map((t) => [t.id, t])),
    entities,
    entityById: new Map(entities.map((e) => [e.id, e])),
    synonyms: createSynonyms(corpus.synonyms ?? []),
    vocabulary: corpus.vocabulary ?? [],
    ...termLookups(index),
    dimensions: { speaker, via, topic, entity, article, kind },
    positions: positionLists(statements),
  }
}

/**
 * Exact term lookups. MiniSearch keeps its term tree (term → field id → document → frequency)
 * in protected fields and offers no public lookup; a test pins this so an upgrade that moves
 * them fails loudly. Without them, every term counts as unknown and as frequent, which only
 * costs speed and the quality of "similar" (typo tolerance is always on).
 */
function termLookups(index: MiniSearch<SearchDocument>): Pick<Store, 'hasTerm' | 'contentFrequency'> {
  const internals = index as unknown as {
    _index?: { has?: (key: string) => boolean; get?: (key: string) => Map<number, Map<number, number>> | undefined }
    _fieldIds?: Record<string, number>
  }
  const tree = internals._index
  const contentField = internals._fieldIds?.content
  if (typeof tree?.has !== 'function' || typeof tree.get !== 'function' || contentField === undefined) {
    return { hasTerm: () => false, contentFrequency: () => index.documentCount }
  }
  return {
    hasTerm: (term) => tree.has!(term),
    contentFrequency: (term) => tree.get!(term)?.get(contentField)?.size ?? 0,
  }
}
