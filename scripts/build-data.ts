/**
 * Builds the served data: validates data/, extracts every article's statements, builds the
 * MiniSearch index and writes src/generated/corpus.bin (src/search/packed.ts) atomically. Any problem fails the build
 * with file:line and leaves the previous output untouched. The API tests' corpus is built by the
 * same code from test/corpus/ into src/generated/test-corpus.bin (`npm run build:test-data`).
 *
 * usage: tsx scripts/build-data.ts [--data DIR] [--out FILE] [--quiet] [--force] [--strict]
 *   --force   rebuild even when the output already holds the build of these exact inputs
 *   --strict  fail on stale corrections (data/corrections.json entries that match nothing any more)
 */
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { applyCorrections, type CorrectionIssue } from '../src/extract/corrections'
import { slugify } from '../src/extract/ids'
import { extractStatements } from '../src/extract/index'
import { findMentionedEntities } from '../src/extract/mentioned-entities'
import { mergeSpeakers } from '../src/extract/merge-speakers'
import { segmentParagraphs } from '../src/extract/segment'
import { tokenize } from '../src/extract/tokens'
import { buildIndex } from '../src/search/build-index'
import type { ArticleRecord, Corpus } from '../src/search/corpus'
import { packCorpus } from '../src/search/pack'
import { normalizeName } from '../src/search/text'
import { buildVocabulary } from '../src/search/vocabulary'
import type { MentionedEntity, RegistryEntity, Span, Statement, Topic } from '../src/types'
import {
  type ArticleMeta,
  ArticleMetaSchema,
  assertUniqueIds,
  CorrectionsSchema,
  DataError,
  DataErrors,
  EntitiesSchema,
  errorAt,
  locate,
  parseDataFile,
  SynonymsSchema,
  TopicsSchema,
} from './data-schemas'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface BuildOptions {
  /** The data folder: articles/, entities.json, topics.json. */
  dataDir: string
  /** File names in messages are relative to this; by default the folder holding `dataDir`. */
  root?: string
  /** Fail on stale corrections instead of warning about them. */
  strict?: boolean
  /**
   * Read the articles from this folder instead of `dataDir/articles` (the registry, topics and synonyms
   * still come from `dataDir`): how an outside archive is searched with the shipped rules, e.g. for
   * `npm run eval -- --relevance --corpus DIR`. Other files in it (gold annotations) are ignored.
   */
  articlesDir?: string
}

export interface BuildOutput {
  corpus: Corpus
  indexJson: string
  /** What the Worker ships: the corpus and index in the packed format (src/search/packed.ts). */
  packed: string
  warnings: string[]
}

const ARTICLE_EXT = /\.(txt|md)$/

/** Reads a file as strict UTF-8, naming the line of the first bad byte. */
function readUtf8(file: string, shown: string): string {
  const bytes = readFileSync(file)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const good = new TextDecoder('utf-8').decode(bytes).indexOf('\uFFFD')
    const { line, column } = locate(new TextDecoder().decode(bytes), Math.max(0, good))
    throw new DataError(shown, line, column, 'is not valid UTF-8')
  }
  return text.replace(/^\uFEFF/, '')
}

/**
 * Paragraph spans exactly as the extractor segments the text (hard-wrapped lines joined), so that
 * `statement.paragraph` always indexes `article.paragraphs`.
 */
function paragraphSpans(text: string): Span[] {
  return segmentParagraphs(text, tokenize(text)).map(({ start, end }) => ({ start, end }))
}

function checkArticleText(shown: string, text: string): void {
  if (text.trim().length === 0) throw new DataError(shown, 1, 1, 'article text is empty')
  const bad = text.search(/[\u0000-\u0008\u000B\u000E-\u001F]/)
  if (bad >= 0) {
    const { line, column } = locate(text, bad)
    throw new DataError(
      shown,
      line,
      column,
      `control character U+${text.charCodeAt(bad).toString(16).padStart(4, '0')} in article text`,
    )
  }
}

/** Verifies the extractor's promises, so a bug there fails the build instead of serving bad offsets. */
function checkStatements(shown: string, text: string, statements: Statement[]): void {
  for (const st of statements) {
    for (const span of st.spans) {
      if (span.start < 0 || span.end > text.length || span.start > span.end) {
        throw new DataError(shown, 1, 1, `statement ${st.id}: span ${span.start}-${span.end} is outside the text`)
      }
    }
  }
}

// The code that shapes the output is an input too: a new extractor rule changes the corpus.
const CODE_INPUTS = ['src/extract', 'src/search', 'src/types.ts', 'scripts/build-data.ts', 'scripts/data-schemas.ts']

/** Every file under `path` (or `path` itself), sorted, so a digest over them is stable. */
function filesUnder(path: string): string[] {
  if (!existsSync(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)))
}

