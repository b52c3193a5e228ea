/**
 * Scores the extractor on the seed and on every hand-annotated fixture set (or on gold sets passed with
 * --gold) and prints a per-article and a micro-average table; then scores search relevance (MRR,
 * success@3 and nDCG@10) on the judged queries in test/relevance/.
 *
 * usage: tsx scripts/eval.ts [--json] [--verbose] [--blind] [--write-baseline] [--gold DIR]... [--calibration] [--fit]
 *                           [--relevance [--corpus DIR] [--judgments FILE]]
 *   --json             print the scores as JSON instead of tables
 *   --verbose          print the scorer's per-statement OK/SPK/KND/MISS/EXTRA lines
 *   --blind            also score the blind sets (never tune rules on blind3)
 *   --write-baseline   record the dev set's micro averages in test/eval-baseline.json
 *   --gold DIR         score only this gold set: NAME.txt with NAME.json or NAME.gold.json (repeatable)
 *   --calibration      also print, per set, the confidence buckets against the share of right speakers
 *   --fit              fit the confidence weights (src/extract/confidence.ts) on the sets by logistic regression
 *   --relevance        score only search relevance
 *   --corpus DIR       ... over the articles (*.txt) of DIR, with data/'s registry, topics and synonyms, instead of data/
 *                      (or over DIR as a data folder when it has articles/ and entities.json)
 *   --topics           score topic assignment against hand labels (precision and recall per topic); with
 *                      --corpus DIR, by default test/topics/PARENT-NAME-labels.json, or --labels FILE
 *   --entities         with --corpus DIR: the entities recognised in its statements, by kind, the build time, and a
 *                      deterministic sample of 100 of them to check by hand (--sample N, 0–3, picks another)
 *   --judgments FILE   ... with these judged queries; for --corpus DIR, by default test/relevance/archives/PARENT-NAME.json
 *                      (e.g. polnear-dev.json for a folder polnear/dev), else test/relevance/judgments.json
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import MiniSearch from 'minisearch'
import {
  type CalibrationSample,
  calibrate,
  expectedCalibrationError,
  type FitExample,
  fitLogistic,
} from '../src/eval/calibration'
import { type Judgment, type RelevanceScores, scoreJudgments } from '../src/eval/relevance'
import {
  type ArticleScore,
  averageScores,
  type Gold,
  type MicroScore,
  matchStatements,
  scoreArticle,
} from '../src/eval/score'
import { scoreTopics, type TopicLabel, type TopicScores } from '../src/eval/topics'
import { confidenceFeatures, confidenceLogit } from '../src/extract/confidence'
import { extractResolutions, extractStatements } from '../src/extract/index'
import { SEARCH_OPTIONS, type SearchDocument } from '../src/search/options'
import { createStore } from '../src/search/store'
import type { RegistryEntity, Statement, Topic } from '../src/types'
import { buildCorpus } from './build-data'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const BASELINE_FILE = join(ROOT, 'test/eval-baseline.json')
const JUDGMENTS_FILE = join(ROOT, 'test/relevance/judgments.json')

export interface EvalCase {
  name: string
  text: string
  gold: Gold
}

export interface CaseResult {
  name: string
  score: ArticleScore
  /** The per-statement OK/SPK/KND/MISS/EXTRA lines. */
  lines: string[]
  /** Each statement that matched a gold statement by content: its confidence, and whether its speakers are right. */
  calibration: CalibrationSample[]
}

/**
 * The article sets, each one or more folders: `dev`, the seed and the annotated fixtures the rules
 * were developed on; `heldout`, web-style articles kept apart to measure generalisation, then tuned on;
 * `blind` and `blind2`, each unseen until a later tuning pass; `blind3`, never looked at while writing rules.
 */
export const EVAL_SETS = {
  dev: ['test/fixtures/seed', 'test/fixtures/articles'],
  heldout: ['test/fixtures/heldout'],
  blind: ['test/fixtures/blind'],
  blind2: ['test/fixtures/blind2'],
  blind3: ['test/fixtures/blind3'],
} as const
export type EvalSet = keyof typeof EVAL_SETS

/**
 * Reads the gold files of a folder with their articles. A gold file is `NAME.gold.json` or `NAME.json`
 * next to `NAME.txt`, or a folder's single `gold.json` next to the file its `article` field names (the
 * seed's layout), named after the folder.
 */
