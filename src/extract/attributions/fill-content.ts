/** The content of each cue-tagged candidate: a quotation before the tag, content after the cue, or a clause before. */
import { type CueMatch, matchCue } from '../cues'
import {
  ADJUNCT_PREPS,
  CONJUNCTIONS,
  COORDINATORS,
  FINITE_VERBS,
  MODALS,
  NOMINAL_PREPS,
  PARTICIPLE_COMPLEMENTS,
  RELATIVES,
  SUBORDINATORS,
  WH_OPENERS,
} from '../lexicon'
import { isTitleLike, type QuoteUnit } from '../quotes'
import type { Sentence } from '../segment'
import { skipAdverbialsBackward } from '../speakers'
import type { Token } from '../tokens'
import { skipAdjuncts, skipObject } from './adjuncts'
import { fillAsFrame } from './as-frame'
import {
  adverbialOnly,
  hasOwnTag,
  isGlossAt,
  opensWithAdverbial,
  setContentFromRange,
  setDirect,
  trimRange,
} from './content'
import { type AttributionContext, type Candidate, isClose, isOpen, isWord } from './types'

/** Computes the content of candidate `ci`, or marks it dropped when it has none. */
export function fillContent(ctx: AttributionContext, s: Sentence, cands: Candidate[], ci: number): void {
  const { tokens } = ctx
  const c = cands[ci]!
  const cue = c.cue
  const clauseEnd = clauseEndOf(ctx, s, cands, ci)
  const prevEnd = ci > 0 ? cands[ci - 1]!.tagEnd : s.tokStart
  const tagStart =
    c.inverted || c.inherit || c.subject === null ? cue.tokStart : Math.min(c.subject.tokStart, cue.tokStart)
  // "The ministry declined to comment.": a refusal has no content.
  if (cue.kind === 'decline') {
    setExtent(tokens, c, tagStart)
    return
  }
  if (cue.kind === 'according') {
    fillAccording(ctx, c, prevEnd, clauseEnd, tagStart)
    return
  }
  if (fillQuoteBeforeTag(ctx, s, c, prevEnd, tagStart)) return
  if (fillAsFrame(ctx, s, c, clauseEnd)) {
    setExtent(tokens, c, Math.min(tagStart, c.clauseTok - 1))
    return
  }
  if (!c.inverted && fillAfterCue(ctx, c, clauseEnd, tagStart)) return
  if (!c.inherit && fillClauseBefore(ctx, s, cands, ci, prevEnd, tagStart)) return
  c.dropped = true
}

/** The statement's extent: its tag and its content pieces. */
function setExtent(tokens: readonly Token[], c: Candidate, tagStart: number): void {
  const starts = [tokens[tagStart]!.start, ...c.pieces.map((p) => p.start)]
  const ends = [tokens[c.tagEnd - 1]!.end, ...c.pieces.map((p) => p.end)]
  c.extentStart = Math.min(...starts)
  c.extentEnd = Math.max(...ends)
}

/** Where forward content ends: at the next coordinated attribution, or at the comma closing a relative clause. */
function clauseEndOf(ctx: AttributionContext, s: Sentence, cands: readonly Candidate[], ci: number): number {
  const { tokens } = ctx
  const c = cands[ci]!
  const cue = c.cue
  const contentFloor = cue.kind === 'according' ? c.subject!.tokEnd : cue.tokEnd
  let clauseEnd = s.tokEnd
  for (let k = ci + 1; k < cands.length; k++) {
    const b = cands[k]!.boundaryTok
    if (b !== null && b > contentFloor) {
      clauseEnd = b
      break
    }
  }
  // "Smith, who said he was tired, left early": a relative clause ends at its closing comma.
  const rel = skipAdverbialsBackward(tokens, s.tokStart, cue.tokStart - 1)
  if (rel > s.tokStart && /^(who|which)$/.test(tokens[rel]!.norm) && tokens[rel - 1]!.text === ',') {
    for (let k = cue.tokEnd; k < clauseEnd; k++) {
      if (tokens[k]!.text === ',' && tokens[k]!.quote < 0) return k
      // `Moss, who said she "loved it," left early`: the comma can sit inside the closing quotation mark.
      if (isClose(tokens[k]) && tokens[k - 1]!.text === ',') return k + 1
    }
  }
  return clauseEnd
}

