/** Attribution cues: speech verbs (CUE_VERBS), nominal cues ("expressed hope"), "according to", refusals to comment. */
import {
  CUE_BLOCKERS,
  CUE_PARTICLES,
  CUE_VERB_TABLE,
  DECLINE_OBJECTS,
  DECLINE_VERBS,
  NOMINAL_MODIFIERS,
  NOMINAL_NOUNS,
  NOMINAL_VERBS,
  PARTICIPLE_COMPLEMENTS,
  PARTICIPLE_CUES,
  PARTICLE_VERB_FLAGS,
  POSSESSIVE_CUE_NOUNS,
  RAISED_NOUNS,
  WENT_ON_VERBS,
} from './lexicon'
import { isPossessive, type Token } from './tokens'

export interface CueVerb {
  /** Content may follow without "that": "Han said he hoped ...". */
  noThat: boolean
  /** May precede its subject: `"...," said Smith`. */
  inversion: boolean
  /** May take an addressee before the content: "told reporters (that) ...". */
  object: boolean
  /** Passes on what someone else said: "Xinhua reported that Han said ...". */
  relay: boolean
  /** Any complement is the content, object included: "vowed to appeal", "called on the council to act". */
  complement: boolean
}

const verbOf = (flags: string): CueVerb => ({
  noThat: flags.includes('N'),
  inversion: flags.includes('I'),
  object: flags.includes('O'),
  relay: flags.includes('R'),
  complement: flags.includes('C'),
})

/** Speech verbs by surface form. */
export const CUE_VERBS: ReadonlyMap<string, CueVerb> = new Map(
  CUE_VERB_TABLE.flatMap(([forms, flags]) => forms.split(' ').map((f) => [f, verbOf(flags)] as const)),
)

const PARTICLE_VERB = verbOf(PARTICLE_VERB_FLAGS)

/** Cues a title-case headline capitalises: "Mayor Says Ferry Will Run", "Moss Tells Council ...". */
const HEADLINE_CUES = new Set(['says', 'say', 'tells', 'warns', 'claims'])

export type CueKind = 'verb' | 'nominal' | 'according' | 'decline' | 'participle' | 'possessive'

export interface CueMatch {
  kind: CueKind
  tokStart: number
  /** Exclusive. */
  tokEnd: number
  /** The cue as written, lower case, modifiers dropped: "said", "expressed hopes", "according to". */
  phrase: string
  verb: CueVerb | null
}

/**
 * True when a lower-cased word is a form of a speech verb.
 *
 * @example
 * isSpeechVerbForm('said') // true
 * isSpeechVerbForm('saying') // false: participles are cues of their own
 */
export const isSpeechVerbForm = (norm: string): boolean => CUE_VERBS.has(norm)

const w = (tokens: readonly Token[], i: number, end: number): Token | undefined =>
  i < end && tokens[i]!.type === 'word' && tokens[i]!.quote < 0 ? tokens[i] : undefined

/**
 * Matches a cue starting at token i (outside quotations), or returns null.
 *
 * @example
 * // 'The ministry declined to comment.' at "declined" → { kind: 'decline', phrase: 'declined to comment' }
 * // 'Han expressed hopes that ...' at "expressed" → { kind: 'nominal', phrase: 'expressed hopes' }
 */
