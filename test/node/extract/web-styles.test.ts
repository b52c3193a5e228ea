/** Web and wire styles: titles, party tags, epithets, dash signatures, Q&A layouts, clutter; sentences written for the tests. */
import { describe, expect, it } from 'vitest'
import { attributed, names, only } from './helpers'

const said = (text: string) => attributed(text, {}).map((s) => [names(s), s.content])

describe('quotations that go on', () => {
  it('joins a second quotation in the same paragraph to the attributed one', () => {
    const text = '"The ferry is late again," Ama Boateng said on Monday at the pier. "Nobody tells us why."'
    const s = only(text, {})
    expect([s.content, names(s), s.spans.length]).toEqual([
      'The ferry is late again, Nobody tells us why.',
      ['Ama Boateng'],
      2,
    ])
  })

  it('does not join a quotation that has its own speaker', () => {
    expect(said('"We sail at noon," Ama Boateng said. "Not in this wind," Piet Maas replied.')).toEqual([
      [['Ama Boateng'], 'We sail at noon,'],
      [['Piet Maas'], 'Not in this wind,'],
    ])
  })
})

describe('titles and honorifics', () => {
  it('reads "Mr Smith" without a dot as a man, apart from a woman of the same surname', () => {
    const text =
      'Joan Tully, 80, waited for hours. Her son, Colm Tully, was with her.\n"She never complained," Mr Tully said.'
    expect(said(text)).toEqual([[['Colm Tully'], 'She never complained,']])
  })

  it.each([
    ['Local MP Rhona Kerr said the ward was full.', 'Rhona Kerr'],
    ['Port Administrator Teodor Vass said the ward was full.', 'Teodor Vass'],
    ['Cllr Imogen Bright said the ward was full.', 'Imogen Bright'],
    ['Owner Dario Pell said the ward was full.', 'Dario Pell'],
  ])('keeps the title out of the name in %j', (text, name) => {
    expect(names(only(text, {}))).toEqual([name])
  })

  it('reads a party-and-state tag as an aside: "Rep. X, D-N.Y., whose ..., said"', () => {
    const s = only(
      'Rep. Nora Quist, D-N.Y., whose district flooded twice since 2021, said the levee plan was "a mirage."',
      {},
    )
    expect([names(s), s.kind, s.content]).toEqual([['Nora Quist'], 'mixed', 'the levee plan was "a mirage."'])
  })

  it('expands an acronym to the organisation name whose initials it is', () => {
    const s = only('The Coastal Ferry Authority set new fares on Monday. The CFA said the fares would rise in May.', {})
    expect(names(s)).toEqual(['Coastal Ferry Authority'])
  })
})

describe('descriptions that point at a named person', () => {
  it.each([
    ['an age', '"I felt nothing until the whistle," said the 19-year-old.'],
    ['a nationality', '"I felt nothing until the whistle," said the Portuguese.'],
    ['a sports epithet', '"I felt nothing until the whistle," the Ghana international said.'],
  ])('resolves %s to the salient person', (_what, quote) => {
    const s = only(`Tomas Reis scored twice in the second half.\n${quote}`, {})
    expect(names(s)).toEqual(['Tomas Reis'])
  })

  it('resolves a role to a synonym written with the name: "manager" ... "the coach"', () => {
    const text =
      'Harbour manager Lew Oduya watched his defence. Lew Oduya left early.\n"They ran all day," the coach added.'
    expect(names(only(text, {}))).toEqual(['Lew Oduya'])
  })

  it('resolves "the senator" to a name written with "Sen."', () => {
    const text = 'Sen. Vera Lind voted against the bill.\n"It is a bad bill," the senator said.'
    expect(names(only(text, {}))).toEqual(['Vera Lind'])
  })

  it('takes up "a man" with "he" and "the man", and names him once a copula identifies him', () => {
    const text = [
      'Outside the depot, a man in a grey coat held a sign.',
      '"They never listen," the man said.',
      'He said he had written to the council twice.',
      'The man with the sign is Otto Brandl, a retired driver.',
    ].join('\n')
    expect(said(text)).toEqual([
      [['Otto Brandl'], 'They never listen,'],
      [['Otto Brandl'], 'he had written to the council twice'],
    ])
  })

  it('names the subject after an opening adverbial, not a place inside it', () => {
    const text = 'With the Elm Road crowd on its feet, Nuno Pires scored again.\n"I just hit it," said the 22-year-old.'
    expect(names(only(text, {}))).toEqual(['Nuno Pires'])
  })

  it('reads "One nurse" as the indefinite "a nurse"', () => {
    const s = only('One nurse, who asked not to be named, said the ward was full.', {})
    expect(names(s)).toEqual(['a nurse'])
  })
})

