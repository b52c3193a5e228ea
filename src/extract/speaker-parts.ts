/** Speaker parts: one speaker inside a phrase, classified as a pronoun, a name (with its roles) or a description. */
import { isSpeechVerbForm } from './cues'
import { matchRegistry, type RegistryAlias, type RegistryIndex } from './entities'
import {
  ADVERB_SKIP,
  AGENTIVE,
  CONJUNCTIONS,
  DAYS,
  DEFINITE_DETERMINERS,
  DOCUMENT_NOUNS,
  FUNCTION_WORDS,
  IRREGULAR_PLURALS,
  isPersonEpithet,
  isRoleWord,
  JOINERS,
  LEADING_SKIP,
  MONTHS,
  NAME_POST_PREPS,
  NOT_AGENTS,
  NP_DETERMINERS,
  NP_POST_PREPS,
  ORG_HEAD_NOUNS,
  PARTY_MEMBERS,
  PRONOUNS,
  QUANTIFIERS,
  SPEAKER_NOUNS,
  TITLE_WORDS,
} from './lexicon'
import type { Mention } from './mention'
import { isPossessive, type Token } from './tokens'

/** What speaker parsing reads: the text, its tokens and mentions, and the registry. */
export interface ParseContext {
  text: string
  tokens: readonly Token[]
  mentions: readonly Mention[]
  mentionAt: Int32Array
  registry: RegistryIndex
}

export type PartKind = 'pronoun' | 'name' | 'description'

/** One speaker inside a speaker phrase ("Han Zheng" and "America's top diplomat" in a joint subject). */
export interface SpeakerPart {
  kind: PartKind
  tokStart: number
  tokEnd: number
  start: number
  end: number
  text: string
  mention: Mention | null
  /** Registry anaphor alias the whole part matches ("the department"). */
  alias: RegistryAlias | null
  /** Lower-case words of a description without its determiner: "secretary of state". */
  words: string[]
  head: string | null
  definite: boolean
  plural: boolean
  /** Appositive or role words attached to a name ("the company's chief executive"). */
  description: string | null
}

/** A speaker phrase: the words naming who speaks, and the one or more speakers (parts) in it. */
export interface SpeakerPhrase {
  /** Characters of the mention as written ("Rui Fonseca"), appositives excluded. */
  start: number
  end: number
  /** Tokens of the whole phrase, appositives included: where the attributing clause starts and ends. */
  tokStart: number
  tokEnd: number
  text: string
  parts: SpeakerPart[]
}

type PartFields = Pick<SpeakerPart, 'mention' | 'alias' | 'words' | 'head' | 'definite' | 'plural' | 'description'>

/** A word or number outside quotations. */
export const isWord = (t: Token | undefined): boolean =>
  t !== undefined && (t.type === 'word' || t.type === 'number') && t.quote < 0

/**
 * Is the plural form of a head noun? ("officials", "people"; not "press", "status").
 *
 * @example
 * isPluralNoun('officials') // true
 * isPluralNoun('status') // false
 */
export const isPluralNoun = (n: string): boolean => IRREGULAR_PLURALS.has(n) || (/s$/.test(n) && !/(ss|us|is)$/.test(n))

/** Builds a part with one fixed property order, so every part shares a shape. */
export function makePart(
  kind: PartKind,
  tokStart: number,
  tokEnd: number,
  start: number,
  end: number,
  text: string,
  r: PartFields,
): SpeakerPart {
  return {
    kind,
    tokStart,
    tokEnd,
    start,
    end,
    text,
    mention: r.mention,
    alias: r.alias,
    words: r.words,
    head: r.head,
    definite: r.definite,
    plural: r.plural,
    description: r.description,
  }
}

/** The mention id covering token k, or -1 (also outside the text). */
export function mentionIdAt(ctx: ParseContext, k: number): number {
  return k >= 0 && k < ctx.mentionAt.length ? ctx.mentionAt[k]! : -1
}

