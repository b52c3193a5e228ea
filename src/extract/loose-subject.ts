/**
 * Subjects the strict speaker grammar does not know, for unambiguous speech verbs only: a noun phrase whose head
 * is no known speaker noun ("the lawsuit says", "74 percent said", "social conservatives say"), and a subject set
 * off from its verb by an aside ("Jones, after the story broke, said").
 */
import {
  ADJUNCT_PREPS,
  ADVERB_SKIP,
  DOCUMENT_NOUNS,
  FINITE_VERBS,
  FUNCTION_WORDS,
  isRoleWord,
  MODALS,
  NP_DETERMINERS,
  OPENING_CONJUNCTIONS,
  PRONOUNS,
  RELATIVES,
  SPEAKER_NOUNS,
} from './lexicon'
import { isWord, makePart, mentionIdAt, type ParseContext, parsePhrase, type SpeakerPhrase } from './speaker-parts'
import { isPossessive, type Token } from './tokens'

/** Verb forms that are never nouns, so the words right before them are their subject. */
const PLAIN_VERBS = new Set(
  `said says say told tells added adds argued argues argue insisted insists insist explained explains stated
  warned suggested suggests suggest claimed wrote writes asked acknowledged acknowledges admitted admits
  predicted predicts concluded concludes contended contends maintained maintains indicated indicates revealed
  reveals declared declares emphasized stressed alleged alleges alleged noted argued recalled recalls conceded
  concedes observed observes complained complains cautioned countered testified reiterated reiterates
  affirmed asserted asserts announced announces confirmed confirms denied denies lamented laments`
    .trim()
    .split(/\s+/),
)

/** Words a loose subject never holds: they open a clause or a verb group, not a noun phrase. */
const NOT_IN_SUBJECT = new Set([
  ...FINITE_VERBS,
  ...MODALS,
  ...'to not never been be being that what whatever whom whose how why where when if there here'.split(' '),
  ...'me him them us you i we it he she they myself'.split(' '),
])

/** Words before the subject that open its clause: "But", "And", "Yet". */
const CLAUSE_OPENERS = new Set([...OPENING_CONJUNCTIONS, 'while', 'whereas', 'although', 'though', 'because', 'also'])

const NUMBER_WORDS = new Set('one two three four five six seven eight nine ten half third quarter'.split(' '))
const MAX_SUBJECT_WORDS = 7
const MAX_ASIDE_TOKENS = 20

/** A loose subject for a speech verb at `cueTok`, when the strict grammar found none; null when none fits. */
export function looseSubjectBefore(ctx: ParseContext, lo: number, cueTok: number): SpeakerPhrase | null {
  const { tokens } = ctx
  if (!PLAIN_VERBS.has(tokens[cueTok]!.norm)) return null
  // "X has since said", "X, in ..., has said": adverbs and auxiliaries sit between the subject and the verb.
  let j = cueTok - 1
  while (
    j >= lo &&
    isWord(tokens[j]) &&
    !tokens[j]!.cap &&
    (ADVERB_SKIP.has(tokens[j]!.norm) || /ly$/.test(tokens[j]!.norm))
  )
    j--
  if (j < lo) return null
  // "Jones, after the story broke in March, said": the subject before the aside speaks.
  if (tokens[j]!.text === ',' && tokens[j]!.quote < 0) return subjectBeforeAside(ctx, lo, j)
  return looseNounPhrase(ctx, lo, j)
}

/**
 * The subject before asides that end at the comma `j`: `Jones, after ..., said`, `Paul Roe, a driver from Ava, Mo.,
 * who backs the plan, said`, `The companies, which ..., said`: the phrase that opens the clause, before the first comma.
 */
function subjectBeforeAside(ctx: ParseContext, lo: number, j: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let k = j - 1
  while (k > lo && j - k <= MAX_ASIDE_TOKENS * 2) {
    const t = tokens[k]!
    if (t.quote >= 0 || t.type === 'quote' || t.text === ';' || t.text === ':') return null
    if (t.text === ',') {
      const e = k - 1
      if (isWord(tokens[e]) || mentionIdAt(ctx, e) >= 0) {
        // The subject must open the sentence: "Jones, after ..., said", not "In March, after ..., said".
        const p = looseNounPhrase(ctx, lo, e)
        if (p !== null && opensClause(tokens, lo, p.tokStart)) return p
      }
    }
    k--
  }
  return null
}

