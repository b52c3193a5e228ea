/** Search-as-you-type completions: corpus words and phrases, speaker names, topics and entities. */
import type { Store } from './store'
import { compareStrings } from './text'
import { foldKey } from './vocabulary'

export type SuggestionType = 'speaker' | 'topic' | 'entity' | 'phrase' | 'term'

export interface Suggestion {
  /** What to put in the search box. */
  text: string
  type: SuggestionType
  /** The id to filter by, for speakers, topics and entities. */
  id?: string
  /** Statements it occurs in, or is attributed to. */
  count: number
}

interface Entry {
  text: string
  /** Folded text, for prefix comparison. */
  key: string
  /** Folded words, so "blin" finds "Antony Blinken". */
  words: string[]
  type: SuggestionType
  id?: string
  count: number
}

export const MAX_SUGGESTIONS = 10

const TYPE_WEIGHT: Record<SuggestionType, number> = { speaker: 4, topic: 3, entity: 2.5, phrase: 2, term: 1 }

/** What completions read: the small tables, so any backend's catalog will do. */
type SuggestSource = Pick<Store, 'speakers' | 'topics' | 'entities' | 'vocabulary'>

const cache = new WeakMap<SuggestSource, Entry[]>()

/** Entries to complete to: the built vocabulary plus speakers, topics and entities, made once per store. */
function vocabulary(store: SuggestSource): Entry[] {
  const cached = cache.get(store)
  if (cached) return cached
  const entries: Entry[] = []
  const push = (text: string, type: SuggestionType, count: number, id?: string) => {
    const key = foldKey(text)
    if (key) entries.push({ text, key, words: key.split(' '), type, count, ...(id ? { id } : {}) })
  }
  for (const s of store.speakers) push(s.name, 'speaker', s.counts.total + s.relayed, s.id)
  for (const t of store.topics) push(t.label, 'topic', t.count, t.id)
  for (const e of store.entities) if (e.count > 0) push(e.name, 'entity', e.count, e.id)
  for (const [text, key, type, count] of store.vocabulary) entries.push({ text, key, words: [], type, count })
  cache.set(store, entries)
  return entries
}

/**
 * Up to 10 completions for what has been typed so far, mixing types, best first: an entry
 * qualifies when its text starts with the input, or one of its words starts with the last word.
 *
 * @example suggest(store, 'blin') // [{ text: 'Antony Blinken', type: 'speaker', id: 'antony-blinken', count: 4 }, ...]
 */
export function suggest(store: SuggestSource, input: string, limit = MAX_SUGGESTIONS): Suggestion[] {
  const typed = foldKey(input)
  if (!typed) return []
  const typedWords = typed.split(' ')
  const lastWord = typedWords[typedWords.length - 1]!
  const head = typedWords.slice(0, -1).join(' ')
  const scored: { entry: Entry; text: string; score: number }[] = []
  for (const entry of vocabulary(store)) {
    let score = 0
    let text = entry.text
    if (entry.key.startsWith(typed)) score = 3
    else if (
      entry.type !== 'term' &&
      entry.type !== 'phrase' &&
      entry.words.some((w) => w.startsWith(lastWord)) &&
      typedWords.length === 1
    )
      score = 2
    else if (entry.type === 'term' && head && entry.key.startsWith(lastWord)) {
      // Complete the last word after what is already typed: "face-to-face diplo" → "… diplomacy".
      score = 1.5
      text = `${input.trimEnd().slice(0, input.trimEnd().length - lastWord.length)}${entry.text}`
    } else continue
    if (entry.key === typed && entry.type === 'term') score -= 1
    scored.push({
      entry,
      text,
      score: score + TYPE_WEIGHT[entry.type] + Math.log2(1 + entry.count) - entry.key.length / 100,
    })
  }
  scored.sort((a, b) => b.score - a.score || compareStrings(a.text, b.text))
  const seen = new Set<string>()
  const out: Suggestion[] = []
  for (const { entry, text } of scored) {
    const key = `${entry.type}:${foldKey(text)}`
    if (seen.has(key) || seen.has(`any:${foldKey(text)}`)) continue
    seen.add(key)
    seen.add(`any:${foldKey(text)}`)
    out.push({ text, type: entry.type, count: entry.count, ...(entry.id ? { id: entry.id } : {}) })
    if (out.length >= limit) break
  }
  return out
}
