/** Coreference: name chains, registry aliases, pronouns by gender and number, organisation and role anaphors. */
import type { RegistryEntity, Span, Speaker } from '../types'
import type { RegistryIndex } from './entities'
import {
  addRole,
  buildSpeaker,
  descriptionEntityState,
  descriptionName,
  type EntityState,
  nameEntityState,
  registryEntityState,
  roleForms,
  singularDocument,
} from './entity-states'
import { COUNTRIES, DOCUMENT_NOUNS, GENERIC_ORG_HEADS, isPersonEpithet, ORG_HEAD_NOUNS } from './lexicon'
import type { Mention } from './mention'
import { NameForms } from './name-forms'
import { pronounFits, type SalienceEvent, topicOrganisation } from './salience'
import type { SpeakerPart } from './speakers'

const SENTENCE_WINDOW = 6
/** How many sentences back "the release" looks for the release someone issued. */
const DOCUMENT_WINDOW = 15
const RECENT_LIMIT = 60

/**
 * Discourse state for one article, fed in text order: named mentions and resolved speakers make entities
 * salient; pronouns and anaphors resolve against that salience.
 */
export class Discourse {
  readonly entities = new Map<string, EntityState>()
  readonly events: SalienceEvent[] = []
  private recent: string[] = []
  private readonly honorifics = new Map<string, string>()
  private readonly names: NameForms
  /** Documents whose issuer is known: "Acme said in a statement" → statement: Acme. */
  private readonly documents: { noun: string; sentence: number; pos: number; key: string }[] = []
  readonly warnings: string[] = []

  constructor(
    private readonly registry: RegistryIndex,
    mentions: readonly Mention[],
    /** The article's date: which of a registry person's dated roles held. */
    private readonly date: string | null = null,
  ) {
    this.names = new NameForms(mentions, this.entities)
  }

  /** A lone capitalised word only ever seen opening a sentence ("Small farms would ...") may be no name at all. */
  private isWeak(e: EntityState): boolean {
    return e.registry === null && e.type === 'unknown' && !e.name.includes(' ') && !this.names.isSeenInside(e.name)
  }

  /** The entity a named mention refers to, created on first sight; `avoid` keeps joint speakers apart. */
  entityForMention(m: Mention, avoid: ReadonlySet<string> = new Set()): EntityState {
    if (m.registry !== null) return this.registryEntity(m.registry, m.description)
    // "Mr. Chen" keeps meaning the Chen it meant the first time.
    const memoKey = m.honorific !== null ? `${m.honorific.replace(/\.$/, '')} ${m.text}`.toLowerCase() : null
    const memo = memoKey !== null ? this.honorifics.get(memoKey) : undefined
    if (memo !== undefined && !avoid.has(memo)) return this.entities.get(memo)!
    const form = this.names.canonical(m, avoid)
    const key = `name:${form.text.toLowerCase()}`
    let e = this.entities.get(key)
    if (e === undefined) {
      e = nameEntityState(key, form, m)
      this.entities.set(key, e)
    }
    if (e.gender === null && m.gender !== null) e.gender = m.gender
    if (e.type === 'unknown' && m.kind !== 'unknown') e.type = m.kind
    if (m.description !== null) addRole(e, m.description)
    if (memoKey !== null && memo === undefined) this.honorifics.set(memoKey, e.key)
    return e
  }

  private registryEntity(r: RegistryEntity, description: string | null = null): EntityState {
    const key = `reg:${r.id}`
    let e = this.entities.get(key)
    if (e === undefined) {
      e = registryEntityState(key, r, this.date)
      this.entities.set(key, e)
    }
    if (description !== null) addRole(e, description)
    return e
  }

  /** Records a named mention outside quotations as salient. */
  noteMention(m: Mention): void {
    // "Voters in Sacramento ... he said": a place is never an antecedent.
    if (m.inQuote || m.place) return
    const e = this.entityForMention(m)
    this.touch(e, m.start)
    this.events.push({ pos: m.start, sentence: m.sentence, role: m.subject ? 'subject' : 'mention', keys: [e.key] })
  }

  /** The subject of a headline: it counts towards the story's topic organisation, never as a pronoun's antecedent. */
  noteTopic(m: Mention): void {
    const e = this.entityForMention(m)
    this.events.push({ pos: m.start, sentence: m.sentence, role: 'topic', keys: [e.key] })
  }