/**
 * Classifies tokens [a, b) as one speaker: a pronoun, a name (with leading role words), or a description.
 *
 * @example
 * // 'climate envoy John Kerry' → { kind: 'name', text: 'John Kerry', description: 'climate envoy' }
 * // 'a senior official' → { kind: 'description', head: 'official', definite: false, plural: false }
 */
export function classifyPart(ctx: ParseContext, a: number, b: number): SpeakerPart | null {
  const { tokens } = ctx
  while (a < b && LEADING_SKIP.has(tokens[a]!.norm) && mentionIdAt(ctx, a) < 0) a++
  const n = b - a
  if (n <= 0 || n > 12) return null
  // Marks inside a name stay inside it: "Rosa "Rosie" Diaz", "@harbourfan".
  for (let k = a; k < b; k++) if (!isWord(tokens[k]) && tokens[k]!.text !== '&' && mentionIdAt(ctx, k) < 0) return null
  const first = tokens[a]!
  const last = tokens[b - 1]!
  if (n === 1 && PRONOUNS.has(first.norm)) {
    return makePart('pronoun', a, b, first.start, last.end, ctx.text.slice(first.start, last.end), {
      mention: null,
      alias: null,
      words: [first.norm],
      head: first.norm,
      definite: true,
      plural: first.norm === 'they' || first.norm === 'we',
      description: null,
    })
  }
  // "a report released Tuesday by the Harbor Institute", "a news release from the sheriff's office": the issuer speaks.
  const author = documentAuthor(ctx, a, b)
  if (author !== null) return author
  // A description with a post-modifier wins over a name inside it: "officials at the Foreign Ministry".
  const desc = describe(ctx, a, b)
  if (desc?.postModified) return desc.part
  const affiliated = nameWithAffiliation(ctx, a, b)
  if (affiliated !== null) return affiliated
  const titled = nameAfterRoles(ctx, a, b)
  if (titled !== undefined) return titled
  return registryAnaphor(ctx, a, b) ?? desc?.part ?? null
}

/** "Ellen Chen of the Riverside Civic League": a person named first, then where they belong. */
function nameWithAffiliation(ctx: ParseContext, a: number, b: number): SpeakerPart | null {
  const { tokens } = ctx
  const m0id = mentionIdAt(ctx, a)
  if (m0id < 0) return null
  const m0 = ctx.mentions[m0id]!
  const after = tokens[m0.tokEnd]
  if (
    m0.tokStart !== a ||
    m0.tokEnd >= b ||
    after === undefined ||
    !NAME_POST_PREPS.has(after.norm) ||
    m0.kind === 'organization'
  )
    return null
  return makePart('name', a, b, m0.start, m0.end, ctx.text.slice(m0.start, m0.end), {
    mention: m0,
    alias: null,
    words: [],
    head: null,
    definite: false,
    plural: false,
    description: ctx.text.slice(after.start, tokens[b - 1]!.end),
  })
}

/**
 * A name ending the part, after role words: "climate envoy John Kerry". Undefined when no mention ends the part;
 * null when one does but the words before it are no roles ("a song Tolliver").
 */
function nameAfterRoles(ctx: ParseContext, a: number, b: number): SpeakerPart | null | undefined {
  const { tokens } = ctx
  const mid = mentionIdAt(ctx, b - 1)
  if (mid < 0) return undefined
  const m = ctx.mentions[mid]!
  if (m.tokEnd !== b || m.tokStart < a) return undefined
  let d = a
  while (d < m.tokStart && NP_DETERMINERS.has(tokens[d]!.norm)) d++
  if (m.tokStart - d > 8) return null
  for (let k = d; k < m.tokStart; k++) {
    const u = tokens[k]!
    // "Plume co-founder and CEO Anika Berglund": "and" between two role words joins offices of one person.
    if (
      u.norm === 'and' &&
      k > d &&
      k + 1 < m.tokStart &&
      isRoleWord(tokens[k - 1]!.norm) &&
      isRoleWord(tokens[k + 1]!.norm)
    )
      continue
    if (isSpeechVerbForm(u.norm) || CONJUNCTIONS.has(u.norm)) return null
  }
  // Words before a name must end in a role: "climate envoy John Kerry", not "a song Tolliver".
  const right = tokens[m.tokStart - 1]
  if (d < m.tokStart && right !== undefined && !(isRoleWord(right.norm) || right.cap || isPossessive(right)))
    return null
  const before = d < m.tokStart ? ctx.text.slice(tokens[d]!.start, tokens[m.tokStart - 1]!.end) : null
  // "Mr. Chen", "President Biden": capitalised titles written with the name belong to the mention as written.
  let from = m.tokStart
  while (from > d && tokens[from - 1]!.cap) from--
  const start = tokens[from]!.start
  return makePart('name', a, b, start, m.end, ctx.text.slice(start, m.end), {
    mention: m,
    alias: null,
    words: [],
    head: null,
    definite: false,
    plural: false,
    description: before ?? m.description,
  })
}

