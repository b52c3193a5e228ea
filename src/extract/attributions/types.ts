/** The shapes attribution finding passes around: the context, a finished attribution, a candidate being built. */
import type { Span, StatementKind } from '../../types'
import type { CueMatch } from '../cues'
import type { QuoteUnit } from '../quotes'
import type { Paragraph } from '../segment'
import type { ParseContext, SpeakerPhrase } from '../speakers'
import type { Token } from '../tokens'

export interface AttributionContext extends ParseContext {
  units: readonly QuoteUnit[]
  paragraphs: readonly Paragraph[]
}

/** A statement before speaker resolution. */
export interface Attribution {
  sentence: number
  cue: string
  subject: SpeakerPhrase | null
  /** The speaker is the previous attribution's in the same sentence ("..., adding that ..."). */
  inherit: boolean
  kind: Exclude<StatementKind, 'narration'>
  pieces: Span[]
  /** Quote units this statement uses. */
  units: number[]
  extentStart: number
  extentEnd: number
  /** A relaying channel: "Xinhua reported that ...", "..., according to Xinhua". */
  via: SpeakerPhrase | null
  /** Where the speaker mention sits: salience before this point counts for its pronoun. */
  pos: number
  /** A refusal ("declined to comment"): its speaker stays salient, but nothing was said. */
  decline: boolean
}

export interface Candidate {
  cue: CueMatch
  /** The cue as reported: the cue phrase, with the audience of "told". */
  phrase: string
  subject: SpeakerPhrase | null
  inherit: boolean
  inverted: boolean
  /** First token of the attributing clause: the subject, or the cue when the subject is elsewhere. */
  clauseTok: number
  /** Token after the tag ("Han said", "said Han"). */
  tagEnd: number
  /** Start of the punctuation/conjunction that separates this clause from the previous one, if any. */
  boundaryTok: number | null
  /** Forward content token range, once known. */
  fwd: [number, number] | null
  /** Content token range before the tag (`C, X added.`), once known. */
  bwd: [number, number] | null
  pieces: Span[]
  kind: Exclude<StatementKind, 'narration'>
  units: number[]
  via: SpeakerPhrase | null
  dropped: boolean
  extentStart: number
  extentEnd: number
}

/** Starts a candidate for a cue, before its content is known. */
export function newCandidate(
  cue: CueMatch,
  subject: SpeakerPhrase | null,
  inherit: boolean,
  inverted: boolean,
  clauseTok: number,
  tagEnd: number,
): Candidate {
  return {
    cue,
    phrase: cue.phrase,
    subject,
    inherit,
    inverted,
    clauseTok,
    tagEnd,
    boundaryTok: null,
    fwd: null,
    bwd: null,
    pieces: [],
    kind: 'indirect',
    units: [],
    via: null,
    dropped: false,
    extentStart: 0,
    extentEnd: 0,
  }
}

/** A word or number outside quotations. */
export const isWord = (t: Token | undefined): boolean =>
  t !== undefined && (t.type === 'word' || t.type === 'number') && t.quote < 0
/** An opening quotation mark. */
export const isOpen = (t: Token | undefined) => t !== undefined && t.mark === 'open'
/** A closing quotation mark. */
export const isClose = (t: Token | undefined) => t !== undefined && t.mark === 'close'
