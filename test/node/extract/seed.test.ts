/** The seed article, scored by the shared scorer: attribution and kind must be exactly right. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { extractStatements } from '../../../src/extract/index'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const SHARED = resolve(ROOT, '../shared')
const SCORER = join(SHARED, 'eval/score.mjs')
const GOLD = join(SHARED, 'seed/gold.json')
const SEED_ID = 'han-blinken-unga-2023'

const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'))
const text = readFileSync(join(ROOT, `data/articles/${SEED_ID}.txt`), 'utf8')
const meta = read(`data/articles/${SEED_ID}.meta.json`)
const { statements, warnings } = extractStatements(
  { id: meta.id, text, date: meta.event_date ?? meta.published },
  { entities: read('data/entities.json'), topics: read('data/topics.json') },
)

const scratch = mkdtempSync(join(tmpdir(), 'whosaid-seed-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('seed article', () => {
  it('scores attribution F1 1 and kind accuracy 1 with the shared scorer', () => {
    const predFile = join(scratch, 'pred.json')
    writeFileSync(predFile, JSON.stringify(statements, null, 2))
    const out = execFileSync(process.execPath, [SCORER, GOLD, predFile], { encoding: 'utf8' })
    const score = JSON.parse(out.trim().split('\n').pop()!)
    expect(score.attribution_f1).toBe(1)
    expect(score.kind_acc).toBe(1)
  })

  it('extracts without warnings', () => {
    expect(warnings).toEqual([])
  })

  it('carries the relaying agency only on the relayed statement and its pronoun continuation', () => {
    expect(statements.filter((s) => s.via !== null).map((s) => [s.cue, s.via!.id])).toEqual([
      ['said', 'xinhua'],
      ['expressed hopes', 'xinhua'],
    ])
  })

  it('covers every sentence, spans slice the text exactly and ids are unique', () => {
    for (const s of statements) expect(s.spans.map((p) => text.slice(p.start, p.end)).join(' ')).toBe(s.content)
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length)
    expect(new Set(statements.map((s) => s.sentence)).size).toBe(Math.max(...statements.map((s) => s.sentence)))
  })
})
