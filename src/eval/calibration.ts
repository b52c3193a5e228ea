/** Calibration of the statement confidence: buckets against the share of right speakers, and a logistic fit. */

/** One scored statement: its predicted confidence, and whether its speakers matched the gold. */
export interface CalibrationSample {
  confidence: number
  correct: boolean
}

/** One bucket of predicted confidence: [from, to), the last one closed. */
export interface CalibrationRow {
  from: number
  to: number
  count: number
  correct: number
  /** Share of the bucket's statements whose speakers are right; null for an empty bucket. */
  fraction: number | null
  /** Mean predicted confidence in the bucket; null for an empty bucket. */
  mean: number | null
}

export const CALIBRATION_EDGES = [0, 0.2, 0.4, 0.6, 0.8, 1] as const

/**
 * Counts samples per confidence bucket (0–0.2, …, 0.8–1.0) with the share whose speakers are right.
 *
 * @example calibrate([{ confidence: 0.9, correct: true }])[4] // { from: 0.8, to: 1, count: 1, correct: 1, fraction: 1, mean: 0.9 }
 */
export function calibrate(samples: readonly CalibrationSample[]): CalibrationRow[] {
  const last = CALIBRATION_EDGES.length - 2
  const rows = CALIBRATION_EDGES.slice(0, -1).map((from, i) => ({
    from,
    to: CALIBRATION_EDGES[i + 1]!,
    count: 0,
    correct: 0,
    sum: 0,
  }))
  for (const s of samples) {
    const i = rows.findIndex((r, k) => s.confidence >= r.from && (s.confidence < r.to || k === last))
    const row = rows[i === -1 ? (s.confidence < 0 ? 0 : last) : i]!
    row.count++
    row.sum += s.confidence
    if (s.correct) row.correct++
  }
  const round = (x: number) => Math.round(x * 1000) / 1000
  return rows.map(({ sum, ...r }) => ({
    ...r,
    fraction: r.count ? round(r.correct / r.count) : null,
    mean: r.count ? round(sum / r.count) : null,
  }))
}

/**
 * Expected calibration error: the count-weighted mean gap between a bucket's mean confidence and its share
 * right; 0 is perfect.
 *
 * @example expectedCalibrationError(calibrate(samples)) // 0.031
 */
export function expectedCalibrationError(rows: readonly CalibrationRow[]): number {
  const n = rows.reduce((a, r) => a + r.count, 0)
  if (n === 0) return 0
  const gap = rows.reduce((a, r) => a + (r.count ? r.count * Math.abs(r.mean! - r.fraction!) : 0), 0)
  return Math.round((gap / n) * 1000) / 1000
}

/** One training example of the logistic fit: named features and the outcome. */
export interface FitExample {
  features: Readonly<Record<string, number>>
  label: boolean
}

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares) with a small ridge penalty,
 * which keeps rare features, seen only right or only wrong, finite: the weight of every feature that occurs.
 * Deterministic; converges in a few iterations for the dozen features of the confidence model.
 *
 * @example fitLogistic(examples)['path:named'] // 2.31
 */
export function fitLogistic(
  examples: readonly FitExample[],
  { iterations = 25, ridge = 1 }: { iterations?: number; ridge?: number } = {},
): Record<string, number> {
  const names = [...new Set(examples.flatMap((e) => Object.keys(e.features)))].sort()
  const d = names.length
  const rows = examples.map((e) => names.map((k) => e.features[k] ?? 0))
  let w = new Array<number>(d).fill(0)
  for (let it = 0; it < iterations; it++) {
    // Gradient and Hessian of the penalised negative log-likelihood.
    const g = w.map((x) => ridge * x)
    const h = names.map((_, i) => names.map((_, j) => (i === j ? ridge : 0)))
    rows.forEach((x, n) => {
      const p = 1 / (1 + Math.exp(-x.reduce((a, v, k) => a + v * w[k]!, 0)))
      const err = p - (examples[n]!.label ? 1 : 0)
      const s = p * (1 - p)
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue
        g[i]! += err * x[i]!
        for (let j = 0; j < d; j++) h[i]![j]! += s * x[i]! * x[j]!
      }
    })
    const step = solve(h, g)
    w = w.map((x, i) => x - step[i]!)
    if (Math.max(...step.map(Math.abs)) < 1e-6) break
  }
  return Object.fromEntries(names.map((k, i) => [k, Math.round(w[i]! * 100) / 100]))
}

/** Solves `a x = b` by Gaussian elimination with partial pivoting (`a` is symmetric positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]!])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r
    ;[m[c], m[p]] = [m[p]!, m[c]!]
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let sum = m[r]![n]!
    for (let k = r + 1; k < n; k++) sum -= m[r]![k]! * x[k]!
    x[r] = sum / m[r]![r]!
  }
  return x
}
