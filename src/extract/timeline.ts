/** The discourse timeline: mentions, sentence subjects, attributions, bare quotations and turns in text order. */
import type { Analysis } from './analysis'
import type { Attribution, AttributionContext } from './attributions'
import {
  ADJUNCT_PREPS,
  DOCUMENT_NOUNS,
  FEMALE_NOUNS,
  MALE_NOUNS,
  OPENING_CONJUNCTIONS,
  ORG_HEAD_NOUNS,
  SPEAKER_NOUNS,
  SUBJECT_PRONOUNS,
  SUBJECT_VERBS,
  SUBORDINATORS,
} from './lexicon'
import type { Mention } from './mention'
import { hasTitleShape, type QuoteUnit, quoteWordStats } from './quotes'
import type { Sentence } from './segment'
import { classifyPart, type SpeakerPart } from './speakers'
import type { Token } from './tokens'
import type { TranscriptTurn } from './transcript'

/** One event of the timeline; at the same position, salience events (order 0) come before statements (order 1). */
export type Item =
  | { pos: number; order: 0; mention: Mention }
  | { pos: number; order: 0; pronoun: string; sentence: number }
  | { pos: number; order: 0; description: SpeakerPart; sentence: number }
  | { pos: number; order: 0; identified: SpeakerPart; name: Mention; sentence: number }
  | { pos: number; order: 1; att: Attribution }
  | { pos: number; order: 1; quote: QuoteUnit; sentence: number }
  | { pos: number; order: 1; turn: TranscriptTurn; sentence: number }

/**
 * Orders what the discourse walk meets: named mentions, sentence subjects, attributions, unattributed quotations
 * that are statements, and transcript turns.
 *
 * @example
 * // 'Smith arrived. "We will win," he said.' → [{ order: 0, mention: Smith }, { order: 1, att: said (he) }]
 */
export function buildTimeline(a: Analysis, atts: readonly Attribution[]): Item[] {
  const { sentences, sentenceAt } = a
  // Quotations no attribution used: statements of nobody named, unless they are scare quotes or titles.
  const used = new Set<number>()
  for (const t of atts) {
    for (const u of t.units) used.add(u)
  }
  const items: Item[] = []
  for (const m of a.bodyMentions) if (!m.inQuote) items.push({ pos: m.start, order: 0, mention: m })
  for (const t of atts) items.push({ pos: t.pos, order: 1, att: t })
  for (const u of a.units) {
    const first = u.pieces[0]
    if (used.has(u.id) || first === undefined || a.skipParagraph(first.paragraph)) continue
    if (!isStatementQuote(a.tokens, sentences, sentenceAt, u)) continue
    items.push({ pos: u.start, order: 1, quote: u, sentence: sentenceAt(u.start) })
  }
  for (const t of a.turns) items.push({ pos: t.start, order: 1, turn: t, sentence: sentenceAt(t.start) })
  const attributed = new Set(atts.map((t) => t.pos))
  for (const s of sentences) if (!a.furniture.has(s.paragraph)) items.push(...subjectItems(a, s, attributed))
  items.sort((x, y) => x.pos - y.pos || x.order - y.order)
  return items
}

/** A sentence's subject as a salience event: a pronoun, an identified description, or an unnamed description. */
function subjectItems(a: Analysis, s: Sentence, attributed: ReadonlySet<number>): Item[] {
  const { tokens, mentionAt } = a
  const out: Item[] = []
  const k = subjectStart(tokens, s)
  const identified = findIdentification(a.ctx, s)
  if (identified !== null)
    out.push({
      pos: identified.name.start,
      order: 0,
      identified: identified.part,
      name: identified.name,
      sentence: s.index,
    })
  const t = tokens[k]!
  // "He now skippers the ferry ...": a pronoun opening a sentence carries its antecedent forward.
  if (t.type === 'word' && t.quote < 0 && SUBJECT_PRONOUNS.has(t.norm) && !attributed.has(t.start))
    out.push({ pos: t.start, order: 0, pronoun: t.norm, sentence: s.index })
  else if (t.type === 'word' && t.quote < 0 && mentionAt[k]! < 0 && !attributed.has(t.start)) {
    const description = openingDescription(a, s, k)
    if (description !== null) out.push({ pos: t.start, order: 0, description, sentence: s.index })
  }
  return out
}

/** The token where a sentence's subject starts, past an opening conjunction or adverbial. */
function subjectStart(tokens: readonly Token[], s: Sentence): number {
  let k = s.tokStart
  if (OPENING_CONJUNCTIONS.has(tokens[k]!.norm) && k + 1 < s.tokEnd) k++
  // "On a recent Saturday, a man in a red cap stood outside": the subject follows an opening adverbial.
  if (ADJUNCT_PREPS.has(tokens[k]!.norm) || SUBORDINATORS.has(tokens[k]!.norm)) {
    for (let c = k + 1; c < Math.min(s.tokEnd - 1, k + 16); c++)
      if (tokens[c]!.text === ',' && tokens[c]!.quote < 0) return c + 1
  }
  return k
}

