/** Ranking a page: the sorts, as one total order, and the bounded heap that keeps a page's best hits. */
import type { Statement } from '../types'
import { compareStrings } from './text'

export type SortKey = 'relevance' | 'position' | 'date'
export interface Sort {
  by: SortKey
  order: 'asc' | 'desc'
}

/** The default order of each sort key: best, earliest in the article, newest. */
export const DEFAULT_ORDER: Readonly<Record<SortKey, Sort['order']>> = {
  relevance: 'desc',
  position: 'asc',
  date: 'desc',
}

export interface SearchHit {
  statement: Statement
  score: number
  /** Index terms that matched, each with the fields it matched in. */
  matches: Record<string, string[]>
  /** Place in article order, the tie-breaker of every sort. */
  position: number
}

/**
 * The order of a sort as a comparator: negative when `a` comes first. Every sort ends in article
 * order, so it is total and a partial selection gives the same page as a full sort.
 */
export function compareHits(sort: Sort): (a: SearchHit, b: SearchHit) => number {
  const sign = sort.order === 'asc' ? 1 : -1
  if (sort.by === 'relevance') return (a, b) => sign * (a.score - b.score) || a.position - b.position
  if (sort.by === 'position') return (a, b) => sign * (a.position - b.position)
  return (a, b) => {
    const da = a.statement.date
    const db = b.statement.date
    if (da !== db) {
      // Undated statements go last whichever way dates run.
      if (da === null) return 1
      if (db === null) return -1
      return sign * compareStrings(da, db)
    }
    return a.position - b.position
  }
}

/**
 * Keeps the best `k` of the hits offered, by `compare`, in a binary heap whose root is the worst
 * kept: each offer that cannot make the page costs one comparison and no allocation.
 */
export class TopK {
  private readonly heap: SearchHit[] = []
  constructor(
    private readonly k: number,
    private readonly compare: (a: SearchHit, b: SearchHit) => number,
  ) {}

  /** True when `hit` would be kept: call before building the hit object to keep. */
  wants(hit: SearchHit): boolean {
    return this.heap.length < this.k || (this.k > 0 && this.compare(hit, this.heap[0]!) < 0)
  }

  /** Adds a hit that `wants` accepted. */
  add(hit: SearchHit): void {
    const heap = this.heap
    if (heap.length < this.k) {
      heap.push(hit)
      let i = heap.length - 1
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (this.compare(heap[parent]!, heap[i]!) >= 0) break
        ;[heap[parent], heap[i]] = [heap[i]!, heap[parent]!]
        i = parent
      }
      return
    }
    heap[0] = hit
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let worst = i
      if (l < heap.length && this.compare(heap[l]!, heap[worst]!) > 0) worst = l
      if (r < heap.length && this.compare(heap[r]!, heap[worst]!) > 0) worst = r
      if (worst === i) break
      ;[heap[worst], heap[i]] = [heap[i]!, heap[worst]!]
      i = worst
    }
  }

  /** The kept hits, best first. */
  sorted(): SearchHit[] {
    return [...this.heap].sort(this.compare)
  }
}
