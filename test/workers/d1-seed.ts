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
import { type CatalogJson, corpusRows } from '../../src/search/d1/rows'
import { chooseLists, TERMS_PAGE_SQL, topCorpus, topWrites } from '../../src/search/d1/top'
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
 * Rebuilds the precomputed candidates as the loader does, with a threshold low enough (2
 * statements) that the test corpus has them for most of its words and speakers.
 */
export async function buildTopLists(db: D1Database, corpus: Corpus, minDocs = 2): Promise<string[]> {
  const terms = new Map<string, number>()
  for (let after = ''; ; ) {
    const { results } = await db.prepare(TERMS_PAGE_SQL).bind(after, 1000).all<{ term: string; doc: number }>()
    for (const r of results) terms.set(r.term, r.doc)
    if (results.length < 1000) break
    after = results[results.length - 1]!.term
  }
  const catalog = JSON.parse(corpusRows(corpus).catalog) as CatalogJson
  const lists = chooseLists(topCorpus(terms, catalog), minDocs)
  for (const group of topWrites(lists, corpus.build_hash)) {
    await db.batch(group.map((w) => db.prepare(w.sql).bind(...w.params)))
  }
  return lists.map((l) => l.key)
}

/** The schema, the test corpus and its precomputed candidates, in this test file's D1. */
export async function seedD1(): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
  await loadCorpus(env.DB, TEST_CORPUS)
  await buildTopLists(env.DB, TEST_CORPUS)
}
