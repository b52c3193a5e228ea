import { describe, expect, it } from 'vitest'
import { fold, normalizeName, processTerm, stem, tokenize } from '../../../src/search/text'

describe('tokenize', () => {
  it('keeps inner apostrophes, hyphens and abbreviation dots inside a word, with offsets', () => {
    expect(tokenize("Russia's face-to-face U.S. talks.")).toEqual([
      { raw: "Russia's", start: 0, end: 8 },
      { raw: 'face-to-face', start: 9, end: 21 },
      { raw: 'U.S.', start: 22, end: 26 },
      { raw: 'talks', start: 27, end: 32 },
    ])
  })

  it('gives UTF-16 offsets that slice the input, emoji and accents included', () => {
    const text = '🙂 Zürich “quoted” 東京'
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.raw)
  })
})

describe('fold', () => {
  it.each([
    ['Zürich', 'zurich'],
    ['U.S.', 'us'],
    ['China’s', "china's"],
    ['ＡＢＣ', 'abc'],
  ])('folds %s to %s', (input, output) => {
    expect(fold(input)).toBe(output)
  })
})

describe('stem', () => {
  it('gives hope, hopes, hoped and hoping one stem', () => {
    const stems = new Set(['hope', 'hopes', 'hoped', 'hoping'].map(stem))
    expect(stems.size).toBe(1)
  })

  it.each([
    ['policies', 'policy'],
    ['talks', 'talk'],
    ['news', 'news'],
    ['stopped', 'stop'],
  ])('stems %s like %s', (a, b) => {
    expect(stem(a)).toBe(stem(b))
  })

  it('leaves short words and numbers alone', () => {
    expect(stem('was')).toBe('was')
    expect(stem('1990s')).toBe('1990s')
  })
})

describe('processTerm', () => {
  it('drops stop words', () => {
    expect(processTerm('the')).toBeNull()
  })

  it('reduces possessives with straight and curly apostrophes alike', () => {
    expect(processTerm("Russia's")).toEqual(processTerm('Russia’s'))
    expect(processTerm("Russia's")).toEqual(processTerm('Russia'))
  })

  it('indexes a hyphenated word whole and by its parts', () => {
    const terms = processTerm('face-to-face')!
    expect(terms).toContain(processTerm('face')![0])
    expect(terms.length).toBe(2)
  })
})

describe('normalizeName', () => {
  it('folds case, accents, possessives and punctuation', () => {
    expect(normalizeName("  America's TOP   diplomat ")).toBe('america top diplomat')
  })
})