export function readGoldFolder(dir: string): EvalCase[] {
  const cases: EvalCase[] = []
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.endsWith('.meta.json'))
    .sort()) {
    const stem = f.replace(/(\.gold)?\.json$/, '')
    const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold
    if (!Array.isArray(gold.statements))
      throw new Error(`${join(dir, f)} is not a gold file: it has no statements list`)
    const textFile = [`${stem}.txt`, gold.article]
      .filter((n): n is string => typeof n === 'string' && n !== '')
      .map((n) => join(dir, n))
      .find((p) => existsSync(p))
    if (!textFile) throw new Error(`${join(dir, f)}: no article text, looked for ${stem}.txt and its "article" field`)
    cases.push({ name: stem === 'gold' ? basename(dir) : stem, text: readFileSync(textFile, 'utf8'), gold })
  }
  return cases
}

/** The articles of a set that have a gold file. */
export function evalCases(set: EvalSet = 'dev'): EvalCase[] {
  return EVAL_SETS[set].map((d) => join(ROOT, d)).flatMap((d) => (existsSync(d) ? readGoldFolder(d) : []))
}

const readContext = () => ({
  entities: JSON.parse(readFileSync(join(ROOT, 'data/entities.json'), 'utf8')) as RegistryEntity[],
  topics: JSON.parse(readFileSync(join(ROOT, 'data/topics.json'), 'utf8')) as Topic[],
})

/** The confidence of each statement that matched a gold statement (not an optional one), and whether its speakers are right. */
function calibrationSamples(gold: Gold, statements: readonly Statement[]): CalibrationSample[] {
  return matchStatements(gold, statements)
    .filter((m) => !m.optional)
    .map((m) => ({ confidence: statements[m.prediction]!.confidence ?? 0, correct: m.speakerOk }))
}

/** Extracts every case in this process and scores it. */
export function scoreCases(cases: readonly EvalCase[]): { results: CaseResult[]; micro: MicroScore } {
  const context = readContext()
  const results = cases.map((c) => {
    const { statements } = extractStatements({ id: c.name, text: c.text, date: null }, context)
    return { name: c.name, ...scoreArticle(c.gold, statements), calibration: calibrationSamples(c.gold, statements) }
  })
  return { results, micro: averageScores(results.map((r) => r.score)) }
}

/**
 * Fits the confidence weights on the cases: one example per statement matched to a gold statement, its
 * weakest speaker's features against whether the speakers are right. Indirect is the kind baseline.
 */
export function fitConfidence(cases: readonly EvalCase[]): Record<string, number> {
  const context = readContext()
  const examples: FitExample[] = cases.flatMap((c) => {
    const out = extractResolutions({ id: c.name, text: c.text, date: null }, context)
    const statements = out.map((x) => x.statement)
    return matchStatements(c.gold, statements)
      .filter((m) => !m.optional)
      .map((m) => {
        const { statement, resolutions } = out[m.prediction]!
        const options = confidenceFeatures(resolutions, statement.kind, statement.speakers)
        const weakest = options.reduce((a, b) => (confidenceLogit(b) < confidenceLogit(a) ? b : a))
        const { 'kind:indirect': _baseline, ...features } = weakest
        return { features, label: m.speakerOk }
      })
  })
  return fitLogistic(examples)
}

/** Scores one of the repository's sets. */
export function runEval(set: EvalSet = 'dev') {
  return scoreCases(evalCases(set))
}

/**
 * The judged queries kept for an outside archive, by the folder's last two names: `…/polnear/dev`
 * → `test/relevance/archives/polnear-dev.json`. They name statements by article id and offset only
 * (see `Anchor`), so no text of the archive is in the repository.
 */
export function archiveJudgmentsFile(corpusDir: string): string {
  const dir = resolve(corpusDir)
  return join(ROOT, 'test/relevance/archives', `${basename(dirname(dir))}-${basename(dir)}.json`)
}

/**
 * What to build for `--corpus DIR`: a data folder (articles/ beside entities.json) as it stands, or a
 * folder of articles with data/'s registry, topics and synonyms.
 */
