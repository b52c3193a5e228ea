/** Attributions with no speech verb: a quotation signed with a dash, or one a colon introduces after a clause. */
import { matchCue } from '../cues'
import { ADVERB_SKIP } from '../lexicon'
import { isTitleLike } from '../quotes'
import type { Sentence } from '../segment'
import { parsePhrase, parsePhraseAfter, type SpeakerPhrase } from '../speakers'
import { type Attribution, type AttributionContext, isOpen, isWord } from './types'

const DASH_TAGS = new Set(['—', '–', '--', '―'])

/**
 * Finds quotations signed with a dash, as in pull quotes, fan reactions and epigraphs: the signature follows on
 * the same line, or is the next paragraph (`— Ada Moss, former mayor`).
 *
 * @example
 * // '“We will be back.” — @harbourfan' → [{ cue: '—', subject: @harbourfan, kind: 'direct' }]
 */
export function findDashAttributions(ctx: AttributionContext, sentenceOf: (pos: number) => number): Attribution[] {
  const { tokens, units, paragraphs } = ctx
  const out: Attribution[] = []
  for (const u of units) {
    const last = u.pieces[u.pieces.length - 1]
    if (last === undefined || last.closeTok < 0 || u.pieces.some((p) => p.end <= p.start)) continue
    const para = paragraphs[last.paragraph]!
    let k = last.closeTok + 1
    while (k < para.tokEnd && tokens[k]!.type === 'punct' && /^[.,!?]$/.test(tokens[k]!.text)) k++
    let hi = para.tokEnd
    if (k >= para.tokEnd) {
      // The signature is the next paragraph, and the quotation is its whole paragraph.
      const next = paragraphs[last.paragraph + 1]
      const firstPiece = u.pieces[0]!
      if (next === undefined || paragraphs[firstPiece.paragraph]!.tokStart !== firstPiece.openTok) continue
      k = next.tokStart
      hi = next.tokEnd
    }
    if (!DASH_TAGS.has(tokens[k]?.text ?? '') || k + 1 >= hi) continue
    const subject = parsePhraseAfter(ctx, k + 1, hi)
    if (subject === null || !subject.parts.every((p) => p.kind === 'name')) continue
    const pieces = u.pieces.map((p) => ({ start: p.start, end: p.end }))
    const tagEnd = tokens[Math.min(hi, Math.max(subject.tokEnd, k + 1)) - 1]!.end
    out.push({
      sentence: sentenceOf(u.pieces[0]!.start),
      cue: tokens[k]!.text,
      subject,
      inherit: false,
      kind: 'direct',
      pieces,
      units: [u.id],
      extentStart: u.start,
      extentEnd: Math.max(u.end, tagEnd),
      via: null,
      pos: subject.start,
      decline: false,
    })
  }
  return out
}

/**
 * Finds a quotation a colon introduces after a clause with no speech verb:
 * `Okafor laid out the stakes: "We have a week."`
 * The clause's subject speaks, and the words before the colon are the cue.
 */
export function findColonAttributions(ctx: AttributionContext, s: Sentence, used: ReadonlySet<number>): Attribution[] {
  const { tokens, units } = ctx
  for (let k = s.tokStart + 2; k < s.tokEnd - 1; k++) {
    const colon = tokens[k]!
    if (colon.text !== ':' || colon.quote >= 0 || !isOpen(tokens[k + 1])) continue
    const u = units[tokens[k + 1]!.unit]!
    if (used.has(u.id) || u.pieces.some((p) => p.end <= p.start) || isTitleLike(tokens, u)) return []
    // The quotation ends the sentence.
    const last = u.pieces[u.pieces.length - 1]!
    if (last.closeTok >= 0 && last.closeTok < s.tokEnd - 1) {
      for (let j = last.closeTok + 1; j < s.tokEnd; j++) if (tokens[j]!.type !== 'punct') return []
    }
    let subject: SpeakerPhrase | null = null
    for (let j = s.tokStart; j < k && subject === null; j++) {
      const mid = ctx.mentionAt[j]!
      if (mid >= 0 && ctx.mentions[mid]!.subject && !ctx.mentions[mid]!.inQuote)
        subject = parsePhrase(ctx, ctx.mentions[mid]!.tokStart, ctx.mentions[mid]!.tokEnd)
      else if (j === s.tokStart && /^(he|she|they)$/.test(tokens[j]!.norm)) subject = parsePhrase(ctx, j, j + 1)
    }
    if (subject === null || subject.tokEnd >= k || !subject.parts.every((p) => p.kind !== 'description')) return []
    let a = subject.tokEnd
    while (a < k && (tokens[a]!.type !== 'word' || ADVERB_SKIP.has(tokens[a]!.norm))) a++
    if (a >= k || k - a > 8) return []
    for (let j = a; j < k; j++) if (!isWord(tokens[j]) || matchCue(tokens, j, k) !== null) return []
    const pieces = u.pieces.map((p) => ({ start: p.start, end: p.end }))
    return [
      {
        sentence: s.index,
        cue: ctx.text.slice(tokens[a]!.start, tokens[k - 1]!.end),
        subject,
        inherit: false,
        kind: 'direct',
        pieces,
        units: [u.id],
        extentStart: tokens[s.tokStart]!.start,
        extentEnd: Math.max(u.end, tokens[s.tokEnd - 1]!.end),
        via: null,
        pos: subject.start,
        decline: false,
      },
    ]
  }
  return []
}
