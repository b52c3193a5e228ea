/** Speaker resolution: name chains, titles, pronouns, organisation and role anaphors, registry aliases. */
import { describe, expect, it } from 'vitest'
import type { ExtractOptions } from '../../../src/types'
import { attributed, names, OPTIONS, only } from './helpers'

const speakersOf = (text: string, options: ExtractOptions = OPTIONS) => attributed(text, options).map(names)

describe('name chains', () => {
  it('resolves a surname to the longest name form in the article', () => {
    expect(speakersOf('Harbour master Lena Vogt inspected the pier. Vogt said it was sound.')).toEqual([['Lena Vogt']])
  })

  it('uses the longest form even when it comes later', () => {
    expect(speakersOf('Vogt said the pier was sound. Lena Vogt has run the harbour since 2019.')).toEqual([
      ['Lena Vogt'],
    ])
  })

  it('resolves an organisation by the start of its name', () => {
    expect(speakersOf('Brightwater Ferries Ltd. cut two routes. Brightwater said demand had fallen.')).toEqual([
      ['Brightwater Ferries Ltd.'],
    ])
  })

  it('strips titles and honorifics from the name', () => {
    const s = only('Harbour Commissioner Lena Vogt said the pier was sound.')
    expect(names(s)).toEqual(['Lena Vogt'])
    expect(s.source).toBe('Harbour Commissioner Lena Vogt')
  })

  it('keeps "Mr. X" and "Ms. X" apart when two people share a surname', () => {
    const text =
      'Paul Vogt and Lena Vogt run rival ferries. Mr. Vogt said fares would fall. Ms. Vogt said they would not.'
    expect(speakersOf(text)).toEqual([['Paul Vogt'], ['Lena Vogt']])
  })

  it('gives joint speakers with the same surname different entities', () => {
    const text = 'Paul Vogt and Lena Vogt run rival ferries. Mr. Vogt and Ms. Vogt both said the pier was unsafe.'
    expect(speakersOf(text)).toEqual([['Paul Vogt', 'Lena Vogt']])
  })
})

describe('pronouns', () => {
  it('resolves "he" to the last compatible named speaker', () => {
    expect(speakersOf('"We will sail," Tomas Brandt said. "The weather is fine," he added.')).toEqual([
      ['Tomas Brandt'],
      ['Tomas Brandt'],
    ])
  })

  it('prefers a speaker over a person only mentioned since', () => {
    const text = 'Tomas Brandt said the route was safe, after meeting Anna Lind. He added that crews were ready.'
    expect(speakersOf(text)).toEqual([['Tomas Brandt'], ['Tomas Brandt']])
  })

  it('matches "she" and "he" by gender', () => {
    const text = 'Anna Lind met Tomas Brandt at the pier. She said the route was safe. He said it was not.'
    expect(speakersOf(text)).toEqual([['Anna Lind'], ['Tomas Brandt']])
  })

  it('learns a gender from a resolved pronoun', () => {
    const text = 'Lind met Brandt on Monday. Lind said she was worried. She said the route was unsafe.'
    expect(speakersOf(text).at(-1)).toEqual(['Lind'])
  })

  it('resolves "it" to an organisation and "they" to a group', () => {
    const text =
      'Brightwater Ferries cut two routes. It said demand had fallen. Residents protested outside. They said the island was cut off.'
    expect(speakersOf(text)).toEqual([['Brightwater Ferries'], ['residents']])
  })

  it('uses the subject of the previous sentence when nobody spoke there', () => {
    expect(speakersOf('Anna Lind toured the harbour with officials. She said the pier needed work.')).toEqual([
      ['Anna Lind'],
    ])
  })

  it('leaves an unresolvable pronoun without speakers and warns', () => {
    const s = only('He said the pier was sound.')
    expect(s.speakers).toEqual([])
    expect(s.source).toBe('He')
  })
})

describe('organisation anaphors', () => {
  it('resolves "the ministry" to the last organisation with that word in its name', () => {
    const text = 'The Ministry of Transport closed the pier. The ministry said repairs would take a month.'
    expect(speakersOf(text)).toEqual([['Ministry of Transport']])
  })

  it('resolves "the company" to the most salient organisation', () => {
    const text = 'Brightwater Ferries Ltd. announced that it would cut two routes. The company said demand had fallen.'
    expect(speakersOf(text)).toEqual([['Brightwater Ferries Ltd.'], ['Brightwater Ferries Ltd.']])
  })

  it('keeps an unresolved anaphor as an organisation named by its description', () => {
    const s = only('The agency said the pier was sound.', {})
    expect(s.speakers).toEqual([{ id: 'agency', name: 'agency', type: 'organization' }])
  })
})

describe('registry aliases', () => {
  it('resolves a capitalised alias anywhere', () => {
    expect(speakersOf("Dunmore's first citizen said the pier would reopen.")[0]).toEqual(['Mara Quell'])
  })

  it('resolves an anaphor alias once its entity has been named', () => {
    const text = 'The Water Board met on Monday. The board said reservoir levels were low.'
    const s = attributed(text)[0]!
    expect(s.speakers[0]).toMatchObject({
      id: 'dunmore-water-board',
      name: 'Dunmore Water Board',
      type: 'organization',
    })
  })

  it('copies role and affiliation from the registry', () => {
    expect(only('Mayor Quell said the pier would reopen.').speakers[0]).toEqual({
      id: 'mara-quell',
      name: 'Mara Quell',
      type: 'person',
      role: 'Mayor of Dunmore',
      affiliation: 'Dunmore',
    })
  })
})

describe('role descriptions without a registry', () => {
  it('resolves "the harbour master" to the person introduced with that title', () => {
    const text = 'Harbour master Lena Vogt inspected the pier. The harbour master said it was sound.'
    expect(speakersOf(text, {})).toEqual([['Lena Vogt']])
  })

  it('resolves a role given in an appositive', () => {
    const text = 'Lena Vogt, the ferry inspector, toured the boats. The inspector said two were unsafe.'
    expect(speakersOf(text, {})).toEqual([['Lena Vogt']])
  })
})

describe('unnamed sources', () => {
  it.each([
    ['Officials said the pier would reopen.', { id: 'officials', name: 'officials', type: 'group' }],
    [
      'A senior official said the pier would reopen.',
      { id: 'a-senior-official', name: 'a senior official', type: 'unknown' },
    ],
    [
      'Two people familiar with the plan said the pier would reopen.',
      { id: 'two-people-familiar-with-the-plan', name: 'two people familiar with the plan', type: 'group' },
    ],
    [
      'Three ferry operators said the pier would reopen.',
      { id: 'three-ferry-operators', name: 'three ferry operators', type: 'group' },
    ],
  ])('names %j by its description', (text, speaker) => {
    expect(only(text, {}).speakers).toEqual([speaker])
  })
})

describe('speaker types of unregistered names', () => {
  it.each([
    ['Lena Vogt said the pier was sound.', 'person'],
    ['Brightwater Ferries Ltd. said the pier was sound.', 'organization'],
    ['The Harbour Authority said the pier was sound.', 'organization'],
    ['NATO said the pier was sound.', 'organization'],
  ])('types the speaker of %j as %s', (text, type) => {
    expect(only(text, {}).speakers[0]!.type).toBe(type)
  })
})
