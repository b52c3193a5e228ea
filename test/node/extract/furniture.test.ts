/** Page furniture and the coreference rules of the third rule pass, each on text written for the test. */
import { describe, expect, it } from 'vitest'
import { findFurniture } from '../../../src/extract/furniture'
import { segmentParagraphs } from '../../../src/extract/segment'
import { tokenize } from '../../../src/extract/tokens'
import { attributed, names } from './helpers'

const furnitureOf = (text: string): string[] => {
  const paragraphs = segmentParagraphs(text, tokenize(text))
  return [...findFurniture(text, paragraphs).keys()].map((i) => text.slice(paragraphs[i]!.start, paragraphs[i]!.end))
}

describe('page furniture', () => {
  const page = [
    'Ferry service to Inchmore resumes after storm repairs',
    'By Ada Moss and Tom Reed, Harbour Post',
    'The Harbour Post',
    'Published Feb. 4, 2025, 9:10 a.m. ET',
    'Photo by Lena Vogt',
    'A ferry leaves the pier at dawn on Monday. Lena Vogt/Harbour Post',
    'The ferry to Inchmore sailed again on Monday after three weeks of repairs to the pier, the operator said.',
    '"We are back," said captain Ines Duarte. "It took longer than anyone wanted."',
    "— Harbour Post's Li Wei contributed to this report.",
  ].join('\n')

  it('finds headline, byline, masthead, stamp, caption, credit and contributor lines', () => {
    expect(furnitureOf(page)).toEqual([
      'Ferry service to Inchmore resumes after storm repairs',
      'By Ada Moss and Tom Reed, Harbour Post',
      'The Harbour Post',
      'Published Feb. 4, 2025, 9:10 a.m. ET',
      'Photo by Lena Vogt',
      'A ferry leaves the pier at dawn on Monday. Lena Vogt/Harbour Post',
      "— Harbour Post's Li Wei contributed to this report.",
    ])
  })

  it('keeps furniture names out of speakers and antecedents', () => {
    const text =
      'By Ada Moss\nPublished Aug. 3, 2024\nDr. Ines Duarte met reporters on Monday. The tide would turn, she said.'
    expect(attributed(text).map(names)).toEqual([['Ines Duarte']])
  })

  it('gives no statement for a headline with a speech verb', () => {
    const text =
      'Mayor says the ferry will run again\nBy Ada Moss\nThe ferry to Inchmore will sail again next week, Mayor Tom Reed said on Monday after the pier was repaired.'
    expect(attributed(text).map((s) => s.content)).toEqual(['The ferry to Inchmore will sail again next week'])
  })
})

describe('coreference compatibility', () => {
  it('splits an organisation, a title and the person holding it', () => {
    // "Harbour Department of Health Director Dr. Ines Duarte" is Ines Duarte, a person a later "she" can take up.
    const s = attributed(
      '"We are ready," Harbour Department of Health Director Dr. Ines Duarte told reporters. The clinics would open early, she said.',
    )
    expect(s.map(names)).toEqual([['Ines Duarte'], ['Ines Duarte']])
  })

  it('does not make a place after a possessive the subject when a pronoun opens the sentence', () => {
    // "He walks into a cafe in Porto's Bonfim quarter": Bonfim is no antecedent for the next "he says".
    const s = attributed(
      'Tomas Reyes runs the ferry line. He walks into a cafe in Porto\'s Bonfim quarter ten minutes late.\n"The boats never wait," he says.',
    )
    expect(s.map(names)).toEqual([['Tomas Reyes']])
  })

  it('reads a lone name as an organisation when a mention shows it ("X, which ...")', () => {
    const s = attributed(
      'Tomas Reyes is the chief executive of Voltra, which builds tidal turbines. Engineers from Voltra visited the pier.\n"The sea is the battery," he says.',
    )
    expect(s.map(names)).toEqual([['Tomas Reyes']])
  })

  it('skips an indefinite appositive to find the name a relative clause belongs to', () => {
    // "Sen. Ann Roe, a Maine Democrat, who wrote that ...": Ann Roe wrote it.
    const s = attributed(
      'The plan drew criticism from Sen. Ann Roe, a Maine Democrat, who wrote that the ferry cuts were reckless.',
    )
    expect(s.map(names)).toEqual([['Ann Roe']])
  })

  it('reads "said in a statement posted on its website that" as one cue', () => {
    const s = attributed('The county said in a statement posted on its website that the shelter had reached capacity.')
    expect(s.map((x) => [x.content, names(x)])).toEqual([['the shelter had reached capacity', ['county']]])
  })
})
