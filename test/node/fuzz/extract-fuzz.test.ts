/**
 * Property-based fuzzing of the extractor: arbitrary text must never make it fail, and its
 * output must keep the promises the API relies on. Seeded; failures print seed and input.
 */

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../../scripts/build-data'
import { extractStatements } from '../../../src/extract/index'
import { segmentParagraphs, segmentSentences } from '../../../src/extract/segment'
import { tokenize } from '../../../src/extract/tokens'
import type { Statement } from '../../../src/types'

const SEED = 20230918
const entities = JSON.parse(readFileSync(join(ROOT, 'test/corpus/entities.json'), 'utf8'))
const topics = JSON.parse(readFileSync(join(ROOT, 'test/corpus/topics.json'), 'utf8'))
const fixtureTexts = readdirSync(join(ROOT, 'test/fixtures/articles'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(ROOT, 'test/fixtures/articles', f), 'utf8'))
  .concat(readFileSync(join(ROOT, 'test/fixtures/seed/article.txt'), 'utf8'))

/** News-like fragments, so generated text exercises the attribution rules, not only the tokenizer. */
const fragment = fc.oneof(
  fc.constantFrom(
    '"We will win," Smith said.',
    '“Never,” said the minister.',
    'She added that talks would resume',
    'according to officials,',
    ' he told reporters that ',
    'The ministry said in a statement:',
    '"',
    '“',
    '”',
    "'",
    '\n',
    '\n\n',
    '. ',
    'Mr. ',
    'U.S. ',
    'declined to comment.',
    'Xinhua reported that Han said',
    ' and ',
    ', ',
    '🙂',
    '東京は',
    '\u0000',
    '\ud800',
    '\r\n',
    '—',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.constantFrom(...fixtureTexts.map((t) => t.slice(0, 400))),
)
const article = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''))

function sentencesOf(text: string) {
  const tokens = tokenize(text)
  return segmentSentences(text, tokens, segmentParagraphs(text, tokens))
}

function checkInvariants(text: string, statements: Statement[]): void {
  const ids = statements.map((s) => s.id)
  expect(new Set(ids).size, 'ids are unique').toBe(ids.length)
  for (const st of statements) {
    expect(st.id).toMatch(/^[a-z0-9-]+$/)
    for (const span of st.spans) {
      expect(span.start).toBeGreaterThanOrEqual(0)
      expect(span.end).toBeLessThanOrEqual(text.length)
      expect(span.start).toBeLessThanOrEqual(span.end)
    }
    if (st.spans.length === 1) expect(text.slice(st.spans[0]!.start, st.spans[0]!.end)).toBe(st.content)
    if (st.kind === 'narration') expect(st.speakers).toEqual([])
  }
  // Every sentence with a word in it is inside the text of some statement.
  for (const s of sentencesOf(text)) {
    const sentence = text.slice(s.start, s.end).trim()
    if (!/[\p{L}\p{N}]/u.test(sentence)) continue
    expect(
      statements.some((st) => st.text.includes(sentence) || sentence.includes(st.text.trim())),
      `sentence ${s.index + 1} "${sentence.slice(0, 80)}" belongs to no statement`,
    ).toBe(true)
  }
}

/** 500 seeded articles: about a second alone, several on two cores shared with workerd. */
const RUNS = 500
/** Robustness, not speed, is tested here (`npm run bench` measures throughput), so time is generous. */
const TIMEOUT = 60_000

describe('extractor fuzzing', () => {
  it('never fails internally on arbitrary text, and keeps its invariants', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(article, (text) => {
        const { statements, warnings } = extractStatements({ id: 'fuzz', text, date: null }, { entities, topics })
        expect(warnings.filter((w) => w.startsWith('extraction failed'))).toEqual([])
        checkInvariants(text, statements)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('keeps its invariants on every fixture article', { timeout: TIMEOUT }, () => {
    for (const text of fixtureTexts) {
      const { statements, warnings } = extractStatements({ id: 'fixture', text, date: null }, { entities, topics })
      expect(warnings.filter((w) => w.startsWith('extraction failed'))).toEqual([])
      checkInvariants(text, statements)
    }
  })

  it.each([
    ['empty', ''],
    ['only spaces', '   \n\n  '],
    ['no paragraphs, 1 MB', 'The mayor said the bridge would reopen. '.repeat(26_000)],
    ['unbalanced quotes', '"He said it. "And then. “Never, she said.'],
    ['emoji and mixed scripts', '🙂 “你好,” 李明说. "Привет," said Ivan. مرحبا'],
  ])(
    'does not fail on %s',
    (_name, text) => {
      const { statements, warnings } = extractStatements({ id: 'odd', text, date: null })
      expect(warnings.filter((w) => w.startsWith('extraction failed'))).toEqual([])
      checkInvariants(text, statements)
    },
    TIMEOUT,
  )
})
