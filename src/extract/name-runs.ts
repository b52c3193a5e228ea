/** Capitalised name runs: where a run starts and ends, which titles lead it, and the mention it becomes. */
import type { RegistryEntity } from '../types'
import { matchRegistry, type RegistryIndex } from './entities'
import {
  CORPORATE_SUFFIXES,
  COUNTRIES,
  DAYS,
  DEMONYMS,
  FUNCTION_WORDS,
  GROUP_NOUNS,
  HONORIFIC_FEMALE,
  HONORIFIC_MALE,
  HONORIFIC_OTHER,
  isRoleWord,
  MONTHS,
  NAME_CONNECTORS,
  NAME_SUFFIXES,
  ORG_WORDS,
  PARTY_LABELS,
  SPEAKER_NOUNS,
} from './lexicon'
import type { Gender, Mention, MentionKind } from './mention'
import { describeBefore, roleText } from './mention-context'
import { firstNameGender, guessGender, guessKind, isCommonOpener, isTitle, orgLike } from './name-kinds'
import type { Sentence } from './segment'
import { isPossessive, stripPossessive, type Token } from './tokens'

const MAX_NAME_TOKENS = 12

/** The mentions found so far, and the mention id covering each token (-1 for none). */
export interface MentionTable {
  tokens: readonly Token[]
  mentions: Mention[]
  mentionAt: Int32Array
}

/** Records a mention over tokens [a, b); `skip` leaves a quoted nickname out of its text. */
export function addMention(
  tab: MentionTable,
  s: Sentence,
  a: number,
  b: number,
  registryEntity: RegistryEntity | null,
  kind: MentionKind,
  gender: Gender,
  description: string | null,
  honorific: string | null = null,
  skip: [number, number] | null = null,
): void {
  const { tokens, mentions } = tab
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
  for (let k = a; k < b; k++) tab.mentionAt[k] = m.id
}

/** Adds the mentions of the capitalised run starting at token i; returns the token after the run. */
export function addNameRun(tab: MentionTable, s: Sentence, registry: RegistryIndex, i: number): number {
  const { tokens } = tab
  const { end: j, nickname } = isPossessive(tokens[i]!)
    ? { end: i + 1, nickname: null }
    : collectRun(tokens, registry, s, i)
  // A run opening a sentence or quotation may start with a capitalised common word: "Joining Kestrel lets us ...".
  const clauseInitial = i === s.tokStart || tokens[i - 1]!.type === 'quote' || tokens[i - 1]!.text === '('
  while (clauseInitial && j - i > 1 && /(ing|ly)$/.test(tokens[i]!.norm) && !NAME_CONNECTORS.has(tokens[i + 1]!.norm))
    i++
  if (j - i === 1 && clauseInitial && isCommonOpener(tokens[i]!)) return j
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
    emitRun(tab, s, i, split, null)
    let r = split + 1
    if (tokens[r]!.norm === 'the') r++
    emitRun(tab, s, r, j, null)
  } else {
    emitRun(tab, s, i, j, nickname)
  }
  return j
}

/** The end of the capitalised run starting at token i, and a quoted nickname inside it, if any. */
function collectRun(
  tokens: readonly Token[],
  registry: RegistryIndex,
  s: Sentence,
  i: number,
): { end: number; nickname: [number, number] | null } {
  let j = i + 1
  let nickname: [number, number] | null = null
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
    const isConnector = (NAME_CONNECTORS.has(u.norm) && nextCap) || isOrgConnector(tokens, i, j)
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
  return { end: j, nickname }
}

/** "Ministry of Water and Agriculture", "Institute for Earth Sciences": a connector inside an organisation's name. */
function isOrgConnector(tokens: readonly Token[], i: number, j: number): boolean {
  const u = tokens[j]!
  const next = tokens[j + 1]
  const nextCap = next?.cap && next.type === 'word'
  if (!((u.norm === 'for' || u.norm === 'and' || u.norm === '&') && nextCap)) return false
  const soFar = tokens.slice(i, j)
  // "Water and Agriculture Minister Elena Marsh": an office whose name has "and" in it.
  const titleAhead =
    u.norm === 'and' &&
    !soFar.some(isTitle) &&
    !isTitle(next!) &&
    [2, 3].some((d) => tokens[j + d]?.cap === true && isTitle(tokens[j + d]!) && tokens[j + d - 1]?.cap === true)
  return orgLike(soFar) || soFar.some((x) => x.norm === 'of') || titleAhead
}

