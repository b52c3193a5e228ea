/** Editorial corrections (`data/corrections.json`) applied to extracted statements: set a speaker or kind, drop, add. */
import type { Correction, CorrectionSpeaker, RegistryEntity, Span, Speaker, Statement, Topic } from '../types'
import { analyseArticle } from './analysis'
import { slugify } from './ids'
import { statementBaseId } from './statements'
import { findTopics } from './topics'

/** What corrections are checked against: the articles' texts, the registry and the topics. */
export interface CorrectionContext {
  articles: readonly { id: string; text: string }[]
  entities: readonly RegistryEntity[]
  topics: readonly Topic[]
}

/** A correction that cannot be applied (`problems`, which fail the build) or no longer matches (`stale`). */
export interface CorrectionIssue {
  /** Index of the correction in the file. */
  index: number
  /** The field at fault: `anchor`, `speaker`, `article`. */
  field: string
  message: string
}

export interface CorrectionOutcome {
  statements: Statement[]
  problems: CorrectionIssue[]
  stale: CorrectionIssue[]
}

/**
 * Applies corrections in file order to the statements (in corpus order): a corrected or added statement has
 * `corrected: true`, and confidence 1 once an editor names its speaker. An anchor that matches several
 * statements, a speaker that names nothing, or a speaker set on narration is a problem; a correction whose
 * article or anchor is gone, or whose missed statement the extractor now finds, is stale. Pure.
 *
 * @example
 * applyCorrections(statements, [{ article: 'a1', anchor: 'that one is on me', action: 'drop' }], context)
 * // { statements: [...without it], problems: [], stale: [] }
 */
export function applyCorrections(
  statements: readonly Statement[],
  corrections: readonly Correction[],
  context: CorrectionContext,
): CorrectionOutcome {
  const out = [...statements]
  const problems: CorrectionIssue[] = []
  const stale: CorrectionIssue[] = []
  const texts = new Map(context.articles.map((a) => [a.id, a.text]))
  for (const [index, c] of corrections.entries()) {
    const found = applyOne(out, c, texts.get(c.article), context)
    if (found !== null) (found.stale ? stale : problems).push({ index, field: found.field, message: found.message })
  }
  return { statements: out, problems, stale }
}

type Issue = { field: string; message: string; stale: boolean }

/** Applies one correction to `out` in place; the issue when it cannot. */
function applyOne(out: Statement[], c: Correction, text: string | undefined, context: CorrectionContext): Issue | null {
  const problem = (field: string, message: string) => ({ field, message, stale: false })
  const gone = (field: string, message: string) => ({ field, message, stale: true })
  if (text === undefined) return gone('article', `no article "${c.article}" in the corpus`)
  let speaker: Speaker | null = null
  if (c.action === 'set_speaker' || c.action === 'add') {
    speaker = resolveSpeaker(c.speaker, context.entities, out)
    if (speaker === null)
      return problem('speaker', `"${c.speaker}" names no registry entity or speaker; give a speaker object to add one`)
  }
  if (c.action === 'add') return addStatement(out, c, speaker!, text, context)
  const target = findTarget(out, c.article, c.anchor)
  if (target.length === 0) return gone('anchor', `"${c.anchor}" matches no statement of ${c.article} any more`)
  if (target.length > 1)
    return problem('anchor', `"${c.anchor}" matches ${target.length} statements: ${target.map(describe).join(' and ')}`)
  const at = out.indexOf(target[0]!)
  const st = out[at]!
  if (c.action === 'drop') out.splice(at, 1)
  else if (c.action === 'set_kind') out[at] = withKind(st, c.kind)
  else if (st.kind === 'narration')
    return problem('anchor', `${describe(st)} is narration, which has no speaker: set its kind first`)
  else out[at] = { ...st, speakers: [speaker!], confidence: 1, corrected: true }
  return null
}

/** The statement with another kind; narration has no speaker, cue or channel. */
function withKind(st: Statement, kind: Statement['kind']): Statement {
  if (kind !== 'narration') return { ...st, kind, confidence: st.confidence ?? 0, corrected: true }
  return { ...st, kind, speakers: [], source: null, cue: null, via: null, confidence: null, corrected: true }
}

/** The statements of an article whose content holds the anchor, else those whose sentence does. */
function findTarget(statements: readonly Statement[], article: string, anchor: string): Statement[] {
  const own = statements.filter((s) => s.article === article)
  const byContent = own.filter((s) => anchorPattern(anchor).test(s.content))
  return byContent.length > 0 ? byContent : own.filter((s) => anchorPattern(anchor).test(s.text))
}

