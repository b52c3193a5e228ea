/** The shape of the generated corpus that the build script writes and the Worker loads. */
import type { MentionedEntity, RegistryEntity, Span, Statement, Topic } from '../types'
import type { VocabularyEntry } from './vocabulary'

/** Article metadata plus its full text, as served by `/v1/articles/{id}`. */
export interface ArticleRecord {
  id: string
  title: string
  publisher: string | null
  /** Why the publisher is unknown, or other provenance remarks. */
  publisher_note: string | null
  /** Credit line as printed, e.g. "(Agencies)". */
  credit: string | null
  /** ISO date of the events reported. */
  event_date: string | null
  /** ISO date of publication; null when the text does not give one. */
  published: string | null
  url: string | null
  language: string
  /** Source file name under data/articles/. */
  file: string
  text: string
  /** Paragraph spans into `text`. */
  paragraphs: Span[]
}

export interface Corpus {
  version: 1
  /** Content hash of every input the build read (data files, extractor and index code): changes whenever the served data may. */
  build_hash: string
  articles: ArticleRecord[]
  /** In article order: articles by date then id, statements by position. */
  statements: Statement[]
  entities: RegistryEntity[]
  /** Entities statements name that the registry lacks, recognised at build time. */
  mentioned?: MentionedEntity[]
  topics: Topic[]
  /** Groups of equivalent forms ("G20", "Group of 20"), expanded at query time. */
  synonyms: string[][]
  /** Words and phrases to complete to, built once here rather than on a request. */
  vocabulary: VocabularyEntry[]
}
