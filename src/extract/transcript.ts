/** Q&A transcripts: paragraphs opened by a speaker label ("Q:", "BLINKEN:", "VALCÁRCEL:", "**Price:**"). */
import { ANONYMOUS_LABELS, LABEL_FURNITURE } from './lexicon'
import type { Paragraph } from './segment'

export interface TranscriptTurn {
  paragraph: number
  label: string
  /** Content: the paragraph after the label. */
  start: number
  end: number
  /** Unlabelled paragraphs after this one that go on with the same answer. */
  more: { paragraph: number; start: number; end: number }[]
  /** "Q"/"A" style labels name nobody. */
  anonymous: boolean
}

// "Q:", "A:", "BLINKEN:", "SECRETARY BLINKEN:", "VALCÁRCEL:", "MR. PRICE:", "Mr. Price:", "**Fischer:**", "Nadia Fischer:".
const BOLD = String.raw`(?:\*\*|__)?`
const LABEL_NAME = [
  'Q|A|QUESTION|ANSWER|INTERVIEWER',
  String.raw`\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,40}[\p{Lu}\p{M}.]`,
  String.raw`(?:Mr|Mrs|Ms|Dr|Prof)\.? \p{Lu}[\p{L}\p{M}'’-]+`,
  String.raw`\p{Lu}[\p{Ll}\p{M}'’-]+(?: \p{Lu}[\p{Ll}\p{M}'’-]+){0,2}`,
].join('|')
const LABEL = new RegExp(String.raw`^${BOLD}(${LABEL_NAME})${BOLD}\s*:${BOLD}\s+(?=\S)`, 'u')
// "“Every time we went down, we found something.”": a paragraph that is one quotation is a pull quote, not an answer.
const WHOLE_QUOTE = /^["“‘'«][\s\S]*["”’'»]$/u
const ENDS_SENTENCE = /[.!?…"”’)]$/u
const MAX_ANSWER_PARAGRAPHS = 8

/**
 * Labelled turns, or none: a single label is a dateline ("WASHINGTON: ..."), so transcript mode needs
 * at least two labelled paragraphs and a label that repeats or is a Q/A label.
 *
 * @example
 * // 'Q: Will the talks go on?' / 'BLINKEN: They will.' / 'Q: When?' / 'BLINKEN: Soon.'
 * // → four turns; the Q turns are anonymous, BLINKEN's content is 'They will.' and 'Soon.'
 */
export function findTranscriptTurns(text: string, paragraphs: readonly Paragraph[]): TranscriptTurn[] {
  const turns: TranscriptTurn[] = []
  const mixedCase = new Set<string>()
  for (const p of paragraphs) {
    const head = text.slice(p.start, Math.min(p.end, p.start + 60))
    const m = LABEL.exec(head)
    if (m === null || p.start + m[0].length >= p.end) continue
    const label = m[1]!.trim()
    if (label !== label.toUpperCase()) {
      if (
        LABEL_FURNITURE.has(label.toLowerCase()) ||
        label.split(' ').some((w) => LABEL_FURNITURE.has(w.toLowerCase()))
      )
        continue
      mixedCase.add(label)
    }
    turns.push({
      paragraph: p.index,
      label,
      start: p.start + m[0].length,
      end: p.end,
      more: [],
      anonymous: ANONYMOUS_LABELS.has(label.toUpperCase()),
    })
  }
  if (turns.length < 2) return []
  const counts = new Map<string, number>()
  for (const t of turns) counts.set(t.label.toUpperCase(), (counts.get(t.label.toUpperCase()) ?? 0) + 1)
  // A speaker label repeats (or is Q/A); a mixed-case one must also name someone the article mentions outside labels.
  const namedMemo = new Map<string, boolean>()
  const named = (label: string) => {
    let hit = namedMemo.get(label)
    if (hit === undefined) {
      const word = label.split(' ').pop()!
      let n = 0
      for (
        let at = text.indexOf(word);
        at >= 0 && n <= (counts.get(label.toUpperCase()) ?? 0);
        at = text.indexOf(word, at + word.length)
      )
        n++
      hit = n > (counts.get(label.toUpperCase()) ?? 0)
      namedMemo.set(label, hit)
    }
    return hit
  }
  const kept = turns.filter(
    (t) => t.anonymous || ((counts.get(t.label.toUpperCase()) ?? 0) > 1 && (!mixedCase.has(t.label) || named(t.label))),
  )
  if (kept.length < 2) return []
  // An answer running over several paragraphs: unlabelled prose paragraphs between two turns belong to the earlier one.
  for (let i = 0; i + 1 < kept.length; i++) {
    const t = kept[i]!
    // A long unlabelled stretch is the article going on, not one answer.
    if (kept[i + 1]!.paragraph - t.paragraph > MAX_ANSWER_PARAGRAPHS) continue
    for (let k = t.paragraph + 1; k < kept[i + 1]!.paragraph; k++) {
      const p = paragraphs[k]!
      const body = text.slice(p.start, p.end)
      if (WHOLE_QUOTE.test(body) || !ENDS_SENTENCE.test(body)) continue
      t.more.push({ paragraph: k, start: p.start, end: p.end })
    }
  }
  return kept
}
