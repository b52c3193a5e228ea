/** Speakers as context: role and affiliation are searchable, explain says when a hit matched through them, and narration ranks below answers. */
import { describe, expect, it } from 'vitest'
import { explainHits } from '../../../src/search/explain'
import { resolveFilters } from '../../../src/search/filter'
import { FIELD_BOOSTS, SEARCH_OPTIONS, SPEAKER_FIELDS } from '../../../src/search/options'
import { parseQuery } from '../../../src/search/query'
import { searchStatements } from '../../../src/search/search'
import type { Store } from '../../../src/search/store'
import type { Speaker } from '../../../src/types'
import { statementOf, storeOf } from '../inline-store'

const okafor: Speaker = {
  id: 'ruth-okafor',
  name: 'Ruth Okafor',
  type: 'person',
  role: 'fire chief',
  affiliation: 'Dunmore Fire Service',
}
const brandt: Speaker = { id: 'tomas-brandt', name: 'Tomas Brandt', type: 'person' }
const registered: Speaker = { id: 'lena-vos', name: 'Lena Vos', type: 'person' }

// Okafor's statements never say "chief" or "fire service": only her speaker record does.
const store = storeOf(
  [
    statementOf({
      id: 's0',
      kind: 'direct',
      speakers: [okafor],
      cue: 'said',
      content: 'The warehouse roof could collapse.',
    }),
    statementOf({
      id: 's1',
      kind: 'indirect',
      speakers: [brandt],
      cue: 'said',
      content: 'The warehouse will reopen in June.',
    }),
    statementOf({ id: 's2', kind: 'narration', content: 'The chief inspected the warehouse roof on Monday.' }),
    statementOf({
      id: 's3',
      kind: 'indirect',
      speakers: [registered],
      cue: 'said',
      content: 'Tolls on the bridge will rise.',
    }),
    statementOf({ id: 's4', kind: 'narration', content: 'Tolls on the bridge will rise next year, the council said.' }),
    statementOf({
      id: 's5',
      kind: 'direct',
      speakers: [brandt],
      cue: 'said',
      content: 'Nobody told us about the tolls.',
    }),
  ],
  {
    entities: [
      {
        id: 'lena-vos',
        name: 'Lena Vos',
        type: 'person',
        role: 'transport minister',
        affiliation: 'Harbour Party',
        aliases: ['Vos'],
      },
    ],
  },
)

function search(s: Store, q: string) {
  const query = parseQuery(q)
  const { filters } = resolveFilters(s, query.filters)
  return searchStatements(s, { query, filters: [filters] })
}
const ids = (q: string) => search(store, q).hits.map((h) => h.statement.id)

describe('speakers as context', () => {
  it('indexes role and affiliation as their own fields, weaker than a name and than the words', () => {
    expect(SEARCH_OPTIONS.fields).toEqual(expect.arrayContaining(['role', 'affiliation']))
    expect(FIELD_BOOSTS.role).toBeLessThan(FIELD_BOOSTS.speaker)
    expect(FIELD_BOOSTS.affiliation).toBeLessThan(FIELD_BOOSTS.content)
    expect([...SPEAKER_FIELDS].sort()).toEqual(['affiliation', 'role', 'speaker'])
  })

  it('finds the statements of a speaker who has the role the query names', () => {
    // Only s0's speaker is a fire chief; s2 says "chief" in its words.
    expect(ids('fire chief')).toEqual(['s0'])
    expect(ids('chief warehouse')).toEqual(['s0', 's2'])
  })

  it('finds them by the organisation the speaker belongs to', () => {
    expect(ids('Dunmore warehouse')).toEqual(['s0'])
  })

  it('takes the role and affiliation from the registry when the statement has none', () => {
    expect(ids('transport minister tolls')).toEqual(['s3'])
    expect(ids('Harbour Party')).toEqual(['s3'])
  })

  it('does not give a relaying channel the speaker’s role', () => {
    const relayed = storeOf([
      statementOf({
        id: 'r0',
        kind: 'indirect',
        speakers: [brandt],
        via: { id: 'wire', name: 'Wire Agency', type: 'organization', role: 'news agency' },
        content: 'Talks will resume.',
      }),
    ])
    expect(search(relayed, 'agency talks').hits).toHaveLength(1) // by the channel's name
    expect(search(relayed, 'news talks').relaxed).toBe(true) // not by its role: only "talks" matched
  })
})

describe('explain: matched through the speaker or the words', () => {
  const explain = (q: string) => {
    const out = search(store, q)
    return explainHits(store, out.hits, out.plan)
  }

  it('says a hit matched only through the speaker when every word matched the speaker', () => {
    const [e] = explain('fire chief')
    expect(e?.through).toBe('speaker')
    expect(e?.clauses.map((c) => c.through)).toEqual(['speaker', 'speaker'])
    expect(e?.fields.role).toEqual(expect.arrayContaining(['chief']))
  })

  it('says both when some words matched the statement and some only its speaker', () => {
    const [first, second] = explain('chief warehouse')
    expect(first?.through).toBe('both')
    expect(first?.clauses.find((c) => c.clause === 'chief')?.through).toBe('speaker')
    expect(first?.clauses.find((c) => c.clause === 'warehouse')?.through).toBe('words')
    expect(second?.through).toBe('words') // narration that says "chief"
  })
})

describe('narration ranks below answers', () => {
  it('puts the attributed statement above narration that repeats the same words', () => {
    // s4, narration, has every query word and more; s3 answers it.
    expect(ids('tolls bridge rise')).toEqual(['s3', 's4'])
  })

  it('does not demote narration when the query asks for it', () => {
    expect(ids('kind:narration tolls bridge')).toEqual(['s4'])
    const both = search(store, 'tolls bridge')
    const asked = searchStatements(store, {
      query: parseQuery('tolls bridge'),
      filters: [resolveFilters(store, { kind: ['narration', 'indirect'] }).filters],
    })
    const score = (o: typeof both, id: string) => o.hits.find((h) => h.statement.id === id)?.score ?? 0
    expect(score(asked, 's4')).toBeGreaterThan(score(both, 's4'))
    expect(
      searchStatements(store, { query: parseQuery('tolls bridge'), filters: [{ attributed: false }] }).hits[0]?.score,
    ).toBe(score(asked, 's4'))
  })
})
