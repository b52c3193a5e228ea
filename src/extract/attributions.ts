/** Attribution patterns within a sentence: who said what, by which cue, with which content pieces. */
import type { Span, StatementKind } from '../types'
import { type CueMatch, matchCue } from './cues'
import {
  ADJUNCT_PREPS,
  ADVERB_SKIP,
  AUDIENCE_WORDS,
  CONJUNCTIONS,
  COORDINATORS,
  DAYS,
  GLOSS_NOUNS,
  MONTHS,
  NOMINAL_PREPS,
  OBJECT_DETERMINERS,
  ORG_HEAD_NOUNS,
  SUBORDINATORS,
  TIME_ADVERBS,
  TIME_PRECEDERS,
  TIME_WORDS,
  VENUE_NOUNS,
} from './lexicon'
import { isTitleLike, type QuoteUnit } from './quotes'
import type { Paragraph, Sentence } from './segment'
import {
  type ParseContext,
  parsePhrase,
  parsePhraseAfter,
  parseSubjectBefore,
  type SpeakerPhrase,
  skipAdverbialsBackward,
} from './speakers'
import type { Token } from './tokens'

export interface AttributionContext extends ParseContext {
  units: readonly QuoteUnit[]
  paragraphs: readonly Paragraph[]
}

/** A statement before speaker resolution. */
export interface Attribution {
  sentence: number
  cue: string
  subject: SpeakerPhrase | null
  /** The speaker is the previous attribution's in the same sentence ("..., adding that ..."). */
  inherit: boolean
  kind: Exclude<StatementKind, 'narration'>
  pieces: Span[]
  /** Quote units this statement uses. */
  units: number[]
  extentStart: number
  extentEnd: number
  /** A relaying channel: "Xinhua reported that ...", "..., according to Xinhua". */
  via: SpeakerPhrase | null
  /** Where the speaker mention sits: salience before this point counts for its pronoun. */
  pos: number
  /** A refusal ("declined to comment"): its speaker stays salient, but nothing was said. */
  decline: boolean
}

interface Candidate {
  cue: CueMatch
  /** The cue as reported: the cue phrase, with the audience of "told". */
  phrase: string
  subject: SpeakerPhrase | null
  inherit: boolean
  inverted: boolean
  /** First token of the attributing clause: the subject, or the cue when the subject is elsewhere. */
  clauseTok: number
  /** Token after the tag ("Han said", "said Han"). */
  tagEnd: number
  /** Start of the punctuation/conjunction that separates this clause from the previous one, if any. */
  boundaryTok: number | null
  /** Forward content token range, once known. */
  fwd: [number, number] | null
  /** Content token range before the tag (`C, X added.`), once known. */
  bwd: [number, number] | null
  pieces: Span[]
  kind: Exclude<StatementKind, 'narration'>
  units: number[]
  via: SpeakerPhrase | null
  dropped: boolean
  extentStart: number
  extentEnd: number
}

const MAX_CUES_PER_SENTENCE = 64
const BOUNDARY_PUNCT = new Set([',', ';', '—', '–', ':'])
const TRAILING_PUNCT = /^[.,;:!?…—–-]$/

const isWord = (t: Token | undefined): boolean =>
  t !== undefined && (t.type === 'word' || t.type === 'number') && t.quote < 0
const isOpen = (t: Token | undefined) => t !== undefined && t.mark === 'open'
const isClose = (t: Token | undefined) => t !== undefined && t.mark === 'close'