  /** A sentence opening with "He ..." keeps its antecedent salient for the sentences after it. */
  notePronounSubject(pronoun: string, pos: number, sentence: number): void {
    const found = this.searchSalient(pos, sentence, [], (e, joint) => this.compatible(e, pronoun, joint))
    if (found === null) return
    this.learn(found, pronoun)
    this.events.push({ pos, sentence, role: 'subject', keys: found.map((e) => e.key) })
  }

  /** "Residents gathered outside. They said ...": a description opening a sentence is a candidate for "they"/"it". */
  noteDescriptionSubject(part: SpeakerPart, pos: number, sentence: number): void {
    const e = this.resolveDescription(part, pos, sentence, [])
    if (e === null) return
    this.touch(e, pos)
    this.events.push({ pos, sentence, role: 'subject', keys: [e.key] })
  }

  /** Records resolved speakers: the most salient antecedents for a following "he" or "they". */
  noteSpeakers(states: readonly EntityState[], pos: number, sentence: number): void {
    if (states.length === 0) return
    for (const s of states) {
      this.touch(s, pos)
      s.spoke = true
    }
    this.events.push({ pos, sentence, role: 'speaker', keys: states.map((s) => s.key) })
  }

  private touch(e: EntityState, pos: number): void {
    e.lastPos = Math.max(e.lastPos, pos)
    const i = this.recent.indexOf(e.key)
    if (i >= 0) this.recent.splice(i, 1)
    this.recent.unshift(e.key)
    if (this.recent.length > RECENT_LIMIT) this.recent.pop()
  }

  /** Resolves one part of a speaker phrase at `pos`; `exclude` holds the statement's own content. */
  resolve(
    part: SpeakerPart,
    pos: number,
    sentence: number,
    exclude: readonly Span[],
    avoid: ReadonlySet<string> = new Set(),
  ): EntityState[] {
    if (part.kind === 'name' && part.mention !== null) {
      // "SELMA, N.C. — ... said", "at Brickyard Hall, said": a place is no speaker.
      if (part.mention.place) return []
      const e = this.entityForMention(part.mention, avoid)
      // Speaking makes a lone sentence-opening word a name after all ("Harris told reporters ...").
      this.names.markSeenInside(e.name)
      if (part.description !== null) {
        addRole(e, part.description)
        this.nameDescription(part.description, e)
      }
      return [e]
    }
    if (part.kind === 'pronoun') {
      const found = this.resolvePronoun(part.head ?? '', pos, sentence, exclude)
      if (found.length === 0) this.warnings.push(`could not resolve "${part.text}" in sentence ${sentence + 1}`)
      return found
    }
    const e = this.resolveDescription(part, pos, sentence, exclude)
    return e === null ? [] : [e]
  }

  /** "The ministry said in a statement ...": later "the statement" speaks for the ministry. */
  noteDocuments(nouns: readonly string[], states: readonly EntityState[], pos: number, sentence: number): void {
    if (states.length !== 1) return
    for (const noun of nouns) this.documents.push({ noun: singularDocument(noun), sentence, pos, key: states[0]!.key })
  }

  /**
   * "The statement said ...", "according to the release": the issuer of that document named lately, else the
   * speaker or organisation of the same or previous sentence; null when nobody issued it (it then speaks as written,
   * "the memo said" → "the memo", as annotators of real news credit it).
   */
  private resolveDocument(head: string, pos: number, sentence: number, exclude: readonly Span[]): EntityState | null {
    const noun = singularDocument(head)
    for (let k = this.documents.length - 1; k >= 0; k--) {
      const d = this.documents[k]!
      if (d.sentence < sentence - DOCUMENT_WINDOW) break
      if (d.noun === noun && d.pos < pos) return this.entities.get(d.key) ?? null
    }
    const inExcluded = (p: number) => exclude.some((r) => p >= r.start && p < r.end)
    let org: EntityState | null = null
    for (let k = this.events.length - 1; k >= 0; k--) {
      const ev = this.events[k]!
      if (ev.sentence < sentence - 1) break
      if (ev.pos >= pos || inExcluded(ev.pos) || ev.role === 'topic' || ev.keys.length !== 1) continue
      const e = this.entities.get(ev.keys[0]!)
      if (e === undefined) continue
      if (ev.role === 'speaker') return e
      if (org === null && e.type === 'organization' && !e.place && !COUNTRIES.has(e.name.toLowerCase())) org = e
    }
    return org
  }

