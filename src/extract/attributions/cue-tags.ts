/** Attributions tagged by a cue inside a sentence: "Han said ...", `"...," said Smith`, "according to officials". */
import { type CueMatch, matchCue } from '../cues'
import {
  ADJUNCT_PREPS,
  ADVERB_SKIP,
  CONJUNCTIONS,
  COORDINATORS,
  DOCUMENT_NOUNS,
  FINITE_VERBS,
  MODALS,
  OBJECT_DETERMINERS,
  ORG_HEAD_NOUNS,
  TIME_PRECEDERS,
  TIME_WORDS,
} from '../lexicon'
import { looseSubjectBefore, mainClauseSubject, possessedEnd } from '../loose-subject'
import type { Sentence } from '../segment'
import { parsePhrase, parsePhraseAfter, parseSubjectBefore, type SpeakerPhrase } from '../speakers'
import type { Token } from '../tokens'
import { accordingSource } from './according'
import { skipObject } from './adjuncts'
import { asReportedBy } from './as-frame'
import { skipDateline } from './content'
import { fillContent } from './fill-content'
import { resolveNesting } from './nesting'
import { type Attribution, type AttributionContext, type Candidate, isClose, isWord, newCandidate } from './types'

const MAX_CUES_PER_SENTENCE = 64
const BOUNDARY_PUNCT = new Set([',', ';', '—', '–', ':'])

/**
 * Finds the attributions a sentence's cues make: speaker, cue and content for each.
 *
 * @example
 * // 'Han said he hoped for stability, adding that talks would go on.'
 * // → [{ cue: 'said', subject: Han, kind: 'indirect' }, { cue: 'adding', inherit: true, kind: 'indirect' }]
 */
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
  // "Zucker responded, saying ...": a cue with no content of its own hands its subject to the one that goes on.
  for (let ci = 1; ci < cands.length; ci++) {
    const c = cands[ci]!
    const prev = cands[ci - 1]!
    if (c.inherit && prev.dropped && !prev.inherit && prev.subject !== null) {
      c.subject = prev.subject
      c.inherit = false
    }
  }
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

/** A candidate attribution for one cue, or null when the cue has no speaker here. */
function buildCandidate(
  ctx: AttributionContext,
  s: Sentence,
  cue: CueMatch,
  prior: readonly Candidate[],
): Candidate | null {
  const c = candidateForCue(ctx, s, cue, prior)
  if (c === null) return null
  c.boundaryTok = boundaryBefore(ctx.tokens, s, c.clauseTok, c.inherit)
  // "told reporters", "told the jury": the audience is part of the cue.
  if (cue.verb?.object && /^(told|tells|tell)$/.test(cue.phrase) && !c.inverted) addAudience(ctx, s, c)
  return c
}

function candidateForCue(
  ctx: AttributionContext,
  s: Sentence,
  cue: CueMatch,
  prior: readonly Candidate[],
): Candidate | null {
  if (cue.kind === 'according') {
    // "According to Xinhua, ..." / "..., according to officials."
    const np = accordingSource(ctx, s, cue)
    return np === null ? null : newCandidate(cue, np, false, true, cue.tokStart, np.tokEnd)
  }
  if (cue.kind === 'participle') return quotedAsSaying(ctx, s, cue) ?? participleCandidate(ctx, s, cue, prior)
  if (cue.kind === 'possessive') {
    // "Smith's warning that ...", "his insistence that ..."
    const subject = possessiveSubject(ctx, cue)
    return subject === null ? null : newCandidate(cue, subject, false, false, subject.tokStart, cue.tokEnd)
  }
  return verbCandidate(ctx, s, cue, prior)
}

/**
 * "Moss was quoted as saying ...": the passive subject speaks; "The paper quoted Moss as saying ...": the object does.
 */
function quotedAsSaying(ctx: AttributionContext, s: Sentence, cue: CueMatch): Candidate | null {
  const { tokens } = ctx
  if (cue.phrase !== 'saying' || tokens[cue.tokStart - 1]?.norm !== 'as') return null
  let q = cue.tokStart - 2
  while (q > s.tokStart && q > cue.tokStart - 8 && tokens[q]!.norm !== 'quoted') q--
  if (tokens[q]?.norm !== 'quoted' || tokens[q]!.quote >= 0) return null
  let aux = q - 1
  while (
    aux > s.tokStart &&
    isWord(tokens[aux]) &&
    (ADVERB_SKIP.has(tokens[aux]!.norm) || /ly$/.test(tokens[aux]!.norm))
  )
    aux--
  const subject =
    q + 1 < cue.tokStart - 1
      ? parsePhrase(ctx, q + 1, cue.tokStart - 1)
      : /^(was|were|is|are|been|being)$/.test(tokens[aux]?.norm ?? '')
        ? parseSubjectBefore(ctx, s.tokStart, aux)
        : null
  return subject === null ? null : newCandidate(cue, subject, false, false, q, cue.tokEnd)
}

