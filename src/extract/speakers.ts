/** Speaker phrases: the noun phrase before or after a cue, split into joint speakers and classified. */
import { isSpeechVerbForm } from './cues'
import { matchRegistry, type RegistryAlias, type RegistryIndex } from './entities'
import {
  ADJUNCT_PREPS,
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
  NP_INNER,
  NP_POST_PREPS,
  ORG_HEAD_NOUNS,
  PRONOUNS,
  QUANTIFIERS,
  RELATIVES,
  SPEAKER_NOUNS,
  TIME_ADVERBS,
  TIME_PRECEDERS,
  TIME_WORDS,
  TITLE_WORDS,
} from './lexicon'
import type { Mention } from './mentions'
import { isPartyTag, isPossessive, type Token } from './tokens'

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

const DASHES = new Set(['-', '—', '–', '--'])

const isWord = (t: Token | undefined): boolean =>
  t !== undefined && (t.type === 'word' || t.type === 'number') && t.quote < 0

/** Is the plural form of a head noun? ("officials", "people"; not "press", "status"). */
export const isPluralNoun = (n: string): boolean => IRREGULAR_PLURALS.has(n) || (/s$/.test(n) && !/(ss|us|is)$/.test(n))

/** Builds a part with one fixed property order, so every part shares a shape. */
function makePart(
  kind: PartKind,
  tokStart: number,
  tokEnd: number,
  start: number,
  end: number,
  text: string,
  r: Pick<SpeakerPart, 'mention' | 'alias' | 'words' | 'head' | 'definite' | 'plural' | 'description'>,
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

function mentionIdAt(ctx: ParseContext, k: number): number {
  return k >= 0 && k < ctx.mentionAt.length ? ctx.mentionAt[k]! : -1
}

/** Moves left over adverbs, auxiliaries and time phrases between a subject and its cue ("Biden this month expressed"). */
export function skipAdverbialsBackward(tokens: readonly Token[], lo: number, j: number): number {
  while (j >= lo) {
    const t = tokens[j]!
    if (!isWord(t)) return j
    if (!t.cap && (ADVERB_SKIP.has(t.norm) || TIME_ADVERBS.has(t.norm) || (/ly$/.test(t.norm) && t.norm.length > 4))) {
      j--
      continue
    }
    const isTime = (!t.cap && TIME_WORDS.has(t.norm)) || DAYS.has(t.norm)
    if (isTime) {
      let k = j - 1
      let preceded = false
      while (
        k >= lo &&
        isWord(tokens[k]) &&
        (TIME_PRECEDERS.has(tokens[k]!.norm) ||
          tokens[k]!.type === 'number' ||
          DAYS.has(tokens[k]!.norm) ||
          MONTHS.has(tokens[k]!.norm) ||
          (!tokens[k]!.cap && TIME_WORDS.has(tokens[k]!.norm)))
      ) {
        if (TIME_PRECEDERS.has(tokens[k]!.norm)) preceded = true
        k--
      }
      if (!preceded && !DAYS.has(t.norm)) return j
      // Never swallow the subject's own article: "the company the same day said" keeps "the company".
      if (k + 1 <= j && tokens[k + 1]!.norm === 'the') k++
      j = k
      continue
    }
    // "on Sept. 5", "in May": a month needs its preposition or its day number.
    if (t.type === 'number' && j - 1 >= lo && MONTHS.has(tokens[j - 1]!.norm)) {
      let k = j - 2
      if (k >= lo && TIME_PRECEDERS.has(tokens[k]!.norm)) k--
      j = k
      continue
    }
    return j
  }
  return j
}

/** Classifies tokens [a, b) as one speaker: a pronoun, a name (with leading role words), or a description. */
export function classifyPart(ctx: ParseContext, a: number, b: number): SpeakerPart | null {
  const { tokens } = ctx
  while (a < b && LEADING_SKIP.has(tokens[a]!.norm) && mentionIdAt(ctx, a) < 0) a++
  const n = b - a
  if (n <= 0 || n > 12) return null
  // Marks inside a name stay inside it: "Rosa "Rosie" Diaz", "@harbourfan".
  for (let k = a; k < b; k++) if (!isWord(tokens[k]) && tokens[k]!.text !== '&' && mentionIdAt(ctx, k) < 0) return null
  const first = tokens[a]!
  const last = tokens[b - 1]!
  const part = (
    kind: PartKind,
    start: number,
    end: number,
    rest: Pick<SpeakerPart, 'mention' | 'alias' | 'words' | 'head' | 'definite' | 'plural' | 'description'>,
  ): SpeakerPart => makePart(kind, a, b, start, end, ctx.text.slice(start, end), rest)

  if (n === 1 && PRONOUNS.has(first.norm)) {
    return part('pronoun', first.start, last.end, {
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

  // "Ellen Chen of the Riverside Civic League": a person named first, then where they belong.
  const m0id = mentionIdAt(ctx, a)
  if (m0id >= 0) {
    const m0 = ctx.mentions[m0id]!
    const after = tokens[m0.tokEnd]
    if (
      m0.tokStart === a &&
      m0.tokEnd < b &&
      after !== undefined &&
      NAME_POST_PREPS.has(after.norm) &&
      m0.kind !== 'organization'
    ) {
      return part('name', m0.start, m0.end, {
        mention: m0,
        alias: null,
        words: [],
        head: null,
        definite: false,
        plural: false,
        description: ctx.text.slice(after.start, last.end),
      })
    }
  }

  const mid = mentionIdAt(ctx, b - 1)
  if (mid >= 0) {
    const m = ctx.mentions[mid]!
    if (m.tokEnd === b && m.tokStart >= a) {
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
      return part('name', start, m.end, {
        mention: m,
        alias: null,
        words: [],
        head: null,
        definite: false,
        plural: false,
        description: before ?? m.description,
      })
    }
  }
  // The whole part is a registry anaphor: "the department", "the secretary of state".
  const reg = matchRegistry(ctx.registry, tokens, a, b, true)
  if (reg !== null && reg.length === n && reg.alias.anaphor) {
    const words = tokens.slice(a + 1, b).map((t) => t.norm)
    return part('description', first.start, last.end, {
      mention: null,
      alias: reg.alias,
      words,
      head: words[words.length - 1] ?? null,
      definite: true,
      plural: false,
      description: null,
    })
  }
  return desc?.part ?? null
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
  // "the Italian" is an epithet for a named person; other capitalised heads are names.
  if (head.cap && headIdx !== a && !(first.norm === 'the' && isPersonEpithet(head.norm))) return null
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

/** Parses [a, b) as a speaker phrase: one part, or joint parts split on "and" / commas. */
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

/** The speaker phrase ending right before a cue at `cueTok` ("Han said", "X, the Y of Z, said"); `lo` is the clause floor. */
export function parseSubjectBefore(ctx: ParseContext, lo: number, cueTok: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let j = skipAdverbialsBackward(tokens, lo, cueTok - 1)
  // "Ellen Chen of the Civic League - also no relation - said": step over a dashed aside.
  if (j >= lo && DASHES.has(tokens[j]!.text) && tokens[j]!.quote < 0) {
    let k = j - 1
    while (k >= lo && j - k < 14 && !DASHES.has(tokens[k]!.text)) k--
    if (k >= lo && DASHES.has(tokens[k]!.text)) j = skipAdverbialsBackward(tokens, lo, k - 1)
  }
  if (j < lo) return null
  const t = tokens[j]!
  // "Sen. Mia Toll (D-Ore.) said", "Ravi Nair (pictured) told", "Ann Roe (54) said": a short parenthetical tag after the subject.
  if (t.text === ')' && t.quote < 0) {
    let o = j - 1
    while (
      o >= lo &&
      j - o <= 8 &&
      tokens[o]!.text !== '(' &&
      tokens[o]!.text !== ')' &&
      tokens[o]!.quote < 0 &&
      tokens[o]!.type !== 'quote'
    )
      o--
    if (o > lo && tokens[o]!.text === '(' && o < j - 1) {
      const p = parseSubjectBefore(ctx, lo, o)
      if (p !== null) p.tokEnd = j + 1
      return p
    }
  }
  if (t.text === ',' && t.quote < 0) return parseAppositive(ctx, lo, j)
  // "his son, Marcus Chen, 35, who said ...": the relative pronoun's antecedent speaks.
  if ((t.norm === 'who' || t.norm === 'which') && isWord(t) && j > lo) {
    const p = tokens[j - 1]!.text === ',' ? antecedentBefore(ctx, lo, j - 1) : parseSubjectBefore(ctx, lo, j)
    if (p !== null) p.tokEnd = j + 1
    return p
  }
  // `Kowalczyk, whose films include "Salt Flats," said`: the appositive ends inside a quotation.
  if (t.mark === 'close' && tokens[j - 1]?.text === ',') {
    const p = parseAppositive(ctx, lo, j + 1)
    if (p !== null) return p
  }
  let k = j
  while (k >= lo) {
    const u = tokens[k]!
    if (!isWord(u) && mentionIdAt(ctx, k) < 0) break
    if (k < j && (u.norm === 'that' || (CONJUNCTIONS.has(u.norm) && u.norm !== 'and'))) break
    if (j - k > 14) return null
    k--
  }
  const start = k + 1
  if (start > j) return null
  const whole = parsePhrase(ctx, start, j + 1)
  // "The San Jose, California-based company said": the article before the place makes the description definite.
  const one = whole?.parts.length === 1 ? whole.parts[0]! : null
  if (
    whole !== null &&
    one !== null &&
    one.kind === 'description' &&
    /-based$/.test(tokens[start]!.norm) &&
    tokens[start - 1]?.text === ','
  ) {
    let b = start - 2
    while (b >= lo && b > start - 6 && isWord(tokens[b]) && tokens[b]!.cap && tokens[b]!.norm !== 'the') b--
    if (b >= lo && tokens[b]!.norm === 'the') {
      one.definite = true
      whole.tokStart = b
    }
  }
  if (whole !== null) return whole
  // "Xinhua reported Han said", "substitute Tariq Benali said": the shortest suffix that starts a name or a pronoun.
  for (let s = j; s > start; s--) {
    const u = tokens[s]!
    const mid = mentionIdAt(ctx, s)
    if (!(PRONOUNS.has(u.norm) || (mid >= 0 && mid !== mentionIdAt(ctx, s - 1)) || (u.cap && isRoleWord(u.norm))))
      continue
    const p = parsePhrase(ctx, s, j + 1)
    if (p?.parts.every((x) => x.kind !== 'description')) return p
  }
  return null
}

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
function parseAppositive(ctx: ParseContext, lo: number, end: number): SpeakerPhrase | null {
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
function antecedentBefore(ctx: ParseContext, lo: number, comma: number): SpeakerPhrase | null {
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

/** The speaker phrase right after a cue: `"...," said Smith, a senior fellow` / "according to officials at the ministry". */
export function parsePhraseAfter(ctx: ParseContext, i: number, hi: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let end = i
  let sawHead = false
  let sawDocument = false
  while (end < hi && end - i < 14) {
    const t = tokens[end]!
    const mid = mentionIdAt(ctx, end)
    if (mid >= 0) {
      end = Math.max(end + 1, ctx.mentions[mid]!.tokEnd)
      sawHead = true
      continue
    }
    if (!isWord(t)) break
    // "according to a report released last month by the institute": the issuer after a document noun.
    if (DOCUMENT_NOUNS.has(t.norm)) sawDocument = true
    if (sawDocument && (t.norm === 'by' || t.norm === 'from') && end + 1 < hi && isWord(tokens[end + 1])) {
      end++
      continue
    }
    if (NP_INNER.has(t.norm) && sawHead && end + 1 < hi && isWord(tokens[end + 1])) {
      end++
      continue
    }
    if (CONJUNCTIONS.has(t.norm) || RELATIVES.has(t.norm) || ADJUNCT_PREPS.has(t.norm) || isSpeechVerbForm(t.norm))
      break
    if (
      SPEAKER_NOUNS.has(t.norm) ||
      isPersonEpithet(t.norm) ||
      PRONOUNS.has(t.norm) ||
      AGENTIVE.test(t.norm) ||
      QUANTIFIERS.has(t.norm)
    )
      sawHead = true
    end++
  }
  for (let e = end; e > i; e--) {
    const p = parsePhrase(ctx, i, e)
    if (p === null) continue
    if (e < hi && tokens[e]!.text === ',' && p.parts.length === 1) {
      let f = e + 1
      while (f < hi && isWord(tokens[f]) && f - e < 14) f++
      const next = tokens[e + 1]
      const part = p.parts[0]!
      if (part.kind === 'name' && f > e + 1 && next !== undefined && (NP_DETERMINERS.has(next.norm) || !next.cap)) {
        // `said Smith, a professor at Harvard`: the appositive belongs to the tag.
        part.description = ctx.text.slice(next.start, tokens[f - 1]!.end)
        p.tokEnd = f
      } else if (part.kind === 'description' && f > e + 1) {
        // `said the association's president, Carla Nunes`
        const named = parsePhrase(ctx, e + 1, f)
        if (named !== null && named.parts.length === 1 && named.parts[0]!.kind === 'name') {
          named.parts[0]!.description = part.text
          named.tokStart = i
          return named
        }
      }
    }
    return p
  }
  return null
}
