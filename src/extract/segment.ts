/** Paragraph and sentence segmentation with UTF-16 offsets and token ranges. */
import { isSpeechVerbForm } from './cues'
import { SENTENCE_FINAL_ABBREVIATIONS, SENTENCE_STARTERS } from './lexicon'
import type { Token } from './tokens'

export interface Paragraph {
  /** 0-based. */
  index: number
  start: number
  end: number
  tokStart: number
  tokEnd: number
}

export interface Sentence {
  /** 0-based within the article. */
  index: number
  /** 0-based paragraph. */
  paragraph: number
  start: number
  end: number
  tokStart: number
  tokEnd: number
}

/**
 * Paragraphs: each non-blank line, unless the text is hard-wrapped into blank-line separated blocks,
 * in which case each block is one paragraph.
 *
 * @example
 * const text = 'First line.\nSecond line.'
 * segmentParagraphs(text, tokenize(text)) // two paragraphs
 */
export function segmentParagraphs(text: string, tokens: readonly Token[]): Paragraph[] {
  const lines: { start: number; end: number }[] = []
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g
  for (let m = lineRe.exec(text); m !== null; m = lineRe.exec(text)) {
    if (m[0] === '') break
    const raw = m[0].replace(/[\r\n]+$/, '')
    lines.push({ start: m.index, end: m.index + raw.length })
  }
  const blank = (l: { start: number; end: number }) => text.slice(l.start, l.end).trim() === ''
  // Group lines into blank-separated blocks and decide whether blocks are hard-wrapped paragraphs.
  const blocks: { start: number; end: number; lines: number; wrapped: number }[] = []
  let cur: (typeof blocks)[number] | null = null
  for (const l of lines) {
    if (blank(l)) {
      cur = null
      continue
    }
    const endsSentence = /[.!?…:"”’)\]]\s*$/.test(text.slice(l.start, l.end))
    if (cur === null) {
      cur = { start: l.start, end: l.end, lines: 1, wrapped: endsSentence ? 0 : 1 }
      blocks.push(cur)
    } else {
      cur.end = l.end
      cur.lines++
      if (!endsSentence) cur.wrapped++
    }
  }
  const multi = blocks.filter((b) => b.lines > 1)
  const wrappedLines = multi.reduce((n, b) => n + b.wrapped, 0)
  const multiLines = multi.reduce((n, b) => n + b.lines, 0)
  const hardWrapped = blocks.length > 1 && multi.length > 0 && wrappedLines * 2 >= multiLines
  const ranges = hardWrapped ? blocks : lines.filter((l) => !blank(l))
  const paragraphs: Paragraph[] = []
  let t = 0
  for (const r of ranges) {
    let start = r.start
    let end = r.end
    while (start < end && /\s/.test(text.charAt(start))) start++
    while (end > start && /\s/.test(text.charAt(end - 1))) end--
    while (t < tokens.length && tokens[t]!.start < start) t++
    const tokStart = t
    while (t < tokens.length && tokens[t]!.end <= end) t++
    if (t > tokStart) paragraphs.push({ index: paragraphs.length, start, end, tokStart, tokEnd: t })
  }
  return paragraphs
}

const TERMINATORS = new Set(['.', '!', '?', '…', '‼', '⁇', '。', '！', '？'])
const CLOSERS = new Set([')', ']', '}', '’', "'"])
const LOWER_START = /^\p{Ll}/u

/**
 * Sentences within each paragraph; abbreviations, initials and `"...?" she asked` do not end one.
 *
 * @example
 * // 'Mr. Chen left at 5 p.m. He said "Why?" she asked.'
 * // → ['Mr. Chen left at 5 p.m.', 'He said "Why?" she asked.']
 */
export function segmentSentences(
  _text: string,
  tokens: readonly Token[],
  paragraphs: readonly Paragraph[],
): Sentence[] {
  const out: Sentence[] = []
  for (const p of paragraphs) {
    let sStart = p.tokStart
    for (let i = p.tokStart; i < p.tokEnd; i++) {
      const t = tokens[i]!
      const isTerm = t.type === 'punct' && TERMINATORS.has(t.text)
      const isFinalAbbrev = t.type === 'word' && SENTENCE_FINAL_ABBREVIATIONS.has(t.norm)
      if (!isTerm && !isFinalAbbrev) continue
      // Swallow repeated terminators and closing marks: `?!`, `."`, `.)`.
      let j = i + 1
      while (j < p.tokEnd) {
        const u = tokens[j]!
        if (u.type === 'punct' && TERMINATORS.has(u.text)) {
          j++
          continue
        }
        if (u.type === 'quote' && u.mark !== 'open') {
          j++
          continue
        }
        if (u.type === 'punct' && CLOSERS.has(u.text)) {
          j++
          continue
        }
        break
      }
      if (j >= p.tokEnd) break
      const next = tokens[j]!
      // A boundary needs whitespace after it ("3.5" and "Yahoo!Inc" are not boundaries).
      if (next.start === tokens[j - 1]!.end) continue
      if (LOWER_START.test(next.text) || /^[,;:]$/.test(next.text)) continue
      if (isFinalAbbrev && !(SENTENCE_STARTERS.has(next.norm) || next.mark === 'open')) continue
      // `"Is it over?" Smith asked.` — a question or exclamation closing a quote, followed by a short tag.
      if (t.text !== '.' && tokens[j - 1]!.type === 'quote' && isShortTag(tokens, j, p.tokEnd)) continue
      out.push(makeSentence(out.length, p, tokens, sStart, j))
      sStart = j
      i = j - 1
    }
    if (sStart < p.tokEnd) out.push(makeSentence(out.length, p, tokens, sStart, p.tokEnd))
  }
  return out
}

function isShortTag(tokens: readonly Token[], from: number, end: number): boolean {
  let hasCue = false
  for (let k = from; k < end; k++) {
    if (k >= from + 8) return false
    const u = tokens[k]!
    if (u.type === 'quote') return false
    if (u.type === 'punct' && TERMINATORS.has(u.text)) return hasCue
    if (isSpeechVerbForm(u.norm)) hasCue = true
  }
  return hasCue
}

function makeSentence(index: number, p: Paragraph, tokens: readonly Token[], a: number, b: number): Sentence {
  return { index, paragraph: p.index, start: tokens[a]!.start, end: tokens[b - 1]!.end, tokStart: a, tokEnd: b }
}
