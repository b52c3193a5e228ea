/** Speaker phrases: the noun phrase before or after a cue, split into joint speakers and classified. */

import { antecedentBefore, parseAppositive } from './appositives'
import { isSpeechVerbForm } from './cues'
import {
  ADJUNCT_PREPS,
  ADVERB_SKIP,
  AGENTIVE,
  CONJUNCTIONS,
  DAYS,
  DOCUMENT_NOUNS,
  isPersonEpithet,
  isRoleWord,
  MONTHS,
  NP_DETERMINERS,
  NP_INNER,
  PRONOUNS,
  QUANTIFIERS,
  RELATIVES,
  SPEAKER_NOUNS,
  TIME_ADVERBS,
  TIME_PRECEDERS,
  TIME_WORDS,
} from './lexicon'
import { isWord, mentionIdAt, type ParseContext, parsePhrase, type SpeakerPhrase } from './speaker-parts'
import type { Token } from './tokens'

export {
  classifyPart,
  type ParseContext,
  parsePhrase,
  type SpeakerPart,
  type SpeakerPhrase,
} from './speaker-parts'

const DASHES = new Set(['-', '—', '–', '--'])

/**
 * Moves left over adverbs, auxiliaries and time phrases between a subject and its cue ("Biden this month expressed").
 *
 * @example
 * // tokens of 'Biden this month expressed', from j = 2 ("month") → 0: the subject "Biden"
 */
export function skipAdverbialsBackward(tokens: readonly Token[], lo: number, j: number): number {
  while (j >= lo) {
    const t = tokens[j]!
    if (!isWord(t)) return j
    if (!t.cap && (ADVERB_SKIP.has(t.norm) || TIME_ADVERBS.has(t.norm) || (/ly$/.test(t.norm) && t.norm.length > 4))) {
      j--
      continue
    }
    const isTime = (!t.cap && TIME_WORDS.has(t.norm)) || DAYS.has(t.norm)
    if (isTime) {
      let k = j - 1
      let preceded = false
      while (
        k >= lo &&
        isWord(tokens[k]) &&
        (TIME_PRECEDERS.has(tokens[k]!.norm) ||
          tokens[k]!.type === 'number' ||
          DAYS.has(tokens[k]!.norm) ||
          MONTHS.has(tokens[k]!.norm) ||
          (!tokens[k]!.cap && TIME_WORDS.has(tokens[k]!.norm)))
      ) {
        if (TIME_PRECEDERS.has(tokens[k]!.norm)) preceded = true
        k--
      }
      if (!preceded && !DAYS.has(t.norm)) return j
      // Never swallow the subject's own article: "the company the same day said" keeps "the company".
      if (k + 1 <= j && tokens[k + 1]!.norm === 'the') k++
      j = k
      continue
    }
    // "on Sept. 5", "in May": a month needs its preposition or its day number.
    if (t.type === 'number' && j - 1 >= lo && MONTHS.has(tokens[j - 1]!.norm)) {
      let k = j - 2
      if (k >= lo && TIME_PRECEDERS.has(tokens[k]!.norm)) k--
      j = k
      continue
    }
    return j
  }
  return j
}

/**
 * The speaker phrase ending right before a cue at `cueTok` ("Han said", "X, the Y of Z, said");
 * `lo` is the clause floor.
 *
 * @example
 * // 'Lars Eide, the head of the union, said' with cueTok at "said" → parts: [name Lars Eide (the head of the union)]
 */
