/** Turning a token range into statement content: trimming, cutting a reporter's gloss, direct versus mixed. */
import type { Span } from '../../types'
import { matchCue } from '../cues'
import { ADJUNCT_PREPS, CONJUNCTIONS, FINITE_VERBS, GLOSS_NOUNS, MODALS, SUBORDINATORS } from '../lexicon'
import type { QuoteUnit } from '../quotes'
import type { Token } from '../tokens'
import { type AttributionContext, type Candidate, isOpen, isWord } from './types'

const TRAILING_PUNCT = /^[.,;:!?…—–-]$/

/**
 * Trims a token range to content: no trailing punctuation outside quotes, no dangling conjunction.
 *
 * @example
 * // tokens of 'prices will rise, and', [0, 5) → [0, 3): "prices will rise"
 */
export function trimRange(tokens: readonly Token[], a: number, b: number): [number, number] {
  while (a < b && tokens[a]!.quote < 0 && tokens[a]!.type === 'punct' && /^[,;:—–-]$/.test(tokens[a]!.text)) a++
  for (;;) {
    if (b <= a) break
    const t = tokens[b - 1]!
    if (t.quote < 0 && t.type === 'punct' && TRAILING_PUNCT.test(t.text)) {
      b--
      continue
    }
    if (t.quote < 0 && t.type === 'word' && (CONJUNCTIONS.has(t.norm) || t.norm === 'that') && b - 1 > a) {
      b--
      continue
    }
    break
  }
  return [a, b]
}

/** A reporter's gloss after the content: ", a reference to ...", ", in a move that ...", ", in what ...", ", while her rival ...". */
export function isGlossAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]
  if (t === undefined || t.quote >= 0 || t.type !== 'word') return false
  const n1 = tokens[k + 1]?.norm
  if (t.norm === 'a' || t.norm === 'an') return [1, 2, 3].some((d) => GLOSS_NOUNS.has(tokens[k + d]?.norm ?? ''))
  if (t.norm === 'in')
    return n1 === 'what' || ((n1 === 'a' || n1 === 'an') && GLOSS_NOUNS.has(tokens[k + 2]?.norm ?? ''))
  return t.norm === 'referring' || t.norm === 'alluding' || t.norm === 'apparently' || t.norm === 'while'
}

const DASHES = new Set(['—', '–', '--'])
/** Words after a lone dash that open the reporter's own words: "said it would pass — and added ...", "— a reversal". */
const DASH_GLOSS_OPENERS = new Set(['and', 'but', 'a', 'an', 'which', 'while', 'though', 'although'])

/** Cuts a content range before a reporter's gloss. */
function cutGloss(tokens: readonly Token[], a: number, b: number): number {
  let dashes = 0
  for (let k = a; k < b; k++) if (tokens[k]!.quote < 0 && DASHES.has(tokens[k]!.text)) dashes++
  for (let k = a + 1; k < b - 1; k++) {
    const t = tokens[k]!
    // "He said the plan would pass — a reversal from May.": a lone dash (not a pair around an aside) ends the content.
    if (dashes === 1 && t.quote < 0 && DASHES.has(t.text) && DASH_GLOSS_OPENERS.has(tokens[k + 1]!.norm)) return k
    if (t.text === ',' && t.quote < 0 && t.type === 'punct' && isGlossAt(tokens, k + 1)) return k
    if (t.mark === 'close' && tokens[k - 1]!.text === ',' && isGlossAt(tokens, k + 1)) return k + 1
  }
  return b
}

/**
 * The token after a dateline opening a range ("SELMA, N.C. — ", "WASHINGTON, June 10 (UPI) — "), or `a` when none:
 * an upper-case place, then only dates, abbreviations, commas and a bracketed agency before the dash.
 */
export function skipDateline(text: string, tokens: readonly Token[], a: number, b: number): number {
  const first = tokens[a]
  // Only at the head of a paragraph.
  if (a > 0 && !text.slice(tokens[a - 1]!.end, first?.start ?? 0).includes('\n')) return a
  if (
    first === undefined ||
    first.type !== 'word' ||
    !/^\p{Lu}{2,}/u.test(first.text) ||
    first.text !== first.text.toUpperCase()
  )
    return a
  for (let k = a + 1; k < Math.min(b - 1, a + 14); k++) {
    const t = tokens[k]!
    if (t.quote >= 0 || t.type === 'quote') return a
    // "NATO — the alliance — will grow": a pair of dashes is an aside, not a dateline.
    if (DASHES.has(t.text)) return tokens.slice(k + 1, b).some((u) => DASHES.has(u.text)) ? a : k + 1
    // "WASHINGTON (AP) -- ": a typewriter dash.
    if (t.text === '-' && tokens[k + 1]?.text === '-') return k + 2
    if (t.type === 'word' && !t.cap && !/^\p{Lu}/u.test(t.text)) return a
  }
  return a
}

