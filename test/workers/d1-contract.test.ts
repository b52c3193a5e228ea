/**
 * The contract: the same requests, answered by the memory backend and by the d1 backend (the test
 * corpus loaded into miniflare's D1), give the same answers. Relevance scores differ (bm25 in
 * SQLite, BM25+ in MiniSearch), so they are left out; everything else is compared: totals, ids,
 * order where the sort is not by score, facets, highlights, snippets, matches, links, errors.
 */
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/app'
import { d1Backend } from '../../src/search/d1/backend'
import { seedD1 } from './d1-seed'
import { TEST_DATA } from './test-data'

// As src/index-d1.ts builds it: the app with the d1 backend.
const app = createApp(TEST_DATA, { d1Backend })
const D1_ENV = { DB: env.DB, SEARCH_BACKEND: 'd1' }

beforeAll(seedD1)

async function both(path: string) {
  const [memory, d1] = [await app.request(path, {}, {}), await app.request(path, {}, D1_ENV)]
  return { memory, d1 }
}

type Json = Record<string, unknown>
interface Hit extends Json {
  id: string
  matches: Record<string, string[]>
}

/** A result without its score, its fields' matches sorted (the order fields are found in is not part of the API). */
function comparable(result: Json): Json {
  const { score: _score, explain: _explain, matches, ...rest } = result as Hit
  if (!matches) return rest
  const sorted = Object.fromEntries(
    Object.entries(matches)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => [k, [...v].sort()]),
  )
  return { ...rest, matches: sorted }
}

async function bodies(path: string) {
  const { memory, d1 } = await both(path)
  expect(d1.status, path).toBe(memory.status)
  expect(d1.headers.get('Content-Type'), path).toBe(memory.headers.get('Content-Type'))
  return { status: memory.status, memory: (await memory.json()) as Json, d1: (await d1.json()) as Json }
}

/** Lists whose order is not by score: the whole body must be the same, scores aside. */
const ORDERED = [
  '/v1/statements',
  '/v1/statements?limit=7&offset=3',
  '/v1/statements?kind=direct,mixed&facets=speaker,kind,topic,entity,article,via',
  '/v1/statements?speaker=blinken&facets=kind',
  '/v1/statements?topic=politics&kind=indirect',
  '/v1/statements?since=2023-09-01&until=2023-12-31&attributed=true',
  '/v1/statements?attributed=false&limit=100',
  '/v1/statements?min_confidence=0.8&facets=speaker',
  '/v1/statements?via=xinhua',
  '/v1/statements?entity=white-house&facets=topic',
  '/v1/statements?article=han-blinken-unga-2023&limit=100&offset=5',
  '/v1/speakers/antony-blinken/statements?facets=kind',
  '/v1/speakers/Xinhua/statements',
  '/v1/topics/politics/statements?facets=speaker',
  '/v1/search?q=talks&sort=position',
  '/v1/search?q=United+States&sort=date',
  '/v1/search?q=United+States&sort=date:asc&limit=3&offset=2',
  '/v1/search?q=said&match=any&sort=position:desc&limit=100',
  '/v1/search?q=kind:direct&speaker=blinken',
  '/v1/search?q=speaker:blinken+kind:direct',
  '/v1/search?q=the&sort=position',
  '/v1/search?q=-taiwan&sort=position&limit=100',
  '/v1/search?q=-"doing just that"+speaker:blinken&sort=position',
  '/v1/articles',
  '/v1/articles/han-blinken-unga-2023',
  '/v1/speakers',
  '/v1/speakers?q=secretary&sort=name',
  '/v1/speakers/antony-blinken',
  '/v1/topics',
  '/v1/entities?mentioned=true',
  '/v1/statements/han-blinken-unga-2023-da56563213',
  '/v1/suggest?q=blin',
  '/v1/suggest?q=dipl',
]