  private compatible(e: EntityState, pronoun: string, joint: boolean): boolean {
    return !this.isWeak(e) && pronounFits(e, pronoun, joint)
  }

  private resolvePronoun(pronoun: string, pos: number, sentence: number, exclude: readonly Span[]): EntityState[] {
    const found = this.searchSalient(pos, sentence, exclude, (e, joint) => this.compatible(e, pronoun, joint))
    return found === null ? [] : this.learn(found, pronoun)
  }

  /**
   * Sentence by sentence backwards from `pos`: the latest speaker, else the sentence's subject, else its
   * first other mention that passes `test`; then the latest passing mention further back.
   */
  private searchSalient(
    pos: number,
    sentence: number,
    exclude: readonly Span[],
    test: (e: EntityState, joint: boolean) => boolean,
  ): EntityState[] | null {
    const inExcluded = (p: number) => exclude.some((r) => p >= r.start && p < r.end)
    const pick = (ev: SalienceEvent): EntityState[] | null => {
      const states = ev.keys.map((k) => this.entities.get(k)).filter((e): e is EntityState => e !== undefined)
      if (states.length > 1) return test(states[0]!, true) ? states : null
      const s = states[0]
      return s !== undefined && test(s, false) ? [s] : null
    }
    let k = this.events.length - 1
    while (k >= 0) {
      const sent = this.events[k]!.sentence
      if (sent < sentence - SENTENCE_WINDOW) break
      let speaker: EntityState[] | null = null
      let subject: EntityState[] | null = null
      let mention: EntityState[] | null = null
      for (; k >= 0 && this.events[k]!.sentence === sent; k--) {
        const ev = this.events[k]!
        if (ev.pos >= pos || inExcluded(ev.pos) || ev.role === 'topic') continue
        if (ev.role === 'speaker') {
          if (speaker === null) speaker = pick(ev)
        } else if (ev.role === 'subject') {
          if (subject === null) subject = pick(ev)
        } else mention = pick(ev) ?? mention
      }
      const found = speaker ?? subject ?? mention
      if (found !== null) return found
    }
    for (let j = this.events.length - 1; j >= 0; j--) {
      const ev = this.events[j]!
      if (ev.sentence < sentence - SENTENCE_WINDOW * 2) break
      if (ev.pos >= pos || inExcluded(ev.pos) || ev.role === 'topic') continue
      const found = pick(ev)
      if (found !== null) return found
    }
    return null
  }

  /** A resolved "he"/"she" is evidence of a person and a gender. */
  private learn(states: EntityState[], pronoun: string): EntityState[] {
    if (states.length === 1 && (pronoun === 'he' || pronoun === 'she')) {
      const s = states[0]!
      if (s.gender === null) s.gender = pronoun === 'he' ? 'm' : 'f'
      if (s.type === 'unknown') s.type = 'person'
    }
    return states
  }

  private mostRecent(test: (e: EntityState) => boolean): EntityState | null {
    for (const key of this.recent) {
      const e = this.entities.get(key)!
      if (test(e)) return e
    }
    return null
  }