/** "..., adding that ..." continues the previous speaker (or the sentence's subject). */
function participleCandidate(
  ctx: AttributionContext,
  s: Sentence,
  cue: CueMatch,
  prior: readonly Candidate[],
): Candidate | null {
  const prev = ctx.tokens[cue.tokStart - 1]
  const hasPrevInSentence = cue.tokStart > s.tokStart
  // "..., telling ...", `... as "fantastic," telling ...`, "... and saying ...", "responded by saying ...".
  const afterComma =
    prev !== undefined && (prev.text === ',' || (isClose(prev) && ctx.tokens[cue.tokStart - 2]?.text === ','))
  if (
    !hasPrevInSentence ||
    prev === undefined ||
    !(afterComma || COORDINATORS.has(prev.norm) || prev.norm === 'by' || afterDocument(ctx.tokens, s, cue))
  )
    return null
  const last = prior[prior.length - 1]
  // "WASHINGTON — Sen. Ann Roe defended the plan, saying ...": the subject comes after the dateline.
  const lo = skipDateline(ctx.text, ctx.tokens, s.tokStart, cue.tokStart)
  const body = lo === s.tokStart ? s : { ...s, tokStart: lo }
  const subject =
    last !== undefined ? null : (leadingSubject(ctx, body, cue.tokStart) ?? mainClauseSubject(ctx, lo, cue.tokStart))
  if (last === undefined && subject === null) return null
  return newCandidate(cue, subject, last !== undefined, false, cue.tokStart, cue.tokEnd)
}

/**
 * "Acme issued a statement saying ...", "released a letter on Monday saying ...": "saying" right after a
 * document noun (and a time), which its issuer, the clause's subject, speaks through.
 */
function afterDocument(tokens: readonly Token[], s: Sentence, cue: CueMatch): boolean {
  if (cue.phrase !== 'saying') return false
  let k = cue.tokStart - 1
  while (
    k > s.tokStart &&
    k > cue.tokStart - 4 &&
    (TIME_WORDS.has(tokens[k]!.norm) || TIME_PRECEDERS.has(tokens[k]!.norm))
  )
    k--
  const noun = tokens[k]
  if (noun === undefined || noun.quote >= 0 || !DOCUMENT_NOUNS.has(noun.norm)) return false
  // The issuer's verb, before a few determiners and adjectives: "issued a brief written statement".
  for (let v = k - 1; v >= s.tokStart && v >= k - 4; v--) if (ISSUING_VERBS.has(tokens[v]!.norm)) return true
  return false
}

/** Verbs by which a document is issued: "issued a statement saying ...". */
const ISSUING_VERBS = new Set(
  'issued issues released releases sent sends posted posts published publishes put puts distributed emailed'.split(' '),
)

