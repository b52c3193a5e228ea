/** What a capitalised name is: an organisation or a person, of which gender, or a common word opening a sentence. */
import {
  ADJUNCT_PREPS,
  CONJUNCTIONS,
  CORPORATE_SUFFIXES,
  COUNTRIES,
  DEMONYMS,
  FEMALE_NAMES,
  FUNCTION_WORDS,
  HONORIFIC_FEMALE,
  HONORIFIC_MALE,
  MALE_NAMES,
  NP_DETERMINERS,
  ORG_WORDS,
  SPEAKER_NOUNS,
  SUBORDINATORS,
  TIME_WORDS,
  TITLE_WORDS,
} from './lexicon'
import type { Gender, MentionKind } from './mention'
import { stripPossessive, type Token } from './tokens'

/** Does a run name an organisation? Its head is an organisation word ("Harbour City", "Dockers' Union"), it has a
 * corporate suffix, or an organisation word takes a complement ("Ministry of Water", "Institute for ...").
 *
 * @example
 * orgLike(tokenize('Ministry of Water')) // true
 * orgLike(tokenize('Gina Raimondo')) // false
 */
export function orgLike(run: readonly Token[]): boolean {
  const last = run[run.length - 1]
  if (last === undefined) return false
  if (ORG_WORDS.has(last.norm) || ORG_WORDS.has(stripPossessive(last.norm)) || CORPORATE_SUFFIXES.has(last.norm))
    return true
  // "Radio Sur", "Air France" — but not "City Clerk Patricia Okonkwo", where a title follows.
  if (run.length > 1 && ORG_WORDS.has(run[0]!.norm) && !run.some((t) => isTitle(t))) return true
  for (let k = 0; k < run.length - 1; k++)
    if (ORG_WORDS.has(run[k]!.norm) && /^(of|for|and|&|on)$/.test(run[k + 1]!.norm)) return true
  return false
}

/** A title, office or nationality written before a name: "Foreign Minister", "Chinese". */
export const isTitle = (t: Token) =>
  TITLE_WORDS.has(t.norm) || TITLE_WORDS.has(t.norm.replace(/\.$/, '')) || DEMONYMS.has(t.norm)

/** Is this capitalised token a sentence opener rather than a name ("Officials said", "Separately, ...")? */
export function isCommonOpener(t: Token): boolean {
  const n = t.norm
  return (
    FUNCTION_WORDS.has(n) ||
    SPEAKER_NOUNS.has(n) ||
    NP_DETERMINERS.has(n) ||
    CONJUNCTIONS.has(n) ||
    SUBORDINATORS.has(n) ||
    TIME_WORDS.has(n) ||
    ADJUNCT_PREPS.has(n) ||
    /ly$/.test(n) ||
    /ing$/.test(n)
  )
}

/**
 * Guesses a person's gender from honorifics and a first name; null when nothing tells.
 *
 * @example
 * guessGender(['Ruth', 'Adeyemi']) // 'f'
 * guessGender(['Chen'], ['mr.']) // 'm'
 */
export function guessGender(nameTokens: readonly string[], honorifics: readonly string[] = []): Gender {
  for (const h of honorifics) {
    if (HONORIFIC_MALE.has(h)) return 'm'
    if (HONORIFIC_FEMALE.has(h)) return 'f'
  }
  const first = nameTokens[0]?.toLowerCase()
  if (first !== undefined && nameTokens.length > 1) {
    if (MALE_NAMES.has(first)) return 'm'
    if (FEMALE_NAMES.has(first)) return 'f'
  }
  return null
}

/**
 * Guesses whether an unregistered name is a person or an organisation.
 *
 * @example
 * guessKind(tokenize('Kestrel Robotics Inc.'), null) // 'organization'
 */
export function guessKind(nameTokens: readonly Token[], gender: Gender): MentionKind {
  const text = nameTokens.map((t) => stripPossessive(t.text)).join(' ')
  if (orgLike(nameTokens)) return 'organization'
  if (COUNTRIES.has(text.toLowerCase())) return 'organization'
  // Acronyms ("NATO", "CNN") and all-capital runs such as datelines ("CARROW POINT") are not people.
  if (nameTokens.every((t) => /^[\p{Lu}\p{N}.&'’-]{2,}$/u.test(stripPossessive(t.text)))) return 'organization'
  if (gender !== null || nameTokens.length >= 2) return 'person'
  return 'unknown'
}
