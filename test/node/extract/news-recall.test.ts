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

describe('cues whose content is any complement', () => {
  it.each([
    ['Ada Moss vowed to reopen the ferry by June.', 'vowed', 'to reopen the ferry by June'],
    ['Ada Moss called on the council to reopen the ferry.', 'called on', 'the council to reopen the ferry'],
    ['Ada Moss called for a recount in the harbour ward.', 'called for', 'a recount in the harbour ward'],
    ['Ada Moss criticized the council for closing the ferry.', 'criticized', 'the council for closing the ferry'],
    ['Ada Moss asked the council whether the ferry would run.', 'asked', 'the council whether the ferry would run'],
    ['Ada Moss went on to say the ferry would run again.', 'went on to say', 'the ferry would run again'],
  ])('reads %j', (text, cue, content) => {
    const s = only(text)
    expect([s.cue, s.content, names(s)]).toEqual([cue, content, ['Ada Moss']])
  })

  it('reads a condition after "said" as the content', () => {
    expect(only('Ada Moss said if the tide turns, the ferry will run.').content).toBe(
      'if the tide turns, the ferry will run',
    )
  })

  it('reads a participle with an object as the content', () => {
    const s = attributed('Ada Moss sent a letter to the council, asking members to reopen the ferry.')
    expect(s.map((x) => [x.cue, x.content])).toEqual([['asking', 'members to reopen the ferry']])
  })

  it('takes no statement from a relative clause about the subject', () => {
    expect(attributed('Ada Moss, who has criticized the ferry plan, left the meeting early.')).toEqual([])
  })

  it('takes no statement from asking for oneself', () => {
    const s = only('One nurse, who asked not to be named, said the ward was full.')
    expect([s.cue, s.content]).toEqual(['said', 'the ward was full'])
  })
})

describe('apostrophes inside single quotation marks', () => {
  it('reads a plural possessive inside a single-quoted quotation as an apostrophe', () => {
    const s = only('‘We are choosing between the pilots’ homes and the ferry,’ Ada Moss said.')
    expect(s.content).toBe('We are choosing between the pilots’ homes and the ferry,')
  })
})

describe('sources in a fronted "as" clause', () => {
  it.each([
    ['As the Tidewire reported, the ferry will close in May.', 'reported', 'the ferry will close in May'],
    ['As Ada Moss put it, the ferry is the town.', 'put it', 'the ferry is the town'],
    ['As Ada Moss told reporters, the ferry is the town.', 'told reporters', 'the ferry is the town'],
  ])('reads %j', (text, cue, content) => {
    const s = only(text)
    expect([s.cue, s.content]).toEqual([cue, content])
  })

  it('reads a passive "as reported by" source', () => {
    const s = only('As reported by the Tidewire, the ferry will close in May.')
    expect([names(s), s.content]).toEqual([['Tidewire News Service'], 'the ferry will close in May'])
  })

  it('keeps the words before an inner "as" clause in the content', () => {
    const s = only('Last week, as Ada Moss noted, the ferry ran empty.')
    expect(s.content).toBe('Last week the ferry ran empty')
  })
})

describe('content boundaries', () => {
  it('keeps the words leading into a quotation before its tag, as mixed content', () => {
    const s = only('The council failed to act and "should have moved sooner," Ada Moss said.')
    expect([s.kind, s.content]).toEqual(['mixed', 'The council failed to act and "should have moved sooner,"'])
  })

  it('keeps a quotation after a comma direct', () => {
    const s = only('Asked about the ferry, "It will run," Ada Moss said.')
    expect([s.kind, s.content]).toEqual(['direct', 'It will run,'])
  })

  it('ends the content at a lone dash that opens the reporter’s gloss', () => {
    expect(only('Ada Moss said the ferry would run — a reversal from May.').content).toBe('the ferry would run')
  })

  it('keeps a pair of dashes around an aside inside the content', () => {
    expect(only('Ada Moss said the ferry — the last one — would run.').content).toBe(
      'the ferry — the last one — would run',
    )
  })

  it.each([
    [
      'Any fair reading of the ferry deal, Ada Moss said, would show the town lost.',
      'Any fair reading of the ferry deal would show the town lost',
    ],
    [
      'Over the past ten years, Ada Moss said, the ferry has lost money.',
      'Over the past ten years the ferry has lost money',
    ],
  ])('resumes the clause after a mid-sentence tag in %j', (text, content) => {
    expect(only(text).content).toBe(content)
  })
})

describe('desk notes and datelines', () => {
  it('reads an editor’s note and a bracketed source line as furniture, never as statements', () => {
    const text = [
      'Ferry to run again',
      "Editor's note: Ada Moss says the ferry story was updated on Monday.",
      'The ferry to Inchmore sailed again on Monday, the operator said.',
      '(Agencies)',
    ].join('\n')
    expect(attributed(text).map((s) => s.content)).toEqual(['The ferry to Inchmore sailed again on Monday'])
  })

  it.each([
    ['INCHMORE, Scotland — The ferry will run again, Ada Moss said.'],
    ['INCHMORE, June 10 (Tidewire) — The ferry will run again, Ada Moss said.'],
    ['INCHMORE (Tidewire) -- The ferry will run again, Ada Moss said.'],
  ])('keeps the dateline out of the content in %j', (text) => {
    expect(only(text).content).toBe('The ferry will run again')
  })

  it('keeps an aside between two dashes at a paragraph head in the content', () => {
    expect(only('NATO — the old alliance — will grow, Ada Moss said.').content).toBe(
      'NATO — the old alliance — will grow',
    )
  })
})