/** "According to Xinhua, C" takes the clause after it; "C, according to officials" the clause before. */
function fillAccording(
  ctx: AttributionContext,
  c: Candidate,
  prevEnd: number,
  clauseEnd: number,
  tagStart: number,
): void {
  const { tokens } = ctx
  const cue = c.cue
  const np = c.subject!
  const atStart = cue.tokStart === prevEnd || (cue.tokStart === prevEnd + 1 && CONJUNCTIONS.has(tokens[prevEnd]!.norm))
  if (atStart && (tokens[np.tokEnd]?.text === ',' || tokens[np.tokEnd]?.text === ':')) {
    c.fwd = [np.tokEnd + 1, clauseEnd]
    if (!setContentFromRange(ctx, c, np.tokEnd + 1, clauseEnd)) c.dropped = true
  } else {
    const before = tokens[cue.tokStart - 1]?.text === ',' ? cue.tokStart - 1 : cue.tokStart
    if (!setContentFromRange(ctx, c, prevEnd, before)) {
      c.dropped = true
      return
    }
    // "The plan, according to officials, will cost $5bn": the clause resumes after the aside.
    if (
      tokens[np.tokEnd]?.text === ',' &&
      np.tokEnd + 1 < clauseEnd &&
      before < cue.tokStart &&
      c.kind === 'indirect'
    ) {
      const [a, b] = trimRange(tokens, np.tokEnd + 1, clauseEnd)
      if (b > a) c.pieces.push({ start: tokens[a]!.start, end: tokens[b - 1]!.end })
    }
    c.fwd = [prevEnd, before]
  }
  setExtent(tokens, c, tagStart)
}

/** `"Q," X said` / `"Q," said X` / `"Q?" X asked`: a quotation closes right before the tag. */
function fillQuoteBeforeTag(
  ctx: AttributionContext,
  s: Sentence,
  c: Candidate,
  prevEnd: number,
  tagStart: number,
): boolean {
  const { tokens, units } = ctx
  let q = tagStart - 1
  if (q >= 0 && tokens[q]!.text === ',' && tokens[q]!.quote < 0) q--
  const closing = q >= s.tokStart && isClose(tokens[q]) ? units[tokens[q]!.unit] : undefined
  if (c.inherit || closing === undefined || isTitleLike(tokens, closing)) return false
  if (!fillLeadIn(ctx, c, closing, prevEnd, q)) setDirect(c, closing)
  // Split quotation: `"A," X said, "B."`
  for (let k = c.tagEnd; k < Math.min(s.tokEnd, c.tagEnd + 12); k++) {
    const t = tokens[k]!
    if ((t.text === ',' || t.text === ':') && isOpen(tokens[k + 1])) {
      const v = units[tokens[k + 1]!.unit]!
      if (!hasOwnTag(ctx, v)) {
        setDirect(c, v, true)
        c.tagEnd = Math.max(c.tagEnd, k + 1)
      }
      break
    }
    if (t.type === 'quote' || (t.type === 'punct' && /^[.!?;]$/.test(t.text))) break
  }
  setExtent(tokens, c, tagStart)
  return true
}

/**
 * `Prices will rise and "nobody can stop it," Okoro said`: the words leading into a quotation that continues them
 * (no punctuation before it, a lower-case first word) are content too, which makes it mixed.
 */
function fillLeadIn(ctx: AttributionContext, c: Candidate, u: QuoteUnit, prevEnd: number, closeTok: number): boolean {
  const { tokens } = ctx
  const open = u.pieces[0]!.openTok
  let from = prevEnd
  while (from < open && !isWord(tokens[from])) from++
  const first = tokens[open + 1]
  if (u.pieces.length !== 1 || from >= open || !isWord(tokens[open - 1]) || first === undefined || first.cap)
    return false
  // A comma in the run means another clause leads in ("The ferry left, and "nobody," he said, ...").
  for (let k = from; k < open; k++) if (tokens[k]!.type === 'quote' || tokens[k]!.text === ',') return false
  return setContentFromRange(ctx, c, from, closeTok + 1)
}

