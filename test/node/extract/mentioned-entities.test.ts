/** Entities named in statements: people, organisations and places recognised by rules, merged with the registry and the speakers. */
import { describe, expect, it } from 'vitest'
import { findMentionedEntities, type MentionContext } from '../../../src/extract/mentioned-entities'
import type { RegistryEntity, Statement } from '../../../src/types'

const statement = (id: string, content: string, article = 'a') =>
  ({ id, article, content, text: content, speakers: [], entities: [] }) as unknown as Statement

const REGISTRY: RegistryEntity[] = [
  { id: 'kestrel-bank', name: 'Kestrel Bank', type: 'organization', aliases: ['Kestrel', 'the bank'] },
]
const context = (speakers: MentionContext['speakers'] = new Map()): MentionContext => ({ registry: REGISTRY, speakers })

function found(contents: string[], ctx = context()) {
  const statements = contents.map((c, i) => statement(`s${i}`, c))
  const result = findMentionedEntities(statements, ctx)
  const byId = new Map(result.entities.map((e) => [e.id, e]))
  return { ids: statements.map((s) => result.byStatement.get(s.id) ?? []), byId, result }
}

describe('findMentionedEntities', () => {
  it('recognises people by a first name or a title, organisations by their head word, places by name', () => {
    const { ids, byId } = found([
      'Maria Lopez met officials of the Harbour Workers Union in Ohio on Monday.',
      'The plan was backed by Sen. Ruth Adeyemi and the Federal Reserve.',
    ])
    expect(ids[0]).toEqual(['maria-lopez', 'harbour-workers-union', 'ohio'])
    expect(ids[1]).toEqual(['ruth-adeyemi', 'federal-reserve'])
    expect(byId.get('maria-lopez')?.type).toBe('person')
    expect(byId.get('harbour-workers-union')?.type).toBe('organization')
    expect(byId.get('ohio')?.type).toBe('place')
    expect(byId.get('ruth-adeyemi')?.type).toBe('person')
  })

  it('resolves a surname to the person of the same article named in full, and keeps the form as an alias', () => {
    const { ids, byId } = found(['Maria Lopez spoke first.', 'Lopez said little after that.'])
    expect(ids[1]).toEqual(['maria-lopez'])
    expect(byId.get('maria-lopez')?.aliases).toContain('Lopez')
  })

  it('leaves a surname two people of the article share unresolved', () => {
    const { ids } = found(['Maria Lopez and Daniel Lopez disagreed.', 'Lopez said no.'])
    expect(ids[1]).toEqual([])
  })

  it('takes the registry id for a registry name or alias, and does not list it as new', () => {
    const { ids, result } = found(['Kestrel Bank raised rates, and Kestrel said more would follow.'])
    expect(ids[0]).toEqual(['kestrel-bank'])
    expect(result.entities).toEqual([])
  })

  it('takes the id of a corpus speaker of that name', () => {
    const speakers = new Map([
      [
        'dunmore port authority',
        { id: 'port-authority', name: 'Dunmore Port Authority', type: 'organization' as const },
      ],
    ])
    expect(found(['The Dunmore Port Authority made an offer.'], context(speakers)).ids[0]).toEqual(['port-authority'])
  })

  it('ends a name at a comma, a possessive, or a party-and-state tag', () => {
    expect(found(['It angered Germany, France and Italy.']).ids[0]).toEqual(['germany', 'france', 'italy'])
    expect(found(["NBC's John Holt asked the questions."]).ids[0]).toEqual(['nbc', 'john-holt'])
    expect(found(['The bill was written by Mike Lee R-Utah last year.']).ids[0]).toEqual(['mike-lee'])
  })

  it('keeps "and" inside an organisation name and splits it elsewhere', () => {
    expect(found(['The Securities and Exchange Commission sued.']).ids[0]).toEqual([
      'securities-and-exchange-commission',
    ])
  })

  it('writes one place one way: US, U.S. and America are the United States', () => {
    const { ids } = found(['The US and America and the U.S. agreed.'])
    expect(ids[0]).toEqual(['united-states'])
  })

  it('ignores sentence-initial words, days, titles alone, common acronyms, laws and shouted labels', () => {
    expect(found(['However, on Monday the President said AIDS and the CEO mattered.']).ids[0]).toEqual([])
    expect(found(['The Voter Registration Act passed.']).ids[0]).toEqual([])
    expect(found(['Mike Pence spoke.', 'PENCE: We will win.']).ids[1]).toEqual([])
  })

  it('does not guess at a capitalised phrase it cannot classify', () => {
    expect(found(['They called it Operation Blue Harbor.']).ids[0]).toEqual([])
  })
})
