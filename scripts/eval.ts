/**
 * Scores the extractor on the seed and on every hand-annotated fixture with the shared scorer,
 * and prints a per-article and a micro-average table; then scores search relevance (MRR and
 * success@3) on the judged queries in test/relevance/.
 *
 * usage: tsx scripts/eval.ts [--json] [--verbose] [--blind] [--write-baseline]
 *   --json             print the scores as JSON instead of tables
 *   --verbose          print the scorer's per-statement lines
 *   --blind            also score the blind sets (never tune rules on blind3)
 *   --write-baseline   record the dev set's micro averages in test/eval-baseline.json
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import MiniSearch from 'minisearch'
import { extractStatements } from '../src/extract/index'
import { SEARCH_OPTIONS, type SearchDocument } from '../src/search/options'
import { createStore } from '../src/search/store'
import type { RegistryEntity, Topic } from '../src/types'
import { type Judgment, scoreJudgments } from '../test/relevance/relevance'
import { buildCorpus } from './build-data'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SHARED = resolve(ROOT, '../shared')
export const SCORER = join(SHARED, 'eval/score.mjs')
export const BASELINE_FILE = join(ROOT, 'test/eval-baseline.json')

/** What the shared scorer prints for one article. */
export interface Score {
  article: string
  gold: number
  predicted: number
  content_f1: number
  attribution_p: number
  attribution_r: number
  attribution_f1: number
  kind_acc: number
  counts: { gold: number; predicted: number; content_tp: number; attribution_tp: number; kind_ok: number }
}

export interface EvalCase {
  name: string
  text: string
  goldFile: string
}

/**
 * The article sets: `dev`, the seed and the annotated fixtures the rules were developed on;
 * `heldout`, web-style articles kept apart to measure generalisation, then tuned on; `blind` and
 * `blind2`, each unseen until a later tuning pass; `blind3`, never looked at while writing rules.
 */
export const EVAL_SETS = {
  dev: 'test/fixtures/articles',
  heldout: 'test/fixtures/heldout',
  blind: 'test/fixtures/blind',
  blind2: 'test/fixtures/blind2',
  blind3: 'test/fixtures/blind3',
} as const
export type EvalSet = keyof typeof EVAL_SETS

/** The articles of a set that have a gold file (and, for `dev`, the seed). */
export function evalCases(set: EvalSet = 'dev'): EvalCase[] {
  const cases: EvalCase[] = []
  const seed = join(SHARED, 'seed')
  if (set === 'dev' && existsSync(join(seed, 'gold.json'))) {
    cases.push({
      name: 'seed',
      text: readFileSync(join(ROOT, 'data/articles/han-blinken-unga-2023.txt'), 'utf8'),
      goldFile: join(seed, 'gold.json'),
    })
  }
  const fixtures = join(ROOT, EVAL_SETS[set])
  if (!existsSync(fixtures)) return cases
  for (const f of readdirSync(fixtures)
    .filter((n) => n.endsWith('.gold.json'))
    .sort()) {
    const name = f.replace(/\.gold\.json$/, '')
    cases.push({ name, text: readFileSync(join(fixtures, `${name}.txt`), 'utf8'), goldFile: join(fixtures, f) })
  }
  return cases
}

/** Extracts one case and runs the shared scorer on it. */
export function scoreCase(c: EvalCase, scratch: string, verbose = false): { score: Score; details: string } {
  const entities = JSON.parse(readFileSync(join(ROOT, 'data/entities.json'), 'utf8')) as RegistryEntity[]
  const topics = JSON.parse(readFileSync(join(ROOT, 'data/topics.json'), 'utf8')) as Topic[]
  const { statements } = extractStatements({ id: c.name, text: c.text, date: null }, { entities, topics })
  const predFile = join(scratch, `${basename(c.name)}.pred.json`)
  writeFileSync(predFile, JSON.stringify(statements))
  const out = execFileSync(process.execPath, [SCORER, c.goldFile, predFile, ...(verbose ? ['--verbose'] : [])], {
    encoding: 'utf8',
  })
  const lines = out.trim().split('\n')
  return { score: JSON.parse(lines.pop()!) as Score, details: lines.join('\n') }
}

