/** Synonym and acronym groups ("G20" = "Group of 20"), matched against query words at query time. */
import { processTerm, tokenize } from './text'

export interface SynonymMatch {
  /** How many query words the matched form covers. */
  length: number
  /** Every form of the group, as query strings. */
  forms: string[]
}

export interface Synonyms {
  /** The group whose longest form starts the given word keys, if any. */
  match(wordKeys: readonly string[]): SynonymMatch | null
}

/** A word's key: its index terms joined; the same for "U.S." and "US", "Group" and "groups". */
export function wordKey(raw: string): string {
  return (processTerm(raw) ?? []).join(' ')
}

/**
 * Indexes synonym groups by their first word, longest forms first.
 *
 * @example createSynonyms([['G20', 'Group of 20']]).match(['group', '20']) // { length: 2, forms: ['G20', 'Group of 20'] }
 */
export function createSynonyms(groups: readonly (readonly string[])[]): Synonyms {
  const byFirst = new Map<string, { keys: string[]; forms: string[] }[]>()
  for (const group of groups) {
    // One forms array per group, shared by all its forms' entries: search.ts keys work on the group by it.
    const forms = [...group]
    for (const form of group) {
      const keys = tokenize(form)
        .map((t) => wordKey(t.raw))
        .filter(Boolean)
      if (keys.length === 0) continue
      const list = byFirst.get(keys[0]!) ?? []
      list.push({ keys, forms })
      byFirst.set(keys[0]!, list)
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length)
  return {
    match(wordKeys) {
      const candidates = wordKeys.length > 0 ? byFirst.get(wordKeys[0]!) : undefined
      for (const c of candidates ?? []) {
        if (c.keys.length <= wordKeys.length && c.keys.every((k, i) => wordKeys[i] === k)) {
          return { length: c.keys.length, forms: c.forms }
        }
      }
      return null
    },
  }
}
