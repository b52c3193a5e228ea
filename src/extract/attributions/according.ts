/** The source of "according to": the phrase up to the comma at a clause's head, or any noun phrase as a last resort. */
import type { CueMatch } from '../cues'
import { CONJUNCTIONS, DEFINITE_DETERMINERS, NP_DETERMINERS, RELATIVES } from '../lexicon'
import type { Sentence } from '../segment'
import { parsePhraseAfter, type SpeakerPhrase } from '../speakers'
import type { AttributionContext } from './types'

const MAX_SOURCE_TOKENS = 12
const CLAUSE_STOPS = new Set([',', ';', ':', '.', '!', '?', '(', '—', '–'])

/**
 * The source an "according to" cue names, or null.
 *
 * @example
 * // 'According to Ada Moss, the ferry runs late.' → Ada Moss (the clause after the comma is the content, no appositive)
 * // 'The ferry ran late, according to early returns.' → description "early returns"
 */
export function accordingSource(ctx: AttributionContext, s: Sentence, cue: CueMatch): SpeakerPhrase | null {
  const { tokens } = ctx
  const prev = tokens[cue.tokStart - 1]
  const opens =
    cue.tokStart === s.tokStart ||
    (cue.tokStart === s.tokStart + 1 && prev !== undefined && CONJUNCTIONS.has(prev.norm))
  // "According to Ada Moss, the ferry runs late": at a clause's head the source ends at its comma, and what follows
  // is the content, not an appositive ("According to Ada Moss, a pilot, the ferry ..." keeps the appositive).
  const hi = opens ? sourceEnd(ctx, cue.tokEnd, s.tokEnd) : s.tokEnd
  const np = parsePhraseAfter(ctx, cue.tokEnd, hi)
  // "According to a Reuters/Ipsos poll, ...": a name inside the source is not all of it.
  if (np !== null && (!opens || np.tokEnd >= hi)) return np
  return looseSource(ctx, cue.tokEnd, hi) ?? np
}

/** The end of a clause-opening source: its comma, or the comma after a short appositive ("Ada Moss, a pilot,"). */
function sourceEnd(ctx: AttributionContext, from: number, hi: number): number {
  const comma = nextStop(ctx, from, hi)
  const { tokens } = ctx
  const det = tokens[comma + 1]
  if (tokens[comma]?.text !== ',' || det === undefined || !(det.norm === 'a' || det.norm === 'an')) return comma
  const second = nextStop(ctx, comma + 1, hi)
  return tokens[second]?.text === ',' && second - comma <= MAX_SOURCE_TOKENS ? second : comma
}

/** The first clause stop outside quotations at or after `from`, or `hi`. */
function nextStop(ctx: AttributionContext, from: number, hi: number): number {
  const { tokens } = ctx
  for (let k = from; k < hi; k++) if (tokens[k]!.quote < 0 && CLAUSE_STOPS.has(tokens[k]!.text)) return k
  return hi
}

/**
 * "according to a Reuters/Ipsos poll", "according to complete but unofficial returns": a source no speaker rule
 * reads is still the source; it speaks as a description of itself.
 */
function looseSource(ctx: AttributionContext, a: number, hi: number): SpeakerPhrase | null {
  const { tokens, text } = ctx
  let b = a
  while (b < hi && b - a < MAX_SOURCE_TOKENS && !(tokens[b]!.quote < 0 && CLAUSE_STOPS.has(tokens[b]!.text))) {
    if (b > a && tokens[b]!.type === 'word' && tokens[b]!.quote < 0 && RELATIVES.has(tokens[b]!.norm)) break
    b++
  }
  if (b === a || b - a >= MAX_SOURCE_TOKENS || tokens[b - 1]!.type !== 'word') return null
  const first = tokens[a]!
  const last = tokens[b - 1]!
  const phrase = text.slice(first.start, last.end)
  const words = tokens
    .slice(NP_DETERMINERS.has(first.norm) ? a + 1 : a, b)
    .filter((t) => t.type === 'word')
    .map((t) => t.norm)
  return {
    start: first.start,
    end: last.end,
    tokStart: a,
    tokEnd: b,
    text: phrase,
    parts: [
      {
        kind: 'description',
        tokStart: a,
        tokEnd: b,
        start: first.start,
        end: last.end,
        text: phrase,
        mention: null,
        alias: null,
        words,
        head: last.norm,
        definite: DEFINITE_DETERMINERS.has(first.norm),
        plural: false,
        description: null,
      },
    ],
  }
}
