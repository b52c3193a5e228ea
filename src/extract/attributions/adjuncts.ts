/** What may sit between a cue and its content: adverbs, time phrases, occasions, the addressee of "told". */
import { type CueMatch, matchCue } from '../cues'
import {
  ADJUNCT_PREPS,
  ADVERB_SKIP,
  AUDIENCE_WORDS,
  DAYS,
  MONTHS,
  OBJECT_DETERMINERS,
  TIME_ADVERBS,
  TIME_PRECEDERS,
  TIME_WORDS,
  VENUE_NOUNS,
} from '../lexicon'
import type { Token } from '../tokens'
import { type AttributionContext, isOpen, isWord } from './types'

const QUANTIFIER_ADVERBS = new Set(['each', 'both', 'all'])

/**
 * Skips adverbs, time phrases and occasions after a cue: "said on Monday in a statement on its website that".
 *
 * @example
 * // tokens of 'said on Monday in a statement that prices rose', from p = 1 → 6 ("that")
 */
export function skipAdjuncts(tokens: readonly Token[], p: number, hi: number): number {
  for (let guard = 0; guard < 12 && p < hi; guard++) {
    const t = tokens[p]!
    if (!isWord(t)) {
      // ", however," between a cue and its content.
      if (
        t.text === ',' &&
        isWord(tokens[p + 1]) &&
        (ADVERB_SKIP.has(tokens[p + 1]!.norm) || /ly$/.test(tokens[p + 1]!.norm)) &&
        tokens[p + 2]?.text === ','
      ) {
        p += 3
        continue
      }
      return p
    }
    // "said each year of schooling ...", "said both parties ...": a quantifier before a noun opens the content.
    if (QUANTIFIER_ADVERBS.has(t.norm) && isWord(tokens[p + 1]) && !tokens[p + 1]!.cap) return p
    if (!t.cap && (ADVERB_SKIP.has(t.norm) || TIME_ADVERBS.has(t.norm) || (/ly$/.test(t.norm) && t.norm.length > 4))) {
      p++
      continue
    }
    const afterTime = skipTimePhrase(tokens, p, hi)
    // "said each year of schooling adds ...": a time noun with "of" after it heads the content, not an adjunct.
    if (afterTime >= 0 && tokens[afterTime]?.norm === 'of' && !ADJUNCT_PREPS.has(t.norm)) return p
    if (afterTime >= 0) {
      p = afterTime
      continue
    }
    if (t.norm === 'of') return skipTopic(tokens, p, hi)
    if (!ADJUNCT_PREPS.has(t.norm)) return p
    const afterOccasion = skipOccasion(tokens, p, hi)
    if (afterOccasion < 0) return p
    p = afterOccasion
  }
  return p
}

/**
 * What was spoken of: "said of Congress: "...", "said of the plan, "..."", "said of the council that ...".
 * Returns the colon, comma or "that" after it, or p when no quotation or clause follows.
 */
function skipTopic(tokens: readonly Token[], p: number, hi: number): number {
  for (let k = p + 1; k < Math.min(hi, p + 8); k++) {
    const u = tokens[k]!
    if (isWord(u)) {
      if (u.norm === 'that' && k > p + 1) return k
      continue
    }
    return k > p + 1 && (u.text === ':' || u.text === ',') && isOpen(tokens[k + 1]) ? k : p
  }
  return p
}

/**
 * Time: "on Monday", "this month", "last week", "on Sept. 5", "in May".
 * Returns the token after it, or -1 when none starts at p.
 */
function skipTimePhrase(tokens: readonly Token[], p: number, hi: number): number {
  let q = p
  let sawTime = false
  while (q < hi && isWord(tokens[q])) {
    const u = tokens[q]!
    if (TIME_WORDS.has(u.norm) && (!u.cap || DAYS.has(u.norm) || MONTHS.has(u.norm))) {
      sawTime = true
      q++
      continue
    }
    if (MONTHS.has(u.norm) || (u.type === 'number' && sawTime)) {
      sawTime = true
      q++
      continue
    }
    if (!sawTime && TIME_PRECEDERS.has(u.norm) && q - p < 2) {
      q++
      continue
    }
    break
  }
  return sawTime ? q : -1
}

