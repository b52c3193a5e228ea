/** The mention record: a name as written in the article, with what the extractor knows of it. */
import type { RegistryEntity } from '../types'

export type Gender = 'm' | 'f' | null
export type MentionKind = 'person' | 'organization' | 'unknown'

export interface Mention {
  id: number
  /** Token range of the name itself (titles excluded). */
  tokStart: number
  tokEnd: number
  start: number
  end: number
  /** The name as written, possessive stripped. */
  text: string
  registry: RegistryEntity | null
  kind: MentionKind
  gender: Gender
  /** Titles or role words written just before the name ("Chinese Foreign Minister"), lower case. */
  description: string | null
  /** "mr.", "ms.", "dr." written before the name: "Mr. Chen" keeps meaning the same Chen. */
  honorific: string | null
  /** Opens its sentence or quotation, where any word is capitalised ("Small farms would ..."). */
  initial: boolean
  sentence: number
  inQuote: boolean
  /** Grammatical subject of its sentence (first mention, near the start, not inside a phrase). */
  subject: boolean
}

/** One way a name is written in the article, with where it occurs. */
export interface NameForm {
  text: string
  words: string[]
  kind: MentionKind
  starts: number[]
}