/**
 * The build hash: a digest of every file the output depends on, the data and the code that reads
 * it. Cheap, since it reads and never extracts, so an unchanged build can be skipped.
 *
 * @example hashInputs('data') // '6a0883cc6b11cdbd'
 */
export function hashInputs(dataDir: string): string {
  const hash = createHash('sha256')
  const feed = (name: string, file: string) => hash.update(name).update('\0').update(readFileSync(file)).update('\0')
  for (const file of CODE_INPUTS.flatMap((p) => filesUnder(join(ROOT, p)))) feed(relative(ROOT, file), file)
  for (const file of filesUnder(dataDir)) feed(relative(dataDir, file), file)
  return hash.digest('hex').slice(0, 16)
}

/** Reads, validates and extracts everything under `dataDir`; pure apart from reading files. */
export function buildCorpus({
  dataDir,
  root = dirname(dataDir),
  strict = false,
  articlesDir = join(dataDir, 'articles'),
}: BuildOptions): BuildOutput {
  const shown = (file: string) => relative(root, file) || file
  const warnings: string[] = []
  const read = (file: string) => readUtf8(file, shown(file))

  const entitiesFile = join(dataDir, 'entities.json')
  const topicsFile = join(dataDir, 'topics.json')
  const entitiesText = read(entitiesFile)
  const entities: RegistryEntity[] = parseDataFile(shown(entitiesFile), entitiesText, EntitiesSchema)
  assertUniqueIds(shown(entitiesFile), entitiesText, entities)
  const topicsText = read(topicsFile)
  const topics: Topic[] = parseDataFile(shown(topicsFile), topicsText, TopicsSchema)
  assertUniqueIds(shown(topicsFile), topicsText, topics)

  const synonymsFile = join(dataDir, 'synonyms.json')
  const synonyms: string[][] = existsSync(synonymsFile)
    ? parseDataFile(shown(synonymsFile), read(synonymsFile), SynonymsSchema)
    : []

  const files = existsSync(articlesDir)
    ? readdirSync(articlesDir)
        .filter((f) => ARTICLE_EXT.test(f))
        .sort()
    : []
  if (files.length === 0) throw new DataError(shown(articlesDir), 1, 1, 'no articles (*.txt) found')

  const articles: ArticleRecord[] = []
  const seenIds = new Map<string, string>()
  for (const name of files) {
    const file = join(articlesDir, name)
    const text = read(file)
    checkArticleText(shown(file), text)
    const metaFile = join(articlesDir, name.replace(ARTICLE_EXT, '.meta.json'))
    let meta: ArticleMeta
    if (existsSync(metaFile)) {
      meta = parseDataFile(shown(metaFile), read(metaFile), ArticleMetaSchema)
    } else {
      const firstLine = text.trim().split(/\r?\n/)[0] ?? name
      meta = ArticleMetaSchema.parse({
        id: slugify(basename(name).replace(ARTICLE_EXT, '')),
        title: firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine,
        publisher: null,
        published: null,
      })
      warnings.push(
        `${shown(file)}: no ${basename(metaFile)} beside it; using id "${meta.id}" and the first line as title`,
      )
    }
    const other = seenIds.get(meta.id)
    if (other) throw new DataError(shown(metaFile), 1, 1, `article id "${meta.id}" is also used by ${other}`)
    seenIds.set(meta.id, shown(file))
    articles.push({
      id: meta.id,
      title: meta.title,
      publisher: meta.publisher,
      publisher_note: meta.publisher_note ?? null,
      credit: meta.credit ?? null,
      event_date: meta.event_date ?? null,
      published: meta.published,
      url: meta.url ?? null,
      language: meta.language,
      file: name,
      text,
      paragraphs: paragraphSpans(text),
    })
  }
  articles.sort(
    (a, b) =>
      (a.event_date ?? a.published ?? '9999').localeCompare(b.event_date ?? b.published ?? '9999') ||
      a.id.localeCompare(b.id),
  )

  let statements: Statement[] = []
  const statementIds = new Set<string>()
  for (const article of articles) {
    const result = extractStatements(
      { id: article.id, text: article.text, date: article.event_date ?? article.published },
      { entities, topics },
    )
    const file = shown(join(articlesDir, article.file))
    for (const w of result.warnings) warnings.push(`${file}: ${w}`)
    checkStatements(file, article.text, result.statements)
    for (const st of result.statements) {
      if (statementIds.has(st.id)) throw new DataError(file, 1, 1, `duplicate statement id ${st.id}`)
      statementIds.add(st.id)
      statements.push(st)
    }
  }

  // One speaker id per person across articles: "James Comey" and "James B. Comey" are one speaker.
  mergeSpeakers(statements, entities)

  // Editorial corrections apply to what the extractor found, before the index is built from it.
  const correctionsFile = join(dataDir, 'corrections.json')
  if (existsSync(correctionsFile)) {
    const text = read(correctionsFile)
    const corrections = parseDataFile(shown(correctionsFile), text, CorrectionsSchema)
    const outcome = applyCorrections(statements, corrections, { articles, entities, topics })
    const at = (i: CorrectionIssue) => errorAt(shown(correctionsFile), text, [i.index, i.field], i.message)
    const stale = outcome.stale.map(at)
    if (outcome.problems.length > 0 || (strict && stale.length > 0))
      throw new DataErrors([...outcome.problems.map(at), ...(strict ? stale : [])])
    for (const e of stale) warnings.push(`${e.message} (stale correction: fix or remove it; --strict fails on it)`)
    statements = outcome.statements
  }

  // Entities named in statements, beyond the registry: recognised once over the whole corpus.
  const mentioned = addMentionedEntities(statements, entities)
  const index = buildIndex(statements, { entities, topics, mentioned })

  const corpus: Corpus = {
    version: 1,
    build_hash: hashInputs(dataDir),
    articles,
    statements,
    entities,
    mentioned,
    topics,
    synonyms,
    vocabulary: buildVocabulary(statements),
  }
  return { corpus, indexJson: JSON.stringify(index), packed: packCorpus(corpus, index), warnings }
}

