/** Synonym and acronym groups ("G20" = "Group of 20"), matched against query words at query time. */
import { indexTerms, processTerm, tokenize } from './text'

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
    // One forms array per group, shared by all its forms' entries: minimalForms keys its per-group work by it.
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

/**
 * The synonym forms worth searching besides the typed one: a form whose index terms include all
 * of another's adds nothing to an OR ("United States of America" after "United States"; "U.S."
 * after "US"), so only the smallest distinct forms are kept.
 *
 * @example minimalForms('united states', ['US', 'U.S.', 'America', 'United States of America']) // ['US', 'America']
 */
export function minimalForms(typed: string, forms: readonly string[]): string[] {
  const kept: ReadonlySet<string>[] = [new Set(indexTerms(typed))]
  const others: string[] = []
  for (const candidate of preparedForms(forms)) {
    if (kept.some((k) => covers(k, candidate.terms))) continue
    kept.push(candidate.terms)
    others.push(candidate.form)
  }
  return others
}

/** Whether `small` is a non-empty subset of `big`. */
function covers(small: ReadonlySet<string>, big: ReadonlySet<string>): boolean {
  if (small.size === 0) return false
  for (const t of small) if (!big.has(t)) return false
  return true
}

interface FormTerms {
  form: string
  terms: ReadonlySet<string>
}

// A synonym group's forms with their index terms, fewest first (so a smaller form is kept before
// any form that contains it), forms without terms left out. The same for every query that meets the
// group, so worked out once per group (`Synonyms.match` hands out each group's one forms array).
const formTermsOf = new WeakMap<readonly string[], readonly FormTerms[]>()

function preparedForms(forms: readonly string[]): readonly FormTerms[] {
  let prepared = formTermsOf.get(forms)
  if (!prepared) {
    prepared = forms
      .map((form) => ({ form, terms: new Set(indexTerms(form)) }))
      .filter((f) => f.terms.size > 0)
      .sort((x, y) => x.terms.size - y.terms.size)
    formTermsOf.set(forms, prepared)
  }
  return prepared
}