export function matchCue(tokens: readonly Token[], i: number, end: number): CueMatch | null {
  const t = w(tokens, i, end)
  if (t === undefined) return null
  const n = t.norm
  const prev = i > 0 ? tokens[i - 1] : undefined
  const next = w(tokens, i + 1, end)

  // "According to Xinhua, ..." / "..., according to officials."
  if (n === 'according' && next?.norm === 'to')
    return { kind: 'according', tokStart: i, tokEnd: i + 2, phrase: 'according to', verb: null }
  // A capitalised form is a name or a sentence opener ("the United States", "Asked about it, ..."), not a cue,
  // except in a title-case headline between capitalised words: "Mayor Says Ferry Will Run".
  if (t.cap && !(HEADLINE_CUES.has(n) && prev?.cap === true && prev.type === 'word' && next?.cap === true)) return null
  if (t.cap) return { kind: 'verb', tokStart: i, tokEnd: i + 1, phrase: n, verb: CUE_VERBS.get(n)! }

  const decline = matchDecline(tokens, i, end)
  if (decline !== null) return decline

  // "Han ... expressed hopes that ...", "voiced hope for ...", "raised concerns about ..."
  if (NOMINAL_VERBS.has(n)) {
    let k = i + 1
    let mods = 0
    while (mods < 2 && w(tokens, k, end) !== undefined && NOMINAL_MODIFIERS.has(tokens[k]!.norm)) {
      k++
      mods++
    }
    const noun = w(tokens, k, end)
    if (noun !== undefined && NOMINAL_NOUNS.has(noun.norm) && (!n.startsWith('rais') || RAISED_NOUNS.has(noun.norm))) {
      return { kind: 'nominal', tokStart: i, tokEnd: k + 1, phrase: `${n} ${noun.norm}`, verb: null }
    }
  }

  // "Smith's warning that ..." / "his insistence that ..."
  if (
    POSSESSIVE_CUE_NOUNS.has(n) &&
    prev !== undefined &&
    (isPossessive(prev) || ['his', 'her', 'their', 'its'].includes(prev.norm)) &&
    next?.norm === 'that'
  ) {
    return { kind: 'possessive', tokStart: i, tokEnd: i + 1, phrase: n, verb: null }
  }

  const progressive = matchProgressive(tokens, i, end) ?? matchEager(tokens, i, end)
  if (progressive !== null) return progressive

  // "..., adding that ...", "..., pointing out that ...", "..., calling on voters to ...", "..., calling it "a farce""
  if (PARTICIPLE_CUES.has(n)) {
    const particles = n === 'pointing' ? ['out'] : n === 'calling' ? ['on', 'for'] : null
    let particle = particles === null ? null : particles.includes(next?.norm ?? '') ? next!.norm : undefined
    if (particle === undefined && n === 'calling' && namesSomething(tokens, i, end)) particle = null
    if (particle === undefined) return null
    // "..., adding to concern about the fires": adding to something says nothing.
    if (n === 'adding' && next?.norm === 'to') return null
    return {
      kind: 'participle',
      tokStart: i,
      tokEnd: particle ? i + 2 : i + 1,
      phrase: particle ? `${n} ${particle}` : n,
      verb: null,
    }
  }

  // "She went on to say the plan was dead.": the cue starts at "went".
  if (WENT_ON_VERBS.has(n) && next?.norm === 'on' && w(tokens, i + 2, end)?.norm === 'to') {
    const v = w(tokens, i + 3, end)
    const verb = v === undefined ? undefined : CUE_VERBS.get(v.norm)
    if (verb === undefined || v === undefined) return null
    return { kind: 'verb', tokStart: i, tokEnd: i + 4, phrase: `${n} on to ${v.norm}`, verb }
  }

  const particles = CUE_PARTICLES.get(n)
  const verb = CUE_VERBS.get(n) ?? (particles === undefined ? undefined : PARTICLE_VERB)
  if (verb === undefined) return null
  if (prev !== undefined && prev.type === 'word' && CUE_BLOCKERS.has(prev.norm)) return null
  // "Roe called the plan "a farce"", "She called him a liar": calling someone something says it.
  if (CALL_FORMS.has(n) && !particles?.includes(next?.norm ?? '') && namesSomething(tokens, i, end))
    return { kind: 'verb', tokStart: i, tokEnd: i + 1, phrase: n, verb: PARTICLE_VERB }
  if (particles !== undefined) {
    if (next === undefined || !particles.includes(next.norm)) return null
    return { kind: 'verb', tokStart: i, tokEnd: i + 2, phrase: `${n} ${next.norm}`, verb }
  }
  return { kind: 'verb', tokStart: i, tokEnd: i + 1, phrase: n, verb }
}

const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'been'])
const PROGRESSIVE_ADVERBS = new Set(['now', 'also', 'still', 'again', 'already', 'even', 'openly', 'repeatedly'])

/**
 * A speech verb in the progressive, at its auxiliary: "Clinton is arguing that ...", "He has been urging the
 * council to ...", "She is calling for a recount". The participle's own verb gives the flags.
 */
function matchProgressive(tokens: readonly Token[], i: number, end: number): CueMatch | null {
  if (!BE_FORMS.has(tokens[i]!.norm)) return null
  let k = i + 1
  while (k < i + 3 && w(tokens, k, end) !== undefined && PROGRESSIVE_ADVERBS.has(tokens[k]!.norm)) k++
  const ing = w(tokens, k, end)
  if (ing === undefined || ing.cap || !PARTICIPLE_CUES.has(ing.norm)) return null
  const next = w(tokens, k + 1, end)
  const particles = ing.norm === 'pointing' ? ['out'] : ing.norm === 'calling' ? ['on', 'for'] : null
  const particle = particles?.includes(next?.norm ?? '') ? next!.norm : null
  if (particles !== null && particle === null && !(ing.norm === 'calling' && namesSomething(tokens, k, end)))
    return null
  // "is adding to the pressure": adding to something says nothing.
  if (ing.norm === 'adding' && next?.norm === 'to') return null
  const stem = ing.norm.slice(0, -3)
  const forms = [stem, `${stem}e`, stem.slice(0, -1)].flatMap((b) => ['s', 'es', 'ed', 'd', ''].map((x) => b + x))
  const base = forms.map((f) => CUE_VERBS.get(f)).find((v) => v !== undefined)
  // "is telling supporters that ...": an addressee is no content; "is urging the council to act": a complement is.
  const verb =
    particle !== null || base === undefined
      ? PARTICLE_VERB
      : PARTICIPLE_COMPLEMENTS.has(ing.norm) && !base.object
        ? { ...base, complement: true }
        : base
  const tokEnd = particle === null ? k + 1 : k + 2
  return { kind: 'verb', tokStart: i, tokEnd, phrase: particle === null ? ing.norm : `${ing.norm} ${particle}`, verb }
}

