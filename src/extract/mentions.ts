/** Named mentions: registry names and capitalised name sequences, with titles stripped and a type guess. */
import type { RegistryEntity } from '../types'
import { matchRegistry, type RegistryIndex } from './entities'
import {
  ADJUNCT_PREPS,
  CLOCK_WORDS,
  CONJUNCTIONS,
  CORPORATE_SUFFIXES,
  COUNTRIES,
  DAYS,
  DEMONYMS,
  FEMALE_NAMES,
  FUNCTION_WORDS,
  HONORIFIC_FEMALE,
  HONORIFIC_MALE,
  HONORIFIC_OTHER,
  isRoleWord,
  LOCATIVES,
  MALE_NAMES,
  MONTHS,
  NAME_CONNECTORS,
  NP_DETERMINERS,
  ORG_WORDS,
  SPEAKER_NOUNS,
  SUBORDINATORS,
  TIME_WORDS,
  TITLE_WORDS,
} from './lexicon'
import type { Sentence } from './segment'
import { isPartyTag, isPossessive, stripPossessive, type Token } from './tokens'

export type Gender = 'm' | 'f' | null
export type MentionKind = 'person' | 'organization' | 'unknown'

export interface Mention {
  id: number
  /** Token range of the name itself (titles excluded). */
  tokStart: number
  tokEnd: number
  start: number
  end: number
  /** The name as written, possessive stripped. */
  text: string
  registry: RegistryEntity | null
  kind: MentionKind
  gender: Gender
  /** Titles or role words written just before the name ("Chinese Foreign Minister"), lower case. */
  description: string | null
  /** "mr.", "ms.", "dr." written before the name: "Mr. Chen" keeps meaning the same Chen. */
  honorific: string | null
  /** Opens its sentence or quotation, where any word is capitalised ("Small farms would ..."). */
  initial: boolean
  sentence: number
  inQuote: boolean
  /** Grammatical subject of its sentence (first mention, near the start, not inside a phrase). */
  subject: boolean
}

const MAX_NAME_TOKENS = 12

/** Does a run name an organisation? Its head is an organisation word ("Harbour City", "Dockers' Union"), it has a
 * corporate suffix, or an organisation word takes a complement ("Ministry of Water", "Institute for ..."). */
export function orgLike(run: readonly Token[]): boolean {
  const last = run[run.length - 1]
  if (last === undefined) return false
  if (ORG_WORDS.has(last.norm) || ORG_WORDS.has(stripPossessive(last.norm)) || CORPORATE_SUFFIXES.has(last.norm))
    return true
  // "Radio Sur", "Air France" — but not "City Clerk Patricia Okonkwo", where a title follows.
  if (run.length > 1 && ORG_WORDS.has(run[0]!.norm) && !run.some((t) => isTitle(t))) return true
  for (let k = 0; k < run.length - 1; k++)
    if (ORG_WORDS.has(run[k]!.norm) && /^(of|for|and|&|on)$/.test(run[k + 1]!.norm)) return true
  return false
}

const isTitle = (t: Token) =>
  TITLE_WORDS.has(t.norm) || TITLE_WORDS.has(t.norm.replace(/\.$/, '')) || DEMONYMS.has(t.norm)

/** Is this capitalised token a sentence opener rather than a name ("Officials said", "Separately, ...")? */
function isCommonOpener(t: Token): boolean {
  const n = t.norm
  return (
    FUNCTION_WORDS.has(n) ||
    SPEAKER_NOUNS.has(n) ||
    NP_DETERMINERS.has(n) ||
    CONJUNCTIONS.has(n) ||
    SUBORDINATORS.has(n) ||
    TIME_WORDS.has(n) ||
    ADJUNCT_PREPS.has(n) ||
    /ly$/.test(n) ||
    /ing$/.test(n)
  )
}

/** First-name and honorific evidence for a person's gender. */
export function guessGender(nameTokens: readonly string[], honorifics: readonly string[] = []): Gender {
  for (const h of honorifics) {
    if (HONORIFIC_MALE.has(h)) return 'm'
    if (HONORIFIC_FEMALE.has(h)) return 'f'
  }
  const first = nameTokens[0]?.toLowerCase()
  if (first !== undefined && nameTokens.length > 1) {
    if (MALE_NAMES.has(first)) return 'm'
    if (FEMALE_NAMES.has(first)) return 'f'
  }
  return null
}

