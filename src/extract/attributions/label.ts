/**
 * A paragraph that opens with a name and a colon, as news headlines and single transcript lines do:
 * `Moss: Ferry Fares Will Not Rise.`, `ADA MOSS: We are not going anywhere.` The name speaks the rest.
 */
import { LABEL_FURNITURE } from '../lexicon'
import type { Mention } from '../mention'
import { firstNameGender } from '../name-kinds'
import type { Sentence } from '../segment'
import { parsePhrase } from '../speakers'
import { setContentFromRange } from './content'
import { type Attribution, type AttributionContext, isWord, newCandidate } from './types'

const MAX_LABEL_TOKENS = 6
const DASHES = new Set(['—', '–', '-', '--'])

/**
 * Can this name sign a label? A registry entity, a person named in full ("Ada Moss", "ADA MOSS"), or a single word
 * that is the surname of a person named in full elsewhere in the article ("Moss:" above "Ada Moss said").
 * "Analysis:", "Standards:" and team names in a results list are none of these.
 */
function speaksAsLabel(ctx: AttributionContext, m: Mention): boolean {
  if (m.registry !== null) return true
  const words = m.text.split(/\s+/)
  if (words.length >= 2)
    return (m.kind === 'person' || m.text === m.text.toUpperCase()) && firstNameGender(words[0]!) !== null
  const surname = m.text.toLowerCase()
  return ctx.mentions.some(
    (o) => o !== m && o.kind === 'person' && o.text.includes(' ') && o.text.toLowerCase().endsWith(` ${surname}`),
  )
}

/**
 * The label attribution of a sentence that opens its paragraph with `NAME:`, or none. The name must be a
 * person or an organisation (never a place: "WASHINGTON: ..." is a dateline) and hold no cue of its own.
 *
 * @example
 * // 'Moss: Ferry Fares Will Not Rise.' → [{ cue: ':', subject: Moss, kind: 'indirect', content: 'Ferry Fares Will Not Rise' }]
 */
export function findLabelAttributions(ctx: AttributionContext, s: Sentence, used: ReadonlySet<number>): Attribution[] {
  const { tokens } = ctx
  const para = ctx.paragraphs[s.paragraph]
  if (para === undefined || para.tokStart !== s.tokStart) return []
  let a = s.tokStart
  // "EXCLUSIVE – Ada Moss: ...": a kicker before the name.
  if (tokens[a]?.text === tokens[a]?.text.toUpperCase() && DASHES.has(tokens[a + 1]?.text ?? '')) a += 2
  let colon = a
  while (colon < s.tokEnd && colon - a <= MAX_LABEL_TOKENS && isWord(tokens[colon])) colon++
  if (colon === a || colon >= s.tokEnd - 1 || tokens[colon]!.text !== ':' || tokens[colon]!.quote >= 0) return []
  if (tokens[colon + 1]!.quote >= 0 && used.has(tokens[colon + 1]!.quote)) return []
  if (tokens[colon + 1]!.mark === 'open' && used.has(tokens[colon + 1]!.unit)) return []
  for (let k = a; k < colon; k++) if (LABEL_FURNITURE.has(tokens[k]!.norm)) return []
  const subject = parsePhrase(ctx, a, colon)
  if (subject === null || !subject.parts.every((p) => p.kind === 'name' && p.mention !== null && !p.mention.place))
    return []
  // The name is the whole label, but for role words before it ("Former Gov. Ada Moss").
  const last = subject.parts[subject.parts.length - 1]!
  if (last.mention!.tokEnd !== colon || !subject.parts.every((p) => speaksAsLabel(ctx, p.mention!))) return []
  const c = newCandidate(
    { kind: 'verb', tokStart: colon, tokEnd: colon + 1, phrase: ':', verb: null },
    subject,
    false,
    false,
    a,
    colon + 1,
  )
  if (!setContentFromRange(ctx, c, colon + 1, s.tokEnd)) return []
  return [
    {
      sentence: s.index,
      cue: ':',
      subject,
      inherit: false,
      kind: c.kind,
      pieces: c.pieces,
      units: c.units,
      extentStart: tokens[s.tokStart]!.start,
      extentEnd: tokens[s.tokEnd - 1]!.end,
      via: null,
      pos: subject.start,
      decline: false,
    },
  ]
}
