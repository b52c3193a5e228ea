/** Rules found on real political news: typewriter quotation marks, more cues, follow-on quotes, furniture. */
import { describe, expect, it } from 'vitest'
import { attributed, names, only } from './helpers'

describe('typewriter double quotation marks', () => {
  it('reads doubled apostrophes as a quotation', () => {
    const s = only("''We will keep the ferry running,'' said Ada Moss, the harbour master.")
    expect(s.kind).toBe('direct')
    expect(s.content).toBe('We will keep the ferry running,')
    expect(names(s)).toEqual(['Ada Moss'])
  })

  it('reads doubled backticks as an opening mark', () => {
    const s = only("Ada Moss said: ``The ferry runs at dawn.''")
    expect(s.kind).toBe('direct')
    expect(s.content).toBe('The ferry runs at dawn.')
  })

  it('splits a quotation interrupted by its tag', () => {
    const [s] = attributed("''The tide is late,'' Ms. Moss said, ''and the boats are waiting.''")
    expect(s!.content).toBe('The tide is late, and the boats are waiting.')
  })
})

describe('"according to" sources', () => {
  it('ends a clause-opening source at its comma instead of reading the content as an appositive', () => {
    const s = only('According to Ada Moss, the ferry will run late all week.')
    expect([s.content, names(s)]).toEqual(['the ferry will run late all week', ['Ada Moss']])
  })

  it('keeps a short appositive after a clause-opening source', () => {
    const s = only('According to Ada Moss, a harbour pilot, the ferry will run late.')
    expect([s.content, names(s)]).toEqual(['the ferry will run late', ['Ada Moss']])
  })

  it('takes a source no speaker rule reads as a description of itself', () => {
    const s = only('According to a Tidewire/Ipsos poll, the two mayors are tied.')
    expect([s.content, names(s)]).toEqual(['the two mayors are tied', ['a Tidewire/Ipsos poll']])
  })

  it('reads a trailing source that is a plain noun phrase', () => {
    const s = only('The mayor won the district easily, according to complete but unofficial returns.')
    expect([s.content, names(s)]).toEqual(['The mayor won the district easily', ['complete but unofficial returns']])
  })
})