/** Adds a missed statement in article order, replacing the narration it overlaps; an issue when it cannot. */
function addStatement(
  out: Statement[],
  c: Extract<Correction, { action: 'add' }>,
  speaker: Speaker,
  text: string,
  context: CorrectionContext,
): Issue | null {
  const hits = [...text.matchAll(anchorPattern(c.anchor, 'g'))]
  if (hits.length === 0)
    return { field: 'anchor', message: `"${c.anchor}" does not occur in ${c.article} any more`, stale: true }
  if (hits.length > 1) {
    const lines = hits.map((h) => `line ${text.slice(0, h.index).split('\n').length}`).join(' and ')
    const message = `"${c.anchor}" occurs ${hits.length} times in ${c.article} (${lines}); lengthen it`
    return { field: 'anchor', message, stale: false }
  }
  const span: Span = { start: hits[0]!.index, end: hits[0]!.index + hits[0]![0].length }
  const own = out.filter((s) => s.article === c.article)
  const overlaps = (s: Statement) => s.spans.some((p) => p.start < span.end && p.end > span.start)
  const already = own.find((s) => s.kind !== 'narration' && overlaps(s))
  if (already !== undefined)
    return {
      field: 'anchor',
      message: `the extractor now finds ${describe(already)}; remove this correction`,
      stale: true,
    }
  // The sentences the anchor spans, exactly as the extractor numbers them (quotation pairing shapes sentences).
  const { sentences } = analyseArticle(text, {}, [])
  const first = sentences.find((s) => s.end > span.start) ?? sentences[sentences.length - 1]
  const last = sentences.findLast((s) => s.start < span.end) ?? first
  const content = text.slice(span.start, span.end)
  const base = statementBaseId(c.article, content, span.start)
  let id = base
  for (let n = 2; out.some((s) => s.id === id); n++) id = `${base}-${n}`
  const added: Statement = {
    id,
    article: c.article,
    kind: c.kind,
    speakers: [speaker],
    source: null,
    cue: c.cue,
    via: null,
    content,
    text: first === undefined ? content : text.slice(first.start, Math.max(first.end, last!.end)),
    spans: [span],
    paragraph: (first?.paragraph ?? 0) + 1,
    sentence: (first?.index ?? 0) + 1,
    topics: findTopics(content, context.topics),
    entities: registryIdsIn(content, context.entities),
    date: own[0]?.date ?? null,
    confidence: 1,
    corrected: true,
  }
  for (const s of own) if (s.kind === 'narration' && overlaps(s)) out.splice(out.indexOf(s), 1)
  const rest = out.filter((s) => s.article === c.article)
  const next = rest.find((s) => (s.spans[0]?.start ?? 0) > span.start)
  const at = next !== undefined ? out.indexOf(next) : rest.length > 0 ? out.indexOf(rest[rest.length - 1]!) + 1 : 0
  out.splice(at, 0, added)
  return null
}

/**
 * The speaker an editor names: a registry id, name or alias; else the id or name of a speaker the corpus has;
 * a speaker object as given (its id a slug of its name unless set). Null when a name names nothing.
 */
export function resolveSpeaker(
  named: CorrectionSpeaker,
  entities: readonly RegistryEntity[],
  statements: readonly Statement[],
): Speaker | null {
  if (typeof named !== 'string') {
    const { id, ...rest } = named
    return { id: id ?? slugify(named.name), ...rest }
  }
  const key = fold(named)
  const r =
    entities.find((e) => e.id === named) ??
    entities.find((e) => fold(e.name) === key || e.aliases.some((a) => fold(a) === key))
  if (r !== undefined) {
    const s: Speaker = { id: r.id, name: r.name, type: r.type }
    if (r.role !== undefined) s.role = r.role
    if (r.affiliation !== undefined) s.affiliation = r.affiliation
    return s
  }
  for (const st of statements) for (const s of st.speakers) if (s.id === named || fold(s.name) === key) return { ...s }
  return null
}

/** Registry entities named (name or capitalised alias, whole words) in a text. */
function registryIdsIn(text: string, entities: readonly RegistryEntity[]): string[] {
  const has = (form: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'u').test(text)
  return entities.filter((e) => [e.name, ...e.aliases.filter((a) => /^\p{Lu}/u.test(a))].some(has)).map((e) => e.id)
}

const describe = (s: Statement) => `${s.id} ("${s.content.slice(0, 40)}")`
const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase()
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The anchor as a pattern: any case, any quotation-mark style (straight, curly, guillemets), any run of spaces.
 *
 * @example anchorPattern('he said "no"').test('He said “no”') // true
 */
export function anchorPattern(anchor: string, flags = ''): RegExp {
  const source = [...anchor.trim()]
    .map((ch) =>
      /\s/.test(ch) ? '\\s+' : /["“”„«»]/.test(ch) ? '["“”„«»]' : /['‘’`]/.test(ch) ? "['‘’`]" : escapeRegExp(ch),
    )
    .join('')
    .replace(/(\\s\+)+/g, '\\s+')
  return new RegExp(source, `iu${flags}`)
}
