/** Promises every extraction keeps, checked on the repository's articles and on awkward text. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { extractStatements } from '../../../src/extract/index'
import { pairQuotes } from '../../../src/extract/quotes'
import { segmentParagraphs, segmentSentences } from '../../../src/extract/segment'
import { tokenize } from '../../../src/extract/tokens'
import type { ExtractResult } from '../../../src/types'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
// The test corpus, never data/: an article a user adds must not be able to turn the suite red.
const entities = JSON.parse(readFileSync(join(ROOT, 'test/corpus/entities.json'), 'utf8'))
const topics = JSON.parse(readFileSync(join(ROOT, 'test/corpus/topics.json'), 'utf8'))

const articleDir = join(ROOT, 'test/corpus/articles')
const ARTICLES: [string, string][] = readdirSync(articleDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, readFileSync(join(articleDir, f), 'utf8')])

const AWKWARD: [string, string][] = [
  ['unbalanced quotes', '"It was late, Okoro said. "Nobody came.\n“Then what? she asked.'],
  ['emoji and mixed scripts', '🚢 “Ahoj,” řekla Jana. "Привет," said Ivan. 東京は晴れ. مرحبا'],
  ['no paragraphs at all', 'Okoro said the pier was sound. '.repeat(300)],
  ['only punctuation', '... ??? !!! "" “”'],
  ['a transcript', 'VOGT: Is the pier safe?\n\nBRANDT: It is. We checked it twice.\n\nVOGT: Thank you.'],
]

function sentenceRanges(text: string): { start: number; end: number }[] {
  const tokens = tokenize(text)
  const paragraphs = segmentParagraphs(text, tokens)
  pairQuotes(text, tokens, paragraphs, [])
  return segmentSentences(text, tokens, paragraphs)
}

function check(text: string, { statements, warnings }: ExtractResult): void {
  expect(warnings.filter((w) => w.startsWith('extraction failed'))).toEqual([])
  const ids = statements.map((s) => s.id)
  expect(new Set(ids).size).toBe(ids.length)
  for (const s of statements) {
    expect(s.id).toMatch(/^[a-z0-9-]+$/)
    // Content is the spans joined by single spaces, and each span is a verbatim slice.
    expect(s.spans.map((p) => text.slice(p.start, p.end)).join(' ')).toBe(s.content)
    for (const p of s.spans) expect(text.slice(p.start, p.end).length).toBe(p.end - p.start)
    expect(s.text.length).toBeGreaterThan(0)
    for (const p of s.spans) expect(s.text).toContain(text.slice(p.start, p.end))
    if (s.kind === 'narration') expect([s.speakers, s.cue, s.via]).toEqual([[], null, null])
  }
  // Every sentence belongs to at least one statement.
  for (const r of sentenceRanges(text)) {
    const covered = statements.some(
      (s) => s.text.includes(text.slice(r.start, r.end)) || s.spans.some((p) => p.start < r.end && p.end > r.start),
    )
    expect(covered, `sentence "${text.slice(r.start, r.end)}" belongs to no statement`).toBe(true)
  }
}

describe('invariants', () => {
  it.each(ARTICLES)('hold on test/corpus/articles/%s', (_name, text) => {
    check(text, extractStatements({ id: 'article', text, date: null }, { entities, topics }))
  })

  it.each(AWKWARD)('hold on %s', (_name, text) => {
    check(text, extractStatements({ id: 'odd', text, date: null }, { entities, topics }))
  })

  it('number paragraphs and sentences from 1 in text order', () => {
    const { statements } = extractStatements({ id: 'a', text: 'One here.\nTwo here. Three here.', date: null })
    expect(statements.map((s) => [s.paragraph, s.sentence])).toEqual([
      [1, 1],
      [2, 2],
      [2, 3],
    ])
  })

  it('give every statement the article id and date', () => {
    const { statements } = extractStatements({ id: 'a', text: '"Fine," Okoro said. It rained.', date: '2024-02-29' })
    expect(statements.map((s) => [s.article, s.date])).toEqual([
      ['a', '2024-02-29'],
      ['a', '2024-02-29'],
    ])
  })
})

describe('robustness', () => {
  it.each([
    ['empty text', ''],
    ['whitespace', ' \n\t\r\n '],
    ['a lone quotation mark', '"'],
    ['a lone surrogate', '\ud800 said Okoro.'],
    ['control characters', 'Okoro\u0000 said\u0007 "yes."'],
  ])('never throws on %s', (_name, text) => {
    expect(() => extractStatements({ id: 'odd', text, date: null })).not.toThrow()
  })

  it('warns instead of failing on empty text', () => {
    expect(extractStatements({ id: 'odd', text: '', date: null })).toEqual({
      statements: [],
      warnings: ['article text is empty'],
    })
  })

  it('caps repeated warnings', () => {
    const { warnings } = extractStatements({ id: 'odd', text: 'He said it was "late.\n'.repeat(50), date: null })
    expect(warnings.length).toBeLessThan(20)
    expect(warnings.at(-1)).toMatch(/more like/)
  })

  it('copes with 1 MB of text in one paragraph', () => {
    const text = 'The ferry sailed at noon, and "nobody," the captain said, "was late." '.repeat(15_000)
    const { statements } = extractStatements({ id: 'big', text, date: null })
    expect(text.length).toBeGreaterThan(1_000_000)
    expect(statements).toHaveLength(15_000)
    expect(statements[0]!.content).toBe('nobody, was late.')
  }, 60_000)
})