/** The whole part is a registry anaphor: "the department", "the secretary of state". */
function registryAnaphor(ctx: ParseContext, a: number, b: number): SpeakerPart | null {
  const { tokens } = ctx
  const reg = matchRegistry(ctx.registry, tokens, a, b, true)
  if (reg === null || reg.length !== b - a || !reg.alias.anaphor) return null
  const words = tokens.slice(a + 1, b).map((t) => t.norm)
  const first = tokens[a]!
  const last = tokens[b - 1]!
  return makePart('description', a, b, first.start, last.end, ctx.text.slice(first.start, last.end), {
    mention: null,
    alias: reg.alias,
    words,
    head: words[words.length - 1] ?? null,
    definite: true,
    plural: false,
    description: null,
  })
}

/** The issuer of a document phrase: "a statement from Acme Corp." → Acme Corp.; null when [a, b) is no such phrase. */
function documentAuthor(ctx: ParseContext, a: number, b: number): SpeakerPart | null {
  const { tokens } = ctx
  let h = a
  while (h < b && h - a < 4 && !DOCUMENT_NOUNS.has(tokens[h]!.norm)) {
    if (!isWord(tokens[h]) || (tokens[h]!.cap && h > a) || mentionIdAt(ctx, h) >= 0) return null
    h++
  }
  if (h >= b || !DOCUMENT_NOUNS.has(tokens[h]!.norm)) return null
  for (let k = h + 1; k < Math.min(b - 1, h + 7); k++) {
    const t = tokens[k]!
    if (!isWord(t) || (t.cap && !DAYS.has(t.norm) && !MONTHS.has(t.norm)) || mentionIdAt(ctx, k) >= 0) return null
    if (t.norm !== 'by' && t.norm !== 'from' && t.norm !== 'of') continue
    const p = classifyPart(ctx, k + 1, b)
    if (
      p === null ||
      p.kind === 'pronoun' ||
      (p.kind === 'description' && !(p.definite && ORG_HEAD_NOUNS.has(p.head ?? '')))
    )
      return null
    return p
  }
  return null
}

