/** Speakers the strict grammar does not know: plain noun phrases before unambiguous speech verbs, asides. */
import { describe, expect, it } from 'vitest'
import { attributed, names, only } from './helpers'

describe('loose subjects of unambiguous speech verbs', () => {
  it.each([
    ['The complaint says the ferry fares were raised without notice.', 'The complaint'],
    ['About 12 percent said they had not decided.', 'About 12 percent'],
    ['Among harbour workers, 61 percent said the strike was justified.', '61 percent'],
    ['Fishing crews say the new quota is too tight.', 'Fishing crews'],
    ['The ruling issued Monday said the quota was lawful.', 'The ruling issued Monday'],
  ])('reads %j', (text, speaker) => {
    const s = only(text)
    expect(names(s).map((n) => n.toLowerCase())).toEqual([speaker.toLowerCase()])
  })

  it('steps over an aside between the subject and the verb', () => {
    const s = only('Ada Moss, after the vote was counted on Friday, said the ferry would run again.')
    expect([names(s), s.content]).toEqual([['Ada Moss'], 'the ferry would run again'])
  })

  it('reads no speaker inside a clause that is itself reported', () => {
    const found = attributed('Ada Moss says she will wait until someone she trusts tells her the pier is safe.')
    expect(found.map((s) => names(s))).toEqual([['Ada Moss']])
  })

  it('takes no subject from a noun that may be a verb ("reports", "claims")', () => {
    expect(attributed('The harbour reports strong traffic.')).toEqual([])
  })
})

describe('a participle cue after a main clause that opens with an adverbial', () => {
  it('gives the participle the main clause subject', () => {
    const s = only('On Monday, Ada Moss backed the harbour plan, saying it would save the ferry.')
    expect([names(s), s.cue, s.content]).toEqual([['Ada Moss'], 'saying', 'it would save the ferry'])
  })
})

describe('calling someone something', () => {
  it.each([
    ['Ada Moss called the plan "a costly mistake" on Friday.', 'the plan "a costly mistake" on Friday'],
    ['Ada Moss called him a reckless gambler.', 'him a reckless gambler'],
  ])('reads %j', (text, content) => {
    const s = only(text)
    expect([names(s), s.cue, s.content]).toEqual([['Ada Moss'], 'called', content])
  })

  it('reads no statement in a phone call', () => {
    expect(attributed('Ada Moss called the harbour office twice.')).toEqual([])
  })
})

describe('content that opens like an adjunct', () => {
  it.each([
    ['Ada Moss said about half of the boats were idle.', 'about half of the boats were idle'],
    ['Ada Moss said over 200 workers had signed up.', 'over 200 workers had signed up'],
    ['Ada Moss said each week of delay costs the port money.', 'each week of delay costs the port money'],
  ])('reads %j', (text, content) => {
    expect(only(text).content).toBe(content)
  })

  it('still skips an occasion before the content', () => {
    expect(only('Ada Moss said on Monday that the ferry would run.').content).toBe('the ferry would run')
  })
})

describe('descriptors and openers around a name', () => {
  it('keeps descriptor words before a name in a tag after the content', () => {
    const s = only('The ferry will run again, former harbour candidate Tom Reyes said.')
    expect([names(s), s.content]).toEqual([['Tom Reyes'], 'The ferry will run again'])
  })

  it('steps over an opening phrase with a place and a time to the main clause subject', () => {
    const s = only('At a rally in Dover, N.H., on Tuesday, Senator Tom Reyes backed the plan, saying it would pass.')
    expect([s.cue, s.content, names(s).length]).toEqual(['saying', 'it would pass', 1])
    expect(names(s)[0]).toMatch(/^Tom Reyes/)
  })
})

describe('surnames that are also titles', () => {
  it.each([
    ['"The tide is late," Mr. Bishop said.', 'Bishop'],
    ['Charlie King, a former director, said the boats were ready.', 'Charlie King'],
  ])('reads %j', (text, speaker) => {
    expect(names(only(text))).toEqual([speaker])
  })

  it('still reads a title before a name as a role', () => {
    expect(names(only('Prime Minister Tom Reyes said the boats were ready.'))).toEqual(['Tom Reyes'])
  })
})

describe('opening adverbials', () => {
  it.each([
    'In response, Maria Moss assured voters the pier would be rebuilt.',
    'On May 5, Maria Moss posted a photo of the pier online.',
    'Meanwhile, Maria Moss reminds everyone of the old pier.',
  ])('are no content of the tag that follows them: %j', (text) => {
    expect(attributed(text).map((s) => s.content)).not.toContain(text.split(',')[0])
  })

  it('still resume the clause after a parenthetical tag', () => {
    expect(only('Over the years, Maria Moss said, the pier has changed.').content).toBe(
      'Over the years the pier has changed',
    )
  })
})

describe('more loose subjects', () => {
  it.each([
    ['Again, those surveyed said the ferry was too slow.', 'those surveyed'],
    ['Until the strike, most of them said they liked the work.', 'most of them'],
    ['One in five say the fares are too high.', 'one in five'],
    ['The news was good: a majority of her backers say they will vote.', 'a majority of her backers'],
  ])('reads %j', (text, speaker) => {
    expect(names(only(text))).toEqual([speaker])
  })

  it('reads content that opens with "because"', () => {
    expect(only('Maria Moss said because the tide was late, the ferry waited.').content).toBe(
      'because the tide was late, the ferry waited',
    )
  })
})

