/** The right speaker: places, party labels, groups and surnames typed right, so quotes and pronouns land on people. */
import { describe, expect, it } from 'vitest'
import { attributed, names, only } from './helpers'

const speakersOf = (text: string) => attributed(text).map(names)

describe('places are never speakers nor antecedents', () => {
  it('keeps a venue named after "at" from speaking', () => {
    const text = 'The rally at Brickyard Hall ran late. "It was loud," said Brickyard Hall.'
    // The quote stays, with nobody named for it.
    expect(speakersOf(text)).toEqual([[]])
  })

  it('resolves "he" past a town the story is set in', () => {
    const text = 'Tomas Ebbers grew up in Sacramento. Sacramento has been dry all year. "We need rain," he said.'
    expect(speakersOf(text)).toEqual([['Tomas Ebbers']])
  })

  it('reads a two-word place after "in" as a place, in every mention', () => {
    const text = 'Lena Ruiz met voters in New Hampshire. New Hampshire was cold. "We need heat," she said.'
    expect(speakersOf(text)).toEqual([['Lena Ruiz']])
  })

  it('reads a dateline as a place', () => {
    const text = 'BRAXTON, N.C. — Lena Ruiz toured the mill on Monday. "We need jobs," she said.'
    expect(speakersOf(text)).toEqual([['Lena Ruiz']])
  })

  it('keeps a lone unknown word that never spoke from being "he"', () => {
    const text = 'Ravi Nair wrote to Gridlet. Gridlet removed the post. "It was wrong," he said.'
    expect(speakersOf(text)).toEqual([['Ravi Nair']])
  })

  it('lets a lone known first name be "she"', () => {
    const text = 'The crowd cheered for Melania. "We are grateful," she said.'
    expect(speakersOf(text)).toEqual([['Melania']])
  })
})

describe('party labels and groups', () => {
  it('reads a party label before a name as a role, not part of the name', () => {
    const s = only('Republican Dana Whitlock said the bill was dead.')
    expect(names(s)).toEqual(['Dana Whitlock'])
  })

  it('credits "X, Republican of Iowa, said" to X', () => {
    const s = only('Senator Carl E. Brandvold, Republican of Iowa, said the bill was dead.')
    expect(names(s)).toEqual(['Carl E. Brandvold'])
  })

  it('does not let a party adjective opening a sentence become "she"', () => {
    const text = 'Democratic front-runner Ada Kovac spoke in Ohio. "We will win," she said.'
    expect(speakersOf(text)).toEqual([['Ada Kovac']])
  })

  it('reads "a New Hampshire Democrat" as an unnamed source', () => {
    expect(speakersOf('"The gap is wide," said one New Hampshire Democrat.')).toEqual([['a New Hampshire Democrat']])
  })

  it('reads a capitalised plural of a party as a group, a "they" and never a "he"', () => {
    const s = attributed('Republicans said the plan was bad. "It fails," they said.')
    expect(s.map(names)).toEqual([['Republicans'], ['Republicans']])
    expect(s[0]!.speakers[0]!.type).toBe('group')
  })
})

describe('surnames stay people', () => {
  it('keeps a surname used before a role ("Roe spokeswoman") a person, chained to the full name', () => {
    const text =
      'Dana Roe toured the plant. Roe spokeswoman Hope Kincaid said the tour went well. "It is great," Roe said.'
    expect(speakersOf(text)).toEqual([['Hope Kincaid'], ['Dana Roe']])
  })

  it('keeps a surname after "in" a person when the full name is in the article', () => {
    const text = 'Voters put their faith in Sanders. Bernard Sanders said no. "We lose," Sanders said.'
    expect(speakersOf(text)).toEqual([['Bernard Sanders'], ['Bernard Sanders']])
  })
})

describe('names and roles as written', () => {
  it('keeps a role in the case it was written', () => {
    const s = only('"Enough," said U.S. Ambassador Nora Haldane.')
    expect(s.speakers[0]).toMatchObject({ name: 'Nora Haldane', role: 'U.S. Ambassador' })
  })

  it('reads a capitalised role before a first name as a role, and an age as no role', () => {
    const s = only('"It is fine," Voter Luis Ortega, 67, said.')
    expect(s.speakers[0]).toMatchObject({ name: 'Luis Ortega', role: 'voter' })
  })

  it('never puts the cue into a role', () => {
    expect(only('"No," said spokesman Al Brandt.').speakers[0]).toMatchObject({ name: 'Al Brandt', role: 'spokesman' })
    expect(only('"Maybe," added psychologist Ann Roe.').speakers[0]!.role).toBe('psychologist')
  })

  it('never gives a bare number as a role', () => {
    expect(only('"We stay," Ann Roe, 54, said.').speakers[0]!.role).toBeUndefined()
  })

  it('keeps a name suffix with the name', () => {
    const text = '"We will win," said Marten Luther Kragh Jr. on Monday. On Tuesday, he said no.'
    expect(speakersOf(text)).toEqual([['Marten Luther Kragh Jr.'], ['Marten Luther Kragh Jr.']])
  })
})

describe('one speaker per person in an article', () => {
  it('merges a name with and without a middle initial', () => {
    const text = 'James Colby spoke on Monday. "We found nothing," James B. Colby said. "Sure," Colby said.'
    expect(speakersOf(text)).toEqual([['James B. Colby'], ['James B. Colby']])
  })

  it('keeps two people with one surname apart', () => {
    const text = 'Bill Corrin said yes. Hilda Corrin said no.'
    expect(speakersOf(text)).toEqual([['Bill Corrin'], ['Hilda Corrin']])
  })
})

describe('descriptions linked to names', () => {
  it('takes up a title seen with a name when a country is written before it', () => {
    const text = 'President Dana Whitlock met the envoy in Hanoi. The U.S. president said the talks went well.'
    expect(speakersOf(text)).toEqual([['Dana Whitlock']])
  })

  it('names an unnamed source when the next sentence names it', () => {
    const text =
      'A Harbour Board spokesperson said the visit was off. The spokesperson, Ned Alder, said talks would resume.'
    expect(speakersOf(text)).toEqual([['Ned Alder'], ['Ned Alder']])
  })

  it('does not name an unnamed source after someone who only shares its head noun', () => {
    const text =
      'One nurse, who asked not to be named, said the ward was full. The trust’s chief nurse, Dr Ama Oko, said beds were added.'
    expect(speakersOf(text)).toEqual([['a nurse'], ['Ama Oko']])
  })

  it('links a surname with an honorific to the full name, with no honorific for a role', () => {
    const s = attributed('Renee Harlow won the seat. "It was close," Ms. Harlow said.')
    expect(s[0]!.speakers[0]).toEqual({ id: 'renee-harlow', name: 'Renee Harlow', type: 'person' })
  })
})