/** Guesses whether an unregistered name is a person or an organisation. */
export function guessKind(nameTokens: readonly Token[], gender: Gender): MentionKind {
  const text = nameTokens.map((t) => stripPossessive(t.text)).join(' ')
  if (orgLike(nameTokens)) return 'organization'
  if (COUNTRIES.has(text.toLowerCase())) return 'organization'
  // Acronyms ("NATO", "CNN") and all-capital runs such as datelines ("CARROW POINT") are not people.
  if (nameTokens.every((t) => /^[\p{Lu}\p{N}.&'’-]{2,}$/u.test(stripPossessive(t.text)))) return 'organization'
  if (gender !== null || nameTokens.length >= 2) return 'person'
  return 'unknown'
}

/** Finds named mentions sentence by sentence; `mentionAt[token]` gives the mention id covering a token. */
export function findMentions(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  registry: RegistryIndex,
): { mentions: Mention[]; mentionAt: Int32Array } {
  const mentions: Mention[] = []
  const mentionAt = new Int32Array(tokens.length).fill(-1)

  const push = (
    s: Sentence,
    a: number,
    b: number,
    registryEntity: RegistryEntity | null,
    kind: MentionKind,
    gender: Gender,
    description: string | null,
    honorific: string | null = null,
    skip: [number, number] | null = null,
  ) => {
    const first = tokens[a]!
    const last = tokens[b - 1]!
    const text = tokens
      .slice(a, b)
      .filter((_, k) => skip === null || a + k < skip[0] || a + k >= skip[1])
      .map((t, k, all) => (k === all.length - 1 ? stripPossessive(t.text) : t.text))
      .join(' ')
    const end = last.start + stripPossessive(last.text).length
    const m: Mention = {
      id: mentions.length,
      tokStart: a,
      tokEnd: b,
      start: first.start,
      end,
      text,
      registry: registryEntity,
      kind,
      gender,
      description,
      honorific,
      sentence: s.index,
      inQuote: first.quote >= 0,
      subject: false,
      initial: a === s.tokStart || tokens[a - 1]!.type === 'quote' || tokens[a - 1]!.text === '(',
    }
    mentions.push(m)
    for (let k = a; k < b; k++) mentionAt[k] = m.id
  }

  const emitRun = (s: Sentence, i: number, j: number, nickname: [number, number] | null) => {
    const run = tokens.slice(i, j)
    const runText = run.map((u) => stripPossessive(u.text)).join(' ')
    if (COUNTRIES.has(runText.toLowerCase())) {
      push(s, i, j, null, 'organization', null, null, null, null)
      return
    }
    let isOrg = orgLike(run)
    // "Harbour Department of Health Director Dr. Ana Ruiz": an organisation, a title, then the person holding it.
    if (isOrg && j - i >= 3) {
      let t = -1
      for (let k = j - 2; k > i; k--)
        if (isTitle(tokens[k]!) && !DEMONYMS.has(tokens[k]!.norm)) {
          t = k
          break
        }
      if (t > i) {
        let ts = t
        while (ts - 1 > i && isTitle(tokens[ts - 1]!) && !DEMONYMS.has(tokens[ts - 1]!.norm)) ts--
        const tail = tokens.slice(t + 1, j)
        if (orgLike(tokens.slice(i, ts)) && !orgLike(tail) && !tail.some((u) => ORG_WORDS.has(u.norm) || isTitle(u))) {
          emitRun(s, i, ts, null)
          i = ts
          isOrg = false
        }
      }
    }
    let nameStart = i
    if (!isOrg) {
      for (let k = j - 1; k >= i; k--)
        if (isTitle(tokens[k]!) && (nickname === null || k < nickname[0] || k >= nickname[1])) {
          nameStart = k + 1
          break
        }
      // "Owner Rosalind Patterson said": a role noun capitalised only because it opens the sentence.
      if (
        nameStart === i &&
        j - i >= 3 &&
        SPEAKER_NOUNS.has(tokens[i]!.norm) &&
        (i === s.tokStart || tokens[i - 1]!.type === 'quote')
      )
        nameStart = i + 1
    }
    if (nameStart >= j) return
    const nameToks = tokens
      .slice(nameStart, j)
      .filter((_, k) => nickname === null || nameStart + k < nickname[0] || nameStart + k >= nickname[1])
    const honorifics = tokens.slice(i, nameStart).map((u) => u.norm)
    const honorific =
      honorifics.find((h) => HONORIFIC_MALE.has(h) || HONORIFIC_FEMALE.has(h) || HONORIFIC_OTHER.has(h)) ?? null
    const gender = isOrg
      ? null
      : guessGender(
          nameToks.map((u) => stripPossessive(u.text)),
          honorifics,
        )
    let kind: MentionKind = isOrg ? 'organization' : guessKind(nameToks, gender)
    // "at Kilbrannan", "in Guelph": a lone unknown name after a locative preposition is a place, not a person.
    if (kind === 'unknown' && i > s.tokStart && LOCATIVES.has(tokens[i - 1]!.norm)) kind = 'organization'
    const titles = tokens
      .slice(i, nameStart)
      .filter((u) => !HONORIFIC_MALE.has(u.norm) && !HONORIFIC_FEMALE.has(u.norm) && !HONORIFIC_OTHER.has(u.norm))
    const before = describeBefore(tokens, s, i)
    const description =
      [
        before,
        titles
          .map((u) => u.text)
          .join(' ')
          .toLowerCase(),
      ]
        .filter(Boolean)
        .join(' ') || null
    push(s, nameStart, j, null, kind, gender, description, honorific, nickname)
  }

  for (const s of sentences) {
    const firstMention = mentions.length
    let i = s.tokStart
    while (i < s.tokEnd) {
      const t = tokens[i]!
      // "@harbourfan wrote": a social-media handle names an account.
      if (t.text === '@' && tokens[i + 1]?.type === 'word' && tokens[i + 1]!.start === t.end && i + 1 < s.tokEnd) {
        push(s, i, i + 2, null, 'unknown', null, null)
        mentions[mentions.length - 1]!.text = `@${tokens[i + 1]!.text}`
        i += 2
        continue
      }
      if (t.type !== 'word') {
        i++
        continue
      }
      const reg = matchRegistry(registry, tokens, i, s.tokEnd)
      if (reg !== null) {
        const e = reg.alias.entity
        const nameTokens = e.name.split(/\s+/)
        push(
          s,
          i,
          i + reg.length,
          e,
          e.type,
          e.type === 'person' ? guessGender(nameTokens) : null,
          describeBefore(tokens, s, i),
          null,
          null,
        )
        i += reg.length
        continue
      }
      // "Sen. Al Roe, R-Ohio, said": a party-and-state tag names nobody.
      // "4:00 PM UTC", "10 a.m. EST": clock words and time zones name nobody.
      if (
        !t.cap ||
        FUNCTION_WORDS.has(t.norm) ||
        DAYS.has(t.norm) ||
        MONTHS.has(t.norm) ||
        isPartyTag(t) ||
        CLOCK_WORDS.has(t.norm)
      ) {
        i++
        continue
      }
      // Collect the capitalised run, stopping where a registry name starts inside it.
      let j = i + 1
      let nickname: [number, number] | null = null
      if (!isPossessive(t)) {
        while (j < s.tokEnd && j - i < MAX_NAME_TOKENS) {
          const u = tokens[j]!
          // Bernard "Bear" Tolliver: a quoted nickname inside a name.
          if (u.mark === 'open' && nickname === null) {
            let k = j + 1
            while (k < s.tokEnd && k - j <= 3 && tokens[k]!.type === 'word' && tokens[k]!.cap) k++
            if (k > j + 1 && tokens[k]?.mark === 'close' && tokens[k + 1]?.type === 'word' && tokens[k + 1]!.cap) {
              nickname = [j, k + 1]
              j = k + 1
              continue
            }
            break
          }
          // "Halden & Co.": an ampersand joins a firm's name.
          if (u.type !== 'word' && u.text !== '&') break
          if (matchRegistry(registry, tokens, j, s.tokEnd) !== null) break
          const next = tokens[j + 1]
          const nextCap = next?.cap && next.type === 'word'
          // "Ministry of Water and Agriculture", "Institute for Earth Sciences": connectors inside organisation names.
          let orgConnector = false
          if ((u.norm === 'for' || u.norm === 'and' || u.norm === '&') && nextCap) {
            const soFar = tokens.slice(i, j)
            // "Water and Agriculture Minister Elena Marsh": an office whose name has "and" in it.
            const titleAhead =
              u.norm === 'and' &&
              !soFar.some(isTitle) &&
              !isTitle(next!) &&
              [2, 3].some(
                (d) => tokens[j + d]?.cap === true && isTitle(tokens[j + d]!) && tokens[j + d - 1]?.cap === true,
              )
            orgConnector = orgLike(soFar) || soFar.some((x) => x.norm === 'of') || titleAhead
          }
          const isConnector = (NAME_CONNECTORS.has(u.norm) && nextCap) || orgConnector
          const ofThe = u.norm === 'of' && next?.norm === 'the' && tokens[j + 2]?.cap === true
          if (ofThe) {
            j += 2
            continue
          }
          if (!(u.cap && !FUNCTION_WORDS.has(u.norm) && !DAYS.has(u.norm) && !MONTHS.has(u.norm)) && !isConnector) break
          j++
          // "Nordhaven’s depot" ends the name; "the Dockers' Union" goes on; so does nothing after "Ltd." or "Inc.".
          if (isPossessive(u) && !(/s'$/.test(u.norm) && tokens[j]?.cap === true)) break
          if (CORPORATE_SUFFIXES.has(u.norm)) break
        }
      }
      // A run opening a sentence or quotation may start with a capitalised common word: "Joining Kestrel lets us ...".
      const clauseInitial = i === s.tokStart || tokens[i - 1]!.type === 'quote' || tokens[i - 1]!.text === '('
      while (
        clauseInitial &&
        j - i > 1 &&
        /(ing|ly)$/.test(tokens[i]!.norm) &&
        !NAME_CONNECTORS.has(tokens[i + 1]!.norm)
      )
        i++
      if (j - i === 1 && clauseInitial && isCommonOpener(tokens[i]!)) {
        i = j
        continue
      }
      // "Ellen Chen of the Riverside Civic League": a person, then the organisation they belong to.
      let split = -1
      for (let k = i + 1; k < j - 1; k++) {
        if (tokens[k]!.norm !== 'of' && tokens[k]!.norm !== 'for') continue
        let r = k + 1
        if (tokens[r]!.norm === 'the') r++
        if (!orgLike(tokens.slice(i, k)) && orgLike(tokens.slice(r, j))) split = k
        break
      }
      if (split >= 0) {
        emitRun(s, i, split, null)
        let r = split + 1
        if (tokens[r]!.norm === 'the') r++
        emitRun(s, r, j, null)
      } else {
        emitRun(s, i, j, nickname)
      }
      i = j
    }
    for (let k = firstMention; k < mentions.length; k++) attachAppositiveRole(tokens, s, mentions[k]!)
    markSubject(tokens, s, mentions, firstMention)
  }
  markOrganisations(tokens, mentions)
  return { mentions, mentionAt }
}

/**
 * A lone name of unknown kind is an organisation, in every mention, when one mention shows it: "Gridlet, which makes ...",
 * "Gridlet's Tobias Renner", "chief executive of Gridlet", "an analyst at Voltra".
 */
function markOrganisations(tokens: readonly Token[], mentions: Mention[]): void {
  const orgs = new Set<string>()
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k]!
    if (m.kind !== 'unknown' || m.registry !== null) continue
    const after = tokens[m.tokEnd]
    const next = mentions[k + 1]
    const prep = tokens[m.tokStart - 1]
    const role = tokens[m.tokStart - 2]
    if (
      (after?.text === ',' && tokens[m.tokEnd + 1]?.norm === 'which') ||
      (isPossessive(tokens[m.tokEnd - 1]!) &&
        next !== undefined &&
        next.tokStart === m.tokEnd &&
        next.kind === 'person' &&
        !HONORIFIC_MALE.has(tokens[m.tokEnd]!.norm) &&
        !HONORIFIC_FEMALE.has(tokens[m.tokEnd]!.norm)) ||
      // "Plume spokesperson Derek Osei", "Gridlet co-founder and CEO Ana Diaz": a lone name, a lower-case role, then a person.
      (next !== undefined &&
        next.kind === 'person' &&
        next.tokStart > m.tokEnd &&
        next.tokStart - m.tokEnd <= 4 &&
        tokens
          .slice(m.tokEnd, next.tokStart)
          .every(
            (u, k, all) =>
              u.type === 'word' && !u.cap && (isRoleWord(u.norm) || (u.norm === 'and' && k > 0 && k < all.length - 1)),
          )) ||
      (prep !== undefined &&
        role !== undefined &&
        (prep.norm === 'of' || prep.norm === 'at') &&
        !role.cap &&
        (TITLE_WORDS.has(role.norm) ||
          /(?:founder|analyst|engineer|economist|researcher|partner|investor)s?$/.test(role.norm)))
    )
      orgs.add(m.text)
  }
  if (orgs.size === 0) return
  for (const m of mentions) if (m.kind === 'unknown' && orgs.has(m.text)) m.kind = 'organization'
}

/** Role words written right before a name: "White House national security adviser" (Jake Sullivan). */
function describeBefore(tokens: readonly Token[], s: Sentence, i: number): string | null {
  const parts: Token[] = []
  for (let k = i - 1; k >= s.tokStart && parts.length < 6; k--) {
    const t = tokens[k]!
    if (t.type !== 'word' || t.quote >= 0 || NP_DETERMINERS.has(t.norm) || FUNCTION_WORDS.has(t.norm)) break
    const role = isTitle(t) || isRoleWord(t.norm)
    const right = parts[0]
    // A modifier only leans on a role word: "climate envoy", "company's chief executive", "White House adviser".
    const modifier = right !== undefined && (t.cap || (!right.cap && (isTitle(right) || isRoleWord(right.norm))))
    if (!role && !modifier) break
    parts.unshift(t)
  }
  return parts.length > 0
    ? parts
        .map((t) => t.text)
        .join(' ')
        .toLowerCase()
    : null
}

/** "Lena Vogt, the ferry inspector, ...": a role in an appositive right after a person's name. */
function attachAppositiveRole(tokens: readonly Token[], s: Sentence, m: Mention): void {
  if (m.kind === 'organization' || m.inQuote || tokens[m.tokEnd]?.text !== ',') return
  const first = tokens[m.tokEnd + 1]
  if (first === undefined || !/^(the|a|an)$/.test(first.norm)) return
  let e = m.tokEnd + 2
  while (e < s.tokEnd && e - m.tokEnd <= 9 && tokens[e]!.type === 'word' && tokens[e]!.quote < 0) e++
  const stop = tokens[e]
  const last = tokens[e - 1]!
  if (e >= s.tokEnd || stop === undefined || !/^[,.;]$/.test(stop.text) || !isRoleWord(last.norm) || last.cap) return
  if (m.description === null)
    m.description = tokens
      .slice(m.tokEnd + 1, e)
      .map((t) => t.text)
      .join(' ')
      .toLowerCase()
}

function markSubject(tokens: readonly Token[], s: Sentence, mentions: Mention[], from: number): void {
  // "But with the Main Road crowd on its feet, Asante scored": the subject follows an opening adverbial.
  const first = tokens[s.tokStart]!
  const second = tokens[s.tokStart + 1]
  // "He arrives at a cafe in Oakland's Temescal district": a pronoun already fills the subject slot.
  const opener = CONJUNCTIONS.has(first.norm) && second !== undefined ? second : first
  if (opener.type === 'word' && /^(he|she|they|it|we|i)$/.test(opener.norm)) return
  const adverbialOpening =
    ADJUNCT_PREPS.has(first.norm) ||
    SUBORDINATORS.has(first.norm) ||
    /ing$/.test(first.norm) ||
    first.norm === 'asked' ||
    (CONJUNCTIONS.has(first.norm) && second !== undefined && ADJUNCT_PREPS.has(second.norm))
  for (let k = from; k < mentions.length; k++) {
    const m = mentions[k]!
    if (m.inQuote) continue
    // "Ellison’s son, Callum Ellison, was nine": a possessive modifies the subject; it is not the subject.
    if (isPossessive(tokens[m.tokEnd - 1]!)) continue
    // Only a mention in the opening words, not governed by a preposition ("The talks between Han and ...").
    const afterAdverbial =
      adverbialOpening &&
      m.tokStart > s.tokStart &&
      tokens[m.tokStart - 1]!.text === ',' &&
      m.tokStart - s.tokStart <= 24
    if (m.tokStart - s.tokStart > 8 && !afterAdverbial) return
    let g = m.tokStart - 1
    while (g > s.tokStart && /^(the|a|an)$/.test(tokens[g]!.norm)) g--
    // "in Oakland's Temescal district": a possessive before the name is governed by what governs it.
    while (g > s.tokStart && isPossessive(tokens[g]!) && tokens[g]!.type === 'word') {
      g--
      while (g > s.tokStart && tokens[g]!.cap && tokens[g]!.type === 'word' && !ADJUNCT_PREPS.has(tokens[g]!.norm)) g--
      while (g > s.tokStart && /^(the|a|an)$/.test(tokens[g]!.norm)) g--
    }
    const prev = g >= s.tokStart && g < m.tokStart ? tokens[g]! : null
    if (
      prev !== null &&
      prev.type === 'word' &&
      (ADJUNCT_PREPS.has(prev.norm) || prev.norm === 'between' || prev.norm === 'and' || prev.norm === 'against')
    ) {
      if (adverbialOpening) continue
      return
    }
    m.subject = true
    return
  }
}
