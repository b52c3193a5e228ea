/** Drafts: statements with resolved speakers, before ids, topics and public speakers are filled in. */
import type { Span, StatementKind } from '../types'
import type { Analysis } from './analysis'
import type { Attribution } from './attributions'
import type { Resolution } from './confidence'
import type { Discourse } from './coreference'
import { matchRegistry, type RegistryIndex } from './entities'
import type { EntityState } from './entity-states'
import { DOCUMENT_NOUNS, TITLE_WORDS } from './lexicon'
import type { Mention } from './mention'
import { guessGender } from './name-kinds'
import type { QuoteUnit } from './quotes'
import { continuationOf, describeResolution } from './resolution'
import type { Item } from './timeline'
import { tokenize } from './tokens'
import type { TranscriptTurn } from './transcript'

export /** A statement before ids, topics and public speakers are filled in. */
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
  /** How each speaker was found, one per speaker part: what the statement's confidence is computed from. */
  resolutions: Resolution[]
}

/** Where the walk is: the drafts so far, the last statement, and the last one with its attribution's sentence. */
interface Walk {
  drafts: Draft[]
  last: Draft | null
  lastBySentence: { sentence: number; draft: Draft } | null
}

/**
 * Walks the timeline in text order, feeding salience to the discourse and resolving each statement's speakers.
 *
 * @example
 * // 'Han Zheng arrived. He said talks went well.' → [{ kind: 'indirect', states: [Han Zheng], cue: 'said' }]
 */
export function draftStatements(a: Analysis, items: readonly Item[], discourse: Discourse): Draft[] {
  const walk: Walk = { drafts: [], last: null, lastBySentence: null }
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
    let draft: Draft | null
    if ('att' in item) draft = draftAttribution(a, discourse, walk, item.att)
    else if ('quote' in item) draft = draftQuote(a, walk, item.quote, item.sentence)
    else draft = draftTurn(a, discourse, item.turn, item.sentence)
    if (draft === null) continue
    discourse.noteSpeakers(draft.states, item.pos, draft.sentence)
    walk.drafts.push(draft)
    walk.last = draft
    walk.lastBySentence = { sentence: 'att' in item ? item.att.sentence : draft.sentence, draft }
  }
  return walk.drafts
}

/** An attribution's draft; null for a refusal ("declined to comment"), which says nothing. */
function draftAttribution(a: Analysis, discourse: Discourse, walk: Walk, att: Attribution): Draft | null {
  const { lastBySentence } = walk
  const resolutions: Resolution[] = []
  const states = attributionSpeakers(discourse, walk, att, resolutions)
  // "The firm declined to comment.": nothing was said, so it is no statement (its sentence stays narration,
  // so search still finds it), but the firm stays the salient antecedent of a later "it".
  if (att.decline) {
    discourse.noteSpeakers(states, att.pos, att.sentence)
    // "Acme declined to comment, saying ...": the participle speaks for the one who refused.
    const refusal = makeDraft(
      'indirect',
      states,
      null,
      att.subject?.text ?? null,
      att.cue,
      [],
      att.extentStart,
      att.extentEnd,
      a.sentenceAt,
      resolutions,
    )
    if (states.length > 0) walk.lastBySentence = { sentence: att.sentence, draft: refusal }
    return null
  }
  const via = attributionChannel(discourse, walk, att, states)
  // "Acme said in a statement that ...": a later "the statement said" speaks for Acme.
  if (states.length === 1) discourse.noteDocuments(documentsInTag(a.text, att), states, att.pos, att.sentence)
  const source = att.inherit
    ? lastBySentence?.sentence === att.sentence
      ? lastBySentence.draft.source
      : null
    : (att.subject?.text ?? null)
  return makeDraft(
    att.kind,
    states,
    via,
    source,
    att.cue,
    att.pieces,
    att.extentStart,
    att.extentEnd,
    a.sentenceAt,
    resolutions,
  )
}

/**
 * The speakers of an attribution: its subject's parts resolved, or the previous speaker of the sentence;
 * `resolutions` receives how each was found.
 */
