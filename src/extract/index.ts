/** Statement extraction: segments an article, finds attributions, resolves speakers and emits statements. */
import type { ArticleInput, ExtractOptions, ExtractResult, Span, Statement, StatementKind } from '../types'
import {
  type Attribution,
  type AttributionContext,
  findAttributions,
  findColonAttributions,
  findDashAttributions,
} from './attributions'
import { Discourse, type EntityState } from './coreference'
import { buildRegistryIndex, matchRegistry, type RegistryIndex } from './entities'
import { findFurniture } from './furniture'
import { fnv1a64, normaliseForId } from './ids'
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
  TITLE_WORDS,
} from './lexicon'
import { findMentions, guessGender, type Mention } from './mentions'
import { hasTitleShape, pairQuotes, type QuoteUnit, quoteWordStats } from './quotes'
import { type Sentence, segmentParagraphs, segmentSentences } from './segment'
import { classifyPart, type SpeakerPart } from './speakers'
import { type Token, tokenize } from './tokens'
import { findTopics, topicWords } from './topics'
import { findTranscriptTurns, type TranscriptTurn } from './transcript'

export { CUE_VERBS } from './cues'

const MAX_WARNINGS_PER_KIND = 5

/** A statement before ids, topics and public speakers are filled in. */
interface Draft {
  kind: StatementKind
  states: EntityState[]
  via: EntityState | null
  source: string | null
  cue: string | null
  pieces: Span[]
  extentStart: number
  extentEnd: number
  sentence: number
  lastSentence: number
}

type Item =
  | { pos: number; order: 0; mention: Mention }
  | { pos: number; order: 0; pronoun: string; sentence: number }
  | { pos: number; order: 0; description: SpeakerPart; sentence: number }
  | { pos: number; order: 0; identified: SpeakerPart; name: Mention; sentence: number }
  | { pos: number; order: 1; att: Attribution }
  | { pos: number; order: 1; quote: QuoteUnit; sentence: number }
  | { pos: number; order: 1; turn: TranscriptTurn; sentence: number }

/**
 * Extracts who-said-what statements from an article. Pure: no I/O; never throws (problems become warnings).
 *
 * @example
 * const { statements } = extractStatements({ id: 'a1', text: '"We will win," Smith said.', date: null })
 * // statements[0]: { kind: 'direct', content: 'We will win,', speakers: [{ name: 'Smith', ... }], cue: 'said', ... }
 */
export function extractStatements(article: ArticleInput, options: ExtractOptions = {}): ExtractResult {
  const warnings: string[] = []
  try {
    const statements = extract(article, options, warnings)
    return { statements, warnings: capWarnings(warnings) }
  } catch (err) {
    warnings.push(`extraction failed, article skipped: ${err instanceof Error ? err.message : String(err)}`)
    return { statements: [], warnings: capWarnings(warnings) }
  }
}

/** Keeps the first few warnings of each kind, so an odd 1 MB file yields a readable list. */
function capWarnings(warnings: readonly string[]): string[] {
  const perKind = new Map<string, number>()
  const out: string[] = []
  for (const w of warnings) {
    const kind = w.replace(/\d+/g, '#').replace(/"[^"]*"/g, '""')
    const n = (perKind.get(kind) ?? 0) + 1
    perKind.set(kind, n)
    if (n <= MAX_WARNINGS_PER_KIND) out.push(w)
  }
  for (const [kind, n] of perKind)
    if (n > MAX_WARNINGS_PER_KIND) out.push(`${n - MAX_WARNINGS_PER_KIND} more like: ${kind}`)
  return out
}

