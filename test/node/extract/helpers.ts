/** Shared fixtures for the extractor tests: a small fictional registry and topic list, and shorthands. */
import { extractStatements } from '../../../src/extract/index'
import type { ExtractOptions, RegistryEntity, Statement, Topic } from '../../../src/types'

export const REGISTRY: RegistryEntity[] = [
  {
    id: 'mara-quell',
    name: 'Mara Quell',
    type: 'person',
    role: 'Mayor of Dunmore',
    affiliation: 'Dunmore',
    aliases: ['Quell', 'Mayor Quell', "Dunmore's first citizen", 'the mayor'],
  },
  {
    id: 'dunmore-water-board',
    name: 'Dunmore Water Board',
    type: 'organization',
    role: 'Water utility of Dunmore',
    aliases: ['Water Board', 'the board'],
  },
  {
    id: 'tidewire',
    name: 'Tidewire News Service',
    type: 'organization',
    role: 'Regional news agency',
    aliases: ['Tidewire', 'the agency'],
  },
]

export const TOPICS: Topic[] = [
  { id: 'water', label: 'Water', keywords: ['water', 'reservoir*', 'flood defences'] },
  { id: 'budget', label: 'Budget', keywords: ['budget', 'tax*', 'US-Dunmore'] },
]

export const OPTIONS: ExtractOptions = { entities: REGISTRY, topics: TOPICS }

/** All statements of a text, as the extractor returns them. */
export function statementsOf(text: string, options: ExtractOptions = OPTIONS, id = 'test'): Statement[] {
  return extractStatements({ id, text, date: '2024-05-01' }, options).statements
}

/** Statements that attribute something (narration left out). */
export function attributed(text: string, options: ExtractOptions = OPTIONS): Statement[] {
  return statementsOf(text, options).filter((s) => s.kind !== 'narration')
}

/** The only attributed statement of a text; fails loudly when there are more or fewer. */
export function only(text: string, options: ExtractOptions = OPTIONS): Statement {
  const found = attributed(text, options)
  if (found.length !== 1)
    throw new Error(`expected one statement, got ${found.length}: ${JSON.stringify(found.map((s) => s.content))}`)
  return found[0]!
}

/** Speaker names of a statement. */
export const names = (s: Statement): string[] => s.speakers.map((x) => x.name)