export function corpusSource(dir: string | undefined): { dataDir: string; articlesDir?: string } {
  if (!dir) return { dataDir: join(ROOT, 'data') }
  const full = resolve(dir)
  if (existsSync(join(full, 'articles')) && existsSync(join(full, 'entities.json'))) return { dataDir: full }
  return { dataDir: join(ROOT, 'data'), articlesDir: full }
}

export interface RelevanceOptions {
  /** A folder of articles to search instead of data/articles. */
  corpus?: string
  judgments?: string
}

/**
 * MRR, success@3 and nDCG@10 of judged queries: by default test/relevance/judgments.json over the
 * corpus built from data/; with `corpus`, over those articles (and that archive's judgments).
 */
export function runRelevance(options: RelevanceOptions = {}): RelevanceScores & { seconds: number } {
  const started = performance.now()
  const { corpus, indexJson } = buildCorpus(corpusSource(options.corpus))
  const seconds = Math.round((performance.now() - started) / 100) / 10
  const store = createStore(corpus, MiniSearch.loadJSON<SearchDocument>(indexJson, SEARCH_OPTIONS))
  const file = options.judgments ?? (options.corpus ? archiveJudgmentsFile(options.corpus) : JUDGMENTS_FILE)
  if (!existsSync(file)) throw new Error(`no judgments file ${file}: pass one with --judgments FILE`)
  const judgments = JSON.parse(readFileSync(file, 'utf8')) as Judgment[]
  const articles = new Set(corpus.articles.map((a) => a.id))
  for (const j of judgments)
    for (const w of [j.top1 ?? [], j.top3 ?? []].flat())
      if (typeof w !== 'string' && !articles.has(w.article))
        throw new Error(`${file}: query "${j.q}" names article ${w.article}, which the corpus lacks`)
  return { ...scoreJudgments(store, judgments), seconds }
}

/** The hand topic labels kept for an outside archive: `…/polnear/dev` → `test/topics/polnear-dev-labels.json`. */
export function archiveLabelsFile(corpusDir: string): string {
  const dir = resolve(corpusDir)
  return join(ROOT, 'test/topics', `${basename(dirname(dir))}-${basename(dir)}-labels.json`)
}

/** Per-topic precision and recall of the topics the build assigns, against hand labels of statements. */
export function runTopics(options: { corpus: string; labels?: string }): TopicScores {
  const { corpus } = buildCorpus(corpusSource(options.corpus))
  const file = options.labels ?? archiveLabelsFile(options.corpus)
  if (!existsSync(file)) throw new Error(`no labels file ${file}: pass one with --labels FILE`)
  const labels = JSON.parse(readFileSync(file, 'utf8')) as TopicLabel[]
  return scoreTopics(
    corpus.statements,
    labels,
    corpus.topics.map((t) => t.id),
  )
}

function printTopics(scores: TopicScores): void {
  const n = scores.labels - scores.unmatched.length
  console.log(`\ntopics: ${n} labelled statements (${scores.unmatched.length} labels matched no statement)`)
  const fmt = (x: number | null) => (x === null ? '–' : x.toFixed(2))
  console.log(
    'topic'.padEnd(22) + ['labelled', 'assigned', 'correct', 'P', 'R', 'F1'].map((h) => h.padStart(9)).join(''),
  )
  for (const r of [...scores.rows, { topic: 'MICRO', ...scores.micro }])
    console.log(
      r.topic.padEnd(22) +
        [r.labelled, r.assigned, r.correct].map((x) => String(x).padStart(9)).join('') +
        [r.precision, r.recall, r.f1].map((x) => fmt(x).padStart(9)).join(''),
    )
}

/**
 * The entities recognised in a corpus's statements (not the registry's), how many of each kind, and a
 * deterministic sample of 100 spread over them in id order, for checking by hand; `sample` (0–3) shifts it.
 */
