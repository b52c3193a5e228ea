/** Entity states: what the discourse knows of one referent, how each kind starts, and the public speaker it becomes. */
import type { RegistryEntity, Speaker, SpeakerType } from '../types'
import { isSpeechVerbForm } from './cues'
import { isAnaphorAlias, registryRoleAt } from './entities'
import { slugify } from './ids'
import {
  COUNTRIES,
  DEMONYMS,
  DOCUMENT_NOUNS,
  FEMALE_NOUNS,
  HONORIFIC_FEMALE,
  HONORIFIC_MALE,
  HONORIFIC_OTHER,
  isRoleWord,
  MALE_NOUNS,
  NP_DETERMINERS,
  ORG_HEAD_NOUNS,
  ROLE_SYNONYMS,
} from './lexicon'
import type { Gender, Mention, NameForm } from './mention'
import { firstNameGender } from './name-kinds'
import type { SpeakerPart } from './speakers'

/** One referent of an article: a registry entity, a name chain or an unnamed description. */
export interface EntityState {
  key: string
  name: string
  type: SpeakerType
  registry: RegistryEntity | null
  gender: Gender
  plural: boolean
  /** Role descriptions seen for it in the article, as written ("U.S. ambassador"). */
  roles: string[]
  /** Lower-case words of its name and aliases, for "the ministry" → "Foreign Ministry". */
  nameWords: Set<string>
  /** Registry anaphor aliases, lower case ("the department"). */
  anaphors: ReadonlySet<string>
  lastPos: number
  /** A place: never an antecedent. */
  place?: boolean
  /** A document, poll or other thing that "says" ("the lawsuit", "exit polls"): never "he" or "she". */
  thing?: boolean
  /** Was it resolved as a speaker somewhere: a lone unknown word that spoke may be "he" later. */
  spoke?: boolean
  /** The named entity a description turned out to be: "The man with the sign is Walter Pruitt". */
  alias?: EntityState
  /** The registry role that held on the article's date, if any: an article's own role wins over it. */
  registryRole?: string | null
  /** The public speaker, built once at the end. */
  speaker?: Speaker
}

const NO_ANAPHORS: ReadonlySet<string> = new Set()

/** Heads of things that "say" besides documents: "the ruling", "exit polls", "74 percent". */
const THING_HEADS = new Set(
  'percent ruling order suit petition tweet message article book website site results polls ad video sign post'.split(
    ' ',
  ),
)

/** A fresh state for a name chain, typed by its longest form or else by the mention. */
export function nameEntityState(key: string, form: NameForm, m: Mention): EntityState {
  const type: SpeakerType = m.group
    ? 'group'
    : form.kind === 'unknown'
      ? m.kind === 'unknown'
        ? 'unknown'
        : m.kind
      : form.kind
  return {
    key,
    name: form.text,
    type,
    registry: null,
    // "Melania said ... she added": a lone known first name tells a gender too.
    gender: m.gender ?? (form.words.length === 1 && m.kind !== 'organization' ? firstNameGender(form.text) : null),
    plural: m.group === true,
    roles: [],
    nameWords: new Set(form.words.map((w) => w.toLowerCase())),
    anaphors: NO_ANAPHORS,
    lastPos: -1,
    place: m.place === true,
  }
}

/** A fresh state for a registry entity: its role on `date`, its name words and its anaphor aliases ("the department"). */
export function registryEntityState(key: string, r: RegistryEntity, date: string | null = null): EntityState {
  const registryRole = registryRoleAt(r, date)
  const nameWords = new Set<string>()
  for (const a of [r.name, ...(r.aliases ?? [])]) for (const w of a.toLowerCase().split(/\s+/)) nameWords.add(w)
  const anaphors = new Set((r.aliases ?? []).filter(isAnaphorAlias).map((a) => a.toLowerCase()))
  return {
    key,
    name: r.name,
    type: r.type,
    registry: r,
    gender: null,
    plural: false,
    roles: registryRole !== null ? [registryRole] : [],
    nameWords,
    anaphors,
    lastPos: -1,
    registryRole,
  }
}

/**
 * The name of an unnamed source as a speaker.
 *
 * @example
 * // "the national weather service" → 'national weather service'; "A senior official" → 'a senior official'
 * // "One nurse" → 'a nurse': the numeral only stands for the indefinite article
 */
export function descriptionName(part: SpeakerPart): string {
  const t =
    part.definite && /^the\s/i.test(part.text)
      ? part.text.replace(/^the\s+/i, '')
      : /^one\s+(?!of\b|in\b)/i.test(part.text)
        ? part.text.replace(/^one\s+/i, 'a ')
        : part.text
  const firstWord = t.split(/\s+/)[0]!
  return NP_DETERMINERS.has(firstWord.toLowerCase()) ||
    (/^\p{Lu}\p{Ll}+$/u.test(firstWord) && !/^\p{Lu}/u.test(t.split(/\s+/)[1] ?? 'x'))
    ? t.charAt(0).toLowerCase() + t.slice(1)
    : t
}

