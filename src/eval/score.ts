/** Scores predicted statements against hand-annotated gold: content, attribution and kind, per article and micro-averaged. */

/** Tokens that never identify a speaker on their own: "the", "Mr", "said" ... */
export const SPEAKER_STOP_WORDS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'of',
  'us',
  'u.s.',
  'said',
  'mr',
  'ms',
  'mrs',
  'dr',
])

/** Content token F1 at or above which a prediction and a gold statement are the same statement. */
export const CONTENT_MATCH_F1 = 0.5

/** A gold speaker: one name, or every acceptable name of one speaker (aliases from a coreference chain). */
export type GoldSpeaker = string | readonly string[]

/** One hand-annotated statement. */
export interface GoldStatement {
  /** [] for a quote nobody is named for: such a statement can match content but never attribution. */
  speakers: readonly GoldSpeaker[]
  kind: string
  cue?: string | null
  content: string
}

/** A gold file: the statements an extractor must find, and optional ones it may find without penalty. */
export interface Gold {
  article: string
  statements: readonly GoldStatement[]
  /** Matching one neither counts as a hit nor as a false positive. */
  optional?: readonly GoldStatement[]
}

/** A predicted speaker: a name, or a record whose `name`, `label` or `id` names it. */
export type PredictedSpeaker = string | { name?: string | null; label?: string | null; id?: string | null } | null

/** A predicted statement; our `Statement` is one, and so is any record with these fields. */
export interface Prediction {
  speakers?: PredictedSpeaker | readonly PredictedSpeaker[] | null
  speaker?: PredictedSpeaker
  kind?: string | null
  content?: unknown
}

/** The scores of one article, field for field what the reference scorer prints. */
export interface ArticleScore {
  article: string
  gold: number
  /** Scored predictions: narration, speakerless ones and those matching an optional gold record are left out. */
  predicted: number
  content_f1: number
  attribution_p: number
  attribution_r: number
  attribution_f1: number
  /** Share of content matches whose kind is right; 0 when nothing matched. */
  kind_acc: number
  counts: { gold: number; predicted: number; content_tp: number; attribution_tp: number; kind_ok: number }
}

/** Micro averages over a set of articles: an article's scores without its name and raw counts. */
export type MicroScore = Omit<ArticleScore, 'article' | 'counts'>

// Curly apostrophes and quotes become straight ones, so "Biden’s" and "Biden's" are one token.
const normalize = (s: string) => s.normalize('NFKC').replace(/[’‘]/g, "'").replace(/[“”]/g, '"')

/**
 * Splits text into lower-case word tokens (letters, digits and apostrophes).
 *
 * @example tokenize('“Don’t,” she said.') // ["don't", 'she', 'said']
 */