function attributionSpeakers(
  discourse: Discourse,
  walk: Walk,
  att: Attribution,
  resolutions: Resolution[],
): EntityState[] {
  if (att.inherit) {
    const prev = walk.lastBySentence?.sentence === att.sentence ? walk.lastBySentence.draft : null
    resolutions.push(...continuationOf(prev?.resolutions ?? [], 0))
    return prev?.states ?? []
  }
  const states: EntityState[] = []
  if (att.subject === null) return states
  // Joint speakers are different people: "Mr. Chen and Dr. Chen both said".
  const avoid = new Set<string>()
  for (const p of att.subject.parts) {
    const found = discourse.resolve(p, att.pos, att.sentence, att.pieces, avoid)
    resolutions.push(describeResolution(discourse, p, found, att.pos, att.sentence, att.pieces))
    for (const e of found) {
      if (!avoid.has(e.key)) states.push(e)
      avoid.add(e.key)
    }
  }
  return states
}

/** The relaying channel of an attribution: its own "according to" / "reported", or the one it continues. */
function attributionChannel(
  discourse: Discourse,
  walk: Walk,
  att: Attribution,
  states: readonly EntityState[],
): EntityState | null {
  const { last } = walk
  const via =
    att.via === null
      ? null
      : (dedupe(att.via.parts.flatMap((p) => discourse.resolve(p, att.via!.start, att.sentence, att.pieces)))[0] ??
        null)
  // A pronoun continuing a relayed report keeps its channel: "Xinhua reported that Han said ... He expressed hopes ...".
  const pronounOnly = att.subject !== null && att.subject.parts.length === 1 && att.subject.parts[0]!.kind === 'pronoun'
  if (
    via === null &&
    (pronounOnly || att.inherit) &&
    att.kind !== 'direct' &&
    last !== null &&
    last.via !== null &&
    last.lastSentence >= att.sentence - 1 &&
    sameStates(last.states, states)
  )
    return last.via
  return via
}

/** A quotation no attribution used: a statement of nobody, or of the speaker it continues; null when merged into it. */
function draftQuote(a: Analysis, walk: Walk, u: QuoteUnit, sentence: number): Draft | null {
  const { tokens, sentences, sentenceAt } = a
  const last = walk.last
  const pieces = u.pieces.filter((p) => p.end > p.start).map((p) => ({ start: p.start, end: p.end }))
  // A bare quotation right after a quoted speaker continues that speaker (news convention).
  const opensSentence = tokens[sentences[sentence]!.tokStart]!.mark === 'open'
  const continues =
    last !== null &&
    (last.kind === 'direct' || last.kind === 'mixed') &&
    last.states.length > 0 &&
    last.lastSentence >= sentence - 1 &&
    opensSentence
  // `"We lost," Okoro said. "We will be back."`: in the same paragraph the quotation goes on with the same statement.
  if (
    continues &&
    last!.kind === 'direct' &&
    last!.via === null &&
    sentences[last!.lastSentence]!.paragraph === sentences[sentence]!.paragraph
  ) {
    last!.pieces.push(...pieces)
    last!.extentEnd = Math.max(last!.extentEnd, u.end)
    last!.lastSentence = sentenceAt(Math.max(u.start, u.end - 1))
    return null
  }
  const resolutions = continues ? continuationOf(last!.resolutions, sentence - last!.lastSentence) : []
  return makeDraft(
    'direct',
    continues ? last!.states : [],
    null,
    null,
    null,
    pieces,
    u.start,
    u.end,
    sentenceAt,
    resolutions,
  )
}

/** A transcript turn: the label is both the speaker and the cue ("BRANDT:"). */
function draftTurn(a: Analysis, discourse: Discourse, t: TranscriptTurn, sentence: number): Draft {
  const states = t.anonymous ? [] : resolveLabel(t.label, discourse, a.registry, sentence, t.start)
  // A transcript label names its speaker outright ("BRANDT:").
  const resolutions: Resolution[] = states.length > 0 ? [{ path: 'named', distance: 0, competitors: 0 }] : []
  const pieces = [{ start: t.start, end: t.end }, ...t.more.map((m) => ({ start: m.start, end: m.end }))]
  const end = pieces[pieces.length - 1]!.end
  return makeDraft('direct', states, null, t.label, `${t.label}:`, pieces, t.start, end, a.sentenceAt, resolutions)
}

/** Covers every sentence no draft covers with a narration draft ("The ferry left at dawn."). */
export function addNarration(drafts: Draft[], a: Analysis): void {
  const { sentences, sentenceAt } = a
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
      resolutions: [],
    })
  }
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
  resolutions: Resolution[],
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
    resolutions,
  }
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

function dedupe(states: EntityState[]): EntityState[] {
  return states.filter((s, i) => states.findIndex((t) => t.key === s.key) === i)
}

function sameStates(a: readonly EntityState[], b: readonly EntityState[]): boolean {
  return a.length === b.length && a.every((s, i) => s.key === b[i]!.key)
}