/** Finds attributions in one sentence. */
export function findAttributions(ctx: AttributionContext, s: Sentence): Attribution[] {
  const { tokens } = ctx
  const cands: Candidate[] = []
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const cue = matchCue(tokens, i, s.tokEnd)
    if (cue === null) continue
    // A "sentence" with hundreds of cues is no prose (a list, a table, run-together text): stop looking.
    if (cands.length >= MAX_CUES_PER_SENTENCE) break
    const c = buildCandidate(ctx, s, cue, cands)
    if (c !== null) {
      cands.push(c)
      i = Math.max(i, cue.tokEnd - 1)
    }
  }
  if (cands.length === 0) return []
  for (let ci = 0; ci < cands.length; ci++) fillContent(ctx, s, cands, ci)
  resolveNesting(ctx, cands)
  return cands
    .filter((c) => !c.dropped)
    .map((c) => ({
      sentence: s.index,
      cue: c.phrase,
      subject: c.subject,
      inherit: c.inherit,
      kind: c.kind,
      pieces: c.pieces,
      units: c.units,
      extentStart: c.extentStart,
      extentEnd: c.extentEnd,
      via: c.via,
      pos: c.inherit || c.subject === null ? tokens[c.cue.tokStart]!.start : c.subject.start,
      decline: c.cue.kind === 'decline',
    }))
}

function newCandidate(
  cue: CueMatch,
  subject: SpeakerPhrase | null,
  inherit: boolean,
  inverted: boolean,
  clauseTok: number,
  tagEnd: number,
): Candidate {
  return {
    cue,
    phrase: cue.phrase,
    subject,
    inherit,
    inverted,
    clauseTok,
    tagEnd,
    boundaryTok: null,
    fwd: null,
    bwd: null,
    pieces: [],
    kind: 'indirect',
    units: [],
    via: null,
    dropped: false,
    extentStart: 0,
    extentEnd: 0,
  }
}

function buildCandidate(
  ctx: AttributionContext,
  s: Sentence,
  cue: CueMatch,
  prior: readonly Candidate[],
): Candidate | null {
  const { tokens } = ctx
  const prev = tokens[cue.tokStart - 1]
  const hasPrevInSentence = cue.tokStart > s.tokStart
  let c: Candidate | null = null

  if (cue.kind === 'according') {
    // "According to Xinhua, ..." / "..., according to officials."
    const np = parsePhraseAfter(ctx, cue.tokEnd, s.tokEnd)
    if (np === null) return null
    c = newCandidate(cue, np, false, true, cue.tokStart, np.tokEnd)
  } else if (cue.kind === 'participle') {
    // "..., adding that ..." continues the previous speaker (or the sentence's subject).
    if (!hasPrevInSentence || prev === undefined || !(prev.text === ',' || COORDINATORS.has(prev.norm))) return null
    const last = prior[prior.length - 1]
    const subject = last !== undefined ? null : leadingSubject(ctx, s, cue.tokStart)
    if (last === undefined && subject === null) return null
    c = newCandidate(cue, subject, last !== undefined, false, cue.tokStart, cue.tokEnd)
  } else if (cue.kind === 'possessive') {
    // "Smith's warning that ...", "his insistence that ..."
    const p = tokens[cue.tokStart - 1]!
    let subject: SpeakerPhrase | null
    const pronoun = ({ his: 'he', her: 'she', their: 'they', its: 'it' } as Record<string, string>)[p.norm]
    if (pronoun !== undefined) {
      subject = {
        start: p.start,
        end: p.end,
        tokStart: cue.tokStart - 1,
        tokEnd: cue.tokStart,
        text: p.text,
        parts: [
          {
            kind: 'pronoun',
            tokStart: cue.tokStart - 1,
            tokEnd: cue.tokStart,
            start: p.start,
            end: p.end,
            text: p.text,
            mention: null,
            alias: null,
            words: [pronoun],
            head: pronoun,
            definite: true,
            plural: pronoun === 'they',
            description: null,
          },
        ],
      }
    } else {
      const mid = ctx.mentionAt[cue.tokStart - 1]!
      if (mid < 0) return null
      const m = ctx.mentions[mid]!
      subject = parsePhrase(ctx, m.tokStart, cue.tokStart)
      if (subject !== null) {
        subject.end = m.end
        subject.text = m.text
      }
    }
    if (subject === null) return null
    c = newCandidate(cue, subject, false, false, subject.tokStart, cue.tokEnd)
  } else {
    const subject = parseSubjectBefore(ctx, s.tokStart, cue.tokStart)
    if (subject !== null) {
      c = newCandidate(cue, subject, false, false, subject.tokStart, cue.tokEnd)
    } else if (cue.verb?.inversion && prev !== undefined && (prev.text === ',' || isClose(prev) || prev.text === ':')) {
      // `"...," said Smith.`
      const after = parsePhraseAfter(ctx, cue.tokEnd, s.tokEnd)
      if (after !== null) c = newCandidate(cue, after, false, true, cue.tokStart, after.tokEnd)
    }
    if (c === null && prev !== undefined && COORDINATORS.has(prev.norm)) {
      // "He said C and added that C2": the coordinated verb shares the subject.
      if (prior.length > 0) c = newCandidate(cue, null, true, false, cue.tokStart, cue.tokEnd)
      else {
        // "At one stage she put down her tea and said:": the subject of the first verb.
        // "Sen. Ann Roe, a Democrat, welcomed the plan but said ...": else the subject that opens the sentence.
        const subject =
          clauseSubject(ctx, s, cue.tokStart - 1) ??
          (prev.norm === 'but' || prev.norm === 'and' ? leadingSubject(ctx, s, cue.tokStart) : null)
        if (subject !== null) c = newCandidate(cue, subject, false, false, subject.tokStart, cue.tokEnd)
      }
    }
  }
  if (c === null) return null
  c.boundaryTok = boundaryBefore(tokens, s, c.clauseTok, c.inherit)
  // "told reporters", "told the jury": the audience is part of the cue.
  if (cue.verb?.object && /^(told|tells|tell)$/.test(cue.phrase) && !c.inverted) {
    const objEnd = skipObject(ctx, cue, cue.tokEnd, s.tokEnd)
    if (objEnd > cue.tokEnd) {
      let e = objEnd
      while (e > cue.tokEnd && !isWord(tokens[e - 1])) e--
      if (tokens[e - 1]?.norm === 'that') e--
      if (e > cue.tokEnd) c.phrase = `${cue.phrase} ${ctx.text.slice(tokens[cue.tokEnd]!.start, tokens[e - 1]!.end)}`
    }
  }
  return c
}

