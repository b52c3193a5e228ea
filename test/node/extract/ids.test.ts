import { describe, expect, it } from 'vitest'
import { fnv1a64, slugify } from '../../../src/extract/ids'
import { statementsOf } from './helpers'

describe('fnv1a64', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j to the published FNV-1a 64 value', (input, expected) => {
    expect(fnv1a64(input)).toBe(expected)
  })
})

describe('slugify', () => {
  it.each([
    ['Gina Raimondo', 'gina-raimondo'],
    ['Zoë Ébert', 'zoe-ebert'],
    ["Dunmore's first citizen", 'dunmores-first-citizen'],
    ['  two  people, familiar ', 'two-people-familiar'],
  ])('slugs %j as %j', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })

  it('falls back to a hash for names with no Latin letters', () => {
    expect(slugify('李明')).toMatch(/^x-[0-9a-f]{8}$/)
  })
})

describe('statement ids', () => {
  const text = 'Ruiz said the port would reopen. "Soon," Ruiz added.'

  it('start with the article id and are URL-safe', () => {
    for (const s of statementsOf(text, {}, 'port-story')) expect(s.id).toMatch(/^port-story-[0-9a-f]{10}(-\d+)?$/)
  })

  it('do not change when the same article is extracted again', () => {
    expect(statementsOf(text).map((s) => s.id)).toEqual(statementsOf(text).map((s) => s.id))
  })

  it('do not depend on the speaker or the kind', () => {
    const a = statementsOf('Ruiz said the port would reopen.')[0]!
    const b = statementsOf('Moss said the port would reopen.')[0]!
    expect(a.content).toBe(b.content)
    expect(a.id).toBe(b.id)
  })

  it('stay unique within an article', () => {
    const ids = statementsOf('It rained. It rained. "Go," she said. "Go," she said.').map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
