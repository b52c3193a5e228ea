/** Calibration buckets, the calibration error and the logistic fit behind the confidence weights. */
import { describe, expect, it } from 'vitest'
import { calibrate, expectedCalibrationError, fitLogistic } from '../../../src/eval/calibration'

describe('calibrate', () => {
  it('counts statements per fifth of confidence with the share right', () => {
    const rows = calibrate([
      { confidence: 0.1, correct: false },
      { confidence: 0.5, correct: true },
      { confidence: 0.55, correct: false },
      { confidence: 0.9, correct: true },
    ])
    expect(rows.map((r) => [r.from, r.to, r.count, r.fraction])).toEqual([
      [0, 0.2, 1, 0],
      [0.2, 0.4, 0, null],
      [0.4, 0.6, 2, 0.5],
      [0.6, 0.8, 0, null],
      [0.8, 1, 1, 1],
    ])
  })

  it('puts a confidence of exactly 1 in the last bucket and a boundary in the bucket it opens', () => {
    const rows = calibrate([
      { confidence: 1, correct: true },
      { confidence: 0.2, correct: true },
    ])
    expect(rows[4]!.count).toBe(1)
    expect(rows[1]!.count).toBe(1)
  })
})

describe('expectedCalibrationError', () => {
  it('is 0 when every bucket is right as often as it claims', () => {
    expect(
      expectedCalibrationError(
        calibrate([
          { confidence: 0.5, correct: true },
          { confidence: 0.5, correct: false },
        ]),
      ),
    ).toBe(0)
  })

  it('weighs each bucket gap by its count', () => {
    expect(expectedCalibrationError(calibrate([{ confidence: 0.9, correct: false }]))).toBe(0.9)
  })
})

describe('fitLogistic', () => {
  it('gives a feature that predicts success a positive weight and one that predicts failure a negative one', () => {
    const examples = [
      ...Array.from({ length: 30 }, (_, i) => ({ features: { good: 1 }, label: i % 10 !== 0 })),
      ...Array.from({ length: 30 }, (_, i) => ({ features: { bad: 1 }, label: i % 10 === 0 })),
    ]
    const w = fitLogistic(examples)
    expect(w.good).toBeGreaterThan(1)
    expect(w.bad).toBeLessThan(-1)
  })

  it('keeps a feature seen only with successes finite', () => {
    const w = fitLogistic([{ features: { always: 1 }, label: true }])
    expect(Number.isFinite(w.always)).toBe(true)
  })
})
