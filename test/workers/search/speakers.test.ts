import { describe, expect, it } from 'vitest'
import { findSpeakers } from '../../../src/search/speakers'
import type { Speaker } from '../../../src/types'
import { statementOf, storeOf } from '../inline-store'

const BLINKEN: Speaker = {
  id: 'antony-blinken',
  name: 'Antony Blinken',
  type: 'person',
  role: 'Secretary of State',
  affiliation: 'United States',
}
const DEPARTMENT: Speaker = {
  id: 'us-state-department',
  name: 'US State Department',
  type: 'organization',
  role: 'Foreign ministry',
  affiliation: 'United States',
}
const ZURICH: Speaker = { id: 'zoe-zurich', name: 'Zoë Zürich', type: 'person', role: 'Mayor' }

let n = 0
const by = (speaker: Speaker, count: number, source: string | null = null) =>
  Array.from({ length: count }, () =>
    statementOf({ id: `s${n++}`, content: 'Words', kind: 'direct', speakers: [speaker], source }),
  )

// Blinken has the most statements, then the department, then Zürich.
const store = storeOf([...by(BLINKEN, 3, 'Secretary Blinken'), ...by(DEPARTMENT, 2), ...by(ZURICH, 1)])
const ids = (query: Parameters<typeof findSpeakers>[1]) => findSpeakers(store, query).map((s) => s.id)

describe('findSpeakers', () => {
  describe('when there is no q', () => {
    it('lists every speaker, most statements first', () => {
      expect(ids({})).toEqual(['antony-blinken', 'us-state-department', 'zoe-zurich'])
    })

    it('sorts by name with sort=name', () => {
      expect(ids({ sort: 'name' })).toEqual(['antony-blinken', 'us-state-department', 'zoe-zurich'].sort())
    })

    it('keeps one type', () => {
      expect(ids({ type: 'organization' })).toEqual(['us-state-department'])
    })
  })

  describe('when q is given', () => {
    it.each([
      ['blinken', 'a name word'],
      ['secretary blinken', 'an alias'],
      ['blin', 'a prefix'],
      ['blinkn', 'a typo'],
      ['zurich', 'a word without its accents'],
    ])('finds the speaker by %s (%s)', (q) => {
      expect(ids({ q })[0]).toBe(q.startsWith('z') ? 'zoe-zurich' : 'antony-blinken')
    })

    it('finds speakers by role and by affiliation', () => {
      expect(ids({ q: 'mayor' })).toEqual(['zoe-zurich'])
      expect(ids({ q: 'united states' })).toEqual(['antony-blinken', 'us-state-department'])
    })

    it('ranks a match in the name above one in the role', () => {
      // "State" is the department's name but only Blinken's role.
      expect(ids({ q: 'state' })).toEqual(['us-state-department', 'antony-blinken'])
    })

    it('needs every word to match', () => {
      expect(ids({ q: 'secretary mayor' })).toEqual([])
    })

    it('does not take a short word with a typo', () => {
      expect(ids({ q: 'maz' })).toEqual([])
    })

    it('keeps the statements order with sort=statements, and the type filter', () => {
      expect(ids({ q: 'state', sort: 'statements' })).toEqual(['antony-blinken', 'us-state-department'])
      expect(ids({ q: 'state', type: 'person' })).toEqual(['antony-blinken'])
    })

    it('finds nothing for words nobody has', () => {
      expect(ids({ q: 'astronaut' })).toEqual([])
    })
  })
})