function extract(article: ArticleInput, options: ExtractOptions, warnings: string[]): Statement[] {
  const text = typeof article.text === 'string' ? article.text : ''
  if (text.trim() === '') {
    warnings.push('article text is empty')
    return []
  }
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
  const atts: Attribution[] = []
  for (const s of sentences) if (!skipParagraph(s.paragraph)) atts.push(...findAttributions(ctx, s))
  const quoted = new Set(atts.flatMap((a) => a.units))
  for (const a of findDashAttributions(ctx, sentenceAt))
    if (!a.units.some((u) => quoted.has(u)) && !skipParagraph(sentences[a.sentence]!.paragraph)) atts.push(a)
  const claimed = new Set(atts.flatMap((a) => a.units))
  for (const s of sentences) if (!skipParagraph(s.paragraph)) atts.push(...findColonAttributions(ctx, s, claimed))
  atts.sort((a, b) => a.pos - b.pos)

  // Quotations no attribution used: statements of nobody named, unless they are scare quotes or titles.
  const used = new Set<number>()
  for (const a of atts) {
    for (const u of a.units) used.add(u)
  }
  const items: Item[] = []
  for (const m of bodyMentions) if (!m.inQuote) items.push({ pos: m.start, order: 0, mention: m })
  for (const a of atts) items.push({ pos: a.pos, order: 1, att: a })
  for (const u of units) {
    const first = u.pieces[0]
    if (used.has(u.id) || first === undefined || skipParagraph(first.paragraph)) continue
    if (!isStatementQuote(tokens, sentences, sentenceAt, u)) continue
    items.push({ pos: u.start, order: 1, quote: u, sentence: sentenceAt(u.start) })
  }
  for (const t of turns) items.push({ pos: t.start, order: 1, turn: t, sentence: sentenceAt(t.start) })
  // "He now skippers the ferry ...": a pronoun opening a sentence carries its antecedent forward.
  const attributed = new Set(atts.map((a) => a.pos))
  for (const s of sentences) {
    if (furniture.has(s.paragraph)) continue
    let k = s.tokStart
    if (OPENING_CONJUNCTIONS.has(tokens[k]!.norm) && k + 1 < s.tokEnd) k++
    // "On a recent Saturday, a man in a red cap stood outside": the subject follows an opening adverbial.
    if (ADJUNCT_PREPS.has(tokens[k]!.norm) || SUBORDINATORS.has(tokens[k]!.norm)) {
      for (let c = k + 1; c < Math.min(s.tokEnd - 1, k + 16); c++)
        if (tokens[c]!.text === ',' && tokens[c]!.quote < 0) {
          k = c + 1
          break
        }
    }
    const identified = findIdentification(ctx, s)
    if (identified !== null)
      items.push({
        pos: identified.name.start,
        order: 0,
        identified: identified.part,
        name: identified.name,
        sentence: s.index,
      })
    const t = tokens[k]!
    if (t.type === 'word' && t.quote < 0 && SUBJECT_PRONOUNS.has(t.norm) && !attributed.has(t.start))
      items.push({ pos: t.start, order: 0, pronoun: t.norm, sentence: s.index })
    else if (t.type === 'word' && t.quote < 0 && mentionAt[k]! < 0 && !attributed.has(t.start)) {
      // "Residents gathered outside." / "The company posted a loss.": an unnamed subject "they" or "it" may take up.
      for (let e = k; e < Math.min(s.tokEnd, k + 5); e++) {
        const u = tokens[e]!
        if (u.type !== 'word' || mentionAt[e]! >= 0) break
        if (!SPEAKER_NOUNS.has(u.norm)) continue
        let part = classifyPart(ctx, k, e + 1)
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
        if (unnamedPerson) {
          let v = e + 1
          while (
            v < Math.min(s.tokEnd, e + 9) &&
            tokens[v]!.type === 'word' &&
            tokens[v]!.quote < 0 &&
            !SUBJECT_VERBS.has(tokens[v]!.norm) &&
            mentionAt[v]! < 0
          )
            v++
          const longer = v > e + 1 && SUBJECT_VERBS.has(tokens[v]?.norm ?? '') ? classifyPart(ctx, k, v) : null
          if (longer !== null && longer.kind === 'description' && longer.head === head) part = longer
        }
        if (
          part !== null &&
          part.kind === 'description' &&
          (part.plural ||
            (part.definite && ORG_HEAD_NOUNS.has(head)) ||
            MALE_NOUNS.has(head) ||
            FEMALE_NOUNS.has(head) ||
            unnamedPerson)
        )
          items.push({ pos: t.start, order: 0, description: part, sentence: s.index })
        break
      }
    }
  }
  items.sort((a, b) => a.pos - b.pos || a.order - b.order)

  const discourse = new Discourse(registry, liveMentions)
  // "Corvane shares slide as demand cools" above the story: the headline's subject is what "the company" later means.
  for (const m of liveMentions)
    if (m.subject && !m.inQuote && furniture.get(sentences[m.sentence]!.paragraph) === 'headline')
      discourse.noteTopic(m)
  const drafts: Draft[] = []
  let last: Draft | null = null
  let lastBySentence: { sentence: number; draft: Draft } | null = null
  for (const item of items) {
    if ('mention' in item) {
      discourse.noteMention(item.mention)
      continue
    }
    if ('pronoun' in item) {
      discourse.notePronounSubject(item.pronoun, item.pos, item.sentence)
      continue
    }
    if ('description' in item) {
      discourse.noteDescriptionSubject(item.description, item.pos, item.sentence)
      continue
    }
    if ('identified' in item) {
      discourse.identify(item.identified, item.name, item.pos, item.sentence)
      continue
    }
    let draft: Draft
    if ('att' in item) {
      const a = item.att
      let states: EntityState[] = []
      if (a.inherit) states = lastBySentence?.sentence === a.sentence ? lastBySentence.draft.states : []
      else if (a.subject !== null) {
        // Joint speakers are different people: "Mr. Chen and Dr. Chen both said".
        const avoid = new Set<string>()
        for (const p of a.subject.parts) {
          for (const e of discourse.resolve(p, a.pos, a.sentence, a.pieces, avoid)) {
            if (!avoid.has(e.key)) states.push(e)
            avoid.add(e.key)
          }
        }
      }
      // "The firm declined to comment.": recorded with no content (nothing was said), and the firm
      // stays the salient antecedent.
      if (a.decline) {
        discourse.noteSpeakers(states, item.pos, a.sentence)
        if (states.length === 0) continue
        drafts.push(
          makeDraft(
            'indirect',
            states,
            null,
            a.subject?.text ?? null,
            a.cue,
            [],
            a.extentStart,
            a.extentEnd,
            sentenceAt,
          ),
        )
        continue
      }
      let via =
        a.via === null
          ? null
          : (dedupe(a.via.parts.flatMap((p) => discourse.resolve(p, a.via!.start, a.sentence, a.pieces)))[0] ?? null)
      // A pronoun continuing a relayed report keeps its channel: "Xinhua reported that Han said ... He expressed hopes ...".
      const pronounOnly = a.subject !== null && a.subject.parts.length === 1 && a.subject.parts[0]!.kind === 'pronoun'
      if (
        via === null &&
        (pronounOnly || a.inherit) &&
        a.kind !== 'direct' &&
        last !== null &&
        last.via !== null &&
        last.lastSentence >= a.sentence - 1 &&
        sameStates(last.states, states)
      )
        via = last.via
      // "Acme said in a statement that ...": a later "the statement said" speaks for Acme.
      if (states.length === 1) discourse.noteDocuments(documentsInTag(text, a), states, a.pos, a.sentence)
      const source = a.inherit
        ? lastBySentence?.sentence === a.sentence
          ? lastBySentence.draft.source
          : null
        : (a.subject?.text ?? null)
      draft = makeDraft(a.kind, states, via, source, a.cue, a.pieces, a.extentStart, a.extentEnd, sentenceAt)
    } else if ('quote' in item) {
      const u = item.quote
      const pieces = u.pieces.filter((p) => p.end > p.start).map((p) => ({ start: p.start, end: p.end }))
      // A bare quotation right after a quoted speaker continues that speaker (news convention).
      const opensSentence = tokens[sentences[item.sentence]!.tokStart]!.mark === 'open'
      const continues =
        last !== null &&
        (last.kind === 'direct' || last.kind === 'mixed') &&
        last.states.length > 0 &&
        last.lastSentence >= item.sentence - 1 &&
        opensSentence
      // `"We lost," Okoro said. "We will be back."`: in the same paragraph the quotation goes on with the same statement.
      if (
        continues &&
        last!.kind === 'direct' &&
        last!.via === null &&
        sentences[last!.lastSentence]!.paragraph === sentences[item.sentence]!.paragraph
      ) {
        last!.pieces.push(...pieces)
        last!.extentEnd = Math.max(last!.extentEnd, u.end)
        last!.lastSentence = sentenceAt(Math.max(u.start, u.end - 1))
        continue
      }
      draft = makeDraft('direct', continues ? last!.states : [], null, null, null, pieces, u.start, u.end, sentenceAt)
    } else {
      const t = item.turn
      const states = t.anonymous ? [] : resolveLabel(t.label, discourse, registry, item.sentence, t.start)
      const pieces = [{ start: t.start, end: t.end }, ...t.more.map((m) => ({ start: m.start, end: m.end }))]
      // In a transcript the label is the cue: "BRANDT:".
      draft = makeDraft(
        'direct',
        states,
        null,
        t.label,
        `${t.label}:`,
        pieces,
        t.start,
        pieces[pieces.length - 1]!.end,
        sentenceAt,
      )
    }
    discourse.noteSpeakers(draft.states, item.pos, draft.sentence)
    drafts.push(draft)
    last = draft
    lastBySentence = { sentence: 'att' in item ? item.att.sentence : draft.sentence, draft }
  }
  warnings.push(...discourse.warnings)

  // Every sentence no statement covers is narration.
  const covered = new Uint8Array(sentences.length)
  for (const d of drafts)
    for (let k = sentenceAt(d.extentStart); k <= sentenceAt(Math.max(d.extentStart, d.extentEnd - 1)); k++)
      covered[k] = 1
  for (const s of sentences) {
    if (covered[s.index]) continue
    drafts.push({
      kind: 'narration',
      states: [],
      via: null,
      source: null,
      cue: null,
      pieces: [{ start: s.start, end: s.end }],
      extentStart: s.start,
      extentEnd: s.end,
      sentence: s.index,
      lastSentence: s.index,
    })
  }
  drafts.sort(
    (a, b) =>
      (a.pieces[0]?.start ?? a.extentStart) - (b.pieces[0]?.start ?? b.extentStart) || a.extentStart - b.extentStart,
  )
  return toStatements(article, text, drafts, sentences, sentenceAt, discourse, mentions, tokens, options)
}

