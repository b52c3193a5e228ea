/** What a mention's context tells: its role words, an appositive role, organisation evidence, the sentence subject. */

import { isSpeechVerbForm } from './cues'
import {
  ADJUNCT_PREPS,
  AGENTIVE,
  CONJUNCTIONS,
  COUNTRIES,
  FUNCTION_WORDS,
  HONORIFIC_FEMALE,
  HONORIFIC_MALE,
  isRoleWord,
  LOCATIVES,
  NP_DETERMINERS,
  ORG_WORDS,
  PLACE_PREPS,
  SPEAKER_NOUNS,
  STATE_ABBREVIATIONS,
  SUBORDINATORS,
  TITLE_WORDS,
} from './lexicon'
import type { Mention } from './mention'
import { isTitle } from './name-kinds'
import type { Sentence } from './segment'
import { isPossessive, type Token } from './tokens'

/**
 * A lone name of unknown kind is an organisation, in every mention, when one mention shows it: "Gridlet, which makes ...",
 * "Gridlet's Tobias Renner", "chief executive of Gridlet", "an analyst at Voltra".
 */
export function markOrganisations(tokens: readonly Token[], mentions: Mention[]): ReadonlySet<string> {
  const orgs = new Set<string>()
  // "Donald Trump ... Trump spokeswoman Hope Hicks": a word of a person's name is that person, no organisation.
  const personWords = personNameWords(mentions)
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!
    if (m.kind !== 'unknown' || m.registry !== null || personWords.has(m.text)) continue
    // "at Kilbrannan", "in Guelph": a lone unknown name after a locative preposition is a place, not a person.
    if (m.tokStart > 0 && LOCATIVES.has(tokens[m.tokStart - 1]!.norm) && tokens[m.tokStart - 1]!.type === 'word') {
      m.kind = 'organization'
      continue
    }
    const after = tokens[m.tokEnd]
    const next = mentions[k + 1]
    const prep = tokens[m.tokStart - 1]
    const role = tokens[m.tokStart - 2]
    if (
      (after?.text === ',' && tokens[m.tokEnd + 1]?.norm === 'which') ||
      (isPossessive(tokens[m.tokEnd - 1]!) &&
        next !== undefined &&
        next.tokStart === m.tokEnd &&
        next.kind === 'person' &&
        !HONORIFIC_MALE.has(tokens[m.tokEnd]!.norm) &&
        !HONORIFIC_FEMALE.has(tokens[m.tokEnd]!.norm)) ||
      // "Plume spokesperson Derek Osei", "Gridlet co-founder and CEO Ana Diaz": a lone name, a lower-case role, then a person.
      (next !== undefined &&
        next.kind === 'person' &&
        next.tokStart > m.tokEnd &&
        next.tokStart - m.tokEnd <= 4 &&
        tokens
          .slice(m.tokEnd, next.tokStart)
          .every(
            (u, k, all) =>
              u.type === 'word' && !u.cap && (isRoleWord(u.norm) || (u.norm === 'and' && k > 0 && k < all.length - 1)),
          )) ||
      (prep !== undefined &&
        role !== undefined &&
        (prep.norm === 'of' || prep.norm === 'at') &&
        !role.cap &&
        (TITLE_WORDS.has(role.norm) ||
          /(?:founder|analyst|engineer|economist|researcher|partner|investor)s?$/.test(role.norm)))
    )
      orgs.add(m.text)
  }
  for (const m of mentions) if (m.kind === 'unknown' && orgs.has(m.text)) m.kind = 'organization'
  return orgs
}

const DATELINE_DASHES = new Set(['—', '–', '-', '--'])

/** A state abbreviation token: "N.C.", or "Fla" before its dot. */
const isStateAbbreviation = (tokens: readonly Token[], k: number): boolean => {
  const t = tokens[k]
  if (t === undefined || !t.cap || !STATE_ABBREVIATIONS.has(t.norm.replace(/\.$/, ''))) return false
  return t.norm.endsWith('.') || tokens[k + 1]?.text === '.'
}