/** Micro averages: counts summed over articles, then P/R/F1 from the sums. */
export function microAverage(scores: readonly Score[]) {
  const sum = (k: keyof Score['counts']) => scores.reduce((a, s) => a + s.counts[k], 0)
  const gold = sum('gold')
  const predicted = sum('predicted')
  const contentTp = sum('content_tp')
  const attributionTp = sum('attribution_tp')
  const f1 = (tp: number) => (predicted + gold ? (2 * tp) / (predicted + gold) : 0)
  const round = (x: number) => Math.round(x * 1000) / 1000
  return {
    gold,
    predicted,
    content_f1: round(f1(contentTp)),
    attribution_p: round(predicted ? attributionTp / predicted : 0),
    attribution_r: round(gold ? attributionTp / gold : 0),
    attribution_f1: round(f1(attributionTp)),
    kind_acc: round(contentTp ? sum('kind_ok') / contentTp : 0),
  }
}

export function runEval(verbose = false, set: EvalSet = 'dev') {
  const scratch = mkdtempSync(join(tmpdir(), 'whosaid-eval-'))
  try {
    const results = evalCases(set).map((c) => ({ name: c.name, ...scoreCase(c, scratch, verbose) }))
    return { results, micro: microAverage(results.map((r) => r.score)) }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** MRR and success@3 of the judged queries over the corpus built from data/. */
export function runRelevance() {
  const { corpus, indexJson } = buildCorpus({ dataDir: join(ROOT, 'data') })
  const store = createStore(corpus, MiniSearch.loadJSON<SearchDocument>(indexJson, SEARCH_OPTIONS))
  const judgments = JSON.parse(readFileSync(join(ROOT, 'test/relevance/judgments.json'), 'utf8')) as Judgment[]
  return scoreJudgments(store, judgments)
}

function printTable(
  title: string,
  results: ReturnType<typeof runEval>['results'],
  micro: ReturnType<typeof microAverage>,
): void {
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

const SET_TITLES: Record<EvalSet, string> = {
  dev: 'dev: the seed and test/fixtures/articles (rules were developed on these)',
  heldout: 'held-out: test/fixtures/heldout (web-style articles kept apart)',
  blind: 'blind: test/fixtures/blind (unseen until the second rule pass, then tuned on)',
  blind2: 'blind2: test/fixtures/blind2 (unseen until the third rule pass, then tuned on)',
  blind3: 'blind3: test/fixtures/blind3 (never looked at while writing rules)',
}

function main(): void {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'write-baseline': { type: 'boolean', default: false },
      blind: { type: 'boolean', default: false },
    },
  })
  // The blind set is scored only on request, so nobody tuning rules sees it by accident.
  const sets = (Object.keys(EVAL_SETS) as EvalSet[]).filter(
    (set) => (!set.startsWith('blind') || values.blind) && evalCases(set).length > 0,
  )
  const runs = sets.map((set) => ({ set, ...runEval(values.verbose, set) }))
  if (values.json) {
    console.log(
      JSON.stringify(
        Object.fromEntries(
          runs.map((r) => [r.set, { articles: r.results.map((x) => ({ name: x.name, ...x.score })), micro: r.micro }]),
        ),
        null,
        2,
      ),
    )
  } else {
    for (const r of runs) printTable(SET_TITLES[r.set], r.results, r.micro)
    if (values.verbose)
      for (const r of runs) for (const x of r.results) console.log(`\n# ${r.set}/${x.name}\n${x.details}`)
  }
  const dev = runs.find((r) => r.set === 'dev')!
  const micro = dev.micro
  const relevance = runRelevance()
  if (!values.json) {
    console.log(
      `\nrelevance: ${relevance.results.length} judged queries, MRR ${relevance.mrr}, success@3 ${relevance.success3}`,
    )
    for (const r of relevance.results.filter((x) => x.reciprocalRank < 1 || !x.success3))
      console.log(`  rank ${r.rank || '>10'}: ${r.q}  →  ${r.top[0] ?? '(nothing)'}`)
  }
  if (values['write-baseline']) {
    writeFileSync(BASELINE_FILE, `${JSON.stringify({ micro }, null, 2)}\n`)
    console.error(`wrote ${BASELINE_FILE.slice(ROOT.length + 1)}`)
  }
}

// Run as a script only: importing it (tests, the bench bundle) must not start a run.
if (process.argv[1] && /[\\/]eval\.ts$/.test(process.argv[1])) main()