  private resolveDescription(
    part: SpeakerPart,
    pos: number,
    sentence: number,
    exclude: readonly Span[],
  ): EntityState | null {
    const words = part.words.join(' ')
    const head = part.head ?? ''
    // "according to court documents" names its source; "the statement said" points back at whoever issued it.
    if (DOCUMENT_NOUNS.has(head) && part.alias === null && part.definite) {
      const issuer = this.resolveDocument(head, pos, sentence, exclude)
      if (issuer !== null) return issuer
    }
    // "Springdale Police Department ... police said": bare "police" is the police force the story named.
    if (!part.definite && head === 'police' && part.words.length === 1) {
      const force = this.mostRecent((e) => e.type === 'organization' && e.nameWords.has('police'))
      if (force !== null) return force
    }
    if (part.definite) {
      // A registry anaphor ("the department") resolves once its entity has been named.
      const phrase = `the ${words}`
      const viaAlias = this.mostRecent((e) => e.anaphors.has(phrase))
      if (viaAlias !== null) return viaAlias
      if (ORG_HEAD_NOUNS.has(head)) {
        // "the ministry" → the salient organisation with that word in its name; "the company" → the salient organisation.
        const named = (e: EntityState) => e.type === 'organization' && !e.place && e.nameWords.has(head)
        const generic = (e: EntityState) =>
          GENERIC_ORG_HEADS.has(head) && e.type === 'organization' && !e.place && !COUNTRIES.has(e.name.toLowerCase())
        const found =
          this.searchSalient(pos, sentence, exclude, (e, joint) => !joint && named(e)) ??
          this.mostRecent(named) ??
          topicOrganisation(this.events, this.entities, pos, generic) ??
          this.searchSalient(pos, sentence, exclude, (e, joint) => !joint && generic(e)) ??
          this.mostRecent(generic)
        const one = Array.isArray(found) ? found[0] : found
        if (one !== undefined && one !== null) return one
      }
      // A role seen with a name: "US Secretary of State Antony Blinken" ... "the secretary of state"; "Sen. Ann Roe" ... "the senator".
      const forms = roleForms(words)
      const byRole = this.mostRecent(
        (e) =>
          e.type !== 'group' &&
          e.roles.some((role) => {
            const r = role.toLowerCase()
            return forms.some((w) => r === w || r.endsWith(` ${w}`))
          }),
      )
      if (byRole !== null) return byRole
      // "..., said the 24-year-old." / "the Italian said": an epithet points at the salient person.
      if (!part.plural && isPersonEpithet(head)) {
        const found = this.searchSalient(
          pos,
          sentence,
          exclude,
          (e, joint) => !joint && !e.plural && (e.type === 'person' || e.type === 'unknown') && !this.isWeak(e),
        )
        if (found !== null) return this.learn(found, 'they')[0]!
      }
      // "A man in a red cap stood outside. ... the man said": the same head noun takes up the earlier description.
      const same = this.mostRecent(
        (e) => e.key.startsWith('desc:') && !e.plural && e.type !== 'organization' && e.nameWords.has(head),
      )
      if (same !== null && !part.plural) return same
    }
    return this.descriptionEntity(part)
  }

  /** An unnamed source: "a senior official" (unknown), "officials" (group), "the ministry" (organisation). */
  private descriptionEntity(part: SpeakerPart): EntityState {
    const name = descriptionName(part)
    const key = `desc:${name.toLowerCase()}`
    let e = this.entities.get(key)
    if (e === undefined) {
      e = descriptionEntityState(key, name, part)
      this.entities.set(key, e)
    }
    return e
  }

  /** The public Speaker for an entity, read at the end so that later evidence (gender, type) counts. */
  speakerOf(e: EntityState): Speaker {
    for (let hops = 0; e.alias !== undefined && hops < 8; hops++) e = e.alias
    e.speaker ??= buildSpeaker(e)
    return e.speaker
  }

  /** "The man with the sign is Walter Pruitt": the description and the name are one person from now on, and were before. */
  identify(part: SpeakerPart, m: Mention, pos: number, sentence: number): void {
    const d = this.resolveDescription(part, pos, sentence, [])
    const e = this.entityForMention(m)
    if (d === null || d === e || !d.key.startsWith('desc:') || e.type === 'organization' || d.plural) return
    d.alias = e
    if (e.gender === null) e.gender = d.gender
    this.touch(e, pos)
    this.events.push({ pos, sentence, role: 'subject', keys: [e.key] })
  }

  /**
   * "A State Department spokesperson said ... The spokesperson, Ned Price, said": a definite role written with a name
   * takes up the unnamed source it repeats, which from now on (and before) is that person; "the trust's chief nurse"
   * does not repeat "a nurse".
   */
  private nameDescription(description: string, e: EntityState): void {
    const words = description.toLowerCase().split(/\s+/)
    if (words[0] !== 'the' || words.length < 2 || e.type === 'organization') return
    const rest = words.slice(1)
    const d = this.mostRecent(
      (x) =>
        x.key.startsWith('desc:') &&
        !x.plural &&
        x.type !== 'organization' &&
        x.alias === undefined &&
        rest.every((w) => x.nameWords.has(w)),
    )
    if (d !== null && d !== e) d.alias = e
  }

  /** The registry entity by id, as an entity state. */
  registryById(id: string): EntityState | null {
    const r = this.registry.byId.get(id)
    return r === undefined ? null : this.registryEntity(r)
  }
}