const EAGER_WORDS = new Set(['quick', 'careful', 'eager', 'keen', 'happy', 'glad', 'anxious', 'pains'])

/**
 * A speech verb after "was quick to", "was careful to", "took pains to", at the first word: "Okoro was quick to
 * point out that ...". The verb's own flags apply.
 */
function matchEager(tokens: readonly Token[], i: number, end: number): CueMatch | null {
  const n = tokens[i]!.norm
  if (!BE_FORMS.has(n) && !/^(took|takes|take)$/.test(n)) return null
  const adj = w(tokens, i + 1, end)
  if (adj === undefined || !EAGER_WORDS.has(adj.norm) || (adj.norm === 'pains') === BE_FORMS.has(n)) return null
  if (w(tokens, i + 2, end)?.norm !== 'to') return null
  const v = w(tokens, i + 3, end)
  if (v === undefined) return null
  const particles = CUE_PARTICLES.get(v.norm)
  const next = w(tokens, i + 4, end)
  if (particles?.includes(next?.norm ?? ''))
    return { kind: 'verb', tokStart: i, tokEnd: i + 5, phrase: `${v.norm} ${next!.norm}`, verb: PARTICLE_VERB }
  const verb = CUE_VERBS.get(v.norm)
  if (verb === undefined) return null
  return { kind: 'verb', tokStart: i, tokEnd: i + 4, phrase: v.norm, verb }
}

const CALL_FORMS = new Set(['called', 'calls', 'calling'])
const NAMED_OBJECTS = new Set([
  'him',
  'her',
  'it',
  'them',
  'that',
  'this',
  'himself',
  'herself',
  'themselves',
  'us',
  'me',
])
const MAX_CALL_OBJECT = 14

/**
 * After a form of "call" at token i: a quotation follows soon in the sentence ("called the plan "a farce"") or a
 * pronoun object and a noun phrase ("called him a liar"), so it names something rather than phones someone.
 */
function namesSomething(tokens: readonly Token[], i: number, end: number): boolean {
  const obj = tokens[i + 1]
  if (obj === undefined || i + 1 >= end) return false
  if (NAMED_OBJECTS.has(obj.norm) && /^(a|an|the|so|too|very|one|"|“)$/.test(tokens[i + 2]?.norm ?? '')) return true
  for (let k = i + 1; k < Math.min(end, i + MAX_CALL_OBJECT); k++) {
    const t = tokens[k]!
    if (t.mark === 'open') return k > i + 1
    if (t.type === 'punct' && t.text !== ',' && t.text !== '-') return false
  }
  return false
}

/** A refusal to speak at token i: "declined to comment", "did not respond to a request for comment". */
function matchDecline(tokens: readonly Token[], i: number, end: number): CueMatch | null {
  const n = tokens[i]!.norm
  const next = w(tokens, i + 1, end)
  // "The ministry declined to comment."
  if (DECLINE_VERBS.has(n) && next?.norm === 'to') {
    const obj = w(tokens, i + 2, end)
    if (obj !== undefined && DECLINE_OBJECTS.has(obj.norm))
      return { kind: 'decline', tokStart: i, tokEnd: i + 3, phrase: `${n} to ${obj.norm}`, verb: null }
  }
  // "Acme did not respond to a request for comment." / "could not be reached for comment"
  if ((n === 'did' || n === 'does' || n === 'could') && (next?.norm === 'not' || next?.norm === "n't")) {
    for (let k = i + 2; k < Math.min(end, i + 10); k++) {
      const u = tokens[k]!
      if (u.type !== 'word') break
      if (u.norm === 'comment' && tokens[k - 1]!.norm === 'for') {
        const words: string[] = []
        for (let m = i; m <= k; m++) if (tokens[m]!.norm !== 'immediately') words.push(tokens[m]!.norm)
        return { kind: 'decline', tokStart: i, tokEnd: k + 1, phrase: words.join(' '), verb: null }
      }
    }
  }
  return null
}