/** "SELMA, N.C. —", "Washington (AFP) –", "WASHINGTON, Dec. 8 (UPI) —": a name opening its sentence before a dash. */
function isDateline(tokens: readonly Token[], s: Sentence, m: Mention): boolean {
  if (m.tokStart !== s.tokStart) return false
  const caps = /^[\p{Lu} .'-]+$/u.test(m.text) && /\p{Lu}{3}/u.test(m.text)
  let tagged = isStateAbbreviation(tokens, m.tokEnd + 1) && tokens[m.tokEnd]?.text === ','
  for (let k = m.tokEnd; k < s.tokEnd && k < m.tokEnd + 10; k++) {
    const t = tokens[k]!
    if (DATELINE_DASHES.has(t.text)) return caps || tagged
    if (t.text === '(' && /^\p{Lu}{2,}$/u.test(tokens[k + 1]?.text ?? '') && tokens[k + 2]?.text === ')') tagged = true
    if (t.type === 'word' && !t.cap) return false
  }
  return false
}

/** Is mention m a place by its own context: a dateline, "Jupiter, Fla.", "voters in Sacramento", "at Brickyard Hall"? */
function placeEvidence(tokens: readonly Token[], s: Sentence, m: Mention): boolean {
  if (m.registry !== null || m.group) return false
  // "in Nashua, N.H." — the abbreviation itself is a place too.
  if (isDateline(tokens, s, m) || (/\.\p{Lu}\.$/u.test(m.text) && STATE_ABBREVIATIONS.has(m.text.toLowerCase())))
    return true
  if (COUNTRIES.has(m.text.toLowerCase()) || isPossessive(tokens[m.tokEnd - 1]!)) return false
  // "a rally in Jupiter, Fla., on Monday"
  if (tokens[m.tokEnd]?.text === ',' && isStateAbbreviation(tokens, m.tokEnd + 1)) return true
  if (m.gender !== null || m.honorific !== null || m.description !== null) return false
  const prev = tokens[m.tokStart - 1]
  if (prev === undefined || prev.type !== 'word' || m.tokStart <= s.tokStart) return false
  // "in New Hampshire", "at Brickyard Hall"; a lone word after "at" is too often a person ("a jab at Cruz").
  return PLACE_PREPS.has(prev.norm) || (prev.norm === 'at' && m.text.includes(' '))
}

/**
 * Places, in every mention of the same name once one mention shows it: "voters in Sacramento ... Sacramento is
 * dry". A surname is never a place ("confidence in Trump" with "Donald Trump" in the article), nor is an
 * organisation ("a shareholder in Harwell" where "Harwell chief executive Graham Pettifer" spoke).
 */
export function markPlaces(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  mentions: Mention[],
  orgs: ReadonlySet<string>,
): void {
  const personWords = personNameWords(mentions)
  const places = new Set<string>()
  for (const m of mentions) {
    if (orgs.has(m.text)) continue
    if (m.place || (placeEvidence(tokens, sentences[m.sentence]!, m) && !personWords.has(m.text))) {
      m.place = true
      places.add(m.text)
    }
  }
  if (places.size === 0) return
  for (const m of mentions)
    if (m.registry === null && places.has(m.text) && m.gender === null && m.honorific === null) {
      m.place = true
      if (m.kind !== 'organization') m.kind = 'organization'
    }
}

/** The surnames of multi-word person names in the article: "Donald Trump" makes "Trump" a person's name. */
function personNameWords(mentions: readonly Mention[]): Set<string> {
  const words = new Set<string>()
  for (const m of mentions) {
    if (m.kind !== 'person' || m.place) continue
    const w = m.text.split(' ')
    // "Plume Plus" (a product typed as a person) gives "Plus", never "Plume".
    if (w.length > 1) words.add(w[w.length - 1]!)
  }
  return words
}

/** Role words written right before a name: "White House national security adviser" (Jake Sullivan). */
export function describeBefore(tokens: readonly Token[], s: Sentence, i: number): string | null {
  const parts: Token[] = []
  for (let k = i - 1; k >= s.tokStart && parts.length < 6; k--) {
    const t = tokens[k]!
    if (t.type !== 'word' || t.quote >= 0 || NP_DETERMINERS.has(t.norm) || FUNCTION_WORDS.has(t.norm)) break
    // `"No," said spokesman Al Gore`: the cue before a role is no part of it.
    if (isSpeechVerbForm(t.norm)) break
    const role = isTitle(t) || isRoleWord(t.norm)
    const right = parts[0]
    // A modifier only leans on a role word: "climate envoy", "company's chief executive", "White House adviser".
    const modifier = right !== undefined && (t.cap || (!right.cap && (isTitle(right) || isRoleWord(right.norm))))
    if (!role && !modifier) break
    parts.unshift(t)
  }
  return roleText(parts)
}

/**
 * Role words as written ("U.S. ambassador"), but a common noun capitalised only because it opens the sentence or
 * the name is lower-cased: "Voter Luis Ortega said" → "voter"; titles and organisations keep their capitals.
 */
export function roleText(parts: readonly Token[]): string | null {
  const first = parts[0]
  if (first === undefined) return null
  const text = parts.map((t) => t.text).join(' ')
  const common =
    (SPEAKER_NOUNS.has(first.norm) || AGENTIVE.test(first.norm)) && !ORG_WORDS.has(first.norm) && !isTitle(first)
  return common && /^\p{Lu}\p{Ll}/u.test(first.text) ? first.text.charAt(0).toLowerCase() + text.slice(1) : text
}

/** "Lena Vogt, the ferry inspector, ...": a role in an appositive right after a person's name. */
export function attachAppositiveRole(tokens: readonly Token[], s: Sentence, m: Mention): void {
  if (m.kind === 'organization' || m.inQuote || tokens[m.tokEnd]?.text !== ',') return
  const first = tokens[m.tokEnd + 1]
  if (first === undefined || !/^(the|a|an)$/.test(first.norm)) return
  let e = m.tokEnd + 2
  while (e < s.tokEnd && e - m.tokEnd <= 9 && tokens[e]!.type === 'word' && tokens[e]!.quote < 0) e++
  const stop = tokens[e]
  const last = tokens[e - 1]!
  if (e >= s.tokEnd || stop === undefined || !/^[,.;]$/.test(stop.text) || !isRoleWord(last.norm) || last.cap) return
  if (m.description === null) m.description = roleText(tokens.slice(m.tokEnd + 1, e))
}

/** Marks the grammatical subject among a sentence's mentions from index `from`: "Asante scored", not "with Han". */
export function markSubject(tokens: readonly Token[], s: Sentence, mentions: Mention[], from: number): void {
  // "But with the Main Road crowd on its feet, Asante scored": the subject follows an opening adverbial.
  const first = tokens[s.tokStart]!
  const second = tokens[s.tokStart + 1]
  // "He arrives at a cafe in Oakland's Temescal district": a pronoun already fills the subject slot.
  const opener = CONJUNCTIONS.has(first.norm) && second !== undefined ? second : first
  if (opener.type === 'word' && /^(he|she|they|it|we|i)$/.test(opener.norm)) return
  const adverbialOpening =
    ADJUNCT_PREPS.has(first.norm) ||
    SUBORDINATORS.has(first.norm) ||
    /ing$/.test(first.norm) ||
    first.norm === 'asked' ||
    (CONJUNCTIONS.has(first.norm) && second !== undefined && ADJUNCT_PREPS.has(second.norm))
  for (let k = from; k < mentions.length; k++) {
    const m = mentions[k]!
    if (m.inQuote) continue
    // "Ellison’s son, Callum Ellison, was nine": a possessive modifies the subject; it is not the subject.
    if (isPossessive(tokens[m.tokEnd - 1]!)) continue
    // Only a mention in the opening words, not governed by a preposition ("The talks between Han and ...").
    const afterAdverbial =
      adverbialOpening &&
      m.tokStart > s.tokStart &&
      tokens[m.tokStart - 1]!.text === ',' &&
      m.tokStart - s.tokStart <= 24
    if (m.tokStart - s.tokStart > 8 && !afterAdverbial) return
    let g = m.tokStart - 1
    while (g > s.tokStart && /^(the|a|an)$/.test(tokens[g]!.norm)) g--
    // "in Oakland's Temescal district": a possessive before the name is governed by what governs it.
    while (g > s.tokStart && isPossessive(tokens[g]!) && tokens[g]!.type === 'word') {
      g--
      while (g > s.tokStart && tokens[g]!.cap && tokens[g]!.type === 'word' && !ADJUNCT_PREPS.has(tokens[g]!.norm)) g--
      while (g > s.tokStart && /^(the|a|an)$/.test(tokens[g]!.norm)) g--
    }
    const prev = g >= s.tokStart && g < m.tokStart ? tokens[g]! : null
    if (
      prev !== null &&
      prev.type === 'word' &&
      (ADJUNCT_PREPS.has(prev.norm) || prev.norm === 'between' || prev.norm === 'and' || prev.norm === 'against')
    ) {
      if (adverbialOpening) continue
      return
    }
    m.subject = true
    return
  }
}
