/** One attribution pattern per block, each on sentences written for the test. */
import { describe, expect, it } from 'vitest'
import { attributed, names, only, statementsOf } from './helpers'

describe('direct quotation followed by its tag', () => {
  it.each([
    ['"The tide is turning," Ines Duarte said.', 'The tide is turning,', 'said'],
    ['"The tide is turning," said Ines Duarte.', 'The tide is turning,', 'said'],
    ['"Is the tide turning?" Ines Duarte asked.', 'Is the tide turning?', 'asked'],
    ['"The tide is turning," Ines Duarte told reporters.', 'The tide is turning,', 'told reporters'],
  ])('attributes %j', (text, content, cue) => {
    const s = only(text)
    expect([s.kind, s.content, s.cue, names(s)]).toEqual(['direct', content, cue, ['Ines Duarte']])
  })

  it('keeps a long tag after the speaker out of the content', () => {
    const s = only('"We rebuilt it twice," Ines Duarte said at the reopening of the old mill on Friday.')
    expect(s.content).toBe('We rebuilt it twice,')
  })
})

describe('direct quotation introduced by its tag', () => {
  it('reads `X said: "Q"`', () => {
    const s = only('Ines Duarte said: "We rebuilt it twice."')
    expect([s.kind, s.content, names(s)]).toEqual(['direct', 'We rebuilt it twice.', ['Ines Duarte']])
  })

  it('reads `X, the Y of Z, said "Q"` and keeps the appositive as a role', () => {
    const s = only('Ines Duarte, the director of the mill museum, said "we rebuilt it twice."')
    expect([s.kind, s.content, names(s)]).toEqual(['direct', 'we rebuilt it twice.', ['Ines Duarte']])
    expect(s.speakers[0]!.role).toBe('the director of the mill museum')
  })

  it('reads a quotation after "told CNN:"', () => {
    const s = only('Duarte told CNN: "We are not finished."')
    expect([s.kind, s.content, s.cue]).toEqual(['direct', 'We are not finished.', 'told CNN'])
  })
})

describe('split quotation', () => {
  it('joins `"A," X said, "B."` into one statement with two spans', () => {
    const text = '"The mill is safe," Duarte said, "and it will stay open."'
    const s = only(text)
    expect(s.content).toBe('The mill is safe, and it will stay open.')
    expect(s.spans.map((p) => text.slice(p.start, p.end))).toEqual(['The mill is safe,', 'and it will stay open.'])
  })

  it('does not join a following quotation that has its own tag', () => {
    const found = attributed('"The mill is safe," Duarte said. "It is not," Okoro replied.')
    expect(found.map((s) => [s.content, names(s)])).toEqual([
      ['The mill is safe,', ['Duarte']],
      ['It is not,', ['Okoro']],
    ])
  })
})

describe('quotations of several sentences and paragraphs', () => {
  it('keeps a multi-sentence quotation as one statement', () => {
    const s = only('"We lost the vote. We will win the next one," Duarte said.')
    expect(s.content).toBe('We lost the vote. We will win the next one,')
    expect(s.sentence).toBe(1)
  })

  it('follows a quotation reopened at each new paragraph', () => {
    const text = 'Duarte said:\n"The mill fed three villages.\n"Then the river moved."'
    const s = only(text)
    expect(s.content).toBe('The mill fed three villages. Then the river moved.')
    expect(s.spans).toHaveLength(2)
    expect(s.paragraph).toBe(2)
  })

  it('lets a bare quotation right after a quoted speaker continue that statement in the same paragraph', () => {
    const found = attributed('"It is over," Okoro said. "We tried everything."')
    expect(found.map((s) => [s.content, names(s), s.cue, s.spans.length])).toEqual([
      ['It is over, We tried everything.', ['Okoro'], 'said', 2],
    ])
  })

  it('makes a bare quotation in the next paragraph a separate statement of the same speaker', () => {
    const found = attributed('"It is over," Okoro said.\n"We tried everything."')
    expect(found.map((s) => [s.content, names(s), s.cue])).toEqual([
      ['It is over,', ['Okoro'], 'said'],
      ['We tried everything.', ['Okoro'], null],
    ])
  })
})

