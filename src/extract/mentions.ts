/** Named mentions: registry names and capitalised name sequences, with titles stripped and a type guess. */

import type { RegistryEntity } from '../types'
import { matchRegistry, type RegistryIndex } from './entities'
import { CLOCK_WORDS, DAYS, FUNCTION_WORDS, MONTHS } from './lexicon'
import type { Mention } from './mention'
import { attachAppositiveRole, describeBefore, markOrganisations, markSubject } from './mention-context'
import { guessGender } from './name-kinds'
import { addMention, addNameRun, type MentionTable } from './name-runs'
import type { Sentence } from './segment'
import { isPartyTag, type Token } from './tokens'

/**
 * Finds named mentions sentence by sentence; `mentionAt[token]` gives the mention id covering a token.
 *
 * @example
 * // 'Foreign Minister Wang Yi said ...'
 * // → one mention: { text: 'Wang Yi', kind: 'person', description: 'foreign minister' }
 */
export function findMentions(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  registry: RegistryIndex,
): { mentions: Mention[]; mentionAt: Int32Array } {
  const tab: MentionTable = { tokens, mentions: [], mentionAt: new Int32Array(tokens.length).fill(-1) }
  for (const s of sentences) {
    const firstMention = tab.mentions.length
    scanSentence(tab, s, registry)
    for (let k = firstMention; k < tab.mentions.length; k++) attachAppositiveRole(tokens, s, tab.mentions[k]!)
    markSubject(tokens, s, tab.mentions, firstMention)
  }
  markOrganisations(tokens, tab.mentions)
  return { mentions: tab.mentions, mentionAt: tab.mentionAt }
}

/** Adds one sentence's mentions: handles, registry names, then capitalised runs. */
function scanSentence(tab: MentionTable, s: Sentence, registry: RegistryIndex): void {
  const { tokens, mentions } = tab
  let i = s.tokStart
  while (i < s.tokEnd) {
    const t = tokens[i]!
    // "@harbourfan wrote": a social-media handle names an account.
    if (t.text === '@' && tokens[i + 1]?.type === 'word' && tokens[i + 1]!.start === t.end && i + 1 < s.tokEnd) {
      addMention(tab, s, i, i + 2, null, 'unknown', null, null)
      mentions[mentions.length - 1]!.text = `@${tokens[i + 1]!.text}`
      i += 2
      continue
    }
    if (t.type !== 'word') {
      i++
      continue
    }
    const reg = matchRegistry(registry, tokens, i, s.tokEnd)
    if (reg !== null) {
      addRegistryMention(tab, s, i, i + reg.length, reg.alias.entity)
      i += reg.length
      continue
    }
    // "Sen. Al Roe, R-Ohio, said": a party-and-state tag names nobody.
    // "4:00 PM UTC", "10 a.m. EST": clock words and time zones name nobody.
    if (
      !t.cap ||
      FUNCTION_WORDS.has(t.norm) ||
      DAYS.has(t.norm) ||
      MONTHS.has(t.norm) ||
      isPartyTag(t) ||
      CLOCK_WORDS.has(t.norm)
    ) {
      i++
      continue
    }
    i = addNameRun(tab, s, registry, i)
  }
}

/** A registry name: the entity's type, a gender from its canonical first name, and the role words before it. */
function addRegistryMention(tab: MentionTable, s: Sentence, a: number, b: number, e: RegistryEntity): void {
  const nameTokens = e.name.split(/\s+/)
  const gender = e.type === 'person' ? guessGender(nameTokens) : null
  addMention(tab, s, a, b, e, e.type, gender, describeBefore(tab.tokens, s, a), null, null)
}
