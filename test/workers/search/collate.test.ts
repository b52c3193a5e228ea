/** Name order without a collator: the store's startup sorts keep `localeCompare`'s order. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sortByName } from '../../../src/search/collate'
import { compareStrings } from '../../../src/search/text'
import { testStore } from '../test-data'

const byName = (names: string[]) => names.map((name) => ({ name }))

describe('sortByName', () => {
  it('ranks first, then orders names with case and accents folded', () => {
    const sorted = sortByName(byName(['emma', 'Zoe', 'Émile', 'Eli', 'Ángel']), () => 0).map((x) => x.name)
    // "Émile" folds to "emile", between "eli" and "emma"; "Ángel" to "angel", first.
    expect(sorted).toEqual(['Ángel', 'Eli', 'Émile', 'emma', 'Zoe'])
    const ranked = sortByName(byName(['b', 'a', 'cc']), (a, b) => b.name.length - a.name.length)
    expect(ranked.map((x) => x.name)).toEqual(['cc', 'a', 'b'])
  })

  it('agrees with localeCompare on names of letters and spaces that differ when folded', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,11}$/)
    fc.assert(
      fc.property(name, name, (a, b) => {
        fc.pre(a.toLowerCase() !== b.toLowerCase())
        const [first] = sortByName(byName([a, b]), () => 0)
        expect(first?.name).toBe(a.localeCompare(b) < 0 ? a : b)
      }),
    )
  })
})

describe('the store over the test corpus (the seed article and fixtures)', () => {
  const store = testStore()

  it('orders speakers as localeCompare did: by statements, relays, then name', () => {
    const expected = [...store.speakers].sort(
      (a, b) => b.counts.total - a.counts.total || b.relayed - a.relayed || a.name.localeCompare(b.name),
    )
    expect(store.speakers.map((s) => s.id)).toEqual(expected.map((s) => s.id))
  })

  it('orders entities as localeCompare did: by mentions, then name', () => {
    const expected = [...store.entities].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    expect(store.entities.map((e) => e.id)).toEqual(expected.map((e) => e.id))
  })
})

describe('compareStrings', () => {
  it('orders by code unit: capitals before lower case', () => {
    expect(['b', 'B', 'a'].sort(compareStrings)).toEqual(['B', 'a', 'b'])
  })
})
