/** How sure the extractor is of a statement's speakers: a small logistic model over how each was resolved. */
import type { Speaker, StatementKind } from '../types'

/**
 * How a speaker was found:
 * - `named`: a name next to the cue ("Blinken said"), or a transcript label;
 * - `registry-alias`: a registry alias that is not the entity's name ("America's top diplomat said");
 * - `pronoun`: "he said", resolved by gender and number to a salient antecedent;
 * - `anaphor`: a definite description resolved to a named entity ("the department", "the secretary");
 * - `description`: an unnamed source that is its own speaker ("a senior official", "officials");
 * - `continuation`: no mention at all, the speaker of the statement it continues (a follow-on quote);
 * - `none`: nobody was found.
 */
export const RESOLUTION_PATHS = [
  'named',
  'registry-alias',
  'pronoun',
  'anaphor',
  'description',
  'continuation',
  'none',
] as const
export type ResolutionPath = (typeof RESOLUTION_PATHS)[number]

/** The features of one speaker's resolution, recorded by the draft walk where it resolves the speaker. */
export interface Resolution {
  path: ResolutionPath
  /** Sentences between the statement and the antecedent (or the statement continued); 0 for a name. */
  distance: number
  /** Other salient entities the mention could have meant: same gender and number, same type, same surname. */
  competitors: number
  /** For a continuation: how the statement it continues found its speaker. */
  continues?: Resolution
}

/**
 * The weights, in log-odds, fitted by logistic regression on PolNeAR train (`npm run eval -- --gold
 * polnear/train --fit`, 7,446 statements matched by content): the confidence is `sigmoid(path + distance ×
 * perSentence + competitors × perCompetitor + vague + joint + kind)`. A continuation adds its own path and
 * distance to the terms of the statement it continues. Distance is capped at MAX_DISTANCE sentences.
 */
export const CONFIDENCE_WEIGHTS = {
  path: {
    named: 3.25,
    'registry-alias': 2.59,
    pronoun: 0.77,
    anaphor: -1.14,
    description: 3.02,
    continuation: -0.45,
    none: Number.NEGATIVE_INFINITY,
  } satisfies Record<ResolutionPath, number>,
  perSentence: -0.13,
  /** Fitted near zero: on PolNeAR, other fitting antecedents hardly change a pronoun's odds once distance counts. */
  perCompetitor: -0.04,
  /** A group ("officials") or a speaker of unknown type: a little less often right than a named one. */
  vague: -0.28,
  /** More than one speaker ("Mr. Chen and Dr. Chen said"): joint subjects are often half wrong. */
  joint: -1.91,
  /** Indirect is the baseline. */
  kind: { direct: 0.28, mixed: 0, indirect: 0, narration: 0 } satisfies Record<StatementKind, number>,
}
export type ConfidenceWeights = typeof CONFIDENCE_WEIGHTS

export const MAX_DISTANCE = 8

/** The model's inputs for one statement, as named features: what `--fit` regresses on. */
export function confidenceFeatures(
  resolutions: readonly Resolution[],
  kind: StatementKind,
  speakers: readonly Speaker[],
): Record<string, number>[] {
  const common: Record<string, number> = {
    vague: speakers.some((s) => s.type === 'group' || s.type === 'unknown') ? 1 : 0,
    joint: speakers.length > 1 ? 1 : 0,
    [`kind:${kind}`]: 1,
  }
  return resolutions.map((r) => {
    const f: Record<string, number> = { ...common }
    for (let x: Resolution | undefined = r; x !== undefined; x = x.continues) {
      f[`path:${x.path}`] = (f[`path:${x.path}`] ?? 0) + 1
      f.distance = (f.distance ?? 0) + Math.min(x.distance, MAX_DISTANCE)
      f.competitors = (f.competitors ?? 0) + x.competitors
    }
    return f
  })
}

/** The log-odds of a feature vector under the weights. */
export function confidenceLogit(
  f: Readonly<Record<string, number>>,
  w: ConfidenceWeights = CONFIDENCE_WEIGHTS,
): number {
  let z = 0
  for (const [name, value] of Object.entries(f)) {
    if (value === 0) continue
    const [group, key] = name.split(':') as [string, string | undefined]
    if (group === 'path') z += w.path[key as ResolutionPath] * value
    else if (group === 'kind') z += w.kind[key as StatementKind] * value
    else if (group === 'distance') z += w.perSentence * value
    else if (group === 'competitors') z += w.perCompetitor * value
    else if (group === 'vague') z += w.vague * value
    else if (group === 'joint') z += w.joint * value
  }
  return z
}

/**
 * The confidence (0–1, two decimals) that a statement's speakers are right: the weakest of its speakers'
 * resolutions; null for narration, which has no speaker; 0 for a quotation nobody was found for.
 *
 * @example
 * statementConfidence([{ path: 'named', distance: 0, competitors: 0 }], 'direct', [{ id: 'a', name: 'A', type: 'person' }]) // 0.97
 */
export function statementConfidence(
  resolutions: readonly Resolution[],
  kind: StatementKind,
  speakers: readonly Speaker[],
  w: ConfidenceWeights = CONFIDENCE_WEIGHTS,
): number | null {
  if (kind === 'narration') return null
  if (speakers.length === 0 || resolutions.length === 0) return 0
  const z = Math.min(...confidenceFeatures(resolutions, kind, speakers).map((f) => confidenceLogit(f, w)))
  return z === Number.NEGATIVE_INFINITY ? 0 : Math.round(100 / (1 + Math.exp(-z))) / 100
}