/**
 * "Residents gathered outside." / "The company posted a loss.": an unnamed subject that a later "they" or "it" may
 * take up; null when the sentence opens with no such description.
 */
function openingDescription(a: Analysis, s: Sentence, k: number): SpeakerPart | null {
  const { tokens, mentionAt } = a
  for (let e = k; e < Math.min(s.tokEnd, k + 5); e++) {
    const u = tokens[e]!
    if (u.type !== 'word' || mentionAt[e]! >= 0) break
    if (!SPEAKER_NOUNS.has(u.norm)) continue
    let part = classifyPart(a.ctx, k, e + 1)
    const head = part?.head ?? ''
    // "Another person briefed on the talks was upbeat. ... the person said": an unnamed person opening a sentence,
    // with its post-modifier, is whom a later "the person" means.
    const unnamedPerson =
      part !== null &&
      part.kind === 'description' &&
      !part.plural &&
      !part.definite &&
      !ORG_HEAD_NOUNS.has(head) &&
      !DOCUMENT_NOUNS.has(head)
    if (unnamedPerson) part = withPostModifier(a, s, k, e, head) ?? part
    const takenUp =
      part !== null &&
      part.kind === 'description' &&
      (part.plural ||
        (part.definite && ORG_HEAD_NOUNS.has(head)) ||
        MALE_NOUNS.has(head) ||
        FEMALE_NOUNS.has(head) ||
        unnamedPerson)
    return takenUp ? part : null
  }
  return null
}

/** The description from k up to the subject's verb ("Another person briefed on the talks"), if it keeps its head. */
function withPostModifier(a: Analysis, s: Sentence, k: number, e: number, head: string): SpeakerPart | null {
  const { tokens, mentionAt } = a
  let v = e + 1
  while (
    v < Math.min(s.tokEnd, e + 9) &&
    tokens[v]!.type === 'word' &&
    tokens[v]!.quote < 0 &&
    !SUBJECT_VERBS.has(tokens[v]!.norm) &&
    mentionAt[v]! < 0
  )
    v++
  const longer = v > e + 1 && SUBJECT_VERBS.has(tokens[v]?.norm ?? '') ? classifyPart(a.ctx, k, v) : null
  return longer !== null && longer.kind === 'description' && longer.head === head ? longer : null
}

/** Is an unattributed quotation a statement (a whole sentence, or one opening it) rather than scare quotes or a title? */
function isStatementQuote(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  sentenceAt: (pos: number) => number,
  u: QuoteUnit,
): boolean {
  const stats = quoteWordStats(tokens, u)
  const words = stats.words
  if (words === 0) return false
  // "The Art of the Deal", "Game of Thrones": a capitalised title, not speech.
  if (hasTitleShape(stats)) return false
  const s = sentences[sentenceAt(u.start)]!
  const opens = tokens[s.tokStart]!.mark === 'open'
  if (!opens) return false
  // "‘Like a war zone’" on its own line: a sub-heading, which has no sentence punctuation.
  const only = u.pieces.length === 1 ? u.pieces[0]! : null
  if (
    only !== null &&
    only.closeTok === s.tokEnd - 1 &&
    (s.index + 1 >= sentences.length || sentences[s.index + 1]!.paragraph !== s.paragraph) &&
    (s.index === 0 || sentences[s.index - 1]!.paragraph !== s.paragraph) &&
    !/[.!?,;:…—–-]$/u.test(tokens[only.closeTok - 1]!.text)
  )
    return false
  if (u.pieces.length > 1) return true
  const last = u.pieces[0]!
  if (last.closeTok < 0) return true
  const sEnd = sentences[sentenceAt(tokens[last.closeTok]!.start)]!
  let onlyPunct = true
  for (let k = last.closeTok + 1; k < sEnd.tokEnd; k++)
    if (tokens[k]!.type !== 'punct' && tokens[k]!.type !== 'quote') {
      onlyPunct = false
      break
    }
  return onlyPunct || words >= 3
}

/** "The man with the sign is Walter Pruitt, 71, ...": a definite description named by a copula. */
function findIdentification(ctx: AttributionContext, s: Sentence): { part: SpeakerPart; name: Mention } | null {
  const { tokens } = ctx
  if (tokens[s.tokStart]!.norm !== 'the') return null
  for (let v = s.tokStart + 2; v < Math.min(s.tokEnd - 1, s.tokStart + 10); v++) {
    const t = tokens[v]!
    if (t.type !== 'word' || t.quote >= 0) return null
    if (t.norm !== 'is' && t.norm !== 'was') continue
    const mid = ctx.mentionAt[v + 1]!
    const m = mid >= 0 ? ctx.mentions[mid]! : null
    if (m === null || m.tokStart !== v + 1 || m.kind === 'organization' || m.registry !== null) return null
    const part = classifyPart(ctx, s.tokStart, v)
    return part !== null && part.kind === 'description' && part.definite && !part.plural ? { part, name: m } : null
  }
  return null
}
