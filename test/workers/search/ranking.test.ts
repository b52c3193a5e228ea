/** Ranking on tiny inline corpora: each assertion says why a statement ranks where it does. */
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../../src/search/query'
import { searchStatements } from '../../../src/search/search'
import type { Store } from '../../../src/search/store'
import type { Speaker, StatementKind } from '../../../src/types'
import { statementOf, storeOf } from '../inline-store'

const person = (name: string): Speaker => ({ id: name.toLowerCase().replace(/\s+/g, '-'), name, type: 'person' })

function storeFrom(rows: [string, StatementKind, Speaker[]][]): Store {
  return storeOf(
    rows.map(([content, kind, speakers], i) =>
      statementOf({
        id: `s${i}`,
        content,
        kind,
        speakers,
        source: speakers[0]?.name ?? null,
        cue: kind === 'narration' ? null : 'said',
        sentence: i + 1,
      }),
    ),
    { synonyms: [['G20', 'Group of 20']] },
  )
}

const ids = (store: Store, q: string) =>
  searchStatements(store, { query: parseQuery(q) }).hits.map((h) => h.statement.id)

describe('ranking', () => {
  const lopez = person('Maria Lopez')
  const store = storeFrom([
    ['The diplomat arrived late.', 'narration', []], // s0
    ['Diplomacy is the art of the possible.', 'direct', [lopez]], // s1
    ['We need more diplomacy, not less, and more diplomats too.', 'direct', [person('Ken Ito')]], // s2
    ['Maria Lopez spoke about the harbour.', 'narration', []], // s3
    ['The harbour will reopen in May.', 'indirect', [lopez]], // s4
    ['Leaders of the Group of 20 met in Rome.', 'narration', []], // s5
  ])

  it('matches a word the corpus has exactly, without typo expansion', () => {
    // "diplomat" is a real word here, so it is not a typo of "diplomacy": only s0 and s2 have it,
    // and s2, a quote, ranks above s0, narration.
    expect(ids(store, 'diplomat ')).toEqual(['s2', 's0'])
  })

  it('tolerates a typo in a word the corpus lacks', () => {
    // "diplomasy" (9 letters, 2 edits allowed) reaches "diplomacy" (1 edit) and "diplomat" (2).
    // s2 has both, so it leads; s1 has the closer one; s0 has only the farther one and is narration.
    expect(ids(store, 'diplomasy ')).toEqual(['s2', 's1', 's0'])
  })

  it('ranks what a named speaker said above what is said about them', () => {
    // s3 names Lopez in its content; s4 is her own statement and the query names her.
    expect(ids(store, 'lopez harbour')[0]).toBe('s4')
  })

  it('ranks an attributed statement above narration at equal text match', () => {
    // Both say "diplomacy"/"diplomat" once; narration is demoted a little.
    const hits = searchStatements(store, { query: parseQuery('harbour') }).hits
    expect(hits.map((h) => h.statement.kind)).toEqual(['indirect', 'narration'])
  })

  it('expands a synonym', () => {
    // "G20" is not in the corpus, but "Group of 20" is.
    expect(ids(store, 'G20')).toEqual(['s5'])
  })

  it('matches a synonym in statement text, not in topic labels', () => {
    // s1 is filed under "China–US relations" but never says US; s0 says "U.S." in its words.
    const labelled = storeOf(
      [
        statementOf({ id: 's0', content: 'The U.S. envoy arrived on Monday.' }),
        statementOf({ id: 's1', content: 'Relations thawed after the talks.', topics: ['china-us'] }),
      ],
      {
        synonyms: [['US', 'U.S.', 'United States']],
        topics: [{ id: 'china-us', label: 'China–US relations', keywords: ['relations'] }],
      },
    )
    expect(ids(labelled, 'united states')).toEqual(['s0'])
    // Typed as it stands, the label still counts: "China–US" finds the filed statement.
    expect(ids(labelled, 'china')).toEqual(['s1'])
  })
})
