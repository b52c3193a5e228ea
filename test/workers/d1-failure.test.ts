/** When D1 fails or does not answer, the API says 503 with Retry-After, never 500, and the log says why. */
import { env } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/app'
import { d1Backend } from '../../src/search/d1/backend'
import { seedD1 } from './d1-seed'
import { TEST_DATA } from './test-data'

// As src/index-d1.ts builds it: the app with the d1 backend.
const app = createApp(TEST_DATA, { d1Backend })

beforeAll(seedD1)
afterEach(() => vi.restoreAllMocks())

/** A binding whose every call fails (or hangs) the way an unreachable database does. */
function failingBinding(how: 'error' | 'hang', after = 0) {
  let calls = 0
  const real = env.DB
  return {
    prepare: (sql: string) => real.prepare(sql),
    batch: (statements: D1PreparedStatement[]) => {
      if (calls++ < after) return real.batch(statements)
      if (how === 'hang') return new Promise<never>(() => {})
      return Promise.reject(new Error('D1_ERROR: Network connection lost.'))
    },
  }
}

async function expect503(res: Response, log: ReturnType<typeof vi.spyOn>, why: RegExp) {
  expect(res.status).toBe(503)
  expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
  expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
  expect(res.headers.get('Cache-Control')).toBe('no-store')
  const body = (await res.json()) as { code: string; status: number; detail: string }
  expect(body).toMatchObject({ code: 'data_unavailable', status: 503 })
  expect(body.detail).not.toMatch(/D1_ERROR|stack|at /)
  expect(log.mock.calls.flat().join(' ')).toMatch(why)
}

describe('an unreachable D1', () => {
  it('answers 503 when the catalog cannot be read', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await app.request('/v1/search?q=talks', {}, { DB: failingBinding('error'), SEARCH_BACKEND: 'd1' })
    await expect503(res, log, /reading the catalog: D1_ERROR: Network connection lost/)
  })

  it('answers 503 when a search fails after the catalog was read', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await app.request(
      '/v1/statements?kind=direct',
      {},
      { DB: failingBinding('error', 1), SEARCH_BACKEND: 'd1' },
    )
    await expect503(res, log, /listing: D1_ERROR: Network connection lost/)
  })

  it('answers 503 when D1 does not answer in time', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await app.request(
      '/v1/search?q=talks',
      {},
      { DB: failingBinding('hang', 1), SEARCH_BACKEND: 'd1', D1_TIMEOUT_MS: '50' },
    )
    await expect503(res, log, /no answer from D1 within 50 ms/)
  })

  it('answers 503 when the d1 backend is chosen without a database, or an unknown backend', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    await expect503(await app.request('/v1/statements', {}, { SEARCH_BACKEND: 'd1' }), log, /no DB binding/)
    await expect503(await app.request('/health', {}, { SEARCH_BACKEND: 'postgres' }), log, /unknown SEARCH_BACKEND/)
  })

  it('answers 503 when d1 is chosen in a Worker built without the d1 backend (src/index.ts), naming the fix', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const memoryOnly = createApp(TEST_DATA)
    await expect503(
      await memoryOnly.request('/v1/search?q=talks', {}, { DB: env.DB, SEARCH_BACKEND: 'd1' }),
      log,
      /built without the d1 backend; deploy or run it with --env d1/,
    )
  })

  it('answers 503 when the database holds no complete build', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const empty = {
      prepare: (sql: string) => env.DB.prepare(sql.replace("key = 'build_hash'", "key = 'no-such-key'")),
      batch: (statements: D1PreparedStatement[]) => env.DB.batch(statements),
    }
    await expect503(await app.request('/v1/topics', {}, { DB: empty, SEARCH_BACKEND: 'd1' }), log, /npm run d1:load/)
  })

  it('serves again once D1 answers', async () => {
    const res = await app.request('/v1/search?q=talks', {}, { DB: env.DB, SEARCH_BACKEND: 'd1' })
    expect(res.status).toBe(200)
  })
})