export function runEntities(options: { corpus: string; sample?: number }) {
  const started = performance.now()
  const { corpus } = buildCorpus(corpusSource(options.corpus))
  const seconds = Math.round((performance.now() - started) / 100) / 10
  const mentioned = [...(corpus.mentioned ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const kinds: Record<string, number> = {}
  for (const e of mentioned) kinds[e.type] = (kinds[e.type] ?? 0) + 1
  const step = mentioned.length / 100
  const shift = ((options.sample ?? 0) % 4) / 4
  const sample =
    mentioned.length <= 100
      ? mentioned
      : Array.from({ length: 100 }, (_, i) => mentioned[Math.floor((i + shift) * step)]!)
  return { seconds, statements: corpus.statements.length, total: mentioned.length, kinds, sample }
}

function printTable(title: string, results: readonly CaseResult[], micro: MicroScore): void {
  console.log(`\n${title}`)
  const header = ['article', 'gold', 'pred', 'content_f1', 'attr_p', 'attr_r', 'attr_f1', 'kind_acc']
  const rows = results.map(({ name, score: s }) => [
    name,
    s.gold,
    s.predicted,
    s.content_f1,
    s.attribution_p,
    s.attribution_r,
    s.attribution_f1,
    s.kind_acc,
  ])
  rows.push([
    'MICRO',
    micro.gold,
    micro.predicted,
    micro.content_f1,
    micro.attribution_p,
    micro.attribution_r,
    micro.attribution_f1,
    micro.kind_acc,
  ])
  const table = [header, ...rows].map((r) => r.map(String))
  const widths = header.map((_, i) => Math.max(...table.map((r) => r[i]!.length)))
  for (const [i, r] of table.entries()) {
    console.log(r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '))
    if (i === 0 || i === table.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  }
}

function printCalibration(title: string, results: readonly CaseResult[]): void {
  const rows = calibrate(results.flatMap((r) => r.calibration))
  console.log(
    `\ncalibration: ${title.split(':')[0]}, statements matched by content (ECE ${expectedCalibrationError(rows)})`,
  )
  console.log('confidence  statements  mean  right')
  for (const r of rows)
    console.log(
      `${r.from.toFixed(1)}–${r.to.toFixed(1)}`.padEnd(10) +
        String(r.count).padStart(12) +
        (r.mean?.toFixed(2) ?? '–').padStart(6) +
        (r.fraction?.toFixed(3) ?? '–').padStart(7),
    )
}

function printRelevance(relevance: RelevanceScores & { seconds?: number }): void {
  const { results, mrr, success3, ndcg10 } = relevance
  console.log(`\nrelevance: ${results.length} judged queries, MRR ${mrr}, success@3 ${success3}, nDCG@10 ${ndcg10}`)
  if (relevance.seconds !== undefined) console.log(`  (corpus built in ${relevance.seconds} s)`)
  for (const r of results.filter((x) => x.reciprocalRank < 1 || !x.success3))
    console.log(`  rank ${r.rank || '>10'}: ${r.q}  →  ${r.top[0] ?? '(nothing)'}`)
}

const SET_TITLES: Record<EvalSet, string> = {
  dev: 'dev: the seed and test/fixtures/articles (rules were developed on these)',
  heldout: 'held-out: test/fixtures/heldout (web-style articles kept apart)',
  blind: 'blind: test/fixtures/blind (unseen until the second rule pass, then tuned on)',
  blind2: 'blind2: test/fixtures/blind2 (unseen until the third rule pass, then tuned on)',
  blind3: 'blind3: test/fixtures/blind3 (never looked at while writing rules)',
}

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`)
  process.exit(2)
}

function main(): void {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'write-baseline': { type: 'boolean', default: false },
      blind: { type: 'boolean', default: false },
      gold: { type: 'string', multiple: true },
      relevance: { type: 'boolean', default: false },
      calibration: { type: 'boolean', default: false },
      fit: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      judgments: { type: 'string' },
      topics: { type: 'boolean', default: false },
      entities: { type: 'boolean', default: false },
      sample: { type: 'string', default: '0' },
      labels: { type: 'string' },
    },
  })
  const external = values.gold ?? []
  if (values['write-baseline'] && (external.length > 0 || values.relevance))
    fail('--write-baseline records the dev set: use it without --gold and --relevance')
  if (values.relevance && external.length > 0) fail('--relevance scores search only: use it without --gold')

  if (values.entities) {
    if (!values.corpus) fail('--entities needs --corpus DIR (a folder of articles, or a data folder)')
    const r = runEntities({ corpus: values.corpus, sample: Number(values.sample) || 0 })
    if (values.json) console.log(JSON.stringify(r, null, 2))
    else {
      console.log(
        `\nentities: ${r.total} recognised beyond the registry in ${r.statements} statements (${JSON.stringify(r.kinds)}); corpus built in ${r.seconds} s`,
      )
      console.log('sample to check by hand (kind, name, other forms):')
      for (const [i, e] of r.sample.entries())
        console.log(
          `${String(i).padStart(3)}  ${e.type.padEnd(12)} ${e.name}${e.aliases.length ? `  (${e.aliases.join(', ')})` : ''}`,
        )
    }
    return
  }
  if (values.topics) {
    if (!values.corpus) fail('--topics needs --corpus DIR (a folder of articles, or a data folder)')
    try {
      const scores = runTopics({ corpus: values.corpus, labels: values.labels })
      if (values.json) console.log(JSON.stringify(scores, null, 2))
      else printTopics(scores)
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err))
    }
    return
  }
  if ((values.corpus || values.judgments) && !values.relevance) fail('--corpus and --judgments go with --relevance')
  if (values.corpus && (!existsSync(values.corpus) || !statSync(values.corpus).isDirectory()))
    fail(`--corpus ${values.corpus}: no such folder`)
  if (values.relevance) {
    let relevance: ReturnType<typeof runRelevance>
    try {
      relevance = runRelevance({ corpus: values.corpus, judgments: values.judgments })
    } catch (err) {
      fail(err instanceof Error ? err.message : String(err))
    }
    if (values.json) console.log(JSON.stringify(relevance, null, 2))
    else printRelevance(relevance)
    return
  }

  if (values.fit) {
    const dirs = external.length > 0 ? external.map((d) => resolve(d)) : EVAL_SETS.dev.map((d) => join(ROOT, d))
    console.log(JSON.stringify(fitConfidence(dirs.flatMap((d) => readGoldFolder(d))), null, 2))
    return
  }

  let runs: { key: string; title: string; results: CaseResult[]; micro: MicroScore }[]
  if (external.length > 0) {
    runs = external.map((dir) => {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`--gold ${dir}: no such folder`)
      let cases: EvalCase[]
      try {
        cases = readGoldFolder(resolve(dir))
      } catch (err) {
        fail(err instanceof Error ? err.message : String(err))
      }
      if (cases.length === 0) fail(`--gold ${dir}: no gold files (NAME.json or NAME.gold.json next to NAME.txt)`)
      return { key: dir, title: `${dir}: ${cases.length} articles`, ...scoreCases(cases) }
    })
  } else {
    // The blind set is scored only on request, so nobody tuning rules sees it by accident.
    runs = (Object.keys(EVAL_SETS) as EvalSet[])
      .filter((set) => !set.startsWith('blind') || values.blind)
      .map((set) => ({ key: set, title: SET_TITLES[set], cases: evalCases(set) }))
      .filter((r) => r.cases.length > 0)
      .map(({ key, title, cases }) => ({ key, title, ...scoreCases(cases) }))
  }

  if (values.json) {
    console.log(
      JSON.stringify(
        Object.fromEntries(
          runs.map((r) => [
            r.key,
            {
              articles: r.results.map((x) => ({ name: x.name, ...x.score })),
              micro: r.micro,
              ...(values.calibration ? { calibration: calibrate(r.results.flatMap((x) => x.calibration)) } : {}),
            },
          ]),
        ),
        null,
        2,
      ),
    )
  } else {
    for (const r of runs) printTable(r.title, r.results, r.micro)
    if (values.calibration) for (const r of runs) printCalibration(r.title, r.results)
    if (values.verbose)
      for (const r of runs) for (const x of r.results) console.log(`\n# ${r.key}/${x.name}\n${x.lines.join('\n')}`)
  }
  if (external.length > 0) return

  if (!values.json) printRelevance(runRelevance())
  if (values['write-baseline']) {
    const micro = runs.find((r) => r.key === 'dev')!.micro
    writeFileSync(BASELINE_FILE, `${JSON.stringify({ micro }, null, 2)}\n`)
    console.error(`wrote ${BASELINE_FILE.slice(ROOT.length + 1)}`)
  }
}

// Run as a script only: importing it (tests, the bench bundle) must not start a run.
if (process.argv[1] && /[\\/]eval\.ts$/.test(process.argv[1])) main()