/** Turns a token range into statement content: direct if it is exactly one quotation, else mixed/indirect. */
export function setContentFromRange(ctx: AttributionContext, c: Candidate, a0: number, b0: number): boolean {
  const { tokens, units } = ctx
  a0 = skipDateline(ctx.text, tokens, a0, b0)
  const [a, b] = trimRange(tokens, a0, cutGloss(tokens, a0, b0))
  if (b <= a) return false
  const first = tokens[a]!
  if (isOpen(first)) {
    const u = units[first.unit]!
    const lastPiece = u.pieces[u.pieces.length - 1]!
    // The whole range is one quotation (possibly running on past the sentence): direct.
    if (lastPiece.closeTok < 0 ? lastPiece.end >= tokens[b - 1]!.start : lastPiece.closeTok >= b - 1) {
      if (u.pieces.every((p) => p.end > p.start)) {
        setDirect(c, u)
        return true
      }
    }
  }
  const pieces: Span[] = []
  let start = first.start
  let end = tokens[b - 1]!.end
  let mixed = false
  const used: number[] = []
  for (let k = a; k < b; k++) {
    const t = tokens[k]!
    if (t.mark === 'open' || t.quote >= 0) {
      mixed = true
      const id = t.mark === 'open' ? t.unit : t.quote
      if (!used.includes(id)) used.push(id)
    }
  }
  // A quotation opened in the content and running past the sentence extends the content.
  for (const id of used) {
    const u = units[id]!
    if (u.end <= end) continue
    const [head, ...rest] = u.pieces
    if (head === undefined) continue
    if (rest.length === 0) {
      end = Math.max(end, u.end)
      continue
    }
    end = Math.max(end, ctx.paragraphs[head.paragraph]!.end)
    pieces.push({ start, end })
    for (const p of rest) {
      const open = tokens[p.openTok]!
      pieces.push({ start: open.start, end: p.closeTok >= 0 ? tokens[p.closeTok]!.end : p.end })
    }
    start = -1
  }
  if (start >= 0) pieces.push({ start, end })
  c.pieces = pieces
  c.kind = mixed ? 'mixed' : 'indirect'
  c.units = used
  return true
}

/** Makes one quotation (or, with `append`, one more) the candidate's direct content. */
export function setDirect(c: Candidate, u: QuoteUnit, append = false): void {
  const pieces = u.pieces.filter((p) => p.end > p.start).map((p) => ({ start: p.start, end: p.end }))
  c.pieces = append ? [...c.pieces, ...pieces] : pieces
  c.kind = 'direct'
  c.units = append ? [...c.units, u.id] : [u.id]
}

/** Does a quotation carry its own attribution right after it (`"B," she said`)? */
export function hasOwnTag(ctx: AttributionContext, u: QuoteUnit): boolean {
  const last = u.pieces[u.pieces.length - 1]
  if (last === undefined || last.closeTok < 0) return false
  const { tokens } = ctx
  // After `."` the sentence is over; a tag can only follow `,"`, `?"`, `!"` in the same paragraph.
  if (tokens[last.closeTok - 1]?.text === '.') return false
  const paragraphEnd = ctx.paragraphs[last.paragraph]!.end
  let k = last.closeTok + 1
  if (tokens[k]?.text === ',') k++
  for (let j = k; j < Math.min(tokens.length, k + 6); j++) {
    const t = tokens[j]!
    if (!isWord(t) || t.start >= paragraphEnd) return false
    if (matchCue(tokens, j, tokens.length) !== null) return true
  }
  return false
}

/** "Over the years, she said, the ferry ...": the clause before the tag is an adverbial, so the clause goes on after it. */
export function opensWithAdverbial(tokens: readonly Token[], from: number): boolean {
  const t = tokens[from]
  return isWord(t) && (ADJUNCT_PREPS.has(t!.norm) || SUBORDINATORS.has(t!.norm))
}

const DISCOURSE_OPENERS = new Set([
  'meanwhile',
  'instead',
  'however',
  'later',
  'earlier',
  'still',
  'now',
  'then',
  'also',
])

/** "In response", "On May 5", "Meanwhile": a short phrase of no clause of its own, opened by a preposition or an adverb. */
export function adverbialOnly(tokens: readonly Token[], a: number, b: number): boolean {
  const t = tokens[a]
  if (b - a > 8 || !isWord(t) || !(opensWithAdverbial(tokens, a) || DISCOURSE_OPENERS.has(t!.norm))) return false
  for (let k = a; k < b; k++) {
    const u = tokens[k]!
    if (
      u.quote >= 0 ||
      u.type === 'quote' ||
      ((FINITE_VERBS.has(u.norm) || MODALS.has(u.norm)) && !u.cap) ||
      /ed$/.test(u.norm)
    )
      return false
  }
  return true
}