/** Ranked searches: the same matching set (ids, totals, facets) and, per statement, the same highlights and snippet. */
const RANKED = [
  'talks',
  'relations',
  'candid halfway',
  'candid halfway&match=any',
  'candid discussion',
  'halfway Taiwan',
  'zeppelin',
  '"open lines of communication"',
  '"communication of lines open"',
  'United States',
  'United States -committed',
  'United States -"doing just that"',
  'Taiw',
  'Taiw ',
  'G20',
  '"Group of 20"',
  'CHINA’S DÉVELOPMENT',
  "china's development",
  'hopes',
  'the',
  'as well as',
  'from the',
  'of but',
  'what did the us say',
  'face-to-face diplomacy',
  'face-to-face diplo',
  '"candid and constructive"',
  'mutually beneficial cooperation',
  'diplomcy',
  'tiawan article:han-blinken-unga-2023',
  'xinhau',
  'blinken diplomacy',
  'blinken',
  'Blinken ',
  'library reopens&kind=narration,direct',
  'relations&min_confidence=0.5',
  'mayor library',
  'north',
  'stadium',
  'harbour',
  'relationship',
  'qqqqqqqq',
  'talks&facets=speaker,kind,topic,entity,article,via',
  'talks&highlight=html',
  'afl-cio',
  'U.S.',
]

