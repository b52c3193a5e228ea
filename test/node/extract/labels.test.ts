/** A paragraph opened by a name and a colon: news headlines in "Name: claim" style, single transcript lines. */
import { describe, expect, it } from 'vitest'
import { attributed, names } from './helpers'

const story = (first: string) =>
  `${first}\n\nThe harbour board met on Monday to discuss the ferry.\n\nMaria Moss, the harbour master, said the boats were ready.`

describe('name-and-colon labels', () => {
  it('reads a headline signed by a surname named in full later', () => {
    const [s] = attributed(story('Moss: Ferry Fares Will Not Rise.'))
    expect([s!.cue, s!.content, names(s!)]).toEqual([':', 'Ferry Fares Will Not Rise', ['Maria Moss']])
  })

  it('reads a full name in capitals with a role before it', () => {
    const [s] = attributed(story('Former Mayor Maria Moss: The Port Needs a New Pier.'))
    expect([s!.content, names(s!)]).toEqual(['The Port Needs a New Pier', ['Maria Moss']])
  })

  it.each([
    ['a dateline', 'WASHINGTON: The ferry board met again.'],
    ['a furniture label', 'Related: More harbour news from the coast.'],
    ['a kicker', 'Analysis: Ferry fares are finally falling.'],
    ['a name nobody speaks as', 'Harbour: The boats left at dawn.'],
  ])('reads no statement in %s', (_what, first) => {
    expect(attributed(story(first)).map((s) => s.cue)).toEqual(['said'])
  })
})

describe('title-case headlines', () => {
  it('read a capitalised "Says" between capitalised words as the cue', () => {
    const [s] = attributed(story('Maria Moss Says The Ferry Will Run Again.'))
    expect([s!.cue, s!.content, names(s!)]).toEqual(['says', 'The Ferry Will Run Again', ['Maria Moss']])
  })

  it('read no cue in a capitalised "Says" that opens the line', () => {
    expect(attributed(story('Says Who? A Ferry Story For Winter.')).map((s) => s.cue)).toEqual(['said'])
  })
})

describe('datelines', () => {
  it('are skipped when a participle looks for the subject that opens the paragraph', () => {
    const [s] = attributed(
      story('DOVER, N.H. — Sen. Maria Moss defended her call to rebuild the pier, saying the town could not wait.'),
    )
    expect([names(s!), s!.cue]).toEqual([['Maria Moss'], 'saying'])
  })
})