/** The sentence's opening noun phrase, for a participle cue with no earlier attribution ("Acme cut jobs, saying ..."). */
function leadingSubject(ctx: AttributionContext, s: Sentence, limit: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let e = s.tokStart
  while (e < limit && isWord(tokens[e]) && e - s.tokStart < 10) {
    const t = tokens[e]!
    const mid = ctx.mentionAt[e]!
    if (mid >= 0) {
      e = ctx.mentions[mid]!.tokEnd
      continue
    }
    // "Analysts at Morrow Securities cut their target, saying ...": a post-modifier naming where they work.
    if (e > s.tokStart && (t.norm === 'at' || t.norm === 'of' || t.norm === 'from') && ctx.mentionAt[e + 1]! >= 0) {
      e++
      continue
    }
    if (!(t.cap || OBJECT_DETERMINERS.has(t.norm) || ORG_HEAD_NOUNS.has(t.norm) || /^(he|she|they|it)$/.test(t.norm)))
      break
    e++
  }
  for (let k = e; k > s.tokStart; k--) {
    const p = parsePhrase(ctx, s.tokStart, k)
    if (p !== null) return p
  }
  return null
}

/** The first pronoun or name of the clause that ends at `before`: the shared subject of coordinated verbs. */
function clauseSubject(ctx: AttributionContext, s: Sentence, before: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let a = before - 1
  while (a >= s.tokStart && !(tokens[a]!.text === ',' && tokens[a]!.quote < 0) && tokens[a]!.type !== 'quote') a--
  for (let k = a + 1; k < before; k++) {
    const t = tokens[k]!
    if (t.quote >= 0) continue
    if (t.type === 'word' && /^(he|she|they|it)$/.test(t.norm)) return parsePhrase(ctx, k, k + 1)
    const mid = ctx.mentionAt[k]!
    if (mid >= 0) return parsePhrase(ctx, k, ctx.mentions[mid]!.tokEnd)
  }
  return null
}