/** Tokens [lo, a) are empty or only clause openers ("But", "And yet"). */
function opensClause(tokens: readonly Token[], lo: number, a: number): boolean {
  for (let k = lo; k < a; k++) if (!CLAUSE_OPENERS.has(tokens[k]!.norm)) return false
  return true
}

/**
 * The noun phrase that ends at token j and opens its clause: a name or pronoun the strict parser knows, else
 * a description of any head ("the order released Friday", "74 percent", "many in the crowd").
 */
function looseNounPhrase(ctx: ParseContext, lo: number, j: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let a = j
  let words = 0
  while (a >= lo && (isWord(tokens[a]) || mentionIdAt(ctx, a) >= 0)) {
    const t = tokens[a]!
    if (CLAUSE_OPENERS.has(t.norm) && mentionIdAt(ctx, a) < 0) break
    // "most of them said": an object pronoun after "of" is inside the subject.
    const ofObject = /^(them|us)$/.test(t.norm) && tokens[a - 1]?.norm === 'of'
    if ((NOT_IN_SUBJECT.has(t.norm) && !ofObject) || RELATIVES.has(t.norm) || PLAIN_VERBS.has(t.norm)) return null
    if (++words > MAX_SUBJECT_WORDS) return null
    a--
  }
  const start = a + 1
  // "In March said" is no subject, "About 12 percent said" is.
  const rounded = tokens[start + 1]?.type === 'number' || NUMBER_WORDS.has(tokens[start + 1]?.norm ?? '')
  if (start > j || (ADJUNCT_PREPS.has(tokens[start]!.norm) && mentionIdAt(ctx, start) < 0 && !rounded)) return null
  // The phrase opens a clause: the sentence start, a comma, a colon, or a conjunction.
  if (a >= lo && tokens[a]!.text === ':' && tokens[a]!.quote < 0) return finishLoose(ctx, start, j)
  if (a >= lo && !(tokens[a]!.text === ',' || CLAUSE_OPENERS.has(tokens[a]!.norm))) return null
  if (a >= lo && tokens[a]!.text === ',' && !opensClause(tokens, lo, a) && !introductoryPhrase(tokens, lo, a))
    return null
  return finishLoose(ctx, start, j)
}

/** Tokens [start, j] as a speaker phrase: the strict reading, else a description of any head. */
function finishLoose(ctx: ParseContext, start: number, j: number): SpeakerPhrase | null {
  const { tokens } = ctx
  const strict = parsePhrase(ctx, start, j + 1)
  if (strict !== null) return strict
  const first = tokens[start]!
  const head = tokens[j]!
  const numeric = head.type === 'number' || NUMBER_WORDS.has(head.norm)
  const ofObject = j > start && tokens[j - 1]!.norm === 'of' && /^(them|us)$/.test(head.norm)
  if (PRONOUNS.has(head.norm) || (FUNCTION_WORDS.has(head.norm) && !numeric && !ofObject)) return null
  if (head.norm.length < 3 && !numeric) return null
  // A lone capitalised word the mention finder passed over is no speaker ("Also said", "Friday said").
  if (start === j && first.cap) return null
  const text = ctx.text.slice(first.start, head.end)
  const part = makePart('description', start, j + 1, first.start, head.end, text, {
    mention: null,
    alias: null,
    words: tokens.slice(NP_DETERMINERS.has(first.norm) ? start + 1 : start, j + 1).map((t) => t.norm),
    head: head.norm,
    definite: false,
    plural: /s$/.test(head.norm),
    description: null,
  })
  return { start: first.start, end: head.end, tokStart: start, tokEnd: j + 1, text, parts: [part] }
}

