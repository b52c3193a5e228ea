/** The speaker directory: speakers found by name, alias, role or affiliation, by prefix and with typos. */

import type { SpeakerType } from '../types'
import { editDistance } from './did-you-mean'
import { fuzzyDistance } from './options'
import type { SpeakerSummary, Store } from './store'
import { compareStrings, normalizeName, STOP_WORDS } from './text'

export type SpeakerSort = 'relevance' | 'statements' | 'name'

export interface SpeakerQuery {
  /** Words that must each match a word of the speaker's name, aliases, role or affiliation. */
  q?: string
  type?: SpeakerType
  /** `relevance` (the default with `q`) ranks by how well `q` matched; `statements` (the default without) by statements, most first; `name` A to Z. */
  sort?: SpeakerSort
}

interface Fields {
  /** Folded words of the name and aliases: what a speaker is called. */
  names: Set<string>
  /** Folded words of the role and affiliation: what they are. */
  about: Set<string>
}

// A name word counts double: `q=state` finds the State Department before a Secretary of State.
const NAME_WEIGHT = 2
const EXACT = 3
const PREFIX = 2
const TYPO = 1

const cache = new WeakMap<SpeakerSummary, Fields>()

function fieldsOf(s: SpeakerSummary): Fields {
  let fields = cache.get(s)
  if (!fields) {
    const words = (texts: (string | null)[]) =>
      new Set(texts.flatMap((t) => (t ? normalizeName(t).split(' ') : [])).filter(Boolean))
    fields = { names: words([s.name, ...s.aliases]), about: words([s.role, s.affiliation]) }
    cache.set(s, fields)
  }
  return fields
}

/** How well one query word matches one word: exact, a prefix of it, or within its typo allowance. */
function wordScore(queryWord: string, word: string): number {
  if (word === queryWord) return EXACT
  if (word.startsWith(queryWord)) return PREFIX
  const max = fuzzyDistance(queryWord)
  return max > 0 && editDistance(queryWord, word, max) <= max ? TYPO : 0
}

function bestScore(queryWord: string, words: Set<string>): number {
  let best = 0
  for (const w of words) best = Math.max(best, wordScore(queryWord, w))
  return best
}

/** The speaker's score for the query words, or 0 when a word matches nothing of theirs. */
function scoreSpeaker(s: SpeakerSummary, queryWords: readonly string[]): number {
  const { names, about } = fieldsOf(s)
  let total = 0
  for (const qw of queryWords) {
    const score = Math.max(NAME_WEIGHT * bestScore(qw, names), bestScore(qw, about))
    if (score === 0) return 0
    total += score
  }
  return total
}

/** The words of `q` to match: folded, stop words left out unless there is nothing else. */
function queryWordsOf(q: string): string[] {
  const words = normalizeName(q).split(' ').filter(Boolean)
  const meaningful = words.filter((w) => !STOP_WORDS.has(w))
  return meaningful.length > 0 ? meaningful : words
}

/**
 * The speakers (and relaying channels) matching a query, in the order asked for. Every word of
 * `q` must match a word of the name, an alias, the role or the affiliation: exactly, as a prefix,
 * or with a typo (none up to 3 letters, 1 up to 7, 2 beyond). Without `q`, every speaker.
 *
 * @example findSpeakers(store, { q: 'secretary', sort: 'name' }) // [Antony Blinken, …]
 */
export function findSpeakers(store: Pick<Store, 'speakers'>, query: SpeakerQuery): SpeakerSummary[] {
  const typed = store.speakers.filter((s) => query.type === undefined || s.type === query.type)
  const words = query.q ? queryWordsOf(query.q) : []
  // store.speakers is already in statements order: a stable sort keeps it as the tie-breaker.
  const scored = typed
    .map((speaker) => ({ speaker, score: words.length > 0 ? scoreSpeaker(speaker, words) : 1 }))
    .filter((s) => s.score > 0)
  const sort = query.sort ?? (words.length > 0 ? 'relevance' : 'statements')
  if (sort === 'relevance') scored.sort((a, b) => b.score - a.score)
  else if (sort === 'name')
    scored.sort(
      (a, b) =>
        compareStrings(normalizeName(a.speaker.name), normalizeName(b.speaker.name)) ||
        compareStrings(a.speaker.id, b.speaker.id),
    )
  return scored.map((s) => s.speaker)
}