/** Where a clause starting at `clauseTok` is set off from what precedes: ", though he added" → the comma. */
function boundaryBefore(tokens: readonly Token[], s: Sentence, clauseTok: number, inherit: boolean): number | null {
  const k = clauseTok - 1
  if (k < s.tokStart) return null
  const t = tokens[k]!
  if (t.quote < 0 && BOUNDARY_PUNCT.has(t.text)) return k
  if (isWord(t) && (CONJUNCTIONS.has(t.norm) || COORDINATORS.has(t.norm))) {
    const before = tokens[k - 1]
    if (k - 1 >= s.tokStart && before !== undefined && before.quote < 0 && BOUNDARY_PUNCT.has(before.text)) return k - 1
    if (inherit || t.norm !== 'and') return k
  }
  return null
}

/** Skips adverbs, time phrases and occasions after a cue: "said on Monday in a statement on its website that". */
function skipAdjuncts(tokens: readonly Token[], p: number, hi: number): number {
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
    if (!t.cap && (ADVERB_SKIP.has(t.norm) || TIME_ADVERBS.has(t.norm) || (/ly$/.test(t.norm) && t.norm.length > 4))) {
      p++
      continue
    }
    // Time: "on Monday", "this month", "last week", "on Sept. 5", "in May".
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
    if (sawTime) {
      p = q
      continue
    }
    // Occasion: "in a statement", "at a news conference", then an optional "in Beijing" / "on its website".
    if (ADJUNCT_PREPS.has(t.norm)) {
      // "told reporters outside the union's headquarters that ...": a short phrase, then "that".
      let thatAt = -1
      for (let k = p + 1; k < Math.min(hi, p + 12); k++) {
        const u = tokens[k]!
        if (u.norm === 'that' && isWord(u)) {
          thatAt = k
          break
        }
        // "wrote on X, formerly Twitter, that ...": a comma-set aside inside the occasion.
        if (u.text === ',' && u.quote < 0 && k > p + 1) continue
        // "said in a statement posted on its website that ...": a participle after the venue noun is no new cue.
        if (isWord(u) && k > p + 1 && VENUE_NOUNS.has(tokens[k - 1]!.norm) && /ed$/.test(u.norm)) continue
        if (!isWord(u) || matchCue(tokens, k, hi) !== null) break
      }
      if (thatAt >= 0) {
        p = thatAt
        continue
      }
      let v = -1
      for (let k = p + 1; k < Math.min(hi, p + 6) && isWord(tokens[k]); k++)
        if (VENUE_NOUNS.has(tokens[k]!.norm)) {
          v = k
          break
        }
      if (v < 0) return p
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
      continue
    }
    return p
  }
  return p
}

/** Skips the addressee of "told" / "warned ... that": "told reporters", "told CNN", "told a news conference". */
function skipObject(ctx: AttributionContext, cue: CueMatch, p: number, hi: number): number {
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

/** Trims a token range to content: no trailing punctuation outside quotes, no dangling conjunction. */
function trimRange(tokens: readonly Token[], a: number, b: number): [number, number] {
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

/** A reporter's gloss after the content: ", a reference to ...", ", in a move that ...", ", in what ...". */
function isGlossAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]
  if (t === undefined || t.quote >= 0 || t.type !== 'word') return false
  const n1 = tokens[k + 1]?.norm
  if (t.norm === 'a' || t.norm === 'an') return [1, 2, 3].some((d) => GLOSS_NOUNS.has(tokens[k + d]?.norm ?? ''))
  if (t.norm === 'in')
    return n1 === 'what' || ((n1 === 'a' || n1 === 'an') && GLOSS_NOUNS.has(tokens[k + 2]?.norm ?? ''))
  return t.norm === 'referring' || t.norm === 'alluding' || t.norm === 'apparently'
}

