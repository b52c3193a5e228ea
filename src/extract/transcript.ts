/** Q&A transcripts: paragraphs opened by a speaker label ("Q:", "BLINKEN:", "MR. PRICE:"). */
import type { Paragraph } from './segment'

export interface TranscriptTurn {
  paragraph: number
  label: string
  /** Content: the paragraph after the label. */
  start: number
  end: number
  /** "Q"/"A" style labels name nobody. */
  anonymous: boolean
}

// "Q:", "A:", "BLINKEN:", "SECRETARY BLINKEN:", "MR. PRICE:", "Mr. Price:".
const LABEL = /^(Q|A|QUESTION|ANSWER|INTERVIEWER|[A-Z][A-Z.'’\- ]{1,40}[A-Z.]|(?:Mr|Mrs|Ms|Dr)\.? [A-Z][\p{L}'’-]+)\s*:\s+(?=\S)/u
const ANONYMOUS = new Set(['Q', 'A', 'QUESTION', 'ANSWER', 'INTERVIEWER'])

/**
 * Labelled turns, or none: a single label is a dateline ("WASHINGTON: ..."), so transcript mode needs
 * at least two labelled paragraphs and a label that repeats or is a Q/A label.
 */
export function findTranscriptTurns(text: string, paragraphs: readonly Paragraph[]): TranscriptTurn[] {
  const turns: TranscriptTurn[] = []
  for (const p of paragraphs) {
    const head = text.slice(p.start, Math.min(p.end, p.start + 60))
    const m = LABEL.exec(head)
    if (m === null || p.start + m[0].length >= p.end) continue
    const label = m[1]!.trim()
    turns.push({ paragraph: p.index, label, start: p.start + m[0].length, end: p.end, anonymous: ANONYMOUS.has(label.toUpperCase()) })
  }
  if (turns.length < 2) return []
  const counts = new Map<string, number>()
  for (const t of turns) counts.set(t.label.toUpperCase(), (counts.get(t.label.toUpperCase()) ?? 0) + 1)
  const repeated = [...counts.values()].some(n => n > 1)
  return repeated || turns.some(t => t.anonymous) ? turns : []
}