/** "Among likely voters, 74 percent said": a comma after an opening prepositional or adverbial phrase. */
function introductoryPhrase(tokens: readonly Token[], lo: number, comma: number): boolean {
  const first = tokens[lo]
  if (first === undefined || comma - lo > 8) return false
  for (let k = lo; k < comma; k++) if (!isWord(tokens[k])) return false
  // "Again, those surveyed said": a lone opening word is an adverb.
  return comma - lo === 1 || FUNCTION_WORDS.has(first.norm) || OPENING_PREPS.has(first.norm) || /ly$/.test(first.norm)
}

/** Prepositions that open an adverbial the function words leave out: "Around that time, 47 percent said". */
const OPENING_PREPS = new Set(['around', 'across', 'throughout', 'within', 'beyond', 'toward', 'towards', 'near'])

/**
 * The subject of the main clause before a participle cue, past an opening adverbial ("On Friday, Mr. Carson
 * endorsed the plan, calling it ..."): a name, a pronoun or a noun phrase right after where the clause opens.
 */
export function mainClauseSubject(ctx: ParseContext, lo: number, cueTok: number): SpeakerPhrase | null {
  const { tokens } = ctx
  let p = lo
  while (p < cueTok && CLAUSE_OPENERS.has(tokens[p]!.norm) && mentionIdAt(ctx, p) < 0) p++
  // "On Friday," / "In a speech to supporters in Phoenix," / "At a rally in Dover, Del., on Tuesday,": opening
  // phrases end at their commas, a place after a comma continues them.
  for (let guard = 0; guard < 4 && p < cueTok; guard++) {
    const first = tokens[p]!
    const mid = mentionIdAt(ctx, p)
    const opener = FUNCTION_WORDS.has(first.norm) && !PRONOUNS.has(first.norm) && mid < 0
    if (!opener && !(mid >= 0 && ctx.mentions[mid]!.place)) break
    let k = p
    while (k < cueTok && k - p <= 12 && (isWord(tokens[k]) || mentionIdAt(ctx, k) >= 0)) k++
    if (tokens[k]?.text !== ',' || k >= cueTok) return null
    p = k + 1
  }
  if (p >= cueTok) return null
  const t = tokens[p]!
  if (PRONOUNS.has(t.norm) && isWord(t)) return parsePhrase(ctx, p, p + 1)
  // "Senator Ada Moss", "Former Gov. Ada Moss": titles before the name.
  const a = p
  while (
    p < cueTok &&
    p - a < 4 &&
    mentionIdAt(ctx, p) < 0 &&
    isWord(tokens[p]) &&
    isRoleWord(tokens[p]!.norm.replace(/\.$/, ''))
  )
    p++
  const mid = mentionIdAt(ctx, p)
  if (mid < 0) return null
  const m = ctx.mentions[mid]!
  if (m.place) return null
  // The name must be followed by its verb or an appositive, not be the start of a longer phrase; "of Vermont" may
  // come between.
  let e = m.tokEnd
  if (/^(of|from)$/.test(tokens[e]?.norm ?? '') && mentionIdAt(ctx, e + 1) >= 0)
    e = ctx.mentions[mentionIdAt(ctx, e + 1)]!.tokEnd
  const after = tokens[e]
  if (after === undefined || !(after.text === ',' || (isWord(after) && !after.cap))) return null
  if (after.text !== ',' && (RELATIVES.has(after.norm) || FUNCTION_WORDS.has(after.norm))) return null
  return parsePhrase(ctx, a, possessedEnd(tokens, m.tokEnd, cueTok) ?? m.tokEnd)
}

/**
 * Where the speaker a name's possessive introduces ends: "Trump's campaign", "the Navy's top adviser" speak,
 * not the possessor; null when `end` follows no possessive or no speaker noun comes within a few words.
 */
export function possessedEnd(tokens: readonly Token[], end: number, limit: number): number | null {
  const last = tokens[end - 1]
  if (last === undefined || !isPossessive(last)) return null
  let found: number | null = null
  for (let k = end; k < limit && k - end < 4; k++) {
    const t = tokens[k]!
    if (!isWord(t) || t.cap || FUNCTION_WORDS.has(t.norm)) break
    if (SPEAKER_NOUNS.has(t.norm) && !DOCUMENT_NOUNS.has(t.norm)) found = k + 1
  }
  return found
}
