/** Loads the test corpus into the test run's local D1 the way `npm run d1:load` loads a build. */
import { applyD1Migrations, env } from 'cloudflare:test'
import PACKED from '../../src/generated/test-corpus.bin'
import type { Corpus } from '../../src/search/corpus'
import {
  EXISTING_ARTICLES_SQL,
  EXISTING_BUILD_SQL,
  type ExistingArticle,
  type LoadPlan,
  planLoad,
} from '../../src/search/d1/plan'
import { corpusRows } from '../../src/search/d1/rows'
import { FREQUENT_TERMS_SQL, topWrites } from '../../src/search/d1/top'
import { unpackCorpus } from '../../src/search/packed'

export const TEST_CORPUS: Corpus = unpackCorpus(new TextDecoder().decode(PACKED))

/** What the database holds now, as planLoad reads it. */
export async function existingState(db: D1Database) {
  const [articles, build] = await db.batch([db.prepare(EXISTING_ARTICLES_SQL), db.prepare(EXISTING_BUILD_SQL)])
  const existing = new Map<string, ExistingArticle>()
  for (const r of (articles?.results ?? []) as { id: string; hash: string; position: number; first_pos: number }[]) {
    existing.set(r.id, { hash: r.hash, position: r.position, firstPos: r.first_pos })
  }
  return { existing, build: ((build?.results ?? [])[0] as { value: string } | undefined)?.value ?? null }
}

/** Plans and runs a load of `corpus` into `db`, in batches. */
export async function loadCorpus(db: D1Database, corpus: Corpus): Promise<LoadPlan> {
  const { existing, build } = await existingState(db)
  const plan = planLoad(corpusRows(corpus), existing, build)
  for (let i = 0; i < plan.writes.length; i += 50) {
    await db.batch(plan.writes.slice(i, i + 50).map((w) => db.prepare(w.sql).bind(...w.params)))
  }
  return plan
}

/**
 * Rebuilds the frequent words' precomputed candidates as the loader does, with a threshold low
 * enough (2 statements) that the test corpus has them for most of its words.
 */
export async function buildTopLists(db: D1Database, buildHash: string, minDocs = 2): Promise<string[]> {
  const { results } = await db.prepare(FREQUENT_TERMS_SQL).bind(minDocs).all<{ term: string }>()
  const terms = results.map((r) => r.term)
  for (const group of topWrites(terms, buildHash)) {
    await db.batch(group.map((w) => db.prepare(w.sql).bind(...w.params)))
  }
  return terms
}

/** The schema, the test corpus and its precomputed candidates, in this test file's D1. */
export async function seedD1(): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
  await loadCorpus(env.DB, TEST_CORPUS)
  await buildTopLists(env.DB, TEST_CORPUS.build_hash)
}
