/**
 * highlightHit skips tokenizing a field when MiniSearch's match says no matched term is in it. That
 * must never change an answer: here every hit of many queries is highlighted both ways.
 */
import { describe, expect, it } from 'vitest'
import { highlightHit } from '../../../src/search/highlight'
import { parseQuery } from '../../../src/search/query'
import { findPhrase, searchStatements } from '../../../src/search/search'
import { processTerm, tokenize } from '../../../src/search/text'
import { testStore } from '../test-data'

/** The highlights as they were computed before: every matched term looked for in both fields. */
function everyField(text: string, matched: ReadonlySet<string>, phrases: string[][]) {
  const found: { start: number; end: number }[] = []
  for (const t of tokenize(text)) if (processTerm(t.raw)?.some((x) => matched.has(x))) found.push(t)
  for (const p of phrases) found.push(...findPhrase(text, p))
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: { start: number; end: number }[] = []
  for (const r of found) {
    const last = merged[merged.length - 1]
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else merged.push({ start: r.start, end: r.end })
  }
  return merged
}

const QUERIES = [
  'china',
  'secretary',
  'said',
  'xinhua',
  'relat',
  'diplomcy',
  'united states',
  'us',
  'politics',
  '"open lines"',
  'blinken relationship',
  'state department',
]

describe('highlights from the matched fields', () => {
  const store = testStore()
  it('equal highlighting every matched term in both fields', () => {
    let compared = 0
    let skipped = 0
    for (const q of QUERIES) {
      const { hits, plan } = searchStatements(store, { query: parseQuery(q), match: 'any' })
      for (const hit of hits) {
        const matched = new Set(Object.keys(hit.matches))
        const expected = [
          ...everyField(hit.statement.content, matched, plan.phrases).map((r) => ({ field: 'content', ...r })),
          ...everyField(hit.statement.text, matched, plan.phrases).map((r) => ({ field: 'text', ...r })),
        ]
        expect(highlightHit(hit, plan)).toEqual(expected)
        compared++
        if (!Object.values(hit.matches).some((f) => f.includes('content'))) skipped++
      }
    }
    // Not vacuous: many hits, and some matched only outside the content (speaker, role, topic).
    expect(compared).toBeGreaterThan(50)
    expect(skipped).toBeGreaterThan(0)
  })
})
