import { describe, expect, it } from 'vitest'
import { buildRegistryIndex, findEntityIds, isAnaphorAlias } from '../../../src/extract/entities'
import { REGISTRY } from './helpers'

const index = buildRegistryIndex(REGISTRY)

describe('findEntityIds', () => {
  it('finds entities by name and by capitalised alias', () => {
    expect(findEntityIds('Mara Quell met the Water Board and Tidewire staff.', index)).toEqual([
      'mara-quell',
      'dunmore-water-board',
      'tidewire',
    ])
  })

  it('matches a possessive capitalised alias', () => {
    expect(findEntityIds("Dunmore's first citizen spoke.", index)).toEqual(['mara-quell'])
  })

  it('does not count anaphors such as "the board" or "the mayor"', () => {
    expect(findEntityIds('The mayor asked the board and the agency to wait.', index)).toEqual([])
  })

  it('needs the capital letters a name has', () => {
    expect(findEntityIds('the water board quell', index)).toEqual([])
  })

  it('lists each entity once, in order of first mention', () => {
    expect(findEntityIds('Quell, then Tidewire, then Mayor Quell again.', index)).toEqual(['mara-quell', 'tidewire'])
  })
})

describe('isAnaphorAlias', () => {
  it.each([
    ['the mayor', true],
    ['the US president', true],
    ['the Water Board', false],
    ['Water Board', false],
  ])('reads %j as anaphor: %s', (alias, expected) => {
    expect(isAnaphorAlias(alias)).toBe(expected)
  })
})