export function tokenize(text: string): string[] {
  return (
    normalize(text)
      .toLowerCase()
      .match(/[\p{L}\p{N}']+/gu) ?? []
  )
}

/**
 * Token-overlap F1 of two texts (bag of words), 0 when either has no tokens.
 *
 * @example tokenF1('talks broke down', 'the talks broke down') // 0.857
 */
export function tokenF1(a: string, b: string): number {
  const A = tokenize(a)
  const B = tokenize(b)
  if (!A.length || !B.length) return 0
  const counts = new Map<string, number>()
  for (const t of B) counts.set(t, (counts.get(t) ?? 0) + 1)
  let common = 0
  for (const t of A) {
    const c = counts.get(t) ?? 0
    if (c > 0) {
      common++
      counts.set(t, c - 1)
    }
  }
  if (!common) return 0
  const p = common / A.length
  const r = common / B.length
  return (2 * p * r) / (p + r)
}

/**
 * Tells whether a predicted name names a gold speaker: same surname for names of up to three words,
 * else at least 60% of the shorter name's significant words shared.
 *
 * @example matchSpeakerName('Antony Blinken', 'Secretary of State Blinken') // true
 */
export function matchSpeakerName(gold: string, predicted: string): boolean {
  const G = tokenize(gold).filter((t) => !SPEAKER_STOP_WORDS.has(t))
  const P = tokenize(predicted).filter((t) => !SPEAKER_STOP_WORDS.has(t))
  if (!G.length || !P.length) return false
  // Persons are matched by surname; a long organisation name needs most of its words.
  const last = G[G.length - 1]!
  if (P.includes(last) && G.length <= 3) return true
  const shared = G.filter((t) => P.includes(t)).length
  return shared / Math.min(G.length, P.length) >= 0.6
}

const namesOf = (g: GoldSpeaker): readonly string[] => (typeof g === 'string' ? [g] : g)
const matchGoldSpeaker = (g: GoldSpeaker, p: string) => namesOf(g).some((name) => matchSpeakerName(name, p))

/**
 * Tells whether two speaker lists name the same people: every gold speaker is predicted and every
 * predicted speaker is in the gold. An empty list on either side never matches.
 *
 * @example matchSpeakers([['Han Zheng', 'Han']], ['Vice President Han Zheng']) // true
 */
export function matchSpeakers(gold: readonly GoldSpeaker[], predicted: readonly string[]): boolean {
  return (
    gold.length > 0 &&
    predicted.length > 0 &&
    gold.every((g) => predicted.some((p) => matchGoldSpeaker(g, p))) &&
    predicted.every((p) => gold.some((g) => matchGoldSpeaker(g, p)))
  )
}

/**
 * The speaker names of a prediction, from `speakers` (a list or one) or `speaker`, empty ones dropped.
 *
 * @example listSpeakerNames({ speakers: [{ name: 'Han Zheng' }, 'Antony Blinken'] }) // ['Han Zheng', 'Antony Blinken']
 */
export function listSpeakerNames(prediction: Prediction): string[] {
  const raw = prediction.speakers ?? (prediction.speaker != null ? [prediction.speaker] : [])
  const list: readonly PredictedSpeaker[] = Array.isArray(raw) ? raw : [raw as PredictedSpeaker]
  return list
    .map((x) => (typeof x === 'string' ? x : (x?.name ?? x?.label ?? x?.id ?? '')))
    .filter((name): name is string => Boolean(name))
}

const speakerList = (gold: readonly GoldSpeaker[]) =>
  gold.map((g) => (typeof g === 'string' ? g : g.join(','))).join(',')

/** One prediction matched to a gold record by content. */
export interface StatementMatch {
  /** Index into the predictions as given. */
  prediction: number
  /** Index into `gold.statements`, or into `gold.optional` when `optional`. */
  gold: number
  optional: boolean
  /** Content token F1 of the pair. */
  f1: number
  /** The speakers match too (always false for an optional record). */
  speakerOk: boolean
  kindOk: boolean
}

/** Indices of the predictions the scorer scores: attributed (not narration), with a speaker and content. */
function scoredIndices(predictions: readonly Prediction[]): number[] {
  return predictions.flatMap((r, i) =>
    r && (r.kind ?? '') !== 'narration' && listSpeakerNames(r).length > 0 && typeof r.content === 'string' ? [i] : [],
  )
}

/**
 * Matches predictions to gold statements greedily by content token F1 (≥ 0.5, best first; ties keep
 * prediction order), exactly as `scoreArticle` does, and says for each match whether its speakers and
 * kind are right: per-statement results, e.g. to check a confidence against.
 *
 * @example matchStatements(gold, statements).filter((m) => !m.optional && m.speakerOk).length // attribution hits
 */
export function matchStatements(gold: Gold, predictions: readonly Prediction[]): StatementMatch[] {
  const P = scoredIndices(predictions)
  const G = gold.statements
  const candidates = [...G, ...(gold.optional ?? [])]
  // Every pair worth matching, best overlap first; the sort is stable, so ties keep prediction order.
  const pairs: [f: number, i: number, j: number][] = []
  P.forEach((pi, i) => {
    candidates.forEach((g, j) => {
      const f = tokenF1(predictions[pi]!.content as string, g.content)
      if (f >= CONTENT_MATCH_F1) pairs.push([f, i, j])
    })
  })
  pairs.sort((a, b) => b[0] - a[0])
  const usedP = new Set<number>()
  const usedG = new Set<number>()
  const matches: StatementMatch[] = []
  for (const [f, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue
    usedP.add(i)
    usedG.add(j)
    const p = predictions[P[i]!]!
    const optional = j >= G.length
    matches.push({
      prediction: P[i]!,
      gold: optional ? j - G.length : j,
      optional,
      f1: f,
      speakerOk: !optional && matchSpeakers(G[j]!.speakers, listSpeakerNames(p)),
      kindOk: !optional && p.kind === G[j]!.kind,
    })
  }
  return matches
}

/**
 * Scores one article: predictions are matched greedily to gold statements by content token F1 (≥ 0.5, best
 * first); a match counts for attribution when its speakers match too. Narration and predictions without a
 * speaker are not scored; matching an optional gold record is neither rewarded nor punished. `lines` are the
 * per-statement OK/SPK/KND/MISS/EXTRA lines of the reference scorer's `--verbose`.
 *
 * @example scoreArticle(gold, extractStatements(article, context).statements).score.attribution_f1
 */
export function scoreArticle(gold: Gold, predictions: readonly Prediction[]): { score: ArticleScore; lines: string[] } {
  const P = scoredIndices(predictions)
  const G = gold.statements
  const matches = matchStatements(gold, predictions)
  const usedP = new Set(matches.map((m) => m.prediction))
  const usedG = new Set(matches.filter((m) => !m.optional).map((m) => m.gold))

  let contentTp = 0
  let attributionTp = 0
  let kindOk = 0
  let optionalMatched = 0
  const lines: string[] = []
  for (const { prediction, gold: j, optional, f1: f, speakerOk } of matches) {
    if (optional) {
      optionalMatched++
      continue
    }
    contentTp++
    const p = predictions[prediction]!
    const g = G[j]!
    const names = listSpeakerNames(p)
    if (speakerOk) attributionTp++
    if (p.kind === g.kind) kindOk++
    lines.push(
      `${speakerOk ? 'OK ' : 'SPK'} ${p.kind === g.kind ? '   ' : 'KND'} f=${f.toFixed(2)} gold=[${speakerList(g.speakers)}] ${g.kind} pred=[${names}] ${p.kind} :: ${g.content.slice(0, 60)}`,
    )
  }
  const nP = P.length - optionalMatched
  const nG = G.length
  for (const [j, g] of G.entries())
    if (!usedG.has(j)) lines.push(`MISS gold=[${speakerList(g.speakers)}] ${g.kind} :: ${g.content.slice(0, 70)}`)
  for (const i of P) {
    const p = predictions[i]!
    if (!usedP.has(i))
      lines.push(`EXTRA pred=[${listSpeakerNames(p)}] ${p.kind} :: ${(p.content as string).slice(0, 70)}`)
  }

  const prf = (tp: number) => {
    const p = nP ? tp / nP : 0
    const r = nG ? tp / nG : 0
    return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 }
  }
  // toFixed, not Math.round: the reference rounds this way, and the two differ on halves like 0.0005.
  const round = (x: number) => +x.toFixed(3)
  const content = prf(contentTp)
  const attribution = prf(attributionTp)
  return {
    score: {
      article: gold.article,
      gold: nG,
      predicted: nP,
      content_f1: round(content.f1),
      attribution_p: round(attribution.p),
      attribution_r: round(attribution.r),
      attribution_f1: round(attribution.f1),
      kind_acc: contentTp ? round(kindOk / contentTp) : 0,
      counts: {
        gold: nG,
        predicted: nP,
        content_tp: contentTp,
        attribution_tp: attributionTp,
        kind_ok: kindOk,
      },
    },
    lines,
  }
}

/**
 * Micro averages: counts summed over the articles, then precision, recall and F1 from the sums.
 *
 * @example averageScores(results.map((r) => r.score)).attribution_f1
 */
export function averageScores(scores: readonly ArticleScore[]): MicroScore {
  const sum = (k: keyof ArticleScore['counts']) => scores.reduce((a, s) => a + s.counts[k], 0)
  const gold = sum('gold')
  const predicted = sum('predicted')
  const contentTp = sum('content_tp')
  const attributionTp = sum('attribution_tp')
  const f1 = (tp: number) => (predicted + gold ? (2 * tp) / (predicted + gold) : 0)
  const round = (x: number) => Math.round(x * 1000) / 1000
  return {
    gold,
    predicted,
    content_f1: round(f1(contentTp)),
    attribution_p: round(predicted ? attributionTp / predicted : 0),
    attribution_r: round(gold ? attributionTp / gold : 0),
    attribution_f1: round(f1(attributionTp)),
    kind_acc: round(contentTp ? sum('kind_ok') / contentTp : 0),
  }
}
