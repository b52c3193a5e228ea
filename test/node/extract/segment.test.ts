import { describe, expect, it } from 'vitest'
import { pairQuotes } from '../../../src/extract/quotes'
import { segmentParagraphs, segmentSentences } from '../../../src/extract/segment'
import { tokenize } from '../../../src/extract/tokens'

function sentences(text: string): string[] {
  const tokens = tokenize(text)
  const paragraphs = segmentParagraphs(text, tokens)
  pairQuotes(text, tokens, paragraphs, [])
  return segmentSentences(text, tokens, paragraphs).map((s) => text.slice(s.start, s.end))
}

function paragraphs(text: string): string[] {
  return segmentParagraphs(text, tokenize(text)).map((p) => text.slice(p.start, p.end))
}

describe('segmentParagraphs', () => {
  it('makes each non-blank line a paragraph', () => {
    expect(paragraphs('First line here.\nSecond line here.\n\nThird.')).toEqual([
      'First line here.',
      'Second line here.',
      'Third.',
    ])
  })

  it('joins hard-wrapped lines of a blank-line separated block into one paragraph', () => {
    const text = 'The ferry left at dawn and\nreached the island by noon.\n\nNobody was\nwaiting on the pier.'
    expect(paragraphs(text)).toEqual([
      'The ferry left at dawn and\nreached the island by noon.',
      'Nobody was\nwaiting on the pier.',
    ])
  })

  it('trims surrounding whitespace and handles CRLF line ends', () => {
    expect(paragraphs('  Indented line.  \r\nNext line.\r\n')).toEqual(['Indented line.', 'Next line.'])
  })

  it('returns no paragraph for blank text', () => {
    expect(paragraphs(' \n\t\n')).toEqual([])
  })
})

describe('segmentSentences', () => {
  it.each([
    ['Mr. Okafor arrived late. He sat down.', ['Mr. Okafor arrived late.', 'He sat down.']],
    ['The U.S. Senate voted. It passed easily.', ['The U.S. Senate voted.', 'It passed easily.']],
    ['The fair opens Jan. 5 in Leeds. Tickets sell fast.', ['The fair opens Jan. 5 in Leeds.', 'Tickets sell fast.']],
    ['Anna K. Ruiz spoke first. Crowds cheered.', ['Anna K. Ruiz spoke first.', 'Crowds cheered.']],
    ['Growth was 3.5 percent. Shares rose.', ['Growth was 3.5 percent.', 'Shares rose.']],
    ['Plant No. 4 closed. Workers left.', ['Plant No. 4 closed.', 'Workers left.']],
  ])('does not end a sentence at an abbreviation, initial or decimal in %j', (text, expected) => {
    expect(sentences(text)).toEqual(expected)
  })

  it('ends a sentence after a sentence-final abbreviation when a new sentence starts', () => {
    expect(sentences('She moved to the U.S. The move paid off.')).toEqual([
      'She moved to the U.S.',
      'The move paid off.',
    ])
  })

  it('keeps a question in quotes and its short tag together', () => {
    expect(sentences('"Is it finished?" Ramos asked. Nobody answered.')).toEqual([
      '"Is it finished?" Ramos asked.',
      'Nobody answered.',
    ])
  })

  it('splits a quotation of several sentences at its sentence ends', () => {
    expect(sentences('"We lost. We will be back," Ramos said.')).toEqual(['"We lost.', 'We will be back," Ramos said.'])
  })

  it('does not split before a lower-case continuation', () => {
    expect(sentences('"Why now?" she wondered aloud.')).toEqual(['"Why now?" she wondered aloud.'])
  })

  it('never lets a sentence cross a paragraph', () => {
    expect(sentences('A line without a stop\nAnother line')).toEqual(['A line without a stop', 'Another line'])
  })

  it('gives offsets that slice back to the sentence', () => {
    const text = '  Lead.  Second one!\nThird?'
    const tokens = tokenize(text)
    const paras = segmentParagraphs(text, tokens)
    for (const s of segmentSentences(text, tokens, paras))
      expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end))
  })
})
