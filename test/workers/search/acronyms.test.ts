import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../src/search/query'
import { searchStatements } from '../../../src/search/search'
import { processTerm, tokenize } from '../../../src/search/text'
import { statementOf, storeOf } from '../inline-store'

/** Ids of the statements a query finds in a corpus of one statement per text. */
function find(texts: string[], q: string): string[] {
  const store = storeOf(texts.map((content, i) => statementOf({ id: `s${i}`, content })))
  return searchStatements(store, { query: parseQuery(q) })
    .hits.map((h) => h.statement.id)
    .sort()
}

describe('dotted acronyms', () => {
  describe('tokenize', () => {
    it('keeps a dotted acronym joined by a hyphen as one word', () => {
      expect(tokenize('The A.F.L.-C.I.O. backed it.').map((t) => t.raw)).toEqual([
        'The',
        'A.F.L.-C.I.O.',
        'backed',
        'it',
      ])
    })

    it('still splits a dotted acronym from a capitalised word after a hyphen', () => {
      expect(tokenize('U.S.-China talks').map((t) => t.raw)).toEqual(['U.S.', 'China', 'talks'])
    })
  })

  describe('processTerm', () => {
    it.each([
      ['F.B.I.', 'FBI'],
      ['U.S.', 'US'],
      ['A.F.L.-C.I.O.', 'AFL-CIO'],
    ])('gives %s and %s the same terms', (dotted, plain) => {
      expect(processTerm(dotted)).toEqual(processTerm(plain))
    })

    it('gives a hyphenated acronym the terms of its parts written apart', () => {
      expect(processTerm('AFL-CIO')).toEqual([...processTerm('AFL')!, ...processTerm('CIO')!])
    })

    it('keeps an acronym part that is also a stop word', () => {
      expect(processTerm('U.S.-EU')).toEqual(['us', 'eu'])
    })
  })

  describe('search', () => {
    const FORMS = ['F.B.I.', 'FBI']
    it.each(FORMS.flatMap((indexed) => FORMS.map((queried) => [indexed, queried])))(
      'finds %s in the text when the query is %s',
      (indexed, queried) => {
        expect(find([`The ${indexed} opened a case.`, 'Nothing here.'], queried)).toEqual(['s0'])
      },
    )

    const UNION = ['A.F.L.-C.I.O.', 'AFL-CIO', 'AFL CIO']
    it.each(UNION.flatMap((indexed) => UNION.map((queried) => [indexed, queried])))(
      'finds %s in the text when the query is %s',
      (indexed, queried) => {
        expect(find([`The ${indexed} endorsed her.`, 'Nothing here.'], queried)).toEqual(['s0'])
      },
    )

    it.each(['afl-cio', 'f.b.i.', 'fbi'])('reads the lower-case query %s as the acronym', (queried) => {
      expect(find(['The A.F.L.-C.I.O. and the F.B.I. met.', 'Nothing here.'], queried)).toEqual(['s0'])
    })

    it.each([
      ['U.S.', 'US'],
      ['US', 'U.S.'],
    ])('finds %s in the text when the query is %s', (indexed, queried) => {
      expect(find([`The ${indexed} said so.`, 'Nothing here.'], queried)).toEqual(['s0'])
    })

    it.each([
      ['fbo', 'The FBI opened a case.'],
      ['afl-cia', 'The AFL-CIO endorsed her.'],
    ])('does not match the query %s fuzzily to an acronym', (queried, text) => {
      expect(find([text], queried)).toEqual([])
    })
  })
})
