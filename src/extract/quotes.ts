/** Quotation pairing: straight and curly marks, quotes reopened at each new paragraph, unbalanced marks tolerated. */
import { FINITE_VERBS } from './lexicon'
import type { Paragraph } from './segment'
import { DOUBLE_QUOTES, SINGLE_QUOTES, type Token, usesSingleQuotes } from './tokens'

export interface QuotePiece {
  /** Interior, without the marks. */
  start: number
  end: number
  paragraph: number
  openTok: number
  /** -1 when the piece runs to the end of its paragraph without a closing mark. */
  closeTok: number
}

/** One quotation: several pieces when it runs over paragraphs. */
export interface QuoteUnit {
  id: number
  pieces: QuotePiece[]
  /** From the first opening mark to the last closing mark (or the end of the last piece). */
  start: number
  end: number
}

const OPENERS = new Set(['“', '„', '«', '‘', '``'])
const CLOSERS = new Set(['”', '»', '’'])
const BEFORE_OPEN = /[\s([{—–\-/]/u
const AFTER_CLOSE = /[\s.,;:!?)\]}—–\-…]/u

type Shape = 'open' | 'close' | 'either'

/**
 * Pairs quotation marks paragraph by paragraph and records, on the tokens, which marks open and close
 * which unit and which tokens sit inside one. Double marks are used; single marks only when the
 * article has no double ones (British style).
 *
 * @example
 * // '“We will win,” Smith said.' → one unit with one piece: 'We will win,'
 */
export function pairQuotes(
  text: string,
  tokens: Token[],
  paragraphs: readonly Paragraph[],
  warnings: string[],
): QuoteUnit[] {
  // British style quotes with single marks and nests double ones: ‘It’s a “must-have” asset,’ he said. The style
  // whose marks open more quotations wins.
  const single = usesSingleQuotes(text)
  const marks = single ? SINGLE_QUOTES : DOUBLE_QUOTES
  const isMark = (t: Token | undefined) => t !== undefined && t.type === 'quote' && marks.has(t.text)
  const units: QuoteUnit[] = []
  let pending: QuoteUnit | null = null

  const shapeOf = (i: number, p: Paragraph): Shape => markShape(text, tokens[i]!, p)

  for (const p of paragraphs) {
    let open: { unit: QuoteUnit; tok: number } | null = null
    let first = p.tokStart
    if (pending !== null) {
      if (isMark(tokens[first]) && shapeOf(first, p) !== 'close') {
        open = { unit: pending, tok: first }
        markOpen(tokens, first, pending.id)
        first++
      } else if (!single) {
        warnings.push(`unclosed quotation in paragraph ${p.index}`)
      }
      pending = null
    }
    for (let i = first; i < p.tokEnd; i++) {
      if (!isMark(tokens[i])) continue
      const shape = shapeOf(i, p)
      // ‘We are not choosing between newts and nurses’ homes,’ she said: a plural possessive inside a quotation.
      if (single && open !== null && isPluralPossessive(text, tokens, i, p)) continue
      const closes = open !== null && (shape === 'close' || shape === 'either')
      if (closes && open !== null) {
        addPiece(text, tokens, open.unit, open.tok, i, p)
        open = null
        continue
      }
      if (shape === 'close') {
        if (!single) warnings.push(`closing quotation mark without an opening one in paragraph ${p.index + 1}`)
        continue
      }
      if (open !== null) {
        // An opening mark while a quote is open: the earlier one was never closed.
        if (!single) warnings.push(`unbalanced quotation marks in paragraph ${p.index + 1}`)
        addPiece(text, tokens, open.unit, open.tok, -1, p, tokens[i]!.start)
      }
      const unit: QuoteUnit = { id: units.length, pieces: [], start: tokens[i]!.start, end: tokens[i]!.end }
      units.push(unit)
      open = { unit, tok: i }
      markOpen(tokens, i, unit.id)
    }
    if (open !== null) {
      const next = paragraphs[p.index + 1]
      const continues = next !== undefined && isMark(tokens[next.tokStart]) && shapeOf(next.tokStart, next) !== 'close'
      if (single && !continues) {
        // British single marks are too often apostrophes: an unclosed one is not a quotation.
        tokens[open.tok]!.mark = null
        tokens[open.tok]!.unit = -1
        if (open.unit.pieces.length === 0) units.pop()
        else addPiece(text, tokens, open.unit, open.tok, -1, p)
      } else {
        addPiece(text, tokens, open.unit, open.tok, -1, p)
        if (continues) pending = open.unit
        else warnings.push(`unclosed quotation in paragraph ${p.index + 1}`)
      }
    }
  }
  return units
}

