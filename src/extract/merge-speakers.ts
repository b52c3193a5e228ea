/** Corpus-level speaker merge: one speaker id per person across articles, conservatively. */
import type { RegistryEntity, Speaker, Statement } from '../types'
import { slugify } from './ids'
import { NAME_SUFFIXES } from './lexicon'

/** The words that identify a person across articles: first and last name, middle names and initials and "Jr." left out. */
function nameCore(name: string): { first: string; last: string } | null {
  const words = name
    .split(/\s+/)
    .map((w) => w.toLowerCase())
    .filter((w) => !NAME_SUFFIXES.has(w))
  if (words.length < 2) return null
  return { first: words[0]!, last: words[words.length - 1]! }
}

/** The name a group of variants is shown under: the most frequent, then the longest, then the first alphabetically. */
function canonicalName(counts: ReadonlyMap<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]![0]
}

/** Every speaker record of the statements: their speakers and relaying channels. */
function* speakerRecords(statements: readonly Statement[]): Generator<Speaker> {
  for (const st of statements) {
    yield* st.speakers
    if (st.via !== null) yield st.via
  }
}

/**
 * Gives one speaker id (and name) to the name variants of one person across a corpus, in place:
 * "James Comey" and "James B. Comey", "Donald Trump" and "Donald J. Trump" (same first and last name). A bare
 * surname ("Trump") joins a full name only when the corpus holds exactly one person of that surname. Different
 * first names never merge ("Melania Trump" is not "Donald Trump"); a registry person's variants take its id.
 *
 * @example
 * mergeSpeakers(statements, entities) // every "James B. Comey" statement now has the id and name of "James Comey"
 */
export function mergeSpeakers(statements: Statement[], registry: readonly RegistryEntity[] = []): void {
  // first+last → name variant → how many times it speaks
  const groups = new Map<string, Map<string, number>>()
  const fixed = new Map<string, { id: string; name: string }>()
  const registryIds = new Set(registry.map((e) => e.id))
  const add = (name: string) => {
    const core = nameCore(name)
    if (core === null) return
    const key = `${core.first} ${core.last}`
    const variants = groups.get(key) ?? new Map<string, number>()
    variants.set(name, (variants.get(name) ?? 0) + 1)
    groups.set(key, variants)
  }
  for (const e of registry)
    if (e.type === 'person' && nameCore(e.name) !== null) {
      add(e.name)
      const core = nameCore(e.name)!
      fixed.set(`${core.first} ${core.last}`, { id: e.id, name: e.name })
    }
  for (const sp of speakerRecords(statements)) if (sp.type === 'person' && !registryIds.has(sp.id)) add(sp.name)
  const surnames = new Map<string, number>()
  for (const key of groups.keys()) {
    const last = key.slice(key.indexOf(' ') + 1)
    surnames.set(last, (surnames.get(last) ?? 0) + 1)
  }
  const target = new Map<string, { id: string; name: string }>()
  for (const [key, variants] of groups) {
    const name = canonicalName(variants)
    const t = fixed.get(key) ?? { id: slugify(name), name }
    for (const v of variants.keys()) target.set(v, t)
    const last = key.slice(key.indexOf(' ') + 1)
    // A bare surname speaks for the only person of that surname in the corpus, never for one of several.
    if (surnames.get(last) === 1) target.set(`:${last}`, t)
  }
  for (const sp of speakerRecords(statements)) {
    if (registryIds.has(sp.id) || sp.id !== slugify(sp.name)) continue
    const bare = !/\s/.test(sp.name)
    // "Harlow said": a lone surname that spoke is typed unknown when nothing told its gender.
    if (!(sp.type === 'person' || (bare && sp.type === 'unknown'))) continue
    const t = bare ? target.get(`:${sp.name.toLowerCase()}`) : target.get(sp.name)
    if (t === undefined) continue
    sp.id = t.id
    sp.name = t.name
    sp.type = 'person'
  }
}
