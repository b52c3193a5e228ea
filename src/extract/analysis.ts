/** One article read once: tokens, quotations, sentences, mentions, page furniture and transcript turns. */
import type { ExtractOptions } from '../types'
import {
  type Attribution,
  type AttributionContext,
  findAttributions,
  findColonAttributions,
  findDashAttributions,
} from './attributions'
import { findLabelAttributions } from './attributions/label'
import { buildRegistryIndex, type RegistryIndex } from './entities'
import { findFurniture } from './furniture'
import type { Mention } from './mention'
import { findMentions } from './mentions'
import { pairQuotes, type QuoteUnit } from './quotes'
import { type Paragraph, type Sentence, segmentParagraphs, segmentSentences } from './segment'
import { type Token, tokenize } from './tokens'
import { findTranscriptTurns, type TranscriptTurn } from './transcript'

/** Everything later passes read about an article; built once by `analyseArticle`. */
export interface Analysis {
  text: string
  tokens: Token[]
  paragraphs: Paragraph[]
  units: QuoteUnit[]
  sentences: Sentence[]
  registry: RegistryIndex
  mentions: Mention[]
  mentionAt: Int32Array
  ctx: AttributionContext
  /** The sentence index holding a text offset. */
  sentenceAt: (pos: number) => number
  turns: TranscriptTurn[]
  furniture: Map<number, 'headline' | 'other'>
  /** Transcript and furniture paragraphs: no attributions are looked for there. */
  skipParagraph: (p: number) => boolean
  /** Mentions outside `other` furniture: antecedents (headlines still count for the topic). */
  liveMentions: readonly Mention[]
  /** Mentions in the article body, outside all furniture. */
  bodyMentions: readonly Mention[]
}

/**
 * Tokenizes and segments an article, pairs its quotations and finds its mentions, furniture and transcript turns.
 *
 * @example
 * const a = analyseArticle('"We will win," Smith said.', {}, [])
 * // a.sentences.length === 1, a.units.length === 1, a.mentions[0].text === 'Smith'
 */
export function analyseArticle(text: string, options: ExtractOptions, warnings: string[]): Analysis {
  const tokens = tokenize(text)
  const paragraphs = segmentParagraphs(text, tokens)
  const units = pairQuotes(text, tokens, paragraphs, warnings)
  const sentences = segmentSentences(text, tokens, paragraphs)
  const registry = buildRegistryIndex(options.entities ?? [])
  const { mentions, mentionAt } = findMentions(tokens, sentences, registry)
  const ctx: AttributionContext = { text, tokens, mentions, mentionAt, registry, units, paragraphs }
  const sentenceAt = makeSentenceLookup(sentences)

  const turns = findTranscriptTurns(text, paragraphs)
  const turnParagraphs = new Set(turns.flatMap((t) => [t.paragraph, ...t.more.map((m) => m.paragraph)]))
  // Bylines, time stamps, captions, headlines: no statements there, and their names are no antecedents.
  const furniture = findFurniture(text, paragraphs)
  const skipParagraph = (p: number) => turnParagraphs.has(p) || furniture.has(p)
  const liveMentions =
    furniture.size === 0
      ? mentions
      : mentions.filter((m) => furniture.get(sentences[m.sentence]!.paragraph) !== 'other')
  const bodyMentions =
    furniture.size === 0 ? mentions : liveMentions.filter((m) => !furniture.has(sentences[m.sentence]!.paragraph))
  return {
    text,
    tokens,
    paragraphs,
    units,
    sentences,
    registry,
    mentions,
    mentionAt,
    ctx,
    sentenceAt,
    turns,
    furniture,
    skipParagraph,
    liveMentions,
    bodyMentions,
  }
}

/**
 * Finds every attribution outside skipped paragraphs, in text order: cue tags first, then dash-signed quotations
 * no tag used, then colon-introduced quotations nothing else claimed.
 */
export function findArticleAttributions(a: Analysis): Attribution[] {
  const { ctx, sentences, skipParagraph } = a
  const atts: Attribution[] = []
  for (const s of sentences) if (!skipParagraph(s.paragraph)) atts.push(...findAttributions(ctx, s))
  const quoted = new Set(atts.flatMap((t) => t.units))
  for (const t of findDashAttributions(ctx, a.sentenceAt))
    if (!t.units.some((u) => quoted.has(u)) && !skipParagraph(sentences[t.sentence]!.paragraph)) atts.push(t)
  const claimed = new Set(atts.flatMap((t) => t.units))
  for (const s of sentences) if (!skipParagraph(s.paragraph)) atts.push(...findColonAttributions(ctx, s, claimed))
  // "Moss: Ferry Fares Will Not Rise.": a paragraph opened by a name and a colon, when nothing else spoke there.
  const spoken = new Set(atts.map((t) => t.sentence))
  for (const s of sentences)
    if (!skipParagraph(s.paragraph) && !spoken.has(s.index)) atts.push(...findLabelAttributions(ctx, s, claimed))
  atts.sort((x, y) => x.pos - y.pos)
  return atts
}

/** A binary search from a text offset to the index of the sentence holding it. */
function makeSentenceLookup(sentences: readonly Sentence[]): (pos: number) => number {
  const starts = sentences.map((s) => s.start)
  return (pos: number) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= pos) lo = mid
      else hi = mid - 1
    }
    return lo
  }
}
