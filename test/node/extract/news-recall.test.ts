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
