/** What a mention's context tells: its role words, an appositive role, organisation evidence, the sentence subject. */
import {
  ADJUNCT_PREPS,
  CONJUNCTIONS,
  FUNCTION_WORDS,
  HONORIFIC_FEMALE,
  HONORIFIC_MALE,
  isRoleWord,
  NP_DETERMINERS,
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
export function markOrganisations(tokens: readonly Token[], mentions: Mention[]): void {
  const orgs = new Set<string>()
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!
    if (m.kind !== 'unknown' || m.registry !== null) continue
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
  if (orgs.size === 0) return
  for (const m of mentions) if (m.kind === 'unknown' && orgs.has(m.text)) m.kind = 'organization'
}

/** Role words written right before a name: "White House national security adviser" (Jake Sullivan). */
export function describeBefore(tokens: readonly Token[], s: Sentence, i: number): string | null {
  const parts: Token[] = []
  for (let k = i - 1; k >= s.tokStart && parts.length < 6; k--) {
    const t = tokens[k]!
    if (t.type !== 'word' || t.quote >= 0 || NP_DETERMINERS.has(t.norm) || FUNCTION_WORDS.has(t.norm)) break
    const role = isTitle(t) || isRoleWord(t.norm)
    const right = parts[0]
    // A modifier only leans on a role word: "climate envoy", "company's chief executive", "White House adviser".
    const modifier = right !== undefined && (t.cap || (!right.cap && (isTitle(right) || isRoleWord(right.norm))))
    if (!role && !modifier) break
    parts.unshift(t)
  }
  return parts.length > 0
    ? parts
        .map((t) => t.text)
        .join(' ')
        .toLowerCase()
    : null
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
  if (m.description === null)
    m.description = tokens
      .slice(m.tokEnd + 1, e)
      .map((t) => t.text)
      .join(' ')
      .toLowerCase()
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