/** Adds the mention of the run [i, j): a country, an organisation, or a name after its titles. */
function emitRun(tab: MentionTable, s: Sentence, i: number, j: number, nickname: [number, number] | null): void {
  const { tokens } = tab
  const run = tokens.slice(i, j)
  const runText = run.map((u) => stripPossessive(u.text)).join(' ')
  if (COUNTRIES.has(runText.toLowerCase())) {
    addMention(tab, s, i, j, null, 'organization', null, null, null, null)
    return
  }
  let isOrg = orgLike(run)
  // "Harbour Department of Health Director Dr. Ana Ruiz": an organisation, a title, then the person holding it.
  if (isOrg && j - i >= 3) {
    const orgEnd = organisationBeforeTitle(tokens, i, j)
    if (orgEnd > i) {
      emitRun(tab, s, i, orgEnd, null)
      i = orgEnd
      isOrg = false
    }
  }
  const nameStart = isOrg ? i : nameStartAfterTitles(tokens, s, i, j, nickname)
  if (nameStart >= j) return
  // "Charles Grassley, Republican of Iowa, said": a title "of" a place names the place, and nobody else.
  if (nameStart > i && NAME_CONNECTORS.has(tokens[nameStart]!.norm) && !tokens[nameStart]!.cap) {
    if (nameStart + 1 < j) emitRun(tab, s, nameStart + 1, j, null)
    const last = tab.mentions[tab.mentions.length - 1]
    // "Republican of Iowa" names a place; "CEO of Hewlett-Packard" an organisation.
    if (last !== undefined && last.tokStart === nameStart + 1 && last.kind !== 'person')
      if (PARTY_LABELS.has(tokens[i]!.norm)) last.place = true
      else last.kind = 'organization'
    return
  }
  addNamedMention(tab, s, i, nameStart, j, isOrg, nickname)
}

/** Where the organisation of "Harbour Department of Health Director Dr. Ana Ruiz" ends (its title's start), or -1. */
function organisationBeforeTitle(tokens: readonly Token[], i: number, j: number): number {
  let t = -1
  for (let k = j - 2; k > i; k--)
    if (isTitle(tokens[k]!) && !DEMONYMS.has(tokens[k]!.norm)) {
      t = k
      break
    }
  if (t <= i) return -1
  let ts = t
  while (ts - 1 > i && isTitle(tokens[ts - 1]!) && !DEMONYMS.has(tokens[ts - 1]!.norm)) ts--
  const tail = tokens.slice(t + 1, j)
  if (orgLike(tokens.slice(i, ts)) && !orgLike(tail) && !tail.some((u) => ORG_WORDS.has(u.norm) || isTitle(u)))
    return ts
  return -1
}

/** "Mr. King", "Charlie King": a title word that ends the run after an honorific or a first name is a surname. */
function surnameLikeTitle(tokens: readonly Token[], i: number, k: number, end: number): boolean {
  if (k !== end - 1 || k === i) return false
  const prev = tokens[k - 1]!
  return /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?$/.test(prev.norm) || firstNameGender(prev.text) !== null
}

/** The first token of a person's name after the titles before it: "Foreign Minister Wang Yi" → "Wang". */
function nameStartAfterTitles(
  tokens: readonly Token[],
  s: Sentence,
  i: number,
  j: number,
  nickname: [number, number] | null,
): number {
  // "Martin Luther King Jr.": a title followed only by a name suffix is part of the name.
  let end = j
  while (end - 1 > i && NAME_SUFFIXES.has(tokens[end - 1]!.norm)) end--
  for (let k = end - 1; k >= i; k--)
    if (
      isTitle(tokens[k]!) &&
      (nickname === null || k < nickname[0] || k >= nickname[1]) &&
      !(k === end - 1 && end < j) &&
      !surnameLikeTitle(tokens, i, k, end)
    )
      return k + 1
  // "Owner Rosalind Patterson said": a role noun capitalised only because it opens the sentence.
  if (j - i >= 3 && SPEAKER_NOUNS.has(tokens[i]!.norm) && (i === s.tokStart || tokens[i - 1]!.type === 'quote'))
    return i + 1
  // "Voter Luis Ortega said": a role word before a known first name is a role, not part of the name.
  if (j - i >= 3 && isRoleWord(tokens[i]!.norm) && firstNameGender(tokens[i + 1]!.text) !== null) return i + 1
  return i
}

/** Adds a name's mention with its honorific, gender, kind and the titles and roles written before it. */
function addNamedMention(
  tab: MentionTable,
  s: Sentence,
  i: number,
  nameStart: number,
  j: number,
  isOrg: boolean,
  nickname: [number, number] | null,
): void {
  const { tokens } = tab
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
  const kind: MentionKind = isOrg ? 'organization' : guessKind(nameToks, gender)
  const titles = tokens
    .slice(i, nameStart)
    .filter((u) => !HONORIFIC_MALE.has(u.norm) && !HONORIFIC_FEMALE.has(u.norm) && !HONORIFIC_OTHER.has(u.norm))
  const before = describeBefore(tokens, s, i)
  const description = [before, roleText(titles)].filter(Boolean).join(' ') || null
  addMention(tab, s, nameStart, j, null, kind, gender, description, honorific, nickname)
  // "Republicans say", "Americans want": a capitalised plural of a party, creed or nationality is a group.
  const one = nameToks.length === 1 ? stripPossessive(nameToks[0]!.norm) : ''
  if (GROUP_NOUNS.has(one) || (one.endsWith('s') && DEMONYMS.has(one.slice(0, -1))))
    tab.mentions[tab.mentions.length - 1]!.group = true
}