describe('mixed quotation', () => {
  it('keeps the inner quotation marks in reported content', () => {
    const s = only('Okoro said the plan was "dead on arrival."')
    expect([s.kind, s.content]).toEqual(['mixed', 'the plan was "dead on arrival."'])
  })

  it('resumes the clause after a parenthetical tag', () => {
    const s = only('The rest, Okoro said, came from "people who never gave up."')
    expect([s.kind, s.content]).toEqual(['mixed', 'The rest came from "people who never gave up."'])
    expect(s.spans).toHaveLength(2)
  })
})

describe('reported speech', () => {
  it.each([
    ['with "that"', 'Okoro said that the bridge would close.'],
    ['without "that"', 'Okoro said the bridge would close.'],
    ['with a time in between', 'Okoro said on Tuesday that the bridge would close.'],
    ['in a statement', 'In a statement, Okoro said the bridge would close.'],
    ['after an occasion', 'Okoro said in an interview with a local radio station that the bridge would close.'],
  ])('reads `X said C` %s', (_how, text) => {
    const s = only(text)
    expect([s.kind, s.content, s.cue, names(s)]).toEqual(['indirect', 'the bridge would close', 'said', ['Okoro']])
  })

  it('reads `C, X added.` with the clause before the tag', () => {
    const s = only('The bridge would close in May, Okoro added.')
    expect([s.content, s.cue]).toEqual(['The bridge would close in May', 'added'])
  })

  it('reads `X told reporters (that) C` with the audience in the cue', () => {
    expect(only('Okoro told reporters the bridge would close.').cue).toBe('told reporters')
    expect(only('Okoro told a town hall meeting that the bridge would close.').content).toBe('the bridge would close')
  })

  it("cuts a reporter's gloss off the content", () => {
    const s = only('Okoro said the council was "asleep at the wheel," a reference to last year\'s floods.')
    expect(s.content).toBe('the council was "asleep at the wheel,"')
  })
})

describe('according to', () => {
  it('reads `According to X, C`', () => {
    const s = only('According to the harbour office, two ships ran aground.')
    expect([s.content, s.cue, names(s)]).toEqual(['two ships ran aground', 'according to', ['harbour office']])
  })

  it('reads `C, according to X`', () => {
    const s = only('Two ships ran aground overnight, according to coastguard officials.')
    expect([s.content, names(s)]).toEqual(['Two ships ran aground overnight', ['coastguard officials']])
  })

  it('makes a trailing source the channel of an attribution before it', () => {
    const s = only('Okoro said the bridge would close, according to local radio.')
    expect([names(s), s.via?.name]).toEqual([['Okoro'], 'local radio'])
  })
})

describe('nominal cues', () => {
  it.each([
    ['Okoro expressed hope that the bridge would reopen.', 'expressed hope', 'the bridge would reopen'],
    ['Okoro expressed hopes that the bridge would reopen.', 'expressed hopes', 'the bridge would reopen'],
    ['Okoro expressed concern that the bridge was unsafe.', 'expressed concern', 'the bridge was unsafe'],
    ['Okoro expressed disappointment that the bridge had closed.', 'expressed disappointment', 'the bridge had closed'],
    ['Okoro voiced hope on Sunday for a quick repair as crews arrived.', 'voiced hope', 'a quick repair'],
  ])('reads %j', (text, cue, content) => {
    const s = only(text)
    expect([s.cue, s.content, s.kind]).toEqual([cue, content, 'indirect'])
  })

  it("reads a possessive cue: `X's warning that C`", () => {
    const s = only("Engineers dismissed Okoro's warning that the bridge would fail.")
    expect([names(s), s.cue, s.content]).toEqual([['Okoro'], 'warning', 'the bridge would fail'])
  })
})

