/** The d1 backend's catalog: the small tables, read once per isolate and re-read when the build changes. */
import { BackendUnavailableError, type Catalog } from '../backend'
import type { ArticleSummary, Dimension, EntitySummary, SpeakerSummary, TopicSummary } from '../store'
import { createSynonyms } from '../synonyms'
import type { CatalogJson } from './rows'
import { batch, rowsOf } from './sql'
import { listTerm } from './top'
import type { D1Like } from './types'

/** How long a catalog is trusted before the build hash is checked again. */
export const CATALOG_TTL_MS = 60_000

// ---------------------------------------------------------------------------------------------
// The catalog

function dimensionOf(json: CatalogJson['dimensions'][keyof CatalogJson['dimensions']]): Dimension {
  return {
    labels: new Map(json.labels),
    counts: new Map(json.counts),
    keys: new Map(json.keys.map(([k, ids]) => [k, new Set(ids)])),
    exact: new Map(json.exact.map(([k, ids]) => [k, new Set(ids)])),
  }
}

export async function readBuild(db: D1Like): Promise<string | null> {
  const [meta] = await batch(db, 'reading the build', [db.prepare("SELECT value FROM meta WHERE key = 'build_hash'")])
  return rowsOf<{ value: string }>(meta)[0]?.value ?? null
}

async function loadCatalog(db: D1Like): Promise<Catalog> {
  const [meta, parts, speakers, topics, entities, articles, top] = await batch(db, 'reading the catalog', [
    db.prepare("SELECT value FROM meta WHERE key = 'build_hash'"),
    db.prepare('SELECT json FROM catalog ORDER BY part'),
    db.prepare('SELECT json FROM speakers ORDER BY rank'),
    db.prepare('SELECT json FROM topics ORDER BY rank'),
    db.prepare('SELECT json FROM entities ORDER BY rank'),
    db.prepare('SELECT summary FROM articles ORDER BY position'),
    // The frequent words' precomputed candidates, when they were computed on the build served.
    db.prepare(
      "SELECT query FROM term_top_totals WHERE (SELECT value FROM meta WHERE key = 'top_build') = (SELECT value FROM meta WHERE key = 'build_hash')",
    ),
  ])
  if (!rowsOf<{ value: string }>(meta)[0]) {
    throw new BackendUnavailableError('the database holds no complete build (run `npm run d1:load`)', 60)
  }
  const json = JSON.parse(
    rowsOf<{ json: string }>(parts)
      .map((r) => r.json)
      .join(''),
  ) as CatalogJson
  const parse = <T>(rows: { json: string }[]) => rows.map((r) => JSON.parse(r.json) as T)
  const speakerList = parse<SpeakerSummary>(rowsOf(speakers))
  const topicList = parse<TopicSummary>(rowsOf(topics))
  const entityList = parse<EntitySummary>(rowsOf(entities))
  const catalog: Catalog = {
    buildHash: json.buildHash,
    registry: json.registry,
    synonyms: createSynonyms(json.synonyms),
    vocabulary: json.vocabulary,
    statementCount: json.statementCount,
    articleCount: json.articleCount,
    speakers: speakerList,
    speakerById: new Map(speakerList.map((s) => [s.id, s])),
    topics: topicList,
    topicById: new Map(topicList.map((t) => [t.id, t])),
    entities: entityList,
    entityById: new Map(entityList.map((e) => [e.id, e])),
    articleSummaries: rowsOf<{ summary: string }>(articles).map((r) => JSON.parse(r.summary) as ArticleSummary),
    dimensions: {
      speaker: dimensionOf(json.dimensions.speaker),
      via: dimensionOf(json.dimensions.via),
      topic: dimensionOf(json.dimensions.topic),
      entity: dimensionOf(json.dimensions.entity),
      article: dimensionOf(json.dimensions.article),
      kind: dimensionOf(json.dimensions.kind),
    },
  }
  const keys = new Set(rowsOf<{ query: string }>(top).map((r) => r.query))
  const terms = new Set<string>()
  for (const key of keys) {
    const term = listTerm(key)
    if (term !== null) terms.add(term)
  }
  topLists.set(catalog, { keys, terms })
  return catalog
}

const topLists = new WeakMap<Catalog, { keys: ReadonlySet<string>; terms: ReadonlySet<string> }>()

/** The searches (list keys, src/search/d1/top.ts) whose top candidates are precomputed for this catalog's build. */
export function precomputed(catalog: Catalog): ReadonlySet<string> {
  return topLists.get(catalog)?.keys ?? new Set()
}

/** Index terms the corpus has for sure: those with a precomputed list. */
export function listedTerms(catalog: Catalog): ReadonlySet<string> {
  return topLists.get(catalog)?.terms ?? new Set()
}

interface CachedCatalog {
  catalog: Promise<Catalog>
  checked: number
}

const catalogs = new WeakMap<D1Like, CachedCatalog>()

/** The catalog of this database, read once per isolate and trusted for CATALOG_TTL_MS. */
export async function catalogFor(db: D1Like): Promise<Catalog> {
  const cached = catalogs.get(db)
  const now = Date.now()
  if (cached && now - cached.checked < CATALOG_TTL_MS) return cached.catalog
  if (cached) {
    const current = await cached.catalog.catch(() => null)
    if (current && (await readBuild(db)) === current.buildHash) {
      cached.checked = now
      return current
    }
  }
  const entry: CachedCatalog = { catalog: loadCatalog(db), checked: now }
  catalogs.set(db, entry)
  // A failed read is not kept: the next request tries again.
  entry.catalog.catch(() => {
    if (catalogs.get(db) === entry) catalogs.delete(db)
  })
  return entry.catalog
}
