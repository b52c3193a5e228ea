/** Facet counts over a whole matching set, not just the page shown. */
import type { Statement } from '../types'
import { FILTER_PARAMS, type FilterParam } from './filter'
import type { Store } from './store'
import { compareStrings } from './text'

export const FACET_NAMES = FILTER_PARAMS
export type FacetName = FilterParam

export interface FacetValue {
  value: string
  label: string
  count: number
}

export type Facets = Partial<Record<FacetName, FacetValue[]>>

/** The most values one facet lists, so a large corpus cannot blow up a response. */
export const MAX_FACET_VALUES = 100

function bump(counts: Map<string, number>, value: string): void {
  counts.set(value, (counts.get(value) ?? 0) + 1)
}

/** Adds one statement's values of a facet to the counts, each value once. No closures: this is the hot loop. */
function countValues(st: Statement, facet: FacetName, counts: Map<string, number>): void {
  switch (facet) {
    case 'speaker':
      for (let i = 0; i < st.speakers.length; i++) {
        const id = st.speakers[i]!.id
        let first = true
        for (let j = 0; j < i; j++) if (st.speakers[j]!.id === id) first = false
        if (first) bump(counts, id)
      }
      return
    case 'via':
      if (st.via) bump(counts, st.via.id)
      return
    case 'kind':
      bump(counts, st.kind)
      return
    case 'article':
      bump(counts, st.article)
      return
    case 'topic':
    case 'entity': {
      const values = facet === 'topic' ? st.topics : st.entities
      for (let i = 0; i < values.length; i++) if (values.indexOf(values[i]!) === i) bump(counts, values[i]!)
    }
  }
}

/**
 * Counts each requested facet's values over `statements`, most frequent first, then by label.
 *
 * @example computeFacets(store, results, ['kind']) // { kind: [{ value: 'narration', label: 'narration', count: 9 }, ...] }
 */
export function computeFacets(store: Store, statements: readonly Statement[], names: readonly FacetName[]): Facets {
  // The whole corpus (an unfiltered listing): the counts are the value lists' lengths, sorted once per isolate.
  if (statements.length === store.statements.length) return corpusFacets(store, names)
  // A large share of the corpus: mark it, then count each value's list against the marks
  // (typed-array reads, no Map per statement).
  if (statements.length * 8 > store.statements.length) return markedFacets(store, statements, names)
  const facets: Facets = {}
  for (const name of names) {
    const counts = new Map<string, number>()
    for (const st of statements) countValues(st, name, counts)
    const labels = store.dimensions[name].labels
    facets[name] = [...counts.entries()]
      .map(([value, count]) => ({ value, label: labels.get(value) ?? value, count }))
      .sort((a, b) => b.count - a.count || compareStrings(a.label, b.label))
      .slice(0, MAX_FACET_VALUES)
  }
  return facets
}

/**
 * The same counts over statements given by position (ascending), as a search's matched set is:
 * a large set is marked straight from its positions.
 */
export function computeFacetsAt(store: Store, positions: Int32Array, names: readonly FacetName[]): Facets {
  if (positions.length === store.statements.length) return corpusFacets(store, names)
  if (positions.length * 8 > store.statements.length) {
    const marked = new Uint8Array(store.statements.length)
    for (let i = 0; i < positions.length; i++) marked[positions[i]!] = 1
    return countMarked(store, marked, names)
  }
  return computeFacets(
    store,
    Array.from(positions, (p) => store.statements[p]!),
    names,
  )
}

const corpusFacetCache = new WeakMap<Store, Facets>()

function corpusFacets(store: Store, names: readonly FacetName[]): Facets {
  let all = corpusFacetCache.get(store)
  if (!all) {
    all = {}
    for (const name of FACET_NAMES) {
      const labels = store.dimensions[name].labels
      all[name] = [...store.positions[name]]
        .map(([value, list]) => ({ value, label: labels.get(value) ?? value, count: list.length }))
        .sort((a, b) => b.count - a.count || compareStrings(a.label, b.label))
        .slice(0, MAX_FACET_VALUES)
    }
    corpusFacetCache.set(store, all)
  }
  const facets: Facets = {}
  // Copies, so a caller that changes its answer cannot change the next one.
  for (const name of names) facets[name] = all[name]!.map((v) => ({ ...v }))
  return facets
}

function sorted(store: Store, name: FacetName, counts: Iterable<[string, number]>): FacetValue[] {
  const labels = store.dimensions[name].labels
  const values: FacetValue[] = []
  for (const [value, count] of counts) if (count > 0) values.push({ value, label: labels.get(value) ?? value, count })
  return values.sort((a, b) => b.count - a.count || compareStrings(a.label, b.label)).slice(0, MAX_FACET_VALUES)
}

function markedFacets(store: Store, statements: readonly Statement[], names: readonly FacetName[]): Facets {
  const marked = new Uint8Array(store.statements.length)
  for (const st of statements) {
    const p = store.position.get(st.id)
    if (p !== undefined) marked[p] = 1
  }
  return countMarked(store, marked, names)
}

function countMarked(store: Store, marked: Uint8Array, names: readonly FacetName[]): Facets {
  const facets: Facets = {}
  for (const name of names) {
    const counts: Array<[string, number]> = []
    for (const [value, list] of store.positions[name]) {
      let n = 0
      for (let i = 0; i < list.length; i++) n += marked[list[i]!]!
      counts.push([value, n])
    }
    facets[name] = sorted(store, name, counts)
  }
  return facets
}