/** The possessor of a possessive cue: a pronoun ("his insistence") or the name before "'s" ("Smith's warning"). */
function possessiveSubject(ctx: AttributionContext, cue: CueMatch): SpeakerPhrase | null {
  const p = ctx.tokens[cue.tokStart - 1]!
  const pronoun = ({ his: 'he', her: 'she', their: 'they', its: 'it' } as Record<string, string>)[p.norm]
  if (pronoun !== undefined) {
    return {
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
  }
  const mid = ctx.mentionAt[cue.tokStart - 1]!
  if (mid < 0) return null
  const m = ctx.mentions[mid]!
  const subject = parsePhrase(ctx, m.tokStart, cue.tokStart)
  if (subject !== null) {
    subject.end = m.end
    subject.text = m.text
  }
  return subject
}

/** A speech verb's speaker: the subject before it, the inverted subject after it, or a coordinated verb's subject. */
function verbCandidate(
  ctx: AttributionContext,
  s: Sentence,
  cue: CueMatch,
  prior: readonly Candidate[],
): Candidate | null {
  const prev = ctx.tokens[cue.tokStart - 1]
  let c: Candidate | null = asReportedBy(ctx, s, cue)
  if (c !== null) return c
  let subject = parseSubjectBefore(ctx, s.tokStart, cue.tokStart)
  // "..., from Dover, N.H., who ..., said": a place is never the speaker; look further back.
  if (subject?.parts.every((p) => p.mention?.place === true)) subject = null
  if (subject !== null) {
    c = newCandidate(cue, subject, false, false, subject.tokStart, cue.tokEnd)
  } else if (cue.verb?.inversion && prev !== undefined && (prev.text === ',' || isClose(prev) || prev.text === ':')) {
    // `"...," said Smith.`
    const after = parsePhraseAfter(ctx, cue.tokEnd, s.tokEnd)
    if (after !== null && !predicateFollows(ctx, after, s.tokEnd))
      c = newCandidate(cue, after, false, true, cue.tokStart, after.tokEnd)
  }
  if (c === null && prev !== undefined && COORDINATORS.has(prev.norm)) {
    // "He said C and added that C2": the coordinated verb shares the subject.
    if (prior.length > 0) c = newCandidate(cue, null, true, false, cue.tokStart, cue.tokEnd)
    else {
      // "At one stage she put down her tea and said:": the subject of the first verb.
      // "Sen. Ann Roe, a Democrat, welcomed the plan but said ...": else the subject that opens the sentence.
      const opening = prev.norm === 'but' || prev.norm === 'and'
      const shared =
        (opening ? mainClauseSubject(ctx, s.tokStart, cue.tokStart) : null) ??
        clauseSubject(ctx, s, cue.tokStart - 1) ??
        (opening ? leadingSubject(ctx, s, cue.tokStart) : null)
      if (shared !== null) c = newCandidate(cue, shared, false, false, shared.tokStart, cue.tokEnd)
    }
  }
  if (c === null && cue.kind === 'verb' && cue.tokEnd === cue.tokStart + 1) {
    // "The lawsuit says ...", "74 percent said ...", "Jones, after the story broke, said ...".
    const loose = looseSubjectBefore(ctx, s.tokStart, cue.tokStart)
    if (loose !== null) c = newCandidate(cue, loose, false, false, loose.tokStart, cue.tokEnd)
  }
  return c
}

/** `X, ..., said he already knew`: a verb after the phrase makes it the subject of the content, not an inverted tag. */
function predicateFollows(ctx: AttributionContext, phrase: SpeakerPhrase, end: number): boolean {
  const { tokens } = ctx
  let k = phrase.tokEnd
  const pronoun = phrase.parts.length === 1 && phrase.parts[0]!.kind === 'pronoun'
  while (k < end && isWord(tokens[k]) && (ADVERB_SKIP.has(tokens[k]!.norm) || /ly$/.test(tokens[k]!.norm))) k++
  const t = tokens[k]
  if (k >= end || !isWord(t) || t!.cap) return false
  // "said he works": after a pronoun any word but a preposition is its verb.
  if (pronoun && !ADJUNCT_PREPS.has(t!.norm)) return true
  return FINITE_VERBS.has(t!.norm) || MODALS.has(t!.norm) || /ed$/.test(t!.norm)
}

/** "told reporters that ...": the addressee joins the reported cue ("told reporters"). */
function addAudience(ctx: AttributionContext, s: Sentence, c: Candidate): void {
  const { tokens } = ctx
  const cue = c.cue
  const objEnd = skipObject(ctx, cue, cue.tokEnd, s.tokEnd)
  if (objEnd <= cue.tokEnd) return
  let e = objEnd
  while (e > cue.tokEnd && !isWord(tokens[e - 1])) e--
  if (tokens[e - 1]?.norm === 'that') e--
  if (e > cue.tokEnd) c.phrase = `${cue.phrase} ${ctx.text.slice(tokens[cue.tokEnd]!.start, tokens[e - 1]!.end)}`
}

/** The sentence's opening noun phrase, for a participle cue with no earlier attribution ("Acme cut jobs, saying ..."). */
function leadingSubject(ctx: AttributionContext, s: Sentence, limit: number): SpeakerPhrase | null {
  const { tokens } = ctx
  // "At a June campaign event, ...": a sentence opened by a preposition has its subject later.
  if (ADJUNCT_PREPS.has(tokens[s.tokStart]!.norm) && ctx.mentionAt[s.tokStart]! < 0) return null
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
  // "The Navy's top adviser went further, arguing ...": the possessor's adviser speaks.
  e = possessedEnd(tokens, e, limit) ?? e
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