export function parseSubjectBefore(ctx: ParseContext, lo: number, cueTok: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let j = skipAdverbialsBackward(tokens, lo, cueTok - 1)
  // "Ellen Chen of the Civic League - also no relation - said": step over a dashed aside.
  if (j >= lo && DASHES.has(tokens[j]!.text) && tokens[j]!.quote < 0) {
    let k = j - 1
    while (k >= lo && j - k < 14 && !DASHES.has(tokens[k]!.text)) k--
    if (k >= lo && DASHES.has(tokens[k]!.text)) j = skipAdverbialsBackward(tokens, lo, k - 1)
  }
  if (j < lo) return null
  const t = tokens[j]!
  // "Sen. Mia Toll (D-Ore.) said", "Ravi Nair (pictured) told", "Ann Roe (54) said": a short parenthetical tag after the subject.
  if (t.text === ')' && t.quote < 0) {
    let o = j - 1
    while (
      o >= lo &&
      j - o <= 8 &&
      tokens[o]!.text !== '(' &&
      tokens[o]!.text !== ')' &&
      tokens[o]!.quote < 0 &&
      tokens[o]!.type !== 'quote'
    )
      o--
    if (o > lo && tokens[o]!.text === '(' && o < j - 1) {
      const p = parseSubjectBefore(ctx, lo, o)
      if (p !== null) p.tokEnd = j + 1
      return p
    }
  }
  if (t.text === ',' && t.quote < 0) return parseAppositive(ctx, lo, j)
  // "his son, Marcus Chen, 35, who said ...": the relative pronoun's antecedent speaks.
  if ((t.norm === 'who' || t.norm === 'which') && isWord(t) && j > lo) {
    const p =
      tokens[j - 1]!.text === ','
        ? (antecedentBefore(ctx, lo, j - 1) ?? (t.norm === 'who' ? nameEndingAt(ctx, lo, j - 2) : null))
        : parseSubjectBefore(ctx, lo, j)
    if (p !== null) p.tokEnd = j + 1
    return p
  }
  // `Kowalczyk, whose films include "Salt Flats," said`: the appositive ends inside a quotation.
  if (t.mark === 'close' && tokens[j - 1]?.text === ',') {
    const p = parseAppositive(ctx, lo, j + 1)
    if (p !== null) return p
  }
  return plainSubjectBefore(ctx, lo, j)
}

/** "The plan was backed by Sam Harvey, who argued ...": the name (not a place) that ends at token e, alone. */
function nameEndingAt(ctx: ParseContext, lo: number, e: number): SpeakerPhrase | null {
  const mid = e >= lo ? mentionIdAt(ctx, e) : -1
  // "The last question came from a young voter, who said ...": a short indefinite description.
  if (mid < 0) {
    for (let k = e - 1; k >= lo && k >= e - 4; k--) {
      if (!isWord(ctx.tokens[k])) return null
      if (!/^(a|an)$/.test(ctx.tokens[k]!.norm)) continue
      const p = parsePhrase(ctx, k, e + 1)
      return p?.parts.every((x) => x.kind === 'description') ? p : null
    }
    return null
  }
  const m = ctx.mentions[mid]!
  if (m.tokEnd !== e + 1 || m.tokStart < lo || m.place) return null
  const p = parsePhrase(ctx, m.tokStart, m.tokEnd)
  return p?.parts.every((x) => x.kind === 'name') ? p : null
}

/** A subject with no appositive or aside, ending at token j: the words back to a clause break. */
function plainSubjectBefore(ctx: ParseContext, lo: number, j: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let k = j
  while (k >= lo) {
    const u = tokens[k]!
    if (!isWord(u) && mentionIdAt(ctx, k) < 0) break
    if (k < j && (u.norm === 'that' || (CONJUNCTIONS.has(u.norm) && u.norm !== 'and'))) break
    if (j - k > 14) return null
    k--
  }
  const start = k + 1
  if (start > j) return null
  const whole = parsePhrase(ctx, start, j + 1)
  if (whole !== null) {
    definiteBeforePlace(ctx, lo, start, whole)
    return whole
  }
  // "Xinhua reported Han said", "substitute Tariq Benali said": the shortest suffix that starts a name or a pronoun.
  for (let s = j; s > start; s--) {
    const u = tokens[s]!
    const mid = mentionIdAt(ctx, s)
    if (!(PRONOUNS.has(u.norm) || (mid >= 0 && mid !== mentionIdAt(ctx, s - 1)) || (u.cap && isRoleWord(u.norm))))
      continue
    const p = parsePhrase(ctx, s, j + 1)
    if (p?.parts.every((x) => x.kind !== 'description')) {
      // `C, former presidential candidate Herman Cain said`: descriptor words before the name belong to the tag.
      if (s > start && descriptorRun(ctx, lo, start, s)) {
        p.tokStart = start
        const one = p.parts.length === 1 ? p.parts[0]! : null
        if (one?.kind === 'name' && one.description === null)
          one.description = ctx.text.slice(tokens[start]!.start, tokens[s - 1]!.end)
      }
      return p
    }
  }
  return null
}