describe('refusals to comment', () => {
  it('makes no statement of "declined to comment" or "did not respond": nothing was said, the sentence is narration', () => {
    const text = 'The bridge contractor Hallam Build declined to comment.'
    expect(attributed(text, {})).toEqual([])
    expect(statementsOf(text, {}).map((s) => [s.kind, s.content, s.speakers])).toEqual([['narration', text, []]])
    const silent = 'Dana Okoro chairs the board. Okoro did not immediately respond to a request for comment on Friday.'
    expect(attributed(silent, {})).toEqual([])
    expect(statementsOf(silent, {}).every((s) => s.kind === 'narration')).toBe(true)
  })

  it('keeps what the refusing speaker says in the same sentence', () => {
    const found = attributed('Acme declined to comment, saying the matter was before the courts.', {})
    expect(found.map((s) => [names(s), s.content])).toEqual([[['Acme'], 'the matter was before the courts']])
  })

  it('keeps the refusing organisation salient for a later "it"', () => {
    const found = attributed(
      'The Harbour Trust declined to comment on Monday. On Tuesday it said the pier would reopen.',
      {},
    )
    expect(found.map((s) => [names(s), s.content])).toEqual([[['Harbour Trust'], 'the pier would reopen']])
  })
})

describe('relayed speech', () => {
  it('attributes `M reported that X said C` to X with M as the channel', () => {
    const s = only('Tidewire reported that Okoro said the bridge would close.')
    expect([names(s), s.via?.name, s.content]).toEqual([['Okoro'], 'Tidewire News Service', 'the bridge would close'])
  })

  it.each([
    ['According to Tidewire, Okoro said the bridge would close.'],
    ['Okoro said the bridge would close, Tidewire reported.'],
    ['Okoro said the bridge would close, according to Tidewire.'],
  ])('finds the channel in %j', (text) => {
    const s = only(text)
    expect([names(s), s.via?.name, s.content]).toEqual([['Okoro'], 'Tidewire News Service', 'the bridge would close'])
  })

  it('keeps the channel for a pronoun continuing the relayed report in the next sentence', () => {
    const found = attributed(
      'Tidewire reported that Okoro said the bridge would close. He expressed hope that it would reopen by June.',
    )
    expect(found.map((s) => s.via?.name ?? null)).toEqual(['Tidewire News Service', 'Tidewire News Service'])
  })

  it('drops the channel when the speaker is named again', () => {
    const found = attributed(
      'Tidewire reported that Okoro said the bridge would close. Repairs would take weeks, Okoro added.',
    )
    expect(found.map((s) => s.via?.name ?? null)).toEqual(['Tidewire News Service', null])
  })

  it('drops the channel after a direct quotation intervenes', () => {
    const found = attributed(
      'Tidewire reported that Okoro said the bridge would close. "It is old," he said. He said repairs would take weeks.',
    )
    expect(found.map((s) => s.via?.name ?? null)).toEqual(['Tidewire News Service', null, null])
  })
})

describe('joint speakers', () => {
  it('gives `X and Y both said` two speakers', () => {
    const s = only('Ines Duarte and Kofi Okoro both said the bridge was unsafe.')
    expect(names(s)).toEqual(['Ines Duarte', 'Kofi Okoro'])
    expect(s.source).toBe('Ines Duarte and Kofi Okoro')
  })
})

describe('two attributions in one sentence', () => {
  it('splits `..., though he added that he would "Q"` into an indirect and a mixed statement', () => {
    const found = attributed(
      'Okoro expressed regret that the bridge had closed early, though he added that he would "fight for every day."',
    )
    expect(found.map((s) => [s.kind, s.cue, s.content])).toEqual([
      ['indirect', 'expressed regret', 'the bridge had closed early'],
      ['mixed', 'added', 'he would "fight for every day."'],
    ])
    expect(found.map(names)).toEqual([['Okoro'], ['Okoro']])
  })

  it('gives a participle cue the speaker of the sentence', () => {
    const found = attributed('"It is unsafe," Okoro said, adding that inspectors agreed.')
    expect(found.map((s) => [s.kind, s.cue, s.content, names(s)])).toEqual([
      ['direct', 'said', 'It is unsafe,', ['Okoro']],
      ['indirect', 'adding', 'inspectors agreed', ['Okoro']],
    ])
  })

  it('reads two tagged clauses joined by "and"', () => {
    const found = attributed('Prices will rise, Okoro said, and wages will not, Moss added.')
    expect(found.map((s) => [s.content, names(s)])).toEqual([
      ['Prices will rise', ['Okoro']],
      ['wages will not', ['Moss']],
    ])
  })

  it('gives a coordinated cue the same subject', () => {
    const found = attributed('Okoro voiced hope for a quick repair, but warned that costs would rise.')
    expect(found.map((s) => [s.cue, s.content, names(s)])).toEqual([
      ['voiced hope', 'a quick repair', ['Okoro']],
      ['warned', 'costs would rise', ['Okoro']],
    ])
  })
})

