/** Roles in time: a registry person gets the role that held on the article's date, or the article's own role. */
import { describe, expect, it } from 'vitest'
import { extractStatements } from '../../../src/extract/index'
import type { RegistryEntity } from '../../../src/types'

const VARGA: RegistryEntity = {
  id: 'ilse-varga',
  name: 'Ilse Varga',
  type: 'person',
  role: 'Finance Minister of Dunmore',
  roles: [
    { role: 'Governor of the Dunmore central bank', from: '2014-01-01', to: '2018-01-01' },
    { role: 'Finance Minister of Dunmore', from: '2021-01-01' },
  ],
  aliases: ['Varga'],
}
const HARBOUR: RegistryEntity = {
  id: 'harbour-board',
  name: 'Harbour Board',
  type: 'organization',
  role: 'Port authority',
  aliases: [],
}

/** The role of the first speaker of a text extracted as of `date`. */
function roleOn(text: string, date: string | null): string | undefined {
  const { statements } = extractStatements({ id: 't', text, date }, { entities: [VARGA, HARBOUR] })
  return statements.find((s) => s.kind !== 'narration')?.speakers[0]?.role
}

describe('dated registry roles', () => {
  it('gives the role that held on the article date', () => {
    expect(roleOn('Varga said rates would hold.', '2016-09-12')).toBe('Governor of the Dunmore central bank')
    expect(roleOn('Varga said taxes would fall.', '2022-03-01')).toBe('Finance Minister of Dunmore')
  })

  it('gives no registry role between two roles, nor on an undated article', () => {
    expect(roleOn('Varga said she would run.', '2019-06-01')).toBeUndefined()
    expect(roleOn('Varga said she would run.', null)).toBeUndefined()
  })

  it("lets the article's own role win over the registry", () => {
    expect(roleOn('Harbour envoy Ilse Varga said the port would reopen.', '2022-03-01')).toBe('Harbour envoy')
    expect(roleOn('Harbour envoy Ilse Varga said the port would reopen.', null)).toBe('Harbour envoy')
  })

  it('keeps a plain role, which has no dates, on any article', () => {
    expect(roleOn('The Harbour Board said the port would reopen.', null)).toBe('Port authority')
  })
})

describe('a stated role the registry spells out in full', () => {
  it('keeps the registry form when the article writes a shorter one', () => {
    expect(roleOn('Finance Minister Ilse Varga said taxes would fall.', '2022-03-01')).toBe(
      'Finance Minister of Dunmore',
    )
  })
})
