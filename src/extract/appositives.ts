/** Appositives around a subject: "Smith, the company's chief executive, said", "his son, Marcus Chen, 35, who said". */
import { CONJUNCTIONS, NP_DETERMINERS, RELATIVES } from './lexicon'
import { classifyPart, isWord, type ParseContext, parsePhrase, type SpeakerPhrase } from './speaker-parts'
import { isPartyTag, isPossessive, type Token } from './tokens'

/**
 * Comma-separated segments before a cue, right to left; quotations and parentheses inside a segment
 * stay inside it: `Kestrel Robotics Inc. (NASDAQ: KSTR), a maker of farm machines,`.
 */
function appositiveSegments(ctx: ParseContext, lo: number, end: number): [number, number][] {
  const { tokens } = ctx
  const segs: [number, number][] = []
  let e = end
  while (segs.length < 5) {
    let k = e - 1
    let count = 0
    while (k >= lo && count < 32) {
      const t = tokens[k]!
      if (t.mark === 'close') {
        // A quotation inside a segment ("whose films include "Salt Flats"") belongs to it; one that opens the clause ends it.
        let o = k
        while (o >= lo && !(tokens[o]!.mark === 'open' && tokens[o]!.unit === t.unit)) o--
        if (o <= lo || !isWord(tokens[o - 1])) break
        k = o - 1
        count++
        continue
      }
      if (t.quote >= 0 || t.mark === 'open') break
      if (t.text === ')') {
        let o = k
        while (o >= lo && tokens[o]!.text !== '(') o--
        if (o < lo) break
        k = o - 1
        continue
      }
      // "Rep. Ana Ruiz, D-N.Y., said": an abbreviation's dot stays inside its segment.
      if (t.text === '.' && k > lo && isWord(tokens[k - 1]) && tokens[k - 1]!.end === t.start) {
        k--
        count++
        continue
      }
      if (!isWord(t) && t.text !== '&') break
      if (
        k < e - 1 &&
        (t.norm === 'that' || (CONJUNCTIONS.has(t.norm) && t.norm !== 'and')) &&
        !insideRelative(tokens, lo, k)
      )
        break
      k--
      count++
    }
    if (count >= 32 || k + 1 >= e) break
    segs.unshift([k + 1, e])
    if (k < lo || tokens[k]!.text !== ',' || tokens[k]!.quote >= 0) break
    e = k
  }
  return segs
}

/** ", who has run it since 2019,": a conjunction inside a relative clause that opens after a comma. */
function insideRelative(tokens: readonly Token[], lo: number, k: number): boolean {
  for (let r = k - 1; r > lo && k - r < 24; r--) {
    const t = tokens[r]!
    if (RELATIVES.has(t.norm) && t.quote < 0) return tokens[r - 1]!.text === ','
    if (!isWord(t)) return false
  }
  return false
}

/** Drops a trailing parenthetical from a segment: "Kestrel Robotics Inc. (NASDAQ: KSTR)" → the name. */
function withoutParenthetical(tokens: readonly Token[], [a, b]: [number, number]): [number, number] {
  if (b - 1 > a && tokens[b - 1]!.text === ')') {
    let o = b - 1
    while (o > a && tokens[o]!.text !== '(') o--
    if (o > a) return [a, o]
  }
  return [a, b]
}

/**
 * Appositives around a subject: "Smith, the company's chief executive, said", "The trust's treasurer,
 * Alasdair Munro, said", "Lars Eide, the head of the union, which ..., said", "C, the distributor, Lantern Pictures, said".
 * The phrase's token range covers the appositives, so the clause before it is content.
 */
export function parseAppositive(ctx: ParseContext, lo: number, end: number): SpeakerPhrase | null {
  const { tokens } = ctx
  const segs = appositiveSegments(ctx, lo, end)
  if (segs.length < 2) return null
  const textOf = ([a, b]: [number, number]) => ctx.text.slice(tokens[a]!.start, tokens[b - 1]!.end)
  const isAside = ([a]: [number, number]) => {
    const t = tokens[a]!
    return (
      RELATIVES.has(t.norm) ||
      NP_DETERMINERS.has(t.norm) ||
      t.type === 'number' ||
      !t.cap ||
      isPossessive(t) ||
      t.mark === 'open' ||
      isPartyTag(t)
    )
  }
  for (let i = 0; i < segs.length; i++) {
    const seg = withoutParenthetical(tokens, segs[i]!)
    const p = parsePhrase(ctx, seg[0], seg[1])
    if (p === null || !p.parts.every((x) => x.kind === 'name' || x.kind === 'pronoun')) continue
    if (!segs.slice(i + 1).every(isAside)) continue
    const prev = i > 0 ? classifyPart(ctx, ...withoutParenthetical(tokens, segs[i - 1]!)) : null
    const part = p.parts[0]!
    if (p.parts.length === 1 && part.kind === 'name') {
      // "Sen. Al Roe, R-Ohio, the panel's chairman, said": the role, not the party tag, describes him.
      const role = segs.slice(i + 1).find((g) => !isPartyTag(tokens[g[0]]!))
      if (prev !== null && prev.kind === 'description') part.description = prev.text
      else if (role !== undefined && !RELATIVES.has(tokens[role[0]]!.norm)) part.description = textOf(role)
    }
    p.tokStart = prev !== null && prev.kind === 'description' ? segs[i - 1]![0] : segs[i]![0]
    p.tokEnd = end
    return p
  }
  // No name: "a spokeswoman for the company, who asked not to be named, said".
  const lead = segs[0]!
  const d = parsePhrase(ctx, ...withoutParenthetical(tokens, lead))
  if (d !== null && segs.slice(1).every(isAside)) {
    d.tokEnd = end
    return d
  }
  return null
}

/** The nearest named segment before ", who": "his son, Marcus Chen, 35, who". */
export function antecedentBefore(ctx: ParseContext, lo: number, comma: number): SpeakerPhrase | null {
  const segs = appositiveSegments(ctx, lo, comma)
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = withoutParenthetical(ctx.tokens, segs[i]!)
    const p = parsePhrase(ctx, ...seg)
    // "Sen. Ann Roe, a Texas Republican, who posted ...": an indefinite appositive describes the name before it.
    if (p !== null && i > 0 && /^(a|an)$/.test(ctx.tokens[seg[0]]!.norm)) continue
    if (p?.parts.every((x) => x.kind === 'name')) return p
    if (p !== null && i === segs.length - 1 && p.parts.every((x) => x.kind === 'description')) return p
  }
  return null
}