describe('what is not a statement', () => {
  it.each([
    ['scare quotes', 'Locals call the old bridge a "death trap" these days.'],
    ['a title of a work', 'The choir sang "River of Stone" at the opening.'],
    ['a nickname', 'Kofi "Bridge" Okoro waved from the stage.'],
    ['negated speech', 'Okoro did not say when the bridge would open.'],
  ])('ignores %s', (_what, text) => {
    expect(attributed(text)).toEqual([])
  })

  it('keeps a quotation nobody is named for as a direct statement without speakers', () => {
    const s = only('"No more delays."')
    expect([s.kind, s.speakers, s.content]).toEqual(['direct', [], 'No more delays.'])
  })
})

describe('narration', () => {
  it('makes every sentence without attribution a narration statement of its own', () => {
    const all = statementsOf('The bridge opened in 1921. "It is old," Okoro said. Traffic was light.')
    expect(all.map((s) => [s.kind, s.sentence])).toEqual([
      ['narration', 1],
      ['direct', 2],
      ['narration', 3],
    ])
    expect(all[0]!.content).toBe('The bridge opened in 1921.')
    expect(all[0]!.speakers).toEqual([])
  })
})

describe('appositives and asides around the speaker', () => {
  it.each([
    ['an age', 'Kofi Okoro, 52, said the bridge was unsafe.'],
    ['a relative clause', 'Kofi Okoro, who has inspected it twice, said the bridge was unsafe.'],
    ['a dashed aside', 'Kofi Okoro of the Civic Trust - no relation to the mayor - said the bridge was unsafe.'],
    ['a role before the name', "The trust's chief engineer, Kofi Okoro, said the bridge was unsafe."],
  ])('finds the speaker past %s', (_what, text) => {
    const s = only(text, {})
    expect([names(s), s.content]).toEqual([['Kofi Okoro'], 'the bridge was unsafe'])
  })

  it("ends content reported in a relative clause at the clause's closing comma", () => {
    const s = only('Kofi Okoro, who said the bridge was unsafe, left the meeting early.', {})
    expect([names(s), s.content]).toEqual([['Kofi Okoro'], 'the bridge was unsafe'])
  })

  it('reads `C, the Y, Name, said` with the clause as content', () => {
    const s = only('The bridge will reopen in June, the contractor, Stonebridge Works, said.', {})
    expect([names(s), s.content]).toEqual([['Stonebridge Works'], 'The bridge will reopen in June'])
  })

  it('reads an inverted tag followed by the name in apposition', () => {
    const s = only('"It will hold," said the trust\'s chief engineer, Kofi Okoro.', {})
    expect([names(s), s.content]).toEqual([['Kofi Okoro'], 'It will hold,'])
  })

  it('keeps an appositive after an inverted tag out of the content', () => {
    const s = only('The bridge will hold, said Kofi Okoro, an engineer at the trust.', {})
    expect([s.content, s.speakers[0]!.role]).toEqual(['The bridge will hold', 'an engineer at the trust'])
  })
})

describe('transcripts', () => {
  it('makes each labelled paragraph a direct statement of the label, with the label as cue', () => {
    const text =
      'Lena Vogt runs the ferry service.\n\nVOGT: We sail at six. Every day.\n\nQ: Even in winter?\n\nVOGT: Even in winter.'
    const found = attributed(text, {})
    expect(found.map((s) => [s.kind, names(s), s.cue, s.content])).toEqual([
      ['direct', ['Lena Vogt'], 'VOGT:', 'We sail at six. Every day.'],
      ['direct', [], 'Q:', 'Even in winter?'],
      ['direct', ['Lena Vogt'], 'VOGT:', 'Even in winter.'],
    ])
  })

  it('does not read a single dateline as a transcript label', () => {
    expect(attributed('HARBOURTON: The ferry sailed at noon.', {})).toEqual([])
  })
})

describe('British single quotation marks', () => {
  it('reads them when the article has no double marks', () => {
    const s = only("'The pier is safe,' said Lena Vogt.", {})
    expect([s.kind, s.content, names(s)]).toEqual(['direct', 'The pier is safe,', ['Lena Vogt']])
  })
})
