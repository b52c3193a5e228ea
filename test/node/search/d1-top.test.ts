/** Which searches get precomputed lists in D1, and the keys a search finds its list by. */
import { describe, expect, it } from 'vitest'
import { chooseLists, listKey, listTerm, type TopCorpus } from '../../../src/search/d1/top'
import { createSynonyms } from '../../../src/search/synonyms'

const corpus = (terms: Record<string, number>, speakers: Record<string, string[]> = {}): TopCorpus => ({
  terms: new Map(Object.entries(terms)),
  synonyms: createSynonyms([]),
  speakerKeys: new Map(Object.entries(speakers).map(([k, ids]) => [k, new Set(ids)])),
  words: [],
})
const keys = (c: TopCorpus, threshold: number) =>
  chooseLists(c, threshold)
    .map((l) => l.key)
    .sort()

describe('chooseLists', () => {
  it('counts a word being typed with every term it begins', () => {
    // "stat" alone is rare, but a search for "stat" as typed matches state and statement too.
    expect(keys(corpus({ stat: 10, state: 600, statement: 500, zebra: 999 }), 1000)).toEqual(['"stat"*', '"state"*'])
  })

  it('gives a word that names a speaker a list of its own, ranked with the speaker boost', () => {
    const lists = chooseLists(corpus({ ashford: 1200 }, { ashford: ['amara-ashford'] }), 1000)
    expect(lists.map((l) => l.key).sort()).toEqual([
      '"ashford"',
      '"ashford" @1.5 amara-ashford',
      '"ashford"*',
      '"ashford"* @1.5 amara-ashford',
    ])
    const named = lists.find((l) => l.key === '"ashford"* @1.5 amara-ashford')
    expect(named?.match).toBe('"ashford"*')
    expect([...(named?.named ?? [])]).toEqual([['amara-ashford', 1.5]])
  })

  it('leaves out searches that match fewer statements than the threshold', () => {
    expect(keys(corpus({ ashford: 999 }, { ashford: ['amara-ashford'] }), 1000)).toEqual([])
  })
})

describe('list keys', () => {
  it('name the expression and the named speakers, sorted, and give back the term of a one-term list', () => {
    const key = listKey(
      '"ashford"*',
      new Map([
        ['b-ashford', 3],
        ['a-ashford', 3],
      ]),
    )
    expect(key).toBe('"ashford"* @3 a-ashford b-ashford')
    expect(listTerm(key)).toBe('ashford')
    expect(listTerm('"say ""x"""')).toBe('say "x"')
    expect(listTerm('("china" OR "prc")')).toBeNull()
  })
})
