/** Highlight offsets, HTML with <mark>, and snippets cropped around the best match. */
import type { QueryPlan, SearchHit } from './search'
import { findPhrase } from './search'
import { memoizeBounded, processTerm, tokenize } from './text'

export type HighlightField = 'content' | 'text'

/** A matched word or phrase: UTF-16 offsets into that field of the statement. */
export interface Highlight {
  field: HighlightField
  start: number
  end: number
}

/** Words in a snippet, about. */
export const SNIPPET_WORDS = 30

// The tokens of the fields last shown: a page's highlights and its snippets read the same content,
// so each shown field is tokenized once. Small and cleared whole when full; never mutated.
const tokensOf = memoizeBounded(tokenize, 256)

function ranges(text: string, matched: ReadonlySet<string>, plan: QueryPlan): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = []
  if (matched.size > 0) {
    for (const token of tokensOf(text)) {
      const terms = processTerm(token.raw)
      if (terms?.some((t) => matched.has(t))) found.push({ start: token.start, end: token.end })
    }
  }
  for (const phrase of plan.phrases) found.push(...findPhrase(text, phrase))
  found.sort((a, b) => a.start - b.start || b.end - a.end)
  // Merge overlaps, so a word inside a phrase is marked once.
  const merged: { start: number; end: number }[] = []
  for (const r of found) {
    const last = merged[merged.length - 1]
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else merged.push({ ...r })
  }
  return merged
}

/**
 * Where the matched terms and phrases sit in the statement's content and text.
 *
 * @example highlightHit(hit, plan) // [{ field: 'content', start: 4, end: 13 }, ...]
 */
export function highlightHit(hit: SearchHit, plan: QueryPlan): Highlight[] {
  // MiniSearch's match says which fields each term matched in. The content field is the content's
  // own words, and the text field the sentence's words beyond them, so a term no field of which is
  // content can mark no word of the content, and one in neither content nor text no word of the
  // sentence: those fields need no tokenizing (phrases are looked for in both all the same).
  const matched = new Set<string>()
  let inContent = false
  let inText = false
  for (const term in hit.matches) {
    matched.add(term)
    const fields = hit.matches[term]!
    if (fields.includes('content')) inContent = true
    else if (fields.includes('text')) inText = true
  }
  const none: ReadonlySet<string> = new Set()
  const out: Highlight[] = []
  for (const r of ranges(hit.statement.content, inContent ? matched : none, plan)) out.push({ field: 'content', ...r })
  for (const r of ranges(hit.statement.text, inContent || inText ? matched : none, plan))
    out.push({ field: 'text', ...r })
  return out
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

/**
 * The field as HTML: everything escaped, matches wrapped in <mark>.
 *
 * @example markHtml('a < b', [{ field: 'content', start: 4, end: 5 }], 'content') // 'a &lt; <mark>b</mark>'
 */
export function markHtml(text: string, highlights: readonly Highlight[], field: HighlightField): string {
  let html = ''
  let at = 0
  for (const h of highlights) {
    if (h.field !== field || h.start < at) continue
    html += `${escapeHtml(text.slice(at, h.start))}<mark>${escapeHtml(text.slice(h.start, h.end))}</mark>`
    at = h.end
  }
  return html + escapeHtml(text.slice(at))
}

/**
 * The content cropped to about 30 words around the densest run of matches, with "…" where cut.
 *
 * @example snippet(longContent, highlights) // "…the best way to deal with areas where we disagree…"
 */
export function snippet(content: string, highlights: readonly Highlight[], words = SNIPPET_WORDS): string {
  const tokens = tokensOf(content)
  if (tokens.length <= words) return content
  const marks = highlights.filter((h) => h.field === 'content')
  // Pick the window of `words` tokens holding the most matched tokens; ties go to the earliest.
  const isMatch = tokens.map((t) => marks.some((m) => t.start < m.end && t.end > m.start))
  let best = 0
  let bestCount = -1
  let count = 0
  for (let i = 0; i < tokens.length; i++) {
    if (isMatch[i]) count++
    if (i >= words && isMatch[i - words]) count--
    const start = i - words + 1
    if (start >= 0 && count > bestCount) {
      bestCount = count
      best = start
    }
  }
  // Lead in with a few words of context before the first match in the window.
  const firstMatch = isMatch.indexOf(true, best)
  if (firstMatch >= 0 && firstMatch - best < 3) best = Math.max(0, firstMatch - 3)
  best = Math.min(best, tokens.length - words)
  const from = best === 0 ? 0 : tokens[best]!.start
  const last = tokens[best + words - 1]!
  const to = best + words >= tokens.length ? content.length : last.end
  return `${from > 0 ? '…' : ''}${content.slice(from, to).trim()}${to < content.length ? '…' : ''}`
}