/** A single mark after -s, before a lower-case word, with another closing mark later in the paragraph: an apostrophe. */
function isPluralPossessive(text: string, tokens: readonly Token[], i: number, p: Paragraph): boolean {
  const t = tokens[i]!
  if (!/s$/i.test(tokens[i - 1]?.text ?? '') || tokens[i - 1]!.end !== t.start) return false
  if (!/^\s\p{Ll}/u.test(text.slice(t.end, t.end + 2))) return false
  for (let k = i + 1; k < p.tokEnd; k++) {
    const u = tokens[k]!
    if (u.type !== 'quote' || !SINGLE_QUOTES.has(u.text)) continue
    if (u.text === '‘') return false
    if (markShape(text, u, p) !== 'open') return true
  }
  return false
}

/** Whether a mark opens or closes, by its glyph and the characters around it: `“` opens, `word" ` closes. */
function markShape(text: string, t: Token, p: Paragraph): Shape {
  const prev = t.start > p.start ? text.charAt(t.start - 1) : ''
  const next = t.end < p.end ? text.charAt(t.end) : ''
  const openShape = (prev === '' || BEFORE_OPEN.test(prev)) && next !== '' && !/\s/u.test(next)
  const closeShape = prev !== '' && !/\s/u.test(prev) && (next === '' || AFTER_CLOSE.test(next))
  // `the singers‘ union`: a ‘ set where a closer or an apostrophe goes does not open a quotation.
  if (OPENERS.has(t.text) && !(closeShape && !openShape && t.text === '‘')) return 'open'
  if (CLOSERS.has(t.text) && !(openShape && !closeShape)) return 'close'
  if (openShape && !closeShape) return 'open'
  if (closeShape && !openShape) return 'close'
  return 'either'
}

function markOpen(tokens: Token[], i: number, unit: number): void {
  tokens[i]!.mark = 'open'
  tokens[i]!.unit = unit
}

function addPiece(
  text: string,
  tokens: Token[],
  unit: QuoteUnit,
  openTok: number,
  closeTok: number,
  p: Paragraph,
  stopAt?: number,
): void {
  const limit = closeTok >= 0 ? tokens[closeTok]!.start : (stopAt ?? p.end)
  let start = tokens[openTok]!.end
  let end = limit
  while (start < end && /\s/u.test(text.charAt(start))) start++
  while (end > start && /\s/u.test(text.charAt(end - 1))) end--
  unit.pieces.push({ start, end, paragraph: p.index, openTok, closeTok })
  for (let k = openTok + 1; k < tokens.length && tokens[k]!.start < limit; k++) tokens[k]!.quote = unit.id
  if (closeTok >= 0) {
    tokens[closeTok]!.mark = 'close'
    tokens[closeTok]!.unit = unit.id
    tokens[closeTok]!.quote = -1
    unit.end = tokens[closeTok]!.end
  } else {
    unit.end = end
  }
}

/** Word counts inside a quotation: all words, capitalised ones, and whether a lower-case finite verb occurs. */
export function quoteWordStats(
  tokens: readonly Token[],
  u: QuoteUnit,
): { words: number; caps: number; finiteVerb: boolean } {
  let words = 0
  let caps = 0
  let finiteVerb = false
  for (const p of u.pieces) {
    for (let k = p.openTok + 1; k < tokens.length && tokens[k]!.start < p.end; k++) {
      const t = tokens[k]!
      if (t.type !== 'word') continue
      if (!t.cap && FINITE_VERBS.has(t.norm)) finiteVerb = true
      words++
      if (t.cap) caps++
    }
  }
  return { words, caps, finiteVerb }
}

/**
 * Two to eight words, mostly capitalised: the shape of a title ("The Art of the Deal").
 *
 * @example
 * hasTitleShape({ words: 5, caps: 4 }) // true
 * hasTitleShape({ words: 5, caps: 2 }) // false
 */
export const hasTitleShape = ({ words, caps }: { words: number; caps: number }): boolean =>
  words > 1 && words <= 8 && caps * 10 >= words * 6

/**
 * A capitalised run such as a title of a work ("The Art of the Deal", "Mile Marker Blues,"), not speech.
 *
 * @example
 * // 'She read "The Art of the Deal" again.' → true for the quotation: five words, mostly capitalised, no verb
 */
export function isTitleLike(tokens: readonly Token[], u: QuoteUnit): boolean {
  const stats = quoteWordStats(tokens, u)
  return !stats.finiteVerb && hasTitleShape(stats)
}