/** Cuts a content range before a reporter's gloss. */
function cutGloss(tokens: readonly Token[], a: number, b: number): number {
  for (let k = a + 1; k < b - 1; k++) {
    const t = tokens[k]!
    if (t.text === ',' && t.quote < 0 && t.type === 'punct' && isGlossAt(tokens, k + 1)) return k
    if (t.mark === 'close' && tokens[k - 1]!.text === ',' && isGlossAt(tokens, k + 1)) return k + 1
  }
  return b
}

/** Turns a token range into statement content: direct if it is exactly one quotation, else mixed/indirect. */
function setContentFromRange(ctx: AttributionContext, c: Candidate, a0: number, b0: number): boolean {
  const { tokens, units } = ctx
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

function setDirect(c: Candidate, u: QuoteUnit, append = false): void {
  const pieces = u.pieces.filter((p) => p.end > p.start).map((p) => ({ start: p.start, end: p.end }))
  c.pieces = append ? [...c.pieces, ...pieces] : pieces
  c.kind = 'direct'
  c.units = append ? [...c.units, u.id] : [u.id]
}

/** Computes the content of candidate `ci`: a quotation before the tag, content after the cue, or a clause before. */
function fillContent(ctx: AttributionContext, s: Sentence, cands: Candidate[], ci: number): void {
  const { tokens, units } = ctx
  const c = cands[ci]!
  const cue = c.cue
  // Forward content ends where the next coordinated attribution begins.
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
      if (tokens[k]!.text === ',' && tokens[k]!.quote < 0) {
        clauseEnd = k
        break
      }
      // `Moss, who said she "loved it," left early`: the comma can sit inside the closing quotation mark.
      if (isClose(tokens[k]) && tokens[k - 1]!.text === ',') {
        clauseEnd = k + 1
        break
      }
    }
  }
  const prevEnd = ci > 0 ? cands[ci - 1]!.tagEnd : s.tokStart
  const tagStart =
    c.inverted || c.inherit || c.subject === null ? cue.tokStart : Math.min(c.subject.tokStart, cue.tokStart)

  const finish = () => {
    const starts = [tokens[tagStart]!.start, ...c.pieces.map((p) => p.start)]
    const ends = [tokens[c.tagEnd - 1]!.end, ...c.pieces.map((p) => p.end)]
    c.extentStart = Math.min(...starts)
    c.extentEnd = Math.max(...ends)
  }

  if (cue.kind === 'decline') {
    finish()
    return
  }

  if (cue.kind === 'according') {
    const np = c.subject!
    const atStart =
      cue.tokStart === prevEnd || (cue.tokStart === prevEnd + 1 && CONJUNCTIONS.has(tokens[prevEnd]!.norm))
    if (atStart && tokens[np.tokEnd]?.text === ',') {
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
    finish()
    return
  }

  // 1. `"Q," X said` / `"Q," said X` / `"Q?" X asked`: a quotation closes right before the tag.
  let q = tagStart - 1
  if (q >= 0 && tokens[q]!.text === ',' && tokens[q]!.quote < 0) q--
  const closing = q >= s.tokStart && isClose(tokens[q]) ? units[tokens[q]!.unit] : undefined
  if (!c.inherit && closing !== undefined && !isTitleLike(tokens, closing)) {
    const u = closing
    setDirect(c, u)
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
    finish()
    return
  }

  // 2. Content after the cue.
  if (!c.inverted) {
    let p = cue.tokEnd
    if (cue.verb?.object) p = skipObject(ctx, cue, p, clauseEnd)
    p = skipAdjuncts(tokens, p, clauseEnd)
    const t = tokens[p]
    if (p < clauseEnd && t !== undefined) {
      let from = -1
      if ((t.text === ':' || t.text === ',') && isOpen(tokens[p + 1])) from = p + 1
      else if (isOpen(t)) from = p
      if (from >= 0) {
        // `X said: "Q"` — the quotation is the content; anything after it is narration of the tag.
        const u = units[tokens[from]!.unit]!
        const pieceEndsInSentence =
          u.pieces.length === 1 && u.pieces[0]!.closeTok >= 0 && u.pieces[0]!.closeTok < clauseEnd
        const rest: [number, number] = pieceEndsInSentence
          ? trimRange(tokens, u.pieces[0]!.closeTok + 1, clauseEnd)
          : [0, 0]
        const after = tokens[rest[0]]
        if (
          rest[1] > rest[0] &&
          after !== undefined &&
          isWord(after) &&
          !CONJUNCTIONS.has(after.norm) &&
          !ADJUNCT_PREPS.has(after.norm)
        ) {
          c.fwd = [from, clauseEnd]
          if (setContentFromRange(ctx, c, from, clauseEnd)) {
            finish()
            return
          }
        }
        setDirect(c, u)
        c.fwd = [from, clauseEnd]
        finish()
        return
      }
      let start = -1
      if (t.norm === 'that' && isWord(t)) start = p + 1
      else if (t.text === ':' && t.quote < 0) start = p + 1
      else if (cue.kind === 'nominal' && isWord(t) && NOMINAL_PREPS.has(t.norm)) {
        // "voiced hope for more stability ... as the rival powers met": a noun phrase, cut at a subordinator.
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
        c.fwd = [p + 1, e]
        if (setContentFromRange(ctx, c, p + 1, e)) {
          finish()
          return
        }
      } else if (
        isWord(t) &&
        !ADJUNCT_PREPS.has(t.norm) &&
        !CONJUNCTIONS.has(t.norm) &&
        (cue.verb?.noThat || (cue.kind === 'participle' && /^(saying|adding|writing|telling)$/.test(cue.phrase)))
      ) {
        start = p
      }
      if (start >= 0 && start < clauseEnd) {
        c.fwd = [start, clauseEnd]
        if (setContentFromRange(ctx, c, start, clauseEnd)) {
          finish()
          return
        }
      }
    }
  }

  // 3. `C, X added.` — a clause before the tag, set off by a comma.
  if (!c.inherit) {
    const comma = tagStart - 1
    const ct = tokens[comma]
    if (
      comma > prevEnd &&
      ct !== undefined &&
      ct.quote < 0 &&
      (ct.text === ',' || ct.text === '—' || ct.text === '–')
    ) {
      let from = prevEnd
      // "Crews came after a driver reported smoke, Chief Ruiz said": the earlier cue sits in a subordinate clause of this content.
      if (ci > 0) {
        const p = cands[ci - 1]!
        const pStart = ci > 1 ? cands[ci - 2]!.tagEnd : s.tokStart
        for (let k = pStart; k < p.clauseTok; k++)
          if (isWord(tokens[k]) && SUBORDINATORS.has(tokens[k]!.norm)) {
            from = pStart
            break
          }
      }
      while (from < comma && tokens[from]!.quote < 0 && tokens[from]!.type === 'punct' && !isOpen(tokens[from])) from++
      // "Prices will rise, Okoro said, and wages will not, Moss added": the second clause starts after "and".
      if (from > s.tokStart && from < comma - 1 && isWord(tokens[from]) && COORDINATORS.has(tokens[from]!.norm)) from++
      if (setContentFromRange(ctx, c, from, comma)) {
        c.fwd = null
        c.bwd = [from, comma]
        // `The rest, he said, came from "cake sales."` — a short subject, the tag, then the rest of the clause.
        const k = skipAdjuncts(tokens, c.tagEnd, s.tokEnd)
        if (
          tokens[k]?.text === ',' &&
          ci === cands.length - 1 &&
          comma - from <= 6 &&
          c.kind === 'indirect' &&
          isWord(tokens[k + 1]) &&
          !isGlossAt(tokens, k + 1) &&
          matchCue(tokens, k + 1, s.tokEnd) === null
        ) {
          const head = c.pieces
          const rest: Candidate = { ...c, pieces: [], units: [] }
          if (setContentFromRange(ctx, rest, k + 1, s.tokEnd)) {
            c.pieces = [...head, ...rest.pieces]
            c.units = [...c.units, ...rest.units]
            if (rest.kind !== 'indirect') c.kind = 'mixed'
            c.tagEnd = s.tokEnd
          }
        }
        finish()
        return
      }
    }
  }
  c.dropped = true
}