describe('a document issued "saying" something', () => {
  it.each([
    [
      'The Harbour Trust issued a statement saying it would close the pier.',
      'Harbour Trust',
      'it would close the pier',
    ],
    ['Acme, which runs the pier, put out a statement Wednesday saying the pier was safe.', 'Acme', 'the pier was safe'],
    ['Dana Okoro sent a long letter saying she would resign.', 'Dana Okoro', 'she would resign'],
  ])('credits the issuer of %j', (text, speaker, content) => {
    const s = only(text)
    expect([names(s), s.content]).toEqual([[speaker], content])
  })

  it('leaves a document someone only read to narration', () => {
    expect(attributed('Dana Okoro read the report saying the pier was safe.')).toEqual([])
  })
})

describe('a possessor before a participle', () => {
  it.each([
    ["The Navy's top adviser on the pier went further, arguing the pier was unsafe.", "Navy's top adviser"],
    [
      "Dana Okoro spoke first. Later, Okoro's campaign issued a statement saying the rally was off.",
      "Okoro's campaign",
    ],
  ])('credits the one possessed in %j, not the possessor', (text, speaker) => {
    const [s] = attributed(text)
    expect(names(s!)).toEqual([speaker])
  })
})

describe('a contrast the reporter adds', () => {
  it('ends reported content before ", while ..."', () => {
    const s = only('Dana Okoro said the pier is safe, while her rival Sam Lee has gained ground in the polls.')
    expect([names(s), s.content]).toEqual([['Dana Okoro'], 'the pier is safe'])
  })
})

describe('speech verbs in the progressive', () => {
  it.each([
    ['Dana Okoro is arguing that the pier is safe.', 'arguing', 'the pier is safe'],
    ['Dana Okoro is calling for the council to reopen the pier.', 'calling for', 'the council to reopen the pier'],
    ['Dana Okoro has been urging the council to close the pier.', 'urging', 'the council to close the pier'],
    ['Dana Okoro is telling supporters that the pier is safe.', 'telling', 'the pier is safe'],
  ])('reads %j', (text, cue, content) => {
    const s = only(text)
    expect([names(s), s.cue, s.content]).toEqual([['Dana Okoro'], cue, content])
  })

  it('leaves "is adding to" narration', () => {
    expect(attributed('The storm is adding to the pressure on the pier.')).toEqual([])
  })
})

describe('adverbs between the auxiliary and the cue', () => {
  it.each([['Ann Roe has since said that the pier was safe.'], ['Ann Roe has long said that the pier was safe.']])(
    'reads %j',
    (text) => {
      const s = only(text)
      expect([names(s), s.content]).toEqual([['Ann Roe'], 'the pier was safe'])
    },
  )
})

describe('a social platform as the occasion', () => {
  it.each([['Ann Roe wrote on Twitter: “Anyone can win.”'], ['Ann Roe said on Facebook on Monday: “Anyone can win.”']])(
    'reads the quotation after %j',
    (text) => {
      const s = only(text)
      expect([names(s), s.kind, s.content]).toEqual([['Ann Roe'], 'direct', 'Anyone can win.'])
    },
  )
})

describe('what was spoken of', () => {
  it.each([
    ['Sam Lee said of Congress: “They just need to act.”'],
    ['Sam Lee said of the plan, “They just need to act.”'],
  ])('reads the quotation after %j', (text) => {
    const s = only(text)
    expect([names(s), s.kind, s.content]).toEqual([['Sam Lee'], 'direct', 'They just need to act.'])
  })
})

describe('"was quick to", "took pains to" before a speech verb', () => {
  it.each([
    ['Okoro was quick to point out that the pier was safe.'],
    ['Okoro was careful to note that the pier was safe.'],
    ['Okoro took pains to say that the pier was safe.'],
  ])('reads %j', (text) => {
    const s = only(text)
    expect([names(s), s.content]).toEqual([['Okoro'], 'the pier was safe'])
  })

  it('leaves "was quick to leave" narration', () => {
    expect(attributed('Okoro was quick to leave.')).toEqual([])
  })
})

describe('present-tense replies', () => {
  it.each([['Okoro responds that the rules are fair.'], ['Okoro replies that the rules are fair.']])(
    'reads %j',
    (text) => {
      const s = only(text)
      expect([names(s), s.content]).toEqual([['Okoro'], 'the rules are fair'])
    },
  )
})

describe('an opening adverbial before a loose subject', () => {
  it('reads "Around that time, 47 percent said ..."', () => {
    const s = only('Around that time, 47 percent said they would vote for Okoro.')
    expect([names(s), s.content]).toEqual([['47 percent'], 'they would vote for Okoro'])
  })
})

describe('a relative clause that speaks for the name before it', () => {
  it('credits "The plan was backed by Sam Harvey, who argued that ..." to the name', () => {
    const s = only('The plan was backed by Sam Harvey, who argued that the pier is unsafe.')
    expect([names(s), s.content]).toEqual([['Sam Harvey'], 'the pier is unsafe'])
  })

  it('credits "... from a young voter, who said ..." to the description', () => {
    const s = only('The last question came from a young voter, who said she drove from Omaha.')
    expect([names(s), s.content]).toEqual([['a young voter'], 'she drove from Omaha'])
  })

  it('reads a second attribution after an inverted tag', () => {
    const found = attributed('“We show anger,” said Sam Harvey, who added that the pier was his fourth choice.')
    expect(found.map((s) => [names(s), s.content])).toEqual([
      [['Sam Harvey'], 'We show anger,'],
      [['Sam Harvey'], 'the pier was his fourth choice'],
    ])
  })
})

describe('a tag with an addressee inside the content', () => {
  it('resumes the content after "told reporters,"', () => {
    const s = only('The policy, Okoro told reporters, would be to go after them.')
    expect([names(s), s.content]).toEqual([['Okoro'], 'The policy would be to go after them'])
  })
})