describe('signatures, colons and coordinated verbs', () => {
  it('attributes a quotation signed with a dash, on the same line or the next', () => {
    const text =
      'Fans reacted online.\n"Best night of my life." — @tidefan99\n"The keeper was unbeatable."\n— Mira Holt, former captain, on club radio'
    expect(said(text)).toEqual([
      [['@tidefan99'], 'Best night of my life.'],
      [['Mira Holt'], 'The keeper was unbeatable.'],
    ])
  })

  it('attributes a colon-introduced quotation to the subject of a clause with no speech verb', () => {
    const s = only('Opening the session, Ilse Varga set out her case: "The budget is empty. We cannot wait."', {})
    expect([names(s), s.kind, s.cue, s.content]).toEqual([
      ['Ilse Varga'],
      'direct',
      'set out her case',
      'The budget is empty. We cannot wait.',
    ])
  })

  it('gives "but said" the subject that opens the sentence', () => {
    const s = only(
      'Mayor Ines Calder, a Democrat who leads the council, welcomed the plan but said it came too late.',
      {},
    )
    expect([names(s), s.content]).toEqual([['Ines Calder'], 'it came too late'])
  })

  it('keeps a cue inside a subordinate clause as part of the content', () => {
    const s = only(
      'Crews arrived at 2 a.m. after a neighbour reported sparks near the roof, Fire Chief Abel Soto said.',
      {},
    )
    expect([names(s), s.content]).toEqual([
      ['Abel Soto'],
      'Crews arrived at 2 a.m. after a neighbour reported sparks near the roof',
    ])
  })

  it('finds "that" after an occasion with a comma-set aside', () => {
    const s = only('Mayor Ines Calder wrote on X, formerly Twitter, that the bridge would reopen.', {})
    expect(s.content).toBe('the bridge would reopen')
  })

  it('ends a relative clause at a comma inside its closing quotation mark', () => {
    const found = attributed('Paul Imre, who said he had "seen worse," left the meeting early.', {})
    expect(found.map((s) => [names(s), s.content])).toEqual([[['Paul Imre'], 'he had "seen worse,"']])
  })

  it('reads a relative clause with a conjunction in it as an aside', () => {
    const s = only('Her brother, Anton Pale, who has run the shop since 2019, said the family would rebuild.', {})
    expect(names(s)).toEqual(['Anton Pale'])
  })

  it('reads a capitalised quotation with a finite verb as speech, not a title', () => {
    expect(names(only('"Harbour Town is Harbour Town," said Ada Quinn.', {}))).toEqual(['Ada Quinn'])
  })
})

describe('organisations', () => {
  it('reads "Name of Firm & Co." as a person of a firm', () => {
    expect(names(only('Lina Sorel of Brand & Co. said the shares were cheap.', {}))).toEqual(['Lina Sorel'])
  })

  it('names analysts by the firm after "at"', () => {
    const s = only('Analysts at Pell Ridge Securities cut their target, saying the outlook was weak.', {})
    expect(names(s)).toEqual(['analysts at Pell Ridge Securities'])
  })

  it('reads "the company" as the organisation the story is about, and "The City, State-based company" as definite', () => {
    const text = [
      'Orvane Inc. reported weaker sales on Tuesday.',
      'Orvane said demand had slowed.',
      'Lina Sorel of Brand & Co. said the shares were cheap.',
      'The Austin, Texas-based company said it would cut jobs.',
      'The company said in a filing that it expected charges.',
    ].join('\n')
    expect(attributed(text, {}).map((s) => names(s)[0])).toEqual([
      'Orvane Inc.',
      'Lina Sorel',
      'Orvane Inc.',
      'Orvane Inc.',
    ])
  })
})

describe('Q&A layouts', () => {
  it('reads accented all-capital labels and answers that run over several paragraphs', () => {
    const text = [
      'The geologist Aurélie Ménard spoke to Sam Ode about caves.',
      'ODE: Why caves?',
      'MÉNARD: Because they keep time. Every layer is a year.',
      'Some layers are thicker than others.',
      '"Every layer is a year."',
      'ODE: And next?',
      'MÉNARD: More caves.',
    ].join('\n\n')
    expect(said(text)).toEqual([
      [['Sam Ode'], 'Why caves?'],
      [['Aurélie Ménard'], 'Because they keep time. Every layer is a year. Some layers are thicker than others.'],
      [['Aurélie Ménard'], 'Every layer is a year.'],
      [['Sam Ode'], 'And next?'],
      [['Aurélie Ménard'], 'More caves.'],
    ])
  })

  it('does not read repeated page furniture ("Related: ...") as speaker labels', () => {
    const text = 'Related: Ferry fares rise\nThe pier closed, Piet Maas said.\nRelated: Storm season begins'
    expect(said(text)).toEqual([[['Piet Maas'], 'The pier closed']])
  })
})

describe('sub-headings', () => {
  it('does not read a quoted sub-heading as a statement of the last speaker', () => {
    const text = '"We are full," Ama Boateng said.\n‘Beds in corridors’\nThe ward has 20 beds.'
    expect(said(text)).toEqual([[['Ama Boateng'], 'We are full,']])
  })
})
