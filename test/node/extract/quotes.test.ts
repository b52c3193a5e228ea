import { describe, expect, it } from 'vitest'
import { isTitleLike, pairQuotes, type QuoteUnit } from '../../../src/extract/quotes'
import { segmentParagraphs } from '../../../src/extract/segment'
import { tokenize } from '../../../src/extract/tokens'

function pair(text: string): { units: QuoteUnit[]; pieces: string[][]; warnings: string[]; text: string } {
  const tokens = tokenize(text)
  const warnings: string[] = []
  const units = pairQuotes(text, tokens, segmentParagraphs(text, tokens), warnings)
  return { units, pieces: units.map((u) => u.pieces.map((p) => text.slice(p.start, p.end))), warnings, text }
}

describe('pairQuotes', () => {
  it.each([
    ['straight', 'He said "we are ready" and left.'],
    ['curly', 'He said “we are ready” and left.'],
    ['guillemets', 'He said «we are ready» and left.'],
  ])('pairs %s double marks', (_kind, text) => {
    expect(pair(text).pieces).toEqual([['we are ready']])
  })

  it('keeps the trailing comma or period inside the quotation', () => {
    expect(pair('"Not today," Ines said. "Maybe never."').pieces).toEqual([['Not today,'], ['Maybe never.']])
  })

  it('continues a quotation reopened at a new paragraph without closing the previous one', () => {
    const r = pair('Ruiz said: "The harbour was our life.\n"Then the ships stopped coming."')
    expect(r.pieces).toEqual([['The harbour was our life.', 'Then the ships stopped coming.']])
    expect(r.warnings).toEqual([])
  })

  it('tolerates an unclosed quotation, ending it with its paragraph and warning', () => {
    const r = pair('She called it "a mess.\nThe vote follows.')
    expect(r.pieces).toEqual([['a mess.']])
    expect(r.warnings.join(' ')).toMatch(/unclosed quotation/)
  })

  it('warns about a closing mark with nothing open and does not throw', () => {
    const r = pair('Nothing was open” here.')
    expect(r.units).toEqual([])
    expect(r.warnings.join(' ')).toMatch(/closing quotation mark/)
  })

  it('does not read apostrophes as quotation marks', () => {
    expect(pair('The dockers\' union said it won\'t sign "any deal" yet.').pieces).toEqual([['any deal']])
  })

  it('uses single marks only when the article has no double ones', () => {
    expect(pair("'We will appeal,' said Ruiz. The players' union agreed.").pieces).toEqual([['We will appeal,']])
  })

  it('recognises a capitalised title of a work', () => {
    const text = 'They screened "Harbour Lights at Dawn" and "we never stopped hoping" that week.'
    const tokens = tokenize(text)
    const units = pairQuotes(text, tokens, segmentParagraphs(text, tokens), [])
    expect(units.map((u) => isTitleLike(tokens, u))).toEqual([true, false])
  })
})