describe('coordinated speech verbs', () => {
  it('share the subject that opens the sentence, not an object of the first verb', () => {
    const s = only(
      'Tom Reyes summed up the mayor as weak, attacked her record as harbour master and said she should resign.',
    )
    expect([names(s), s.content]).toEqual([['Tom Reyes'], 'she should resign'])
  })

  it('never take an opening prepositional phrase as the subject', () => {
    const found = attributed('At a June campaign event in Dover, the crowd cheered, and explained nothing.')
    expect(found.flatMap((s) => names(s))).not.toContain('at a June campaign')
  })
})

describe('long subjects before the verb', () => {
  it('reads the name before several asides, not "said he" as an inverted tag', () => {
    const s = only(
      'Paul Reyes, a ferry pilot from Dover, N.H., who is a member of the union, said he already works long shifts.',
    )
    expect([names(s), s.content]).toEqual([['Paul Reyes'], 'he already works long shifts'])
  })

  it('still reads an inverted pronoun tag', () => {
    expect(only('"We are ready," said he.').content).toBe('We are ready,')
  })
})

describe('"as" frames and "according to" with a colon', () => {
  it.each([
    ['But as Maria Moss noted, the pier is older than the town.', 'the pier is older than the town'],
    ['The pier is older than the town, as Maria Moss noted.', 'The pier is older than the town'],
  ])('reads %j', (text, content) => {
    const s = only(text)
    expect([names(s), s.content]).toEqual([['Maria Moss'], content])
  })

  it('reads a quotation after "According to X:"', () => {
    const s = only('According to Maria Moss: "The pier is older than the town."')
    expect([names(s), s.kind]).toEqual([['Maria Moss'], 'direct'])
  })
})

describe('participles after a cue with no content', () => {
  it.each([
    'Maria Moss responded, saying that the pier would stay open.',
    'Maria Moss responded by saying that the pier would stay open.',
  ])('take the subject of the cue before them: %j', (text) => {
    const s = only(text)
    expect([names(s), s.cue, s.content]).toEqual([['Maria Moss'], 'saying', 'the pier would stay open'])
  })

  it('skips the audience of "telling" after a quotation with its comma inside', () => {
    const s = only(
      'Maria Moss greeted the vote as "a triumph," telling reporters on Friday that the pier would stay open.',
    )
    expect([names(s), s.content]).toEqual([['Maria Moss'], 'the pier would stay open'])
  })
})

describe('a question after an adjunct', () => {
  it('reads "explained to X why ..."', () => {
    expect(only('Maria Moss explained to the council why the pier was closed.').content).toBe('why the pier was closed')
  })
})

describe('more speech verbs', () => {
  it.each([
    ['Maria Moss claims the pier is older than the town.', 'claims', 'the pier is older than the town'],
    ['Maria Moss slammed the council for closing the pier.', 'slammed', 'the council for closing the pier'],
    ['Maria Moss touted her plan to rebuild the pier.', 'touted', 'her plan to rebuild the pier'],
  ])('reads %j', (text, cue, content) => {
    const s = only(text)
    expect([s.cue, s.content]).toEqual([cue, content])
  })
})

describe('"quoted as saying"', () => {
  it.each([
    'Maria Moss was quoted as saying the pier was unsafe.',
    'Maria Moss was later quoted as saying the pier was unsafe.',
    'The Harbour Gazette quoted Maria Moss as saying the pier was unsafe.',
  ])('credits the person quoted: %j', (text) => {
    const s = only(text)
    expect([names(s), s.content]).toEqual([['Maria Moss'], 'the pier was unsafe'])
  })
})

describe('things that say', () => {
  it('are never the antecedent of "he" or "she"', () => {
    const found = attributed(
      'Tom Reyes filed the suit in May. The lawsuit says the fares are unfair. He said the county had ignored him.',
    )
    expect(found.map((s) => names(s))).toEqual([['the lawsuit'], ['Tom Reyes']])
  })
})

describe('a quotation that opens a longer content', () => {
  it('goes on past "of"', () => {
    const s = only('Maria Moss testified "dozens" of boats had been left unlocked.')
    expect([s.kind, s.content]).toEqual(['mixed', '"dozens" of boats had been left unlocked'])
  })
})

describe('adjuncts and auxiliaries', () => {
  it('steps over a quoted programme title in the occasion', () => {
    const s = only('Maria Moss said on WHRB\'s "Harbour Hour" that the pier would reopen.')
    expect(s.content).toBe('the pier would reopen')
  })

  it('steps over an aside and an auxiliary before the verb', () => {
    const s = only('The port authority, in a long-awaited move to help crews, has said it would extend the pier.')
    expect([names(s), s.content]).toEqual([['port authority'], 'it would extend the pier'])
  })
})

describe('documents that speak', () => {
  it('speak for the issuer named before them', () => {
    const found = attributed(
      'The harbour board said in a statement that fares would rise. The statement said the pier would close.',
    )
    expect(found.map((s) => names(s))).toEqual([['harbour board'], ['harbour board']])
  })

  it('speak as written when nobody issued them', () => {
    expect(names(only('Officials met on Monday. The memo said the pier would close.'))).toEqual(['memo'])
  })
})
