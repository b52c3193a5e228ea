/** Flattens a statement into the document MiniSearch indexes. */
import type { RegistryEntity, Speaker, Statement, Topic } from '../types'
import type { SearchDocument } from './options'

export interface DocumentLookups {
  entities: ReadonlyMap<string, RegistryEntity>
  topics: ReadonlyMap<string, Topic>
}

function describeSpeaker(speaker: Speaker, entities: DocumentLookups['entities']): string {
  const registered = entities.get(speaker.id)
  // Names and aliases, not roles: "US Secretary of State" would make "state" match every statement Blinken made.
  return [speaker.name, ...(registered?.aliases ?? [])].join(' ; ')
}

/**
 * Builds the indexed document of one statement: speaker names with their registry aliases,
 * topic labels and entity names, so "top diplomat" or "North Korea" find statements by label.
 *
 * @example toSearchDocument(statement, { entities, topics }).speaker // "Antony Blinken ; Blinken ; Secretary Blinken ; ..."
 */
export function toSearchDocument(statement: Statement, lookups: DocumentLookups): SearchDocument {
  const speakers = [...statement.speakers, ...(statement.via ? [statement.via] : [])]
  return {
    id: statement.id,
    content: statement.content,
    text: statement.text,
    speaker: speakers.map((s) => describeSpeaker(s, lookups.entities)).join(' ; '),
    cue: statement.cue ?? '',
    topic: statement.topics.map((id) => lookups.topics.get(id)?.label ?? id).join(' ; '),
    entity: statement.entities
      .map((id) => {
        const e = lookups.entities.get(id)
        return e ? [e.name, ...e.aliases.filter((a) => /^\p{Lu}/u.test(a))].join(' ; ') : id
      })
      .join(' ; '),
  }
}
