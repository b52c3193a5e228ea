import { describe, expect, it } from 'vitest'
import { suggestCorrection } from '../../../src/search/correction'
import { closestWord, correctQuery, editDistance } from '../../../src/search/did-you-mean'
import { checkDate, filterStatements, matchesConditions } from '../../../src/search/filter'
import { fold } from '../../../src/search/text'
import { statementOf, storeOf } from '../inline-store'

const store = storeOf([
  statementOf({ id: 'a', content: 'Early words about the harbour', kind: 'direct', date: '2024-03-01' }),
  statementOf({ id: 'b', content: 'Middle words about Taiwan', kind: 'narration', date: '2024-03-10' }),
  statementOf({ id: 'c', content: 'Late words about the library', kind: 'indirect', date: '2024-03-20T09:30:00Z' }),
  statementOf({ id: 'd', content: 'Undated words about the harbour', kind: 'direct', date: null }),
])
const ids = (filters: Parameters<typeof filterStatements>[1]) => filterStatements(store, filters).map((s) => s.id)

describe('checkDate', () => {
  it.each(['2024-03-01', '2024-02-29', '1999-12-31'])('accepts %s', (d) => expect(checkDate(d)).toBeNull())
  it.each(['2024-3-1', '2023-02-29', '2024-13-01', '2024-00-10', '20240301', 'yesterday', '2024-03-01T00:00'])(
    'rejects %s',
    (d) => expect(checkDate(d)).not.toBeNull(),
  )
})

describe('matchesConditions', () => {
  describe('when since is given', () => {
    it('keeps statements on or after the day, inclusive', () =>
      expect(ids({ since: '2024-03-10' })).toEqual(['b', 'c']))
  })
  describe('when until is given', () => {
    // c is dated 2024-03-20 at 09:30: its day is what counts, so until=2024-03-20 keeps it.
    it('keeps statements on or before the day, inclusive of a timestamped one', () =>
      expect(ids({ until: '2024-03-20' })).toEqual(['a', 'b', 'c']))
  })
  describe('when both are given', () => {
    it('keeps the range', () => expect(ids({ since: '2024-03-02', until: '2024-03-19' })).toEqual(['b']))
    it('keeps a single day', () => expect(ids({ since: '2024-03-01', until: '2024-03-01' })).toEqual(['a']))
    it('finds nothing in an empty stretch', () => expect(ids({ since: '2025-01-01' })).toEqual([]))
  })
  describe('when a statement has no date', () => {
    it('leaves it out of any date filter, and keeps it without one', () => {
      expect(ids({ since: '1900-01-01' })).not.toContain('d')
      expect(ids({})).toContain('d')
    })
  })
  describe('when attributed is given', () => {
    it('true keeps every kind but narration', () => expect(ids({ attributed: true })).toEqual(['a', 'c', 'd']))
    it('false keeps narration only', () => expect(ids({ attributed: false })).toEqual(['b']))
  })
  it('ANDs with the other conditions', () => {
    expect(matchesConditions(store.byId.get('a')!, { attributed: true, since: '2024-03-05' })).toBe(false)
  })
})

describe('editDistance', () => {
  it.each([
    ['xinhau', 'xinhua'],
    ['tiawan', 'taiwan'],
  ])('counts the swapped letters of %s as one edit', (a, b) => expect(editDistance(a, b)).toBe(1))
})

describe('closestWord', () => {
  const words = [
    { text: 'Taiwan', key: 'taiwan', count: 1 },
    { text: 'harbour', key: 'harbour', count: 5 },
    { text: 'harbours', key: 'harbours', count: 1 },
  ]
  it('corrects a letter swap', () => expect(closestWord('tiawan', words)).toBe('Taiwan'))
  it('prefers the more frequent of equally close words', () => expect(closestWord('harbourz', words)).toBe('harbour'))
  it('leaves words of 3 letters or fewer alone', () => expect(closestWord('tai', words)).toBeNull())
  it('finds nothing beyond the typo budget', () => expect(closestWord('twain', words)).toBeNull())
})

describe('correctQuery', () => {
  const words = [{ text: 'Taiwan', key: 'taiwan', count: 1 }]
  const known = (w: string) => fold(w) !== 'tiawan'
  it('replaces unknown words and keeps the rest as typed', () =>
    expect(correctQuery('Tiawan, please', known, words, fold)).toBe('Taiwan, please'))
  it('leaves phrases, exclusions and filters alone', () =>
    expect(correctQuery('"tiawan" -tiawan speaker:tiawan', known, words, fold)).toBeNull())
})

describe('suggestCorrection', () => {
  it('offers a corrected query that finds something', () =>
    expect(suggestCorrection(store, 'tiawan', {})).toBe('Taiwan'))
  it('offers nothing when the correction would find nothing under the filters', () =>
    expect(suggestCorrection(store, 'tiawan', { filters: [{ attributed: true }] })).toBeNull())
  it('offers nothing for words it cannot place', () => expect(suggestCorrection(store, 'zzzzzzzz', {})).toBeNull())
})