/** Content after the cue: a quotation, a "that" clause, a nominal cue's object, or a bare clause after "said". */
function fillAfterCue(ctx: AttributionContext, c: Candidate, clauseEnd: number, tagStart: number): boolean {
  const { tokens } = ctx
  const cue = c.cue
  let p = cue.tokEnd
  // "told reporters that ...", "..., telling reporters that ...": the addressee is no content.
  if (cue.verb?.object || (cue.kind === 'participle' && cue.phrase === 'telling'))
    p = skipObject(ctx, cue, p, clauseEnd)
  p = skipAdjuncts(tokens, p, clauseEnd)
  const t = tokens[p]
  if (p >= clauseEnd || t === undefined) return false
  let from = -1
  if ((t.text === ':' || t.text === ',') && isOpen(tokens[p + 1])) from = p + 1
  else if (isOpen(t)) from = p
  if (from >= 0) {
    fillQuoteAfterCue(ctx, c, from, clauseEnd)
    setExtent(tokens, c, tagStart)
    return true
  }
  let start = -1
  if (t.norm === 'that' && isWord(t)) start = p + 1
  else if (t.text === ':' && t.quote < 0) start = p + 1
  else if (cue.kind === 'nominal' && isWord(t) && NOMINAL_PREPS.has(t.norm)) {
    // "voiced hope for more stability ... as the rival powers met": a noun phrase, cut at a subordinator.
    const e = nominalContentEnd(tokens, p, clauseEnd)
    c.fwd = [p + 1, e]
    if (setContentFromRange(ctx, c, p + 1, e)) {
      setExtent(tokens, c, tagStart)
      return true
    }
  } else if (
    isWord(t) &&
    (WH_OPENERS.has(t.norm) || (t.norm === 'because' && cue.verb?.noThat)) &&
    (cue.kind === 'verb' || cue.kind === 'participle')
  ) {
    // "asked whether the ferry would run", "said if he wins, taxes fall": a question or condition is the content.
    start = p
  } else if (isWord(t) && !CONJUNCTIONS.has(t.norm) && takesComplement(ctx, cue, t)) {
    // "vowed to appeal", "called on the council to act", "..., asking voters to stay": any complement is the content.
    start = p
  } else if (
    isWord(t) &&
    (!ADJUNCT_PREPS.has(t.norm) || approximates(tokens, p)) &&
    !CONJUNCTIONS.has(t.norm) &&
    (cue.verb?.noThat || cue.kind === 'participle')
  ) {
    // "Han said he hoped ...": a clause with no "that".
    start = p
  }
  if (start < 0 || start >= clauseEnd) return false
  c.fwd = [start, clauseEnd]
  if (!setContentFromRange(ctx, c, start, clauseEnd)) return false
  setExtent(tokens, c, tagStart)
  return true
}

const APPROXIMATORS = new Set(['about', 'around', 'over', 'under'])
const AMOUNT_WORDS = new Set([
  'half',
  'a',
  'one',
  'two',
  'three',
  'four',
  'five',
  'dozen',
  'dozens',
  'hundreds',
  'thousands',
  'millions',
])

/** "said about half of them ...", "said over 200 people ...": a preposition that only rounds a number opens the content. */
function approximates(tokens: readonly Token[], p: number): boolean {
  const next = tokens[p + 1]
  return (
    APPROXIMATORS.has(tokens[p]!.norm) &&
    next !== undefined &&
    (next.type === 'number' ||
      (AMOUNT_WORDS.has(next.norm) &&
        (next.norm !== 'a' || /^(third|quarter|fifth|half|dozen)$/.test(tokens[p + 2]?.norm ?? ''))))
  )
}

/** A cue whose content may be any complement (`first` is its first word): "vowed to appeal", "..., asking voters to". */
function takesComplement(ctx: AttributionContext, cue: CueMatch, first: Token): boolean {
  const { tokens } = ctx
  // "One nurse, who asked not to be named, said": asking for oneself reports nothing.
  if (/^ask/.test(cue.phrase) && (first.norm === 'to' || first.norm === 'not')) return false
  if (cue.verb !== null) {
    // "Ann Roe, who has criticized the plan, left early": an aside about the subject, not a statement.
    const j = skipAdverbialsBackward(tokens, 0, cue.tokStart - 1)
    return cue.verb.complement && !(j >= 0 && isWord(tokens[j]) && RELATIVES.has(tokens[j]!.norm))
  }
  return cue.kind === 'participle' && PARTICIPLE_COMPLEMENTS.has(cue.phrase.split(' ')[0]!)
}

/** `X said: "Q"`: the quotation is the content; words after it go with it only when they carry on the sentence. */
function fillQuoteAfterCue(ctx: AttributionContext, c: Candidate, from: number, clauseEnd: number): void {
  const { tokens, units } = ctx
  const u = units[tokens[from]!.unit]!
  const pieceEndsInSentence = u.pieces.length === 1 && u.pieces[0]!.closeTok >= 0 && u.pieces[0]!.closeTok < clauseEnd
  const rest: [number, number] = pieceEndsInSentence ? trimRange(tokens, u.pieces[0]!.closeTok + 1, clauseEnd) : [0, 0]
  const after = tokens[rest[0]]
  // `Okoro said "the plan" would fail`: the sentence goes on after the quotation, so the content is mixed.
  if (
    rest[1] > rest[0] &&
    after !== undefined &&
    isWord(after) &&
    !CONJUNCTIONS.has(after.norm) &&
    (!ADJUNCT_PREPS.has(after.norm) || after.norm === 'of')
  ) {
    c.fwd = [from, clauseEnd]
    if (setContentFromRange(ctx, c, from, clauseEnd)) return
  }
  setDirect(c, u)
  c.fwd = [from, clauseEnd]
}

