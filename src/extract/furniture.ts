/**
 * Page furniture: lines of a web page that are not article prose (headline, byline, time stamps, photo
 * captions and credits, contributor lines, masthead and section labels). Their words say nothing and
 * name nobody who speaks, so they give no statements, no speakers and no antecedents.
 */
import type { Paragraph } from './segment'

/** "By Ana Ruiz", "By Ana Ruiz and Li Wei, Tidewire": a byline (short, no sentence punctuation inside). */
const BYLINE = /^by\s+\p{Lu}[\p{L}.'’-]*(?:[\s,]+(?:and\s+|&\s+)?[\p{Lu}@][\p{L}.'’@-]*){0,9}\s*$/iu
/** "Published Aug. 3, 2024", "Updated 5:14 PM EDT", "Last updated: 10 June": a time stamp. */
const STAMP = /^(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified)(?:\s+on)?\s*:?\s*)(?=[\p{L}\d]).{0,60}$/iu
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
const DAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?'
/** "June 17, 2025", "17 June 2025", "2025-06-17": a date. */
const DATE = `(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|\\d{4}-\\d\\d-\\d\\d)`
/** ", 5:14 PM EDT", " at 10.30am": an optional time after the date. */
const CLOCK = '(?:[\\s,]+(?:at\\s+)?\\d{1,2}[:.]\\d\\d\\s*(?:[ap]\\.?m\\.?)?\\s*[A-Z]{0,4})?'
/** "June 17, 2025", "Thu October 9, 2025", "17 June 2025", "2025-06-17": a date on its own line. */
const DATE_LINE = new RegExp(`^(?:${DAY}\\s+)?${DATE}${CLOCK}\\.?$`, 'iu')
/** "Image: ...", "Photo by ...", "Credit: ...": a caption or credit label. */
const CAPTION_LABEL =
  /^(?:image|photo|photograph|picture|video|caption|credit|illustration|graphic|watch|listen|read more|related|advertisement)s?(?:\s+by\b|\s*[:|])/iu
/** "... in Hanoi in 2023. Nhan Sang/Getty Images", "... on Saturday. (Calder County Fire District)": a trailing picture credit. */
const TRAILING_CREDIT =
  /(?:[.!?]\s*\([\p{Lu}][^()]{1,60}\)|\s[\p{Lu}][\p{L}.'’ -]{1,40}\/\s?[\p{Lu}][\p{L} ]{1,30}|\b(?:Getty Images|AFP|AP Photo|Reuters|Shutterstock)\)?)\s*$/u
/** "— Tidewire's Li Wei contributed to this report.", "Additional reporting by Ana Ruiz": a credit line. */
const CONTRIBUTOR =
  /\b(?:contributed(?:\s+reporting|\s+to\s+this\s+(?:report|story|article))|(?:additional\s+)?reporting\s+by|editing\s+by|written\s+by|produced\s+by)\b/iu
/** "Editor's note: ...", "Correction: ...", "(Agencies)": a note from the desk, or a bracketed source line. */
const DESK_NOTE = /^(?:editors?['’]?s?\s+note|correction|clarification|update)\s*:|^\([^()]{1,40}\)\.?$/iu
const TERMINAL = /[.!?…]["”’')\]]*$/u
const QUOTE_MARKS = /["“”‘’«»]/u

/**
 * Page furniture by paragraph index: a `headline` (or standfirst) still tells what the story is about;
 * `other` lines do not.
 *
 * @example
 * // 'Port strike ends' / 'By Ana Ruiz' / 'Published Aug. 3, 2024' / 'The strike ended on Monday.' / ...
 * // → Map { 0 => 'headline', 1 => 'other', 2 => 'other' }
 */
export function findFurniture(text: string, paragraphs: readonly Paragraph[]): Map<number, 'headline' | 'other'> {
  const out = new Map<number, 'headline' | 'other'>()
  let body = false
  for (const p of paragraphs) {
    const line = text.slice(p.start, p.end).trim()
    const words = line.split(/\s+/).length
    const terminal = TERMINAL.test(line)
    // "Published Aug. 3, 2024" / "By Ana Ruiz and Li Wei" / "June 17, 2025"
    if ((STAMP.test(line) && !terminal) || BYLINE.test(line) || DATE_LINE.test(line)) {
      out.set(p.index, 'other')
      continue
    }
    // "Image: the harbour at dawn" / "Photo by Ana Ruiz" / "Editor's note: this story was updated." / "(Agencies)"
    if (CAPTION_LABEL.test(line) || DESK_NOTE.test(line)) {
      out.set(p.index, 'other')
      continue
    }
    // "A ferry leaves the harbour at dawn. Ana Ruiz/Tidewire": a caption signed by its credit, no speech in it.
    if (words <= 60 && !QUOTE_MARKS.test(line.replace(/(\p{L})[’'](\p{L})/gu, '$1$2')) && TRAILING_CREDIT.test(line)) {
      out.set(p.index, 'other')
      continue
    }
    // "— Tidewire's Li Wei in Porto contributed to this report."
    if (words <= 25 && CONTRIBUTOR.test(line)) {
      out.set(p.index, 'other')
      continue
    }
    // "The Dunmore Courier" / "World" / "Politics | Elections": a masthead or section label (a few capitalised words).
    if (
      words <= 5 &&
      !terminal &&
      /^[\p{Lu}\d][^.!?"“”:]*$/u.test(line) &&
      line
        .split(/[\s|·•/]+/)
        .filter(Boolean)
        .every((w) => /^(?:[\p{Lu}\d&]|of$|the$|and$|for$|in$|on$|a$)/u.test(w))
    ) {
      out.set(p.index, 'other')
      continue
    }
    // Before the body begins, a line with no sentence punctuation is a headline or standfirst:
    // "Mayor says the ferry will run again" above the article.
    if (!body && !terminal && !/^[—–-]/u.test(line) && paragraphs.length > 2) {
      out.set(p.index, 'headline')
      continue
    }
    if (terminal || /^[—–-]/u.test(line)) body = true
  }
  return out
}