/** Words [a, b) before a name are a descriptor set off from what precedes: no verb, conjunction or clause word. */
function descriptorRun(ctx: ParseContext, lo: number, a: number, b: number): boolean {
  const { tokens } = ctx
  if (b - a > 6) return false
  const before = tokens[a - 1]
  if (a > lo && !(before !== undefined && (before.text === ',' || DASHES.has(before.text) || before.mark === 'close')))
    return false
  for (let k = a; k < b; k++) {
    const t = tokens[k]!
    if (!isWord(t) || isSpeechVerbForm(t.norm) || CONJUNCTIONS.has(t.norm) || RELATIVES.has(t.norm)) return false
    if (t.norm === 'that' || PRONOUNS.has(t.norm) || /ed$/.test(t.norm)) return false
  }
  return true
}

/** "The San Jose, California-based company said": the article before the place makes the description definite. */
function definiteBeforePlace(ctx: ParseContext, lo: number, start: number, whole: SpeakerPhrase): void {
  const { tokens } = ctx
  const one = whole.parts.length === 1 ? whole.parts[0]! : null
  if (
    one === null ||
    one.kind !== 'description' ||
    !/-based$/.test(tokens[start]!.norm) ||
    tokens[start - 1]?.text !== ','
  )
    return
  let b = start - 2
  while (b >= lo && b > start - 6 && isWord(tokens[b]) && tokens[b]!.cap && tokens[b]!.norm !== 'the') b--
  if (b >= lo && tokens[b]!.norm === 'the') {
    one.definite = true
    whole.tokStart = b
  }
}

/**
 * The speaker phrase right after a cue, from token i up to `hi`.
 *
 * @example
 * // `"...," said Smith, a senior fellow` → parts: [name Smith (a senior fellow)]
 * // 'according to officials at the ministry' → parts: [description "officials at the ministry"]
 */
export function parsePhraseAfter(ctx: ParseContext, i: number, hi: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let end = i
  let sawHead = false
  let sawDocument = false
  while (end < hi && end - i < 14) {
    const t = tokens[end]!
    const mid = mentionIdAt(ctx, end)
    if (mid >= 0) {
      end = Math.max(end + 1, ctx.mentions[mid]!.tokEnd)
      sawHead = true
      continue
    }
    if (!isWord(t)) break
    // "according to a report released last month by the institute": the issuer after a document noun.
    if (DOCUMENT_NOUNS.has(t.norm)) sawDocument = true
    if (sawDocument && (t.norm === 'by' || t.norm === 'from') && end + 1 < hi && isWord(tokens[end + 1])) {
      end++
      continue
    }
    if (NP_INNER.has(t.norm) && sawHead && end + 1 < hi && isWord(tokens[end + 1])) {
      end++
      continue
    }
    if (CONJUNCTIONS.has(t.norm) || RELATIVES.has(t.norm) || ADJUNCT_PREPS.has(t.norm) || isSpeechVerbForm(t.norm))
      break
    if (
      SPEAKER_NOUNS.has(t.norm) ||
      isPersonEpithet(t.norm) ||
      PRONOUNS.has(t.norm) ||
      AGENTIVE.test(t.norm) ||
      QUANTIFIERS.has(t.norm)
    )
      sawHead = true
    end++
  }
  for (let e = end; e > i; e--) {
    const p = parsePhrase(ctx, i, e)
    if (p === null) continue
    if (e < hi && tokens[e]!.text === ',' && p.parts.length === 1) {
      let f = e + 1
      while (f < hi && isWord(tokens[f]) && f - e < 14) f++
      const next = tokens[e + 1]
      const part = p.parts[0]!
      if (part.kind === 'name' && f > e + 1 && next !== undefined && (NP_DETERMINERS.has(next.norm) || !next.cap)) {
        // `said Smith, a professor at Harvard`: the appositive belongs to the tag.
        part.description = ctx.text.slice(next.start, tokens[f - 1]!.end)
        p.tokEnd = f
      } else if (part.kind === 'description' && f > e + 1) {
        // `said the association's president, Carla Nunes`
        const named = parsePhrase(ctx, e + 1, f)
        if (named !== null && named.parts.length === 1 && named.parts[0]!.kind === 'name') {
          named.parts[0]!.description = part.text
          named.tokStart = i
          return named
        }
      }
    }
    return p
  }
  return null
}
