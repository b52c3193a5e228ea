/** Nested attributions in one sentence: relaying channels ("Xinhua reported that Han said") and cues inside content. */
import { ORG_HEAD_NOUNS, SUBORDINATORS } from '../lexicon'
import { type AttributionContext, type Candidate, isWord } from './types'

/**
 * Nested attributions. "Xinhua reported that Han said C": Han speaks, Xinhua relays. "C, according to
 * Xinhua" relays the attribution inside C. Any other cue inside another statement's content is part of it.
 */
export function resolveNesting(ctx: AttributionContext, cands: Candidate[]): void {
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
