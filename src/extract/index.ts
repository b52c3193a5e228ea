/** Statement extraction: segments an article, finds attributions, resolves speakers and emits statements. */
import type { ArticleInput, ExtractOptions, ExtractResult, Statement } from '../types'
import { analyseArticle, findArticleAttributions } from './analysis'
import { Discourse } from './coreference'
import { addNarration, draftStatements } from './drafts'
import { toStatements } from './statements'
import { buildTimeline } from './timeline'

export { CUE_VERBS } from './cues'

const MAX_WARNINGS_PER_KIND = 5

/**
 * Extracts who-said-what statements from an article. Pure: no I/O; never throws (problems become warnings).
 *
 * @example
 * const { statements } = extractStatements({ id: 'a1', text: '"We will win," Smith said.', date: null })
 * // statements[0]: { kind: 'direct', content: 'We will win,', speakers: [{ name: 'Smith', ... }], cue: 'said', ... }
 */
export function extractStatements(article: ArticleInput, options: ExtractOptions = {}): ExtractResult {
  const warnings: string[] = []
  try {
    const statements = extract(article, options, warnings)
    return { statements, warnings: capWarnings(warnings) }
  } catch (err) {
    warnings.push(`extraction failed, article skipped: ${err instanceof Error ? err.message : String(err)}`)
    return { statements: [], warnings: capWarnings(warnings) }
  }
}

/** Keeps the first few warnings of each kind, so an odd 1 MB file yields a readable list. */
function capWarnings(warnings: readonly string[]): string[] {
  const perKind = new Map<string, number>()
  const out: string[] = []
  for (const w of warnings) {
    const kind = w.replace(/\d+/g, '#').replace(/"[^"]*"/g, '""')
    const n = (perKind.get(kind) ?? 0) + 1
    perKind.set(kind, n)
    if (n <= MAX_WARNINGS_PER_KIND) out.push(w)
  }
  for (const [kind, n] of perKind)
    if (n > MAX_WARNINGS_PER_KIND) out.push(`${n - MAX_WARNINGS_PER_KIND} more like: ${kind}`)
  return out
}

function extract(article: ArticleInput, options: ExtractOptions, warnings: string[]): Statement[] {
  const text = typeof article.text === 'string' ? article.text : ''
  if (text.trim() === '') {
    warnings.push('article text is empty')
    return []
  }
  const a = analyseArticle(text, options, warnings)
  const items = buildTimeline(a, findArticleAttributions(a))
  const discourse = new Discourse(a.registry, a.liveMentions)
  // "Corvane shares slide as demand cools" above the story: the headline's subject is what "the company" later means.
  for (const m of a.liveMentions)
    if (m.subject && !m.inQuote && a.furniture.get(a.sentences[m.sentence]!.paragraph) === 'headline')
      discourse.noteTopic(m)
  const drafts = draftStatements(a, items, discourse)
  warnings.push(...discourse.warnings)
  // Every sentence no statement covers is narration.
  addNarration(drafts, a)
  drafts.sort(
    (x, y) =>
      (x.pieces[0]?.start ?? x.extentStart) - (y.pieces[0]?.start ?? y.extentStart) || x.extentStart - y.extentStart,
  )
  return toStatements(article, a, drafts, discourse, options)
}
