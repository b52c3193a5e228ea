import { describe, expect, it } from 'vitest'
import { didYouMean, editDistance } from '../../../src/search/did-you-mean'
import { escapeHtml, markHtml, snippet } from '../../../src/search/highlight'
import { findPhrase } from '../../../src/search/search'
import { createSynonyms, minimalForms, wordKey } from '../../../src/search/synonyms'
import { testStore } from '../test-data'

describe('editDistance', () => {
  it.each([
    ['blinken', 'blinken', 0],
    ['blinkn', 'blinken', 1],
    ['blnikne', 'blinken', 2],
    ['ab', 'ba', 1],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })
})

describe('didYouMean', () => {
  const keys = new Map([
    ['blinken', new Set(['antony-blinken'])],
    ['antony blinken', new Set(['antony-blinken'])],
    ['biden', new Set(['joe-biden'])],
    ['han', new Set(['han-zheng'])],
  ])

  it('suggests the closest ids, at most 3', () => {
    expect(didYouMean('blinkn', keys)).toEqual(['antony-blinken'])
    expect(didYouMean('b', keys).length).toBeLessThanOrEqual(3)
  })

  it('suggests nothing for something far from everything', () => {
    expect(didYouMean('zzzzzzzz', keys)).toEqual([])
  })
})

describe('findPhrase', () => {
  it('matches folded words in order, across hyphens and apostrophes', () => {
    expect(findPhrase('Russia’s war; face-to-face talks', ['russia', 'war'])).toEqual([{ start: 0, end: 12 }])
    expect(findPhrase('face-to-face talks', ['face', 'to', 'face'])).toEqual([{ start: 0, end: 12 }])
    expect(findPhrase('talks face-to-face', ['face', 'talks'])).toEqual([])
  })
})

describe('createSynonyms', () => {
  const synonyms = createSynonyms([
    ['G20', 'Group of 20'],
    ['US', 'United States', 'America'],
  ])

  it('matches a multi-word form, longest first', () => {
    expect(synonyms.match(['Group', '20', 'summit'].map(wordKey))).toEqual({ length: 2, forms: ['G20', 'Group of 20'] })
    expect(synonyms.match(['United', 'States'].map(wordKey))?.forms).toContain('America')
  })

  it('matches nothing for other words', () => {
    expect(synonyms.match(['summit'].map(wordKey))).toBeNull()
  })
})

describe('markHtml', () => {
  it('escapes everything and marks the matches', () => {
    expect(markHtml('<b>a</b> & "b"', [{ field: 'content', start: 3, end: 4 }], 'content')).toBe(
      '&lt;b&gt;<mark>a</mark>&lt;/b&gt; &amp; &quot;b&quot;',
    )
  })

  it('escapes quotes for attributes', () => {
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;')
  })
})

describe('snippet', () => {
  const words = Array.from({ length: 80 }, (_, i) => `w${i}`)
  const content = words.join(' ')

  it('returns short content whole', () => {
    expect(snippet('a short sentence', [])).toBe('a short sentence')
  })

  it('crops to about 30 words around the match, with ellipses', () => {
    const start = content.indexOf('w50')
    const s = snippet(content, [{ field: 'content', start, end: start + 3 }])
    expect(s.startsWith('…')).toBe(true)
    expect(s.endsWith('…')).toBe(true)
    expect(s).toContain('w50')
    expect(s.replace(/…/g, '').trim().split(' ')).toHaveLength(30)
  })

  it('starts at the beginning when the match is there', () => {
    const s = snippet(content, [{ field: 'content', start: 0, end: 2 }])
    expect(s.startsWith('w0 ')).toBe(true)
  })
})

describe('minimalForms', () => {
  it('keeps only the smallest distinct synonym forms besides the typed one', () => {
    expect(
      minimalForms('united states', ['US', 'U.S.', 'USA', 'United States', 'America', 'United States of America']),
    ).toEqual(['US', 'USA', 'America'])
  })

  it('keeps a multi-word form that is not covered by another', () => {
    expect(minimalForms('G20', ['G20', 'Group of 20'])).toEqual(['Group of 20'])
  })
})

describe('store term lookups (MiniSearch internals)', () => {
  it('finds terms and their content frequency in the index', () => {
    const store = testStore()
    // If a MiniSearch upgrade moves its term tree, these fall back and this test says so.
    expect(store.hasTerm('diplomacy')).toBe(true)
    expect(store.hasTerm('zeppelin')).toBe(false)
    expect(store.contentFrequency('diplomacy')).toBe(1)
  })
})