/**
 * Occasion: "in a statement", "at a news conference", then an optional "in Beijing" / "on its website".
 * Returns the token after it, or -1 when the preposition at p opens no occasion.
 */
function skipOccasion(tokens: readonly Token[], p: number, hi: number): number {
  // "told reporters outside the union's headquarters that ...": a short phrase, then "that".
  for (let k = p + 1; k < Math.min(hi, p + 12); k++) {
    const u = tokens[k]!
    // `said on ABC's "This Week" that ...`: a quoted title inside the occasion.
    if (u.mark === 'open' && k > p + 1) {
      let c = k + 1
      while (c < Math.min(hi, k + 10) && !(tokens[c]!.mark === 'close' && tokens[c]!.unit === u.unit)) c++
      if (c < hi && tokens[c]!.mark === 'close' && tokens[c]!.unit === u.unit) {
        k = c
        continue
      }
    }
    if (u.norm === 'that' && isWord(u)) return k
    // "explained to CBS why ...", "asked at the hearing whether ...": the question opens the content.
    if (k > p + 1 && isWord(u) && /^(whether|why|how)$/.test(u.norm)) return k
    // "wrote on X, formerly Twitter, that ...": a comma-set aside inside the occasion.
    if (u.text === ',' && u.quote < 0 && k > p + 1) continue
    // "said in a statement posted on its website that ...": a participle after the venue noun is no new cue.
    if (isWord(u) && k > p + 1 && VENUE_NOUNS.has(tokens[k - 1]!.norm) && /ed$/.test(u.norm)) continue
    if (!isWord(u) || matchCue(tokens, k, hi) !== null) break
  }
  let v = -1
  for (let k = p + 1; k < Math.min(hi, p + 6) && isWord(tokens[k]); k++)
    if (VENUE_NOUNS.has(tokens[k]!.norm)) {
      v = k
      break
    }
  if (v < 0) return -1
  p = v + 1
  if (p < hi && isWord(tokens[p]) && ADJUNCT_PREPS.has(tokens[p]!.norm)) {
    for (let k = p + 1; k < Math.min(hi, p + 8); k++) {
      const u = tokens[k]!
      if (u.norm === 'that' || u.text === ',' || u.text === ':' || isOpen(u)) {
        p = k
        break
      }
      if (!isWord(u)) break
    }
  }
  return p
}

/** Skips the addressee of "told" / "warned ... that": "told reporters", "told CNN", "told a news conference". */
export function skipObject(ctx: AttributionContext, cue: CueMatch, p: number, hi: number): number {
  const { tokens } = ctx
  const t = tokens[p]
  if (t === undefined || !isWord(t)) return p
  const isTell = /^tel|^told/.test(cue.phrase)
  const findThat = (from: number, max: number) => {
    for (let k = from; k < Math.min(hi, from + max); k++) {
      const u = tokens[k]!
      if (u.norm === 'that' || u.text === ':' || isOpen(u)) return k
      if (!isWord(u)) return -1
    }
    return -1
  }
  if (!isTell) {
    const k = findThat(p, 6)
    return k >= 0 && tokens[k]!.norm === 'that' ? k : p
  }
  if (AUDIENCE_WORDS.has(t.norm)) return p + 1
  const mid = ctx.mentionAt[p]!
  if (mid >= 0) return ctx.mentions[mid]!.tokEnd
  if (t.cap) {
    let k = p
    while (k < hi && isWord(tokens[k]) && tokens[k]!.cap) k++
    return k
  }
  if (OBJECT_DETERMINERS.has(t.norm)) {
    const k = findThat(p + 1, 10)
    if (k >= 0) return k
    const m2 = ctx.mentionAt[p + 1] ?? -1
    return m2 >= 0 ? ctx.mentions[m2]!.tokEnd : p + 2
  }
  return p
}