describe('the d1 backend answers as the memory backend does', () => {
  it.each(ORDERED)('%s', async (path) => {
    const { status, memory, d1 } = await bodies(path)
    // A stale path (a topic renamed) would otherwise compare two identical 404s.
    expect(status, path).toBe(200)
    const strip = (body: Json): Json => {
      if (!Array.isArray(body.results)) return body
      return { ...body, results: (body.results as Json[]).map(comparable) }
    }
    expect(strip(d1)).toEqual(strip(memory))
  })

  it.each(RANKED)('search %s', async (q) => {
    const [words, ...extra] = q.split('&')
    const path = `/v1/search?q=${encodeURIComponent(words!)}&limit=100${extra.map((e) => `&${e}`).join('')}`
    const { memory, d1 } = await bodies(path)
    const { results: memoryResults, ...memoryRest } = memory as { results: Hit[] } & Json
    const { results: d1Results, ...d1Rest } = d1 as { results: Hit[] } & Json
    expect(d1Rest, path).toEqual(memoryRest)
    const byId = (results: Hit[]) =>
      Object.fromEntries(results.map((r) => [r.id, comparable(r)]).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1)))
    expect(byId(d1Results), path).toEqual(byId(memoryResults))
  })

  it('ranks the clear winner first, as the memory backend does', async () => {
    for (const q of [
      '"open lines of communication"',
      'G20',
      'face-to-face diplomacy',
      'mutually beneficial cooperation',
      'Taiw',
    ]) {
      const { memory, d1 } = await bodies(`/v1/search?q=${encodeURIComponent(q)}`)
      const first = (body: Json) => (body.results as Hit[])[0]?.id
      expect(first(d1), q).toBe(first(memory))
    }
  })

  it('answers a frequent word from its precomputed candidates in one round trip, and a rare one by ranking live', async () => {
    const seen: string[] = []
    let batches = 0
    const spying = {
      prepare: (sql: string) => {
        seen.push(sql)
        return env.DB.prepare(sql)
      },
      batch: (statements: D1PreparedStatement[]) => {
        batches++
        return env.DB.batch(statements)
      },
    }
    // The catalog is read once per binding: read it first, so each search below counts alone.
    await app.request('/v1/search?q=warmup', {}, { DB: spying, SEARCH_BACKEND: 'd1' })
    const ask = async (q: string) => {
      seen.length = 0
      batches = 0
      const res = await app.request(`/v1/search?q=${q}`, {}, { DB: spying, SEARCH_BACKEND: 'd1' })
      expect(res.status).toBe(200)
      return { listed: seen.some((sql) => sql.includes('FROM term_top t')), batches }
    }
    const frequent = await env.DB.prepare('SELECT query FROM term_top_totals ORDER BY total DESC LIMIT 1').first<{
      query: string
    }>()
    expect(frequent?.query).toMatch(/^"\w+"\*?$/)
    expect(await ask('talks')).toEqual({ listed: true, batches: 1 })
    // A word that names a speaker ranks the speaker's statements higher: a list of its own.
    expect(await ask('blinken')).toEqual({ listed: true, batches: 1 })
    // A rare word: whether the corpus has it, then the search with its page.
    expect(await ask('halfway')).toEqual({ listed: false, batches: 2 })
    expect((await ask('zeppelin')).listed).toBe(false)
  })

  it('pages a search as slices of one ranking, from a precomputed list or live', async () => {
    for (const q of ['talks', 'blinken', 'halfway', 'relations']) {
      const ids = async (query: string) => {
        const res = await app.request(`/v1/search?q=${q}&${query}`, {}, D1_ENV)
        expect(res.status, q).toBe(200)
        const body = (await res.json()) as { total: number; results: Hit[] }
        return { total: body.total, ids: body.results.map((r) => r.id) }
      }
      const all = await ids('limit=12')
      expect(await ids('limit=5&offset=3'), q).toEqual({ total: all.total, ids: all.ids.slice(3, 8) })
      expect(await ids(`limit=3&offset=${all.total}`), q).toEqual({ total: all.total, ids: [] })
    }
  })

  it('finds the same similar statements', async () => {
    const list = (await (await app.request('/v1/statements?limit=100')).json()) as { results: Hit[] }
    for (const { id } of list.results.filter((_, i) => i % 9 === 0)) {
      const { memory, d1 } = await bodies(`/v1/statements/${id}/similar?limit=100`)
      const ids = (body: Json) => (body.results as Hit[]).map((r) => r.id).sort()
      expect(ids(d1), id).toEqual(ids(memory))
      expect(d1.total, id).toBe(memory.total)
    }
  })

  it('exports the same CSV and NDJSON', async () => {
    for (const path of [
      '/v1/statements?format=csv&limit=1000',
      '/v1/statements?format=ndjson&kind=direct',
      '/v1/topics/politics/statements?format=csv',
    ]) {
      const { memory, d1 } = await both(path)
      expect(d1.status, path).toBe(200)
      expect(d1.headers.get('X-Total-Count'), path).toBe(memory.headers.get('X-Total-Count'))
      expect(await d1.text(), path).toBe(await memory.text())
    }
  })

  it('asks the Workers cache for its answers, which cost a round trip to D1, and stores them there', async () => {
    const match = vi.spyOn(caches.default, 'match')
    const put = vi.spyOn(caches.default, 'put')
    try {
      const first = await app.request('/v1/search?q=mayor&limit=4&offset=1', {}, D1_ENV)
      expect(first.headers.get('X-Cache')).toBe('MISS')
      expect(match).toHaveBeenCalledTimes(1)
      expect(put).toHaveBeenCalledTimes(1)
      // The second comes from this isolate's memory, before the Workers cache.
      const second = await app.request('/v1/search?q=mayor&limit=4&offset=1', {}, D1_ENV)
      expect(second.headers.get('X-Cache')).toBe('HIT')
      expect(match).toHaveBeenCalledTimes(1)
      expect(await second.text()).toBe(await first.text())
    } finally {
      vi.restoreAllMocks()
    }
  })

  it('keeps its answers apart from the memory backend in the cache and in ETags', async () => {
    const path = '/v1/search?q=relations&limit=3'
    const { memory, d1 } = await both(path)
    expect(d1.headers.get('ETag')).not.toBe(memory.headers.get('ETag'))
    expect(d1.headers.get('X-Cache')).not.toBe('HIT')
  })

  it('says which errors the same way', async () => {
    for (const path of [
      '/v1/statements/no-such-statement',
      '/v1/statements/no-such-statement/similar',
      '/v1/speakers/nobody-known',
      '/v1/articles/nowhere',
      '/v1/search?q=talks&speaker=nobody-known',
      '/v1/search?q=talks&sort=loudness',
    ]) {
      const { memory, d1 } = await bodies(path)
      expect(d1, path).toEqual(memory)
    }
  })
})
