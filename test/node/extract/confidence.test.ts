/** The statement confidence: how a speaker was resolved, scored by the fitted weights, on inline text. */
import { describe, expect, it } from 'vitest'
import { type Resolution, statementConfidence } from '../../../src/extract/confidence'
import { extractResolutions } from '../../../src/extract/index'
import { attributed, OPTIONS, statementsOf } from './helpers'

const person = { id: 'p', name: 'P', type: 'person' as const }
const named: Resolution = { path: 'named', distance: 0, competitors: 0 }
const pronoun = (distance: number): Resolution => ({ path: 'pronoun', distance, competitors: 0 })

/** The paths recorded for each attributed statement of a text. */
const pathsOf = (text: string) =>
  extractResolutions({ id: 't', text, date: null }, OPTIONS)
    .filter((x) => x.statement.kind !== 'narration')
    .map((x) => x.resolutions.map((r) => (r.continues ? `continuation>${r.continues.path}` : r.path)).join('+'))

describe('statementConfidence', () => {
  it('is null for narration, which has no speaker', () => {
    expect(statementConfidence([], 'narration', [])).toBeNull()
  })

  it('is 0 for a quotation nobody was found for', () => {
    expect(statementConfidence([], 'direct', [])).toBe(0)
    expect(statementConfidence([{ path: 'none', distance: 0, competitors: 0 }], 'direct', [person])).toBe(0)
  })

  it('scores a name next to the cue above a pronoun', () => {
    expect(statementConfidence([named], 'indirect', [person])!).toBeGreaterThan(
      statementConfidence([pronoun(1)], 'indirect', [person])!,
    )
  })

  it('lowers a pronoun with every sentence between it and its antecedent', () => {
    const near = statementConfidence([pronoun(1)], 'indirect', [person])!
    const far = statementConfidence([pronoun(5)], 'indirect', [person])!
    expect(far).toBeLessThan(near)
  })

  it('scores a continuation below the statement it continues', () => {
    const continued: Resolution = { path: 'continuation', distance: 1, competitors: 0, continues: named }
    expect(statementConfidence([continued], 'direct', [person])!).toBeLessThan(
      statementConfidence([named], 'direct', [person])!,
    )
  })

  it('takes the weakest speaker of a joint statement, and joint subjects lower it', () => {
    const two = [person, { ...person, id: 'q' }]
    const joint = statementConfidence([named, pronoun(2)], 'indirect', two)!
    expect(joint).toBeLessThan(statementConfidence([pronoun(2)], 'indirect', [person])!)
  })

  it('stays within 0 and 1 with two decimals', () => {
    for (const d of [0, 1, 3, 8, 40]) {
      const c = statementConfidence([pronoun(d)], 'mixed', [person])!
      expect(c).toBeGreaterThanOrEqual(0)
      expect(c).toBeLessThanOrEqual(1)
      expect(Math.round(c * 100)).toBeCloseTo(c * 100, 9)
    }
  })
})

describe('extractResolutions', () => {
  it('records a name next to the cue as named', () => {
    expect(pathsOf('Mara Quell said the reservoir was full.')).toEqual(['named'])
  })

  it('records a registry alias that is not the name', () => {
    expect(pathsOf("Mara Quell opened the dam. Dunmore's first citizen said the reservoir was full.")).toEqual([
      'registry-alias',
    ])
  })

  it('records a pronoun, and a registry anaphor, with how far back the antecedent is', () => {
    const text =
      'Mara Quell opened the dam. The Dunmore Water Board met. She said the reservoir was full. The board said rates would rise.'
    expect(pathsOf(text)).toEqual(['pronoun', 'anaphor'])
  })

  it('records an unnamed source as a description', () => {
    expect(pathsOf('A senior official said the dam was safe.')).toEqual(['description'])
  })

  it('records a follow-on quotation as a continuation of its speaker', () => {
    const text = '"The water is safe," Mara Quell said.\n\n"We test it every day."'
    expect(pathsOf(text)).toEqual(['named', 'continuation>named'])
  })
})

describe('confidence on extracted statements', () => {
  it('puts a name next to the cue above a pronoun far from its antecedent', () => {
    const text = [
      'Mara Quell said the reservoir was full.',
      'The dam was built in 1910. Rain fell for a week. The river rose. Farmers moved their herds.',
      'She said the town was ready.',
    ].join(' ')
    const [first, second] = attributed(text)
    expect(first!.confidence!).toBeGreaterThan(second!.confidence!)
  })

  it('gives narration a null confidence and every other statement one in [0, 1]', () => {
    for (const s of statementsOf('The dam held. Mara Quell said the reservoir was full. "Good," he said.')) {
      if (s.kind === 'narration') expect(s.confidence).toBeNull()
      else expect(s.confidence).toBeGreaterThanOrEqual(0)
      expect(s.corrected).toBe(false)
    }
  })
})