/** A fresh state for an unnamed source: "a senior official" (unknown), "officials" (group), "the ministry" (org). */
export function descriptionEntityState(key: string, name: string, part: SpeakerPart): EntityState {
  const head = part.head ?? ''
  // "a woman", "the girl": a gendered person noun is a person a later "she" can take up.
  const gender: Gender = part.plural ? null : MALE_NOUNS.has(head) ? 'm' : FEMALE_NOUNS.has(head) ? 'f' : null
  const type: SpeakerType = part.plural
    ? 'group'
    : ORG_HEAD_NOUNS.has(head) && part.definite
      ? 'organization'
      : gender !== null
        ? 'person'
        : 'unknown'
  // "the lawsuit says", "74 percent said": a document or a share of a poll is never "he" or "she" later.
  const thing = DOCUMENT_NOUNS.has(head) || THING_HEADS.has(head) || /^\d/.test(head)
  return {
    key,
    name,
    type,
    registry: null,
    gender,
    plural: part.plural,
    roles: [],
    nameWords: new Set(part.words),
    anaphors: NO_ANAPHORS,
    lastPos: -1,
    ...(thing ? { thing: true } : {}),
  }
}

/** The public speaker of a state: the registry's id, name and role, or a slug of the name and the first role seen. */
export function buildSpeaker(e: EntityState): Speaker {
  const r = e.registry
  if (r !== null) {
    const s: Speaker = { id: r.id, name: r.name, type: r.type }
    // "Fed Chair Janet Yellen" in the article beats the registry; else the role held on the article's date. A stated
    // role the registry's spells out in full ("Vice president" of "Vice President of China") keeps the full one.
    const stated = e.roles.find((x) => x !== e.registryRole && isStatedRole(x))
    const full = e.registryRole ?? null
    const role = stated !== undefined && !full?.toLowerCase().includes(stated.toLowerCase()) ? stated : full
    if (role !== null && role !== undefined) s.role = role
    if (r.affiliation !== undefined) s.affiliation = r.affiliation
    return s
  }
  const s: Speaker = { id: slugify(e.name), name: e.name, type: e.type }
  const role = e.roles.find(isUsableRole)
  if (role !== undefined && (e.type === 'person' || e.type === 'unknown')) s.role = role
  return s
}

/** Records a role once, whatever its case: "U.S. ambassador" and "u.s. ambassador" are one role. */
export function addRole(e: EntityState, role: string): void {
  const low = role.toLowerCase()
  if (!e.roles.some((r) => r.toLowerCase() === low)) e.roles.push(role)
}

/**
 * A role a speaker can carry: never a bare number ("Ann Roe, 67, said") nor one that opens with a cue ("said spokesman").
 *
 * @example
 * isUsableRole('67') // false
 * isUsableRole('U.S. ambassador') // true
 */
export const isUsableRole = (role: string): boolean =>
  !/^[\d\s,.]+$/.test(role) &&
  !isSpeechVerbForm(role.split(/\s+/)[0]!.toLowerCase()) &&
  // "Ms. Harlow": an honorific is no role.
  !role
    .toLowerCase()
    .split(/\s+/)
    .every((w) => HONORIFIC_MALE.has(w) || HONORIFIC_FEMALE.has(w) || HONORIFIC_OTHER.has(w))

/**
 * A role an article states for a registry person, strong enough to beat the registry's: it ends in a role word that
 * is no country or nationality ("Treasury Secretary", not "US" or "Chinese").
 *
 * @example
 * isStatedRole('Treasury Secretary') // true
 * isStatedRole('Chinese') // false
 */
export function isStatedRole(role: string): boolean {
  const last = role.split(/\s+/).pop()!.toLowerCase()
  return isUsableRole(role) && isRoleWord(last) && !COUNTRIES.has(last) && !DEMONYMS.has(last)
}

/**
 * A role and the other ways of writing it.
 *
 * @example
 * roleForms('us senator') // ['us senator', 'us sen.', 'us sen']
 */
export function roleForms(words: string): string[] {
  // "the U.S. president" takes up a "President" seen with a name: a leading country or nationality is dropped too.
  const bare = words.replace(/^(\S+)\s+(?=\S)/, (w, first: string) =>
    COUNTRIES.has(first) || DEMONYMS.has(first) ? '' : w,
  )
  const forms = bare === words ? [words] : [words, bare]
  for (const group of ROLE_SYNONYMS) {
    const hit = group.find((g) => words === g || words.endsWith(` ${g}`))
    if (hit === undefined) continue
    const stem = words.slice(0, words.length - hit.length)
    for (const g of group) if (g !== hit) forms.push(`${stem}${g}`)
  }
  return forms
}

/**
 * "statements" → "statement": documents are matched by their singular.
 *
 * @example
 * singularDocument('statements') // 'statement'
 */
export const singularDocument = (noun: string): string => noun.replace(/s$/, '')
