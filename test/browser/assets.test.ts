/** The pages' script and stylesheet: their weight, the shared helpers shipped as source, and the palette's contrast. */
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { APP_CSS, APP_JS, ASSETS } from '../../src/ui/assets'
import { createShared, type MapStatement } from '../../src/ui/draw'
import { SPEAKER_COLOURS, TEXT_COLOUR, UNKNOWN_COLOUR } from '../../src/ui/styles'

/** The budget the issue sets for what a page downloads besides its HTML. */
const BUDGET_BYTES = 30 * 1024

describe('page weight', () => {
  it('ships app.js and app.css in under 30 KB gzipped', () => {
    const gzipped = gzipSync(APP_JS).length + gzipSync(APP_CSS).length
    expect(gzipped).toBeLessThan(BUDGET_BYTES)
  })

  it('serves every asset with a strong ETag and a media type', () => {
    for (const [path, asset] of ASSETS) {
      expect(path).toMatch(/^\/ui\//)
      expect(asset.etag).toMatch(/^"[0-9a-f]{8}"$/)
      expect(asset.type).toMatch(/^(text|image)\//)
    }
  })
})

describe('createShared', () => {
  // app.js runs `String(createShared)` in the browser: the function must not need its module.
  const shipped = new Function(`return (${String(createShared)})()`)() as ReturnType<typeof createShared>
  const local = createShared()

  const text = '"We will talk," Ann Lee said.\n\nThe US State Department said it agreed. Rain fell.'
  const statements: MapStatement[] = [
    {
      id: 'a',
      kind: 'direct',
      cue: 'said',
      speakers: [{ id: 'ann-lee', name: 'Ann Lee' }],
      spans: [{ start: 1, end: 13 }],
    },
    {
      id: 'b',
      kind: 'indirect',
      cue: 'said',
      speakers: [{ id: 'state', name: 'US State Department' }],
      spans: [{ start: 60, end: 70 }],
    },
    { id: 'c', kind: 'narration', cue: null, speakers: [], spans: [{ start: 72, end: 82 }] },
  ]

  it('works from its own source alone, and agrees with the module', () => {
    const paragraphs = local.paragraphSpans(text)
    expect(shipped.paragraphSpans(text)).toEqual(paragraphs)
    expect(shipped.mapArticle(text, paragraphs, statements)).toEqual(local.mapArticle(text, paragraphs, statements))
    const highlights = [{ field: 'content', start: 3, end: 7 }]
    expect(shipped.markPieces('We will talk', highlights, 'content')).toEqual(
      local.markPieces('We will talk', highlights, 'content'),
    )
  })

  it.each([
    ['Antony Blinken', 'AB'],
    ['Han Zheng', 'HZ'],
    ['US State Department', 'USD'],
    ['Ministry of Foreign Affairs', 'MFA'],
    ['officials', 'O'],
    ['Jean-Claude van Damme Junior Senior', 'JCS'],
  ])('gives %s the initials %s', (name, initials) => {
    expect(local.initialsOf(name)).toBe(initials)
  })

  it('maps each attributed statement to its speaker colour and leaves narration plain', () => {
    const map = local.mapArticle(text, local.paragraphSpans(text), statements)
    expect(map.legend.map((e) => [e.initials, e.slot, e.count])).toEqual([
      ['AL', 0, 1],
      ['USD', 1, 1],
    ])
    const marked = map.paragraphs.flatMap((p) => p.pieces).filter((p) => p.statement)
    expect(marked.map((p) => [p.text, p.slot, p.badge])).toEqual([
      ['We will talk', 0, 'AL'],
      ['it agreed.', 1, 'USD'],
    ])
    expect(marked[0]!.tip).toBe('Ann Lee · direct quote · “said”')
    // Every character of the text is in exactly one piece, in order.
    const joined = map.paragraphs.map((p) => p.pieces.map((x) => x.text).join(''))
    expect(joined).toEqual(['"We will talk," Ann Lee said.', 'The US State Department said it agreed. Rain fell.'])
  })

  it('numbers the badges of two speakers with the same initials', () => {
    const two = ['Ann Lee', 'Alan Low'].map((name, i) => ({
      id: `s${i}`,
      kind: 'direct',
      cue: 'said',
      speakers: [{ id: `p${i}`, name }],
      spans: [{ start: i * 5, end: i * 5 + 4 }],
    }))
    const map = local.mapArticle('aaaa bbbb', [{ start: 0, end: 9 }], two)
    expect(map.legend.map((e) => e.initials)).toEqual(['AL', 'AL2'])
  })

  it('skips highlight offsets that overlap or run past the text', () => {
    const pieces = local.markPieces(
      'abcdef',
      [
        { field: 'content', start: 1, end: 3 },
        { field: 'content', start: 2, end: 4 },
        { field: 'text', start: 0, end: 6 },
        { field: 'content', start: 5, end: 99 },
      ],
      'content',
    )
    expect(pieces).toEqual([
      { text: 'a', mark: false },
      { text: 'bc', mark: true },
      { text: 'd', mark: true },
      { text: 'e', mark: false },
      { text: 'f', mark: true },
    ])
  })
})

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

describe('speaker palette', () => {
  it.each([...SPEAKER_COLOURS, UNKNOWN_COLOUR].map((c, i) => [i, c.tint, c.shade]))(
    'colour %i passes WCAG AA: text on its tint, white on its shade',
    (_i, tint, shade) => {
      expect(contrast(TEXT_COLOUR, tint)).toBeGreaterThanOrEqual(4.5)
      expect(contrast('#ffffff', shade)).toBeGreaterThanOrEqual(4.5)
    },
  )

  it('has a class for every colour slot', () => {
    for (let i = 0; i < createShared().PALETTE_SIZE; i++) expect(APP_CSS).toContain(`.sp-${i}{`)
    expect(APP_CSS).toContain('.sp-x{')
  })
})
