/**
 * Entities named in statements, not only registered ones: people, organisations and places recognised
 * in each statement's content by rules over capitalised runs (titles, first names, organisation words,
 * a small gazetteer), merged with the registry and with the corpus's own speakers where the names match.
 *
 * Build time only: `scripts/build-data.ts` calls it once over the whole corpus (surnames resolve against
 * the full names seen in the same article). Nothing in the Worker imports it.
 */
import type { MentionedEntity, MentionType, RegistryEntity, Statement } from '../types'
import { slugify } from './ids'
import {
  CORPORATE_SUFFIXES,
  COUNTRIES,
  DAYS,
  DEMONYMS,
  FEMALE_NAMES,
  HONORIFIC_FEMALE,
  HONORIFIC_MALE,
  HONORIFIC_OTHER,
  MALE_NAMES,
  MONTHS,
  ORG_WORDS,
  STATE_ABBREVIATIONS,
  TITLE_WORDS,
} from './lexicon'

/** US states and a few dozen cities news names without saying what they are. */
const PLACES = new Set(
  `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
  montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
  chicago houston phoenix philadelphia dallas detroit boston seattle denver atlanta miami baltimore cleveland
  charlotte tulsa flint ferguson brooklyn manhattan harlem queens bronx baghdad kabul damascus aleppo cairo
  istanbul ankara delhi mumbai shanghai hong_kong toronto montreal ottawa sydney melbourne dublin edinburgh madrid
  rome milan vienna warsaw prague budapest athens lisbon stockholm oslo copenhagen helsinki geneva zurich amsterdam
  crimea syria libya somalia yemen gaza burma myanmar haiti
  `
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/_/g, ' ')),
)
const TWO_WORD_STATES =
  /^(?:new (?:york|jersey|hampshire|mexico|orleans|delhi)|north (?:carolina|dakota)|south (?:carolina|dakota)|west virginia|rhode island|los angeles|san (?:francisco|diego|antonio|jose)|las vegas|long island|hong kong|puerto rico|sri lanka|el salvador)$/
/** One name for places written several ways. */
const SAME_PLACE: Readonly<Record<string, string>> = {
  us: 'United States',
  'u s': 'United States',
  usa: 'United States',
  america: 'United States',
  'united states': 'United States',
  uk: 'United Kingdom',
  'u k': 'United Kingdom',
  britain: 'United Kingdom',
  'united kingdom': 'United Kingdom',
}
/** Country-like names that are organisations: alliances and unions of states. */
const ORG_COUNTRIES = new Set(['nato', 'eu', 'un', 'u.n.', 'e.u.', 'united nations', 'european union'])
/** Heads that make a run a place, checked before organisation words ("Oklahoma City", "Long Island"). */
const PLACE_HEADS = new Set(
  'city county state province river valley island islands bay street avenue square boulevard road district region coast lake mountains ocean sea atoll'.split(
    ' ',
  ),
)
/** Capitalised words that begin sentences and are never names on their own. */
const FUNCTION_WORDS = new Set(
  `a an the this that these those it its he she they we i you his her their our my your but and or so yet if
  when while after before since as at in on of for to from by with without about under over there here what who
  why how which where no not yes all some many most more much few every each both either neither one two three
  also even just only still then now today yesterday tomorrow however meanwhile instead indeed perhaps maybe
  mr mrs ms dr sen rep gov gen`.split(/\s+/),
)
const CONNECTORS = new Set(['of', 'for', '&', 'and', 'on', 'de', 'van', 'von', 'der', 'al', 'bin', 'la', 'le', 'du'])

interface Word {
  text: string
  lower: string
  /** First in its sentence: a capital there proves nothing. */
  initial: boolean
  /** Only spaces stand between it and the word before: a comma, dash or quote ends a name. */
  joined: boolean
  /** Written with a possessive 's: a name ends there ("NBC's Lester Holt" is two). */
  possessive: boolean
}

