import { describe, expect, it } from 'vitest'
import { checkQuery, parseQuery } from '../../../src/search/query'

describe('parseQuery', () => {
  it('splits words, phrases, exclusions and inline filters', () => {
    expect(parseQuery('"face-to-face diplomacy" -Taiwan -"North Korea" speaker:blinken hope')).toEqual({
      terms: ['hope'],
      phrases: ['face-to-face diplomacy'],
      excludedTerms: ['Taiwan'],
      excludedPhrases: ['North Korea'],
      filters: { speaker: ['blinken'] },
      endsInWord: true,
    })
  })

  it('reads curly quotes as quotes', () => {
    expect(parseQuery('“candid discussion”').phrases).toEqual(['candid discussion'])
  })

  it('ignores an unbalanced quote', () => {
    const parsed = parseQuery('candid "discussion')
    expect(parsed.terms).toEqual(['candid', 'discussion'])
    expect(parsed.phrases).toEqual([])
  })

  it('takes a quoted inline filter value', () => {
    expect(parseQuery('speaker:"Antony Blinken" kind:direct,mixed').filters).toEqual({
      speaker: ['Antony Blinken'],
      kind: ['direct', 'mixed'],
    })
  })

  it('treats an unknown field prefix as a word', () => {
    expect(parseQuery('colour:red').terms).toEqual(['colour:red'])
  })

  it('knows whether the last word is still being typed', () => {
    expect(parseQuery('taiw').endsInWord).toBe(true)
    expect(parseQuery('taiw ').endsInWord).toBe(false)
    expect(parseQuery('"taiwan strait"').endsInWord).toBe(false)
  })

  it('never throws on junk', () => {
    for (const q of ['-', '"', '""', '- -', ':', 'speaker:', '-"', '\u0000', '🙂', '"""""'])
      expect(() => parseQuery(q)).not.toThrow()
  })
})

describe('checkQuery', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['a'.repeat(257), /256 characters/],
    [Array.from({ length: 13 }, (_, i) => `w${i}`).join(' '), /12 terms/],
    ['"a b" "c d" "e f" "g h" "i j"', /4 phrases/],
  ])('rejects %j', (q, why) => {
    expect(checkQuery(q)).toMatch(why)
  })

  it('accepts a query at the limits', () => {
    expect(checkQuery(Array.from({ length: 12 }, (_, i) => `w${i}`).join(' '))).toBeNull()
    expect(checkQuery('"a b" "c d" "e f" "g h"')).toBeNull()
  })
})