/** Does a quotation carry its own attribution right after it (`"B," she said`)? */
function hasOwnTag(ctx: AttributionContext, u: QuoteUnit): boolean {
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

/**
 * Nested attributions. "Xinhua reported that Han said C": Han speaks, Xinhua relays. "C, according to
 * Xinhua" relays the attribution inside C. Any other cue inside another statement's content is part of it.
 */
function resolveNesting(ctx: AttributionContext, cands: Candidate[]): void {
  // "The minister said C, according to state media": the trailing source relays the attribution before it.
  for (let i = 1; i < cands.length; i++) {
    const a = cands[i]!
    if (a.dropped || a.cue.kind !== 'according' || a.boundaryTok === null) continue
    const b = cands[i - 1]!
    if (b.dropped || b.cue.kind === 'according' || b.via !== null || b.extentEnd > ctx.tokens[a.cue.tokStart]!.start)
      continue
    b.via = a.subject
    a.dropped = true
  }
  // "Okoro said C, Tidewire reported.": an attribution inside the clause before a tag. A relaying tag becomes its
  // channel; any other tag there is part of the attribution it follows.
  for (let i = 1; i < cands.length; i++) {
    const a = cands[i]!
    if (a.dropped || a.bwd === null) continue
    const [ba, bb] = a.bwd
    const inner = cands
      .slice(0, i)
      .filter((b) => !b.dropped && ((b.clauseTok >= ba && b.clauseTok < bb) || (b.fwd !== null && b.fwd[1] === bb)))
    if (inner.length === 0) continue
    // "Crews came after a driver reported smoke, Chief Ruiz said": a cue inside a subordinate clause is part of the content.
    const subordinate = (b: Candidate) => {
      for (let k = ba; k < b.clauseTok; k++)
        if (isWord(ctx.tokens[k]) && SUBORDINATORS.has(ctx.tokens[k]!.norm)) return true
      return false
    }
    if (inner.every(subordinate)) {
      for (const b of inner) b.dropped = true
      continue
    }
    if (isRelay(a)) for (const b of inner) if (b.via === null) b.via = a.subject
    a.dropped = true
  }
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i]!
    if (a.dropped || a.fwd === null) continue
    const [fa, fb] = a.fwd
    for (let j = 0; j < cands.length; j++) {
      const b = cands[j]!
      if (j === i || b.dropped) continue
      const bTok = b.inherit || b.subject === null || b.inverted ? b.cue.tokStart : b.subject.tokStart
      if (bTok < fa || bTok >= fb) continue
      if (a.cue.kind === 'according' || (bTok === fa && isRelay(a))) {
        b.via = a.subject
        a.dropped = true
        break
      }
      b.dropped = true
    }
  }
}

/** A relaying cue or channel: "reported", "wrote", or an organisation speaking about someone else's words. */
function isRelay(a: Candidate): boolean {
  if (a.cue.verb?.relay) return true
  const parts = a.subject?.parts ?? []
  if (parts.length !== 1) return false
  const p = parts[0]!
  if (p.kind === 'name' && p.mention !== null) return p.mention.kind === 'organization'
  if (p.kind === 'description')
    return p.alias?.entity.type === 'organization' || (p.head !== null && ORG_HEAD_NOUNS.has(p.head))
  return false
}

const DASH_TAGS = new Set(['—', '–', '--', '―'])

/**
 * Quotations signed with a dash, as in pull quotes, fan reactions and epigraphs:
 * `“We will be back.” — @harbourfan` on one line, or a quotation paragraph followed by a line `— Ada Moss, former mayor`.
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
 * A quotation a colon introduces after a clause with no speech verb: `Okafor laid out the stakes: "We have a week."`
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