/** Common nouns written as acronyms, and transcript furniture. */
const NOT_ENTITIES = new Set(
  'AIDS HIV MBA CEO CFO GDP TV PM AM OK ID DNA PCP PS II III LGBT LGBTQ ET E.T. EST PST GMT'.split(' '),
)
/** Heads that make a run a law or a document, not an entity: "Voter Registration Act". */
const NOT_ENTITY_HEADS = new Set(['act', 'amendment', 'bill', 'plan', 'report', 'law', 'treaty', 'accord'])
/** Heads that make a run an organisation even when a speaker or a first name says otherwise. */
const ORG_HEADS = new Set([
  'observer',
  'today',
  'magazine',
  'convention',
  'caucus',
  'conference',
  'initiative',
  'project',
  'campaign',
  'program',
  'programme',
])
/** A party-and-state tag after a politician's name: "R-Utah", "D-Va.". */
const PARTY_TAG = /^[RDI]-\p{Lu}/u

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/gu

function wordsOf(content: string): Word[] {
  const out: Word[] = []
  let sentenceStart = true
  let last = 0
  for (const m of content.matchAll(WORD)) {
    const between = content.slice(last, m.index)
    if (/[.!?:;"“”]\s*$/.test(between) || /[—–]/.test(between)) sentenceStart = true
    let text = m[0].replace(/['’]s$/, '').replace(/[.'’-]+$/, (x) => (/^(?:\p{Lu}\.)+$/u.test(m[0]) ? x : ''))
    if (/^(?:\p{Lu}\.){2,}$/u.test(m[0])) text = m[0]
    out.push({
      text,
      lower: text.toLowerCase(),
      initial: sentenceStart,
      joined: /^\s*$/.test(between),
      possessive: /['’]s$/.test(m[0]),
    })
    sentenceStart = /[.!?]$/.test(m[0]) && !/^(?:\p{Lu}\.)+$/u.test(m[0]) && !TITLE_WORDS.has(m[0].toLowerCase())
    last = m.index + m[0].length
  }
  return out
}

const isCapitalised = (w: Word) => /^\p{Lu}/u.test(w.text)
const isAcronym = (text: string) => /^(?:\p{Lu}\.?){2,6}$/u.test(text) && !/^[IVX]+$/.test(text)
const honorific = (lower: string) =>
  HONORIFIC_MALE.has(lower) || HONORIFIC_FEMALE.has(lower) || HONORIFIC_OTHER.has(lower)
const isFirstName = (lower: string) => MALE_NAMES.has(lower) || FEMALE_NAMES.has(lower)

/** A capitalised run as found in the content, with what came before it. */
interface Run {
  words: Word[]
  /** Words of the article written in title case elsewhere: in capitals here they are shouted, not acronyms ("PENCE:"). */
  shouted: ReadonlySet<string>
  /** A title or honorific stood right before it ("Sen.", "President"). */
  titled: boolean
}

function runsOf(content: string, shouted: ReadonlySet<string>): Run[] {
  const words = wordsOf(content)
  const runs: Run[] = []
  let i = 0
  while (i < words.length) {
    if (!isCapitalised(words[i]!)) {
      i++
      continue
    }
    let j = i + 1
    const stops = (w: Word) =>
      STATE_ABBREVIATIONS.has(w.lower) || STATE_ABBREVIATIONS.has(`${w.lower}.`) || PARTY_TAG.test(w.text)
    while (j < words.length && !words[j - 1]!.possessive) {
      const w = words[j]!
      const next = words[j + 1]
      if (!w.joined || stops(w)) break
      if (isCapitalised(w) && !w.initial) j++
      else if (CONNECTORS.has(w.lower) && next?.joined && isCapitalised(next) && !next.initial && !stops(next)) j += 2
      else break
    }
    // "and" and "on" join only the words of an organisation's name ("Securities and Exchange Commission").
    const last = words[j - 1]!.lower
    if (!ORG_WORDS.has(last) && !ORG_HEADS.has(last)) {
      const cut = words.slice(i, j).findIndex((w, k) => k > 0 && (w.lower === 'and' || w.lower === 'on'))
      if (cut > 0) j = i + cut
    }
    // Strip a leading "The", and demonyms, titles and honorifics before a person's name ("Chinese President
    // Xi", "Sen. Warren"), remembering the title; an organisation keeps them ("State Department").
    const head = words[j - 1]!.lower
    const institution = j - i > 1 && (ORG_WORDS.has(head) || PLACE_HEADS.has(head) || CORPORATE_SUFFIXES.has(head))
    let start = i
    let titled = false
    while (start < j - 1 || (start === j - 1 && start > i)) {
      const lower = words[start]!.lower
      const bare = lower.replace(/\.$/, '')
      if (lower === 'the' || (FUNCTION_WORDS.has(lower) && words[start]!.initial)) start++
      else if (institution) break
      else if (DEMONYMS.has(lower)) start++
      else if (TITLE_WORDS.has(lower) || TITLE_WORDS.has(bare) || honorific(bare)) {
        titled = true
        start++
      } else break
    }
    if (start < j) runs.push({ words: words.slice(start, j), titled, shouted })
    i = j
  }
  return runs
}

export interface EntityMention {
  id: string
  name: string
  type: MentionType
  /** From the registry rather than recognised here. */
  registered: boolean
}

export interface MentionContext {
  registry: readonly RegistryEntity[]
  /** Names the corpus's speakers go by (person and organisation speakers only), by normalised name. */
  speakers: ReadonlyMap<string, { id: string; name: string; type: 'person' | 'organization' }>
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/**
 * Classifies one run, or null when the rules cannot tell (an unknown capitalised phrase is left out:
 * precision over recall). `people` maps a surname to the full-name people of the same article.
 */
function classify(
  run: Run,
  context: MentionContext,
  registryNames: ReadonlyMap<string, RegistryEntity>,
  people: ReadonlyMap<string, EntityMention>,
): EntityMention | null {
  const name = run.words.map((w) => w.text).join(' ')
  const key = norm(name)
  const lowers = run.words.map((w) => w.lower)
  const single = run.words.length === 1
  const first = run.words[0]!
  if (!key || (single && (FUNCTION_WORDS.has(first.lower) || DAYS.has(first.lower) || MONTHS.has(first.lower))))
    return null
  if (NOT_ENTITIES.has(name) || run.words.some((w) => /^\p{Lu}{2,}$/u.test(w.text) && run.shouted.has(w.lower)))
    return null
  // A phrase in capitals ("FULL TEXT") is a heading, not a name.
  if (!single && run.words.some((w) => /^\p{Lu}{4,}$/u.test(w.text)) && !isAcronym(first.text)) return null
  if (NOT_ENTITY_HEADS.has(lowers[lowers.length - 1]!)) return null
  const abbreviation = STATE_ABBREVIATIONS.has(first.lower) || STATE_ABBREVIATIONS.has(`${first.lower}.`)
  if (single && abbreviation && first.text.includes('.'))
    return { id: slugify(first.text), name: first.text, type: 'place', registered: false }
  const registered = registryNames.get(key)
  if (registered) return { id: registered.id, name: registered.name, type: registered.type, registered: true }
  if (COUNTRIES.has(key) || PLACES.has(key) || TWO_WORD_STATES.test(key)) {
    if (ORG_COUNTRIES.has(key)) return { id: slugify(name), name, type: 'organization', registered: false }
    const canonical = SAME_PLACE[key] ?? name
    return { id: slugify(canonical), name: canonical, type: 'place', registered: false }
  }
  if (single && (TITLE_WORDS.has(first.lower) || DEMONYMS.has(first.lower))) return null
  const last = lowers[lowers.length - 1]!
  if (!single && PLACE_HEADS.has(last) && !run.titled)
    return { id: slugify(name), name, type: 'place', registered: false }
  if (!single && ORG_HEADS.has(last)) return { id: slugify(name), name, type: 'organization', registered: false }
  const speaker = context.speakers.get(key)
  // A person speaker only when the name looks like one: speakers parsed from a headline do not.
  if (speaker && (speaker.type === 'organization' ? !single : isFirstName(lowers[0]!) || run.titled))
    return { id: speaker.id, name: speaker.name, type: speaker.type, registered: false }
  if (
    !run.titled &&
    ((!single && (ORG_WORDS.has(last) || CORPORATE_SUFFIXES.has(last) || ORG_WORDS.has(lowers[0]!))) ||
      isAcronym(first.text))
  )
    return { id: slugify(name), name, type: 'organization', registered: false }
  if (single) {
    // A surname: the person of this article who has it, named in full somewhere in it.
    // "Mr. Smith" with no first name anywhere in the article is not enough to name one person.
    return people.get(key) ?? null
  }
  const firstName = isFirstName(lowers[0]!)
  if ((firstName || run.titled) && run.words.length <= 4 && run.words.every((w) => /^\p{Lu}[\p{Ll}'’.-]/u.test(w.text)))
    return { id: slugify(name), name, type: 'person', registered: false }
  return null
}

export interface MentionResult {
  /** Entity ids each statement mentions, by statement id, registry ones included. */
  byStatement: Map<string, string[]>
  /** The entities found that the registry lacks, with every form they were written in. */
  entities: MentionedEntity[]
}

/**
 * Finds the entities each statement's content names. Surnames resolve to the full-name person of the
 * same article; names the corpus's speakers or the registry go by take their id, so a filter on a
 * speaker id also finds statements about them.
 *
 * @example findMentionedEntities(statements, { registry, speakers }).byStatement.get(id) // ['fbi', 'ohio']
 */
export function findMentionedEntities(statements: readonly Statement[], context: MentionContext): MentionResult {
  const registryNames = new Map<string, RegistryEntity>()
  for (const e of context.registry)
    for (const alias of [e.name, ...e.aliases].filter((a) => /^\p{Lu}/u.test(a))) registryNames.set(norm(alias), e)
  const byArticle = new Map<string, Statement[]>()
  for (const st of statements) byArticle.set(st.article, [...(byArticle.get(st.article) ?? []), st])
  const byStatement = new Map<string, string[]>()
  const found = new Map<string, MentionedEntity>()
  for (const sts of byArticle.values()) {
    // A word the article writes in title case ("Pence") is a name, not an acronym, when shouted ("PENCE:").
    const titleCase = new Set<string>()
    for (const st of sts) for (const m of st.text.matchAll(/\b\p{Lu}\p{Ll}+\b/gu)) titleCase.add(m[0].toLowerCase())
    const runs = sts.map((st) => runsOf(st.content, titleCase))
    // First pass: the people named in full, so that surnames can resolve to them.
    const people = new Map<string, EntityMention>()
    const ambiguous = new Set<string>()
    for (const r of runs.flat()) {
      const m = classify(r, context, registryNames, new Map())
      if (m?.type !== 'person' || r.words.length < 2) continue
      const surname = norm(r.words[r.words.length - 1]!.text)
      const other = people.get(surname)
      if (other && other.id !== m.id) ambiguous.add(surname)
      people.set(surname, m)
    }
    for (const s of ambiguous) people.delete(s)
    for (const [k, st] of sts.entries()) {
      const ids: string[] = []
      for (const r of runs[k]!) {
        const m = classify(r, context, registryNames, people)
        if (!m) continue
        if (!ids.includes(m.id)) ids.push(m.id)
        if (m.registered) continue
        const written = r.words.map((w) => w.text).join(' ')
        const entity = found.get(m.id) ?? { id: m.id, name: m.name, type: m.type, aliases: [] }
        if (written !== entity.name && !entity.aliases.includes(written)) entity.aliases.push(written)
        found.set(m.id, entity)
      }
      byStatement.set(st.id, ids)
    }
  }
  return { byStatement, entities: [...found.values()] }
}
