/** "As X reported, C" and "As reported by X, C": a source in a fronted "as" clause vouches for the main clause. */

import type { CueMatch } from '../cues'
import type { Sentence } from '../segment'
import { parsePhraseAfter } from '../speakers'
import { skipAdjuncts, skipObject } from './adjuncts'
import { setContentFromRange } from './content'
import { type AttributionContext, type Candidate, isWord, newCandidate } from './types'

/** The "as" token opening the attributing clause at `clauseTok`, or -1: "As Ada Moss noted, ...". */
export function asFrameStart(ctx: AttributionContext, s: Sentence, clauseTok: number): number {
  const { tokens } = ctx
  const k = clauseTok - 1
  if (k < s.tokStart || !isWord(tokens[k]) || tokens[k]!.norm !== 'as') return -1
  // The clause opens the sentence or sits between commas: "Later, as Ada Moss noted, ...".
  // "But as Ada Moss noted, ...": an opening conjunction may come first.
  const opener = k - 1 === s.tokStart && /^(but|and|yet|so)$/.test(tokens[k - 1]!.norm)
  return k === s.tokStart || opener || tokens[k - 1]?.text === ',' ? k : -1
}

/** "As reported by the Tidewire, ...": a passive cue whose source follows "by". */
export function asReportedBy(ctx: AttributionContext, s: Sentence, cue: CueMatch): Candidate | null {
  const { tokens } = ctx
  if (asFrameStart(ctx, s, cue.tokStart) < 0 || tokens[cue.tokEnd]?.norm !== 'by') return null
  let comma = cue.tokEnd + 1
  while (comma < s.tokEnd && tokens[comma]!.text !== ',') comma++
  const source = parsePhraseAfter(ctx, cue.tokEnd + 1, comma)
  if (source === null || source.tokEnd !== comma) return null
  return newCandidate(cue, source, false, true, cue.tokStart, source.tokEnd)
}

/**
 * "As Ada Moss noted, the ferry is late": the main clause is the content; when the "as" clause sits inside the
 * sentence ("Later, as Ada Moss noted, the ferry ..."), the words before it belong to the content too.
 */
export function fillAsFrame(ctx: AttributionContext, s: Sentence, c: Candidate, clauseEnd: number): boolean {
  const { tokens } = ctx
  const as = asFrameStart(ctx, s, c.clauseTok)
  if (as < 0) return false
  let p = Math.max(c.cue.tokEnd, c.tagEnd)
  if (c.cue.verb?.object) p = skipObject(ctx, c.cue, p, clauseEnd)
  p = skipAdjuncts(tokens, p, clauseEnd)
  // "The ferry is late, as Ada Moss noted.": a closing "as" clause vouches for the clause before it.
  if (p >= clauseEnd - 1 && as > s.tokStart + 1 && tokens[as - 1]!.text === ',' && tokens[p]?.type !== 'word') {
    if (!setContentFromRange(ctx, c, s.tokStart, as - 1)) return false
    c.bwd = [s.tokStart, as - 1]
    return true
  }
  if (tokens[p]?.text !== ',' || p + 1 >= clauseEnd) return false
  const head: Candidate = { ...c, pieces: [], units: [] }
  const before = as > s.tokStart && setContentFromRange(ctx, head, s.tokStart, as - 1)
  if (!setContentFromRange(ctx, c, p + 1, clauseEnd)) return false
  c.fwd = [p + 1, clauseEnd]
  c.tagEnd = p
  if (before) {
    c.pieces = [...head.pieces, ...c.pieces]
    c.units = [...head.units, ...c.units]
    if (head.kind !== 'indirect' && c.kind === 'indirect') c.kind = 'mixed'
  }
  return true
}
