/** Flattens a statement into the document MiniSearch indexes. */
import type { MentionedEntity, RegistryEntity, Speaker, Statement, Topic } from '../types'
import type { SearchDocument } from './options'
import { tokenize } from './text'

export interface DocumentLookups {
  entities: ReadonlyMap<string, RegistryEntity>
  topics: ReadonlyMap<string, Topic>
  mentioned?: ReadonlyMap<string, MentionedEntity>
}

/** The lookups of a corpus (or of a build's parts): the registry, the taxonomy and the entities statements name. */
export function documentLookups(context: {
  entities: readonly RegistryEntity[]
  topics: readonly Topic[]
  mentioned?: readonly MentionedEntity[]
}): DocumentLookups {
  return {
    entities: new Map(context.entities.map((e) => [e.id, e])),
    topics: new Map(context.topics.map((t) => [t.id, t])),
    mentioned: new Map((context.mentioned ?? []).map((e) => [e.id, e])),
  }
}

function describeSpeaker(speaker: Speaker, entities: DocumentLookups['entities']): string {
  const registered = entities.get(speaker.id)
  // Names and aliases only: roles have their own, weaker field ("US Secretary of State" is not a name).
  return [speaker.name, ...(registered?.aliases ?? [])].join(' ; ')
}

// The role the statement records (the one that held on its date, or the article's own), else the registry's.
const roleOf = (speaker: Speaker, entities: DocumentLookups['entities']) =>
  speaker.role ?? entities.get(speaker.id)?.role ?? ''
const affiliationOf = (speaker: Speaker, entities: DocumentLookups['entities']) =>
  speaker.affiliation ?? entities.get(speaker.id)?.affiliation ?? ''

/**
 * The words of the statement's sentence(s) that are not its content: the attribution and any
 * other clause. Content words are indexed once, in `content`, so they are not counted twice
 * and the index stays half the size for narration, whose content is the whole sentence.
 *
 * @example contextOf('"We will win," Smith said.', 'We will win,') // 'Smith said'
 */
export function contextOf(text: string, content: string): string {
  if (!content) return text
  const left = new Map<string, number>()
  for (const t of tokenize(content)) left.set(t.raw, (left.get(t.raw) ?? 0) + 1)
  const kept: string[] = []
  for (const t of tokenize(text)) {
    const n = left.get(t.raw) ?? 0
    if (n > 0) left.set(t.raw, n - 1)
    else kept.push(t.raw)
  }
  return kept.join(' ')
}

/**
 * Builds the indexed document of one statement: speaker names with their registry aliases, their
 * roles and affiliations, topic labels and entity names, so "top diplomat" or "North Korea" find statements by label.
 *
 * @example toSearchDocument(statement, { entities, topics }).speaker // "Antony Blinken ; Blinken ; Secretary Blinken ; ..."
 */
export function toSearchDocument(statement: Statement, lookups: DocumentLookups): SearchDocument {
  const speakers = [...statement.speakers, ...(statement.via ? [statement.via] : [])]
  return {
    id: statement.id,
    content: statement.content,
    text: contextOf(statement.text, statement.content),
    speaker: speakers.map((s) => describeSpeaker(s, lookups.entities)).join(' ; '),
    // The speakers' only, not the channel's: a statement relayed by Xinhua was not said by a news agency.
    role: statement.speakers.map((s) => roleOf(s, lookups.entities)).join(' ; '),
    affiliation: statement.speakers.map((s) => affiliationOf(s, lookups.entities)).join(' ; '),
    cue: statement.cue ?? '',
    topic: statement.topics.map((id) => lookups.topics.get(id)?.label ?? id).join(' ; '),
    entity: statement.entities
      .map((id) => {
        const e = lookups.entities.get(id) ?? lookups.mentioned?.get(id)
        return e ? [e.name, ...e.aliases.filter((a) => /^\p{Lu}/u.test(a))].join(' ; ') : id
      })
      .join(' ; '),
  }
}
