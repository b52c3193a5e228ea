/**
 * MiniSearch's query without its result list: `search` builds an object per match (id lookup,
 * `Object.keys` of the match, stored fields) and sorts them all, which a caller that ranks with its
 * own boosts and shows one page does not need. `executeQuery` is the part of `search` that scores:
 * it is not in MiniSearch's typings, so a test pins it (test/workers/search/top-k.test.ts) and, where
 * it is missing, this falls back to `search`, with the same scores.
 */
import type { MatchInfo, Query } from 'minisearch'
import type { Store } from './store'

interface RawResult {
  score: number
  terms: string[]
  match: MatchInfo
}

/** MiniSearch's short id → id map (a Map, or the packed loader's read-only view of the ids). */
interface DocumentIds {
  size: number
  get(shortId: number): string | undefined
  [Symbol.iterator](): Iterator<[number, string]>
}

interface Internals {
  executeQuery?: (query: Query, options?: object) => Map<number, RawResult>
  _documentIds?: DocumentIds
}

// Short id → position, or null where they agree (the packed loader and buildIndex add statements
// in article order, so short id i is statement i). Checked once per store.
const shortIdMaps = new WeakMap<Store, Int32Array | null>()

function positionsOfShortIds(store: Store, ids: DocumentIds): Int32Array | null {
  let map = shortIdMaps.get(store)
  if (map === undefined) {
    map = null
    const statements = store.statements
    let identity = ids.size === statements.length
    for (let i = 0; identity && i < statements.length; i++) if (ids.get(i) !== statements[i]!.id) identity = false
    if (!identity) {
      let max = 0
      for (const [shortId] of ids) max = Math.max(max, shortId)
      map = new Int32Array(max + 1).fill(-1)
      for (const [shortId, id] of ids) map[shortId] = store.position.get(id) ?? -1
    }
    shortIdMaps.set(store, map)
  }
  return map
}

/**
 * Runs a MiniSearch query and calls `visit` once per matching statement, in no particular order,
 * with its position and MiniSearch's score (as `search` reports it: times the matched query terms).
 */
export function rawSearch(
  store: Store,
  query: Query,
  visit: (position: number, score: number, match: MatchInfo) => void,
): void {
  const index = store.index as unknown as Internals
  if (typeof index.executeQuery !== 'function' || typeof index._documentIds?.get !== 'function') {
    for (const r of store.index.search(query)) {
      const position = store.position.get(r.id as string)
      if (position !== undefined) visit(position, r.score, r.match)
    }
    return
  }
  const map = positionsOfShortIds(store, index._documentIds!)
  for (const [shortId, { score, terms, match }] of index.executeQuery.call(store.index, query, {})) {
    const position = map ? (map[shortId] ?? -1) : shortId
    if (position >= 0) visit(position, score * (terms.length || 1), match)
  }
}
