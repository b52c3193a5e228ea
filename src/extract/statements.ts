/** Public statements from drafts: stable ids, sentence text, speakers, topics and the registry entities named. */
import type { ArticleInput, ExtractOptions, Span, Statement } from '../types'
import type { Analysis } from './analysis'
import type { Discourse } from './coreference'
import type { Draft } from './drafts'
import { fnv1a64, normaliseForId } from './ids'
import type { Mention } from './mention'
import type { Token } from './tokens'
import { findTopics, topicWords } from './topics'

/** Turns drafts into public statements: ids, content, sentence text, speakers, topics and entities. */
export function toStatements(
  article: ArticleInput,
  a: Analysis,
  drafts: readonly Draft[],
  discourse: Discourse,
  options: ExtractOptions,
): Statement[] {
  const { text, sentences, sentenceAt, mentions, tokens } = a
  const registryMentions = mentions.filter((m) => m.registry !== null)
  const ids = new Map<string, number>()
  const articleId = String(article.id ?? '')
  const out: Statement[] = []
  for (const d of drafts) {
    const content = d.pieces.map((p) => text.slice(p.start, p.end)).join(' ')
    const firstStart = d.pieces[0]?.start ?? d.extentStart
    const base = `${articleId}-${fnv1a64(`${normaliseForId(content)}|${firstStart}`).slice(0, 10)}`
    const n = (ids.get(base) ?? 0) + 1
    ids.set(base, n)
    const sFirst = sentences[sentenceAt(d.extentStart)]!
    const sLast = sentences[sentenceAt(Math.max(d.extentStart, d.extentEnd - 1))]!
    const sentence = sentences[d.sentence]!
    out.push({
      id: n === 1 ? base : `${base}-${n}`,
      article: articleId,
      kind: d.kind,
      speakers: dedupeSpeakers(d.states.map((e) => discourse.speakerOf(e))),
      source: d.source,
      cue: d.cue,
      via: d.via === null ? null : discourse.speakerOf(d.via),
      content,
      text: text.slice(Math.min(sFirst.start, sentence.start), Math.max(sLast.end, sentence.end)),
      spans: d.pieces,
      paragraph: sentence.paragraph + 1,
      sentence: sentence.index + 1,
      topics: findTopics(content, options.topics ?? [], wordsWithin(d.pieces, tokens)),
      entities: registryIdsWithin(d.pieces, registryMentions),
      date: article.date ?? null,
    })
  }
  return out
}

/** Index of the first item that starts at or after `pos`, in items sorted by start (binary search). */
function firstAtOrAfter(items: readonly { start: number }[], pos: number): number {
  let lo = 0
  let hi = items.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.start < pos) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Registry ids named inside content pieces, from the article's registry mentions (sorted by start). */
function registryIdsWithin(pieces: readonly Span[], mentions: readonly Mention[]): string[] {
  const ids: string[] = []
  for (const p of pieces) {
    for (let k = firstAtOrAfter(mentions, p.start); k < mentions.length && mentions[k]!.start < p.end; k++) {
      const m = mentions[k]!
      if (m.end <= p.end && !ids.includes(m.registry!.id)) ids.push(m.registry!.id)
    }
  }
  return ids
}

/** Lower-case words inside content pieces, from the article's tokens (the same words `topicWords` would find). */
function wordsWithin(pieces: readonly Span[], tokens: readonly Token[]): Set<string> {
  const words = new Set<string>()
  for (const p of pieces) {
    for (let k = firstAtOrAfter(tokens, p.start); k < tokens.length && tokens[k]!.start < p.end; k++) {
      const t = tokens[k]!
      if (t.type === 'punct' || t.type === 'quote') continue
      if (/^[a-z0-9]+$/.test(t.norm)) words.add(t.norm)
      else for (const w of topicWords(t.norm)) words.add(w)
    }
  }
  return words
}

function dedupeSpeakers<T extends { id: string }>(xs: T[]): T[] {
  return xs.filter((s, i) => xs.findIndex((t) => t.id === s.id) === i)
}