/** The end of a nominal cue's noun-phrase content: before a subordinator, or a comma and a subordinator. */
function nominalContentEnd(tokens: readonly Token[], p: number, clauseEnd: number): number {
  let e = p + 1
  while (
    e < clauseEnd &&
    !(isWord(tokens[e]) && SUBORDINATORS.has(tokens[e]!.norm) && e > p + 1) &&
    !(
      tokens[e]!.text === ',' &&
      tokens[e]!.quote < 0 &&
      isWord(tokens[e + 1]) &&
      SUBORDINATORS.has(tokens[e + 1]!.norm)
    )
  )
    e++
  return e
}

/** `C, X added.`: a clause before the tag, set off by a comma or a dash. */
function fillClauseBefore(
  ctx: AttributionContext,
  s: Sentence,
  cands: readonly Candidate[],
  ci: number,
  prevEnd: number,
  tagStart: number,
): boolean {
  const { tokens } = ctx
  const c = cands[ci]!
  const comma = tagStart - 1
  const ct = tokens[comma]
  if (comma <= prevEnd || ct === undefined || ct.quote >= 0 || !(ct.text === ',' || ct.text === '—' || ct.text === '–'))
    return false
  let from = clauseBeforeStart(ctx, s, cands, ci, prevEnd)
  while (from < comma && tokens[from]!.quote < 0 && tokens[from]!.type === 'punct' && !isOpen(tokens[from])) from++
  // "Prices will rise, Okoro said, and wages will not, Moss added": the second clause starts after "and".
  if (from > s.tokStart && from < comma - 1 && isWord(tokens[from]) && COORDINATORS.has(tokens[from]!.norm)) from++
  // "In response, Moss assured voters ...": an opening adverbial is no content when the tag's clause goes on.
  if (
    adverbialOnly(tokens, from, comma) &&
    !c.inverted &&
    tokens[skipAdjuncts(tokens, c.tagEnd, s.tokEnd)]?.text !== ','
  )
    return false
  if (!setContentFromRange(ctx, c, from, comma)) return false
  c.fwd = null
  c.bwd = [from, comma]
  if (ci === cands.length - 1 && (comma - from <= 6 || opensWithAdverbial(tokens, from) || verbFollowsTag(ctx, s, c)))
    resumeAfterTag(ctx, s, c)
  setExtent(tokens, c, tagStart)
  return true
}

/** Where the clause before a tag starts: after the previous tag, unless that tag sits in a subordinate clause of it. */
function clauseBeforeStart(
  ctx: AttributionContext,
  s: Sentence,
  cands: readonly Candidate[],
  ci: number,
  prevEnd: number,
): number {
  const { tokens } = ctx
  if (ci === 0) return prevEnd
  // "Crews came after a driver reported smoke, Chief Ruiz said": the earlier cue sits in a subordinate clause of this content.
  const p = cands[ci - 1]!
  const pStart = ci > 1 ? cands[ci - 2]!.tagEnd : s.tokStart
  for (let k = pStart; k < p.clauseTok; k++) if (isWord(tokens[k]) && SUBORDINATORS.has(tokens[k]!.norm)) return pStart
  return prevEnd
}

/** "Any fair reading of the deal, he said, would ...": the words after the tag open with the subject's verb. */
function verbFollowsTag(ctx: AttributionContext, s: Sentence, c: Candidate): boolean {
  const { tokens } = ctx
  const k = skipAdjuncts(tokens, c.tagEnd, s.tokEnd)
  const t = tokens[k + 1]
  return tokens[k]?.text === ',' && isWord(t) && (FINITE_VERBS.has(t!.norm) || MODALS.has(t!.norm))
}

/** `The rest, he said, came from "cake sales."`: a short subject, the tag, then the rest of the clause. */
function resumeAfterTag(ctx: AttributionContext, s: Sentence, c: Candidate): void {
  const { tokens } = ctx
  // "The policy, Okoro told reporters, would be ...": the addressee is part of the tag.
  const afterTag = c.cue.verb?.object ? skipObject(ctx, c.cue, c.tagEnd, s.tokEnd) : c.tagEnd
  const k = skipAdjuncts(tokens, afterTag, s.tokEnd)
  if (
    tokens[k]?.text !== ',' ||
    c.kind !== 'indirect' ||
    !isWord(tokens[k + 1]) ||
    isGlossAt(tokens, k + 1) ||
    matchCue(tokens, k + 1, s.tokEnd) !== null
  )
    return
  const head = c.pieces
  const rest: Candidate = { ...c, pieces: [], units: [] }
  if (!setContentFromRange(ctx, rest, k + 1, s.tokEnd)) return
  c.pieces = [...head, ...rest.pieces]
  c.units = [...c.units, ...rest.units]
  if (rest.kind !== 'indirect') c.kind = 'mixed'
  c.tagEnd = s.tokEnd
}