/** Document nouns in an attribution's tag, outside its content: "said in a statement", "according to a release from". */
function documentsInTag(text: string, a: Attribution): string[] {
  const out: string[] = []
  let from = a.extentStart
  const scan = (end: number) => {
    if (end - from > 400) return
    for (const w of text
      .slice(from, end)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [])
      if (DOCUMENT_NOUNS.has(w)) out.push(w)
  }
  for (const p of [...a.pieces].sort((x, y) => x.start - y.start)) {
    if (p.start > from) scan(p.start)
    from = Math.max(from, p.end)
  }
  if (a.extentEnd > from) scan(a.extentEnd)
  return out
}

function makeDraft(
  kind: StatementKind,
  states: EntityState[],
  via: EntityState | null,
  source: string | null,
  cue: string | null,
  pieces: Span[],
  extentStart: number,
  extentEnd: number,
  sentenceAt: (pos: number) => number,
): Draft {
  const first = pieces[0]?.start ?? extentStart
  return {
    kind,
    states,
    via,
    source,
    cue,
    pieces,
    extentStart,
    extentEnd,
    sentence: sentenceAt(first),
    lastSentence: sentenceAt(Math.max(extentStart, extentEnd - 1)),
  }
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

function toStatements(
  article: ArticleInput,
  text: string,
  drafts: Draft[],
  sentences: readonly Sentence[],
  sentenceAt: (pos: number) => number,
  discourse: Discourse,
  mentions: readonly Mention[],
  tokens: readonly Token[],
  options: ExtractOptions,
): Statement[] {
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

/** Resolves a transcript label ("SECRETARY BLINKEN", "MR. PRICE") to an entity. */
function resolveLabel(
  label: string,
  discourse: Discourse,
  registry: RegistryIndex,
  sentence: number,
  pos: number,
): EntityState[] {
  const words = label
    .split(/\s+/)
    .filter((w) => !TITLE_WORDS.has(w.toLowerCase()) && !TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, '')))
  if (words.length === 0) return []
  const titled = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ')
  const toks = tokenize(titled)
  const reg = toks.length > 0 ? matchRegistry(registry, toks, 0, toks.length) : null
  if (reg !== null && reg.length === toks.length) {
    const e = discourse.registryById(reg.alias.entity.id)
    return e === null ? [] : [e]
  }
  // A name form seen in the article: "ADEYEMI" → "Ruth Adeyemi".
  const m: Mention = {
    id: -1,
    tokStart: -1,
    tokEnd: -1,
    start: pos,
    end: pos,
    text: titled,
    registry: null,
    kind: 'person',
    gender: guessGender(titled.split(' ')),
    description: null,
    honorific: null,
    sentence,
    inQuote: false,
    subject: false,
    initial: false,
  }
  return [discourse.entityForMention(m)]
}

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

function dedupe(states: EntityState[]): EntityState[] {
  return states.filter((s, i) => states.findIndex((t) => t.key === s.key) === i)
}

function dedupeSpeakers<T extends { id: string }>(xs: T[]): T[] {
  return xs.filter((s, i) => xs.findIndex((t) => t.id === s.id) === i)
}

function sameStates(a: readonly EntityState[], b: readonly EntityState[]): boolean {
  return a.length === b.length && a.every((s, i) => s.key === b[i]!.key)
}