/** "a senior official", "officials at the ministry", "two freight forwarders", "one of the people". */
function describe(ctx: ParseContext, a: number, b: number): { part: SpeakerPart; postModified: boolean } | null {
  const { tokens } = ctx
  const first = tokens[a]!
  let h0 = a
  // "one of the people familiar with the matter": the head follows "of the".
  if (QUANTIFIERS.has(first.norm) && tokens[a + 1]?.norm === 'of' && a + 2 < b) {
    h0 = a + 2
    while (h0 < b - 1 && NP_DETERMINERS.has(tokens[h0]!.norm)) h0++
  }
  let headIdx = b - 1
  let post = false
  for (let k = h0 + 1; k < b; k++) {
    if (mentionIdAt(ctx, k) >= 0) continue
    if (NP_POST_PREPS.has(tokens[k]!.norm)) {
      headIdx = k - 1
      post = true
      break
    }
  }
  const head = tokens[headIdx]!
  // "the Italian" is an epithet for a named person, "a New Hampshire Democrat" an unnamed one; other capitalised heads are names.
  if (
    head.cap &&
    headIdx !== a &&
    !(first.norm === 'the' && isPersonEpithet(head.norm)) &&
    !(PARTY_MEMBERS.has(head.norm) && NP_DETERMINERS.has(first.norm))
  )
    return null
  const quantified = QUANTIFIERS.has(first.norm) && first.norm !== 'one'
  // "whether", "together", "never": function words that only look like agent nouns are no heads.
  const known =
    SPEAKER_NOUNS.has(head.norm) ||
    isPersonEpithet(head.norm) ||
    (AGENTIVE.test(head.norm) && !FUNCTION_WORDS.has(head.norm) && !NOT_AGENTS.has(head.norm)) ||
    (TITLE_WORDS.has(head.norm) && head.norm.length > 3) ||
    (quantified && isPluralNoun(head.norm))
  if (!known) return null
  for (let k = a; k < headIdx; k++) {
    const t = tokens[k]!
    if (isSpeechVerbForm(t.norm) || CONJUNCTIONS.has(t.norm) || ADVERB_SKIP.has(t.norm) || PRONOUNS.has(t.norm))
      return null
  }
  const definite = DEFINITE_DETERMINERS.has(first.norm) || (isPossessive(first) && headIdx > a)
  const words = tokens.slice(NP_DETERMINERS.has(first.norm) ? a + 1 : a, b).map((t) => t.norm)
  const last = tokens[b - 1]!
  const singular = first.norm === 'one' || first.norm === 'a' || first.norm === 'an'
  return {
    postModified: post,
    part: makePart('description', a, b, first.start, last.end, ctx.text.slice(first.start, last.end), {
      mention: null,
      alias: null,
      words,
      head: head.norm,
      definite,
      plural: !singular && isPluralNoun(head.norm),
      description: null,
    }),
  }
}

/**
 * Parses tokens [a, b) as a speaker phrase: one part, or joint parts split on "and" / commas.
 *
 * @example
 * // With the registry: 'Han Zheng and America's top diplomat' → parts: [name Han Zheng, name Antony Blinken]
 */
export function parsePhrase(ctx: ParseContext, a: number, b: number): SpeakerPhrase | null {
  const { tokens } = ctx
  while (a < b && LEADING_SKIP.has(tokens[a]!.norm) && mentionIdAt(ctx, a) < 0) a++
  if (a >= b) return null
  const wrap = (parts: SpeakerPart[]): SpeakerPhrase => {
    const one = parts.length === 1 ? parts[0]! : null
    const start = one?.kind === 'name' ? one.start : tokens[a]!.start
    const end = one?.kind === 'name' ? one.end : tokens[b - 1]!.end
    return { start, end, tokStart: a, tokEnd: b, text: ctx.text.slice(start, end), parts }
  }
  // Joint speakers: "X and Y", "X, Y and Z" (joiners inside a name such as "Johnson & Johnson" do not split).
  const cuts: number[] = []
  for (let k = a + 1; k < b - 1; k++) {
    const t = tokens[k]!
    if (mentionIdAt(ctx, k) >= 0) continue
    if (JOINERS.has(t.norm) || t.text === ',') cuts.push(k)
  }
  if (cuts.length > 0) {
    const parts: SpeakerPart[] = []
    let from = a
    let ok = true
    for (const c of [...cuts, b]) {
      const p = classifyPart(ctx, from, c)
      if (p === null) {
        ok = false
        break
      }
      // "Plume co-founder and CEO Anika Berglund": a bare singular role with no determiner is no speaker of its own.
      if (
        p.kind === 'description' &&
        c < b &&
        !p.plural &&
        !p.definite &&
        !NP_DETERMINERS.has(tokens[from]!.norm) &&
        p.alias === null
      ) {
        ok = false
        break
      }
      parts.push(p)
      from = c + 1
      if (from < b && tokens[from]!.norm === 'and') from++
    }
    if (ok && parts.length > 1) return wrap(parts)
    if (cuts.some((c) => tokens[c]!.text === ',')) return null
  }
  const one = classifyPart(ctx, a, b)
  return one === null ? null : wrap([one])
}