/**
 * Adds to each statement's `entities` the people, organisations and places its content names that the
 * extractor's registry match did not (registry ids stay first), and returns the new ones. A name that a
 * corpus speaker goes by takes the speaker's id. Mutates `statements`.
 */
export function addMentionedEntities(statements: Statement[], registry: readonly RegistryEntity[]): MentionedEntity[] {
  const speakers = new Map<string, { id: string; name: string; type: 'person' | 'organization' }>()
  for (const st of statements)
    for (const s of st.speakers)
      if (s.type === 'person' || s.type === 'organization')
        speakers.set(normalizeName(s.name), { id: s.id, name: s.name, type: s.type })
  const registryIds = new Set(registry.map((e) => e.id))
  const { byStatement, entities } = findMentionedEntities(statements, { registry, speakers })
  for (const st of statements) {
    const found = byStatement.get(st.id) ?? []
    st.entities = [...st.entities, ...found.filter((id) => !st.entities.includes(id))]
  }
  return entities.filter((e) => !registryIds.has(e.id))
}

/** True when `file` is shipped data of this build hash (it names the hash in its first bytes). */
export function isCurrent(file: string, hash: string): boolean {
  const fd = openSync(file, 'r')
  try {
    const head = Buffer.alloc(256)
    const n = readSync(fd, head, 0, head.length, 0)
    return head
      .subarray(0, n)
      .toString('latin1')
      .includes(`"build_hash":${JSON.stringify(hash)}`)
  } finally {
    closeSync(fd)
  }
}

/** Writes via a temporary file and a rename, so readers see the old file or the new one, never half of one. */
export function writeAtomically(file: string, contents: string): void {
  mkdirSync(dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, contents)
    renameSync(tmp, file)
  } finally {
    rmSync(tmp, { force: true })
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: join(ROOT, 'data') },
      out: { type: 'string', default: join(ROOT, 'src/generated/corpus.bin') },
      quiet: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  })
  const started = performance.now()
  try {
    const dataDir = resolve(values.data!)
    const out = resolve(values.out!)
    // wrangler dev runs the build twice at start (once for the bundle, once when its watcher is
    // ready); the second run, and any run on unchanged inputs, finds the output current.
    const hash = hashInputs(dataDir)
    // --strict checks the corrections, so it never skips.
    if (!values.force && !values.strict && existsSync(out) && isCurrent(out, hash)) {
      if (!values.quiet)
        console.log(`build-data: up to date, hash ${hash} (${(performance.now() - started).toFixed(0)} ms)`)
      return
    }
    const { corpus, packed, warnings } = buildCorpus({ dataDir, strict: values.strict })
    for (const w of warnings) console.warn(`warning: ${w}`)
    writeAtomically(out, packed)
    if (!values.quiet) {
      const ms = (performance.now() - started).toFixed(0)
      console.log(
        `build-data: ${corpus.articles.length} article(s), ${corpus.statements.length} statements, ` +
          `${relative(ROOT, out)} ${(packed.length / 1024).toFixed(1)} KiB, hash ${corpus.build_hash} (${ms} ms)`,
      )
    }
  } catch (error) {
    if (error instanceof DataError || error instanceof DataErrors) {
      console.error(`build-data: failed; nothing was written.\n${error.message}`)
      process.exit(1)
    }
    throw error
  }
}

// Run as a script only: importing it (tests, the bench bundle) must not start a run.
if (process.argv[1] && /[\\/]build-data\.ts$/.test(process.argv[1])) main()
