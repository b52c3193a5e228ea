/** HTTP done right: ETags, 304s with CORS, Cache-Control and Vary, the Workers cache, HEAD, request ids, logs and rate limits. */
import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/app'
import type { AccessLogLine } from '../../src/middleware/access-log'
import { RATE_LIMITS } from '../../src/rate-limits'
import { call } from './helpers'
import { TEST_DATA } from './test-data'

const ORIGIN = 'https://front.example'

describe('ETag and If-None-Match', () => {
  it('answers a CORS fetch with Origin and If-None-Match with a 304 that browsers accept', async () => {
    const first = await call('/v1/search?q=relationship', { headers: { Origin: ORIGIN } })
    const tag = first.headers.get('ETag')!
    const res = await call('/v1/search?q=relationship', { headers: { Origin: ORIGIN, 'If-None-Match': tag } })
    expect(res.status).toBe(304)
    // Without this header Chromium reports the revalidation as "Failed to fetch".
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('ETag')).toBe(tag)
    expect(res.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'))
    expect(res.headers.get('Vary')).toBe(first.headers.get('Vary'))
    expect(res.headers.get('X-Request-Id')).toBeTruthy()
    expect(await res.text()).toBe('')
  })

  it.each(['/v1/speakers', '/v1/articles/han-blinken-unga-2023', '/health', '/openapi.json'])(
    'answers 304 with CORS headers on %s too',
    async (path) => {
      const tag = (await call(path)).headers.get('ETag')!
      const res = await call(path, { headers: { Origin: ORIGIN, 'If-None-Match': `W/${tag}, "other"` } })
      expect(res.status).toBe(304)
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    },
  )

  it('gives different ETags to different bytes: pretty and compact, CSV and JSON, NDJSON', async () => {
    const variants = [
      '/v1/statements',
      '/v1/statements?pretty',
      '/v1/statements?format=csv',
      '/v1/statements?format=ndjson',
    ]
    const responses = await Promise.all(variants.map((p) => call(p)))
    const bodies = await Promise.all(responses.map((r) => r.text()))
    const tags = responses.map((r) => r.headers.get('ETag'))
    expect(new Set(bodies).size).toBe(variants.length)
    expect(new Set(tags).size).toBe(variants.length)
  })

  it('gives the same ETag and bytes to the same request written differently', async () => {
    const a = await call('/v1/statements?speaker=Blinken&kind=direct,mixed')
    const b = await call('/v1/statements?kind=mixed&kind=direct&speaker=antony-blinken&limit=20&offset=0')
    expect(a.headers.get('ETag')).toBe(b.headers.get('ETag'))
    expect(await a.text()).toBe(await b.text())
  })

  it('tells CSV asked for by Accept from JSON', async () => {
    const json = await call('/v1/statements')
    const csv = await call('/v1/statements', { headers: { Accept: 'text/csv' } })
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('ETag')).not.toBe(json.headers.get('ETag'))
    expect(csv.headers.get('ETag')).toBe((await call('/v1/statements?format=csv')).headers.get('ETag'))
  })

  it('matches the bytes sent: the same ETag always comes with the same body', async () => {
    for (const path of ['/v1/search?q=talks', '/v1/speakers?limit=3', '/health']) {
      const [a, b] = [await call(path), await call(path)]
      expect(a.headers.get('ETag')).toBe(b.headers.get('ETag'))
      expect(await a.text()).toBe(await b.text())
    }
  })
})

describe('Cache-Control and Vary', () => {
  it('lets shared caches keep successful answers, for less time in browsers than at the edge', async () => {
    const res = await call('/v1/topics')
    expect(res.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+, s-maxage=\d+$/)
  })

  it.each([
    ['/v1/search?q=talks', 'Accept, Accept-Encoding'],
    ['/v1/statements', 'Accept, Accept-Encoding'],
    ['/v1/speakers', 'Accept-Encoding'],
  ])('varies %s on %s', async (path, vary) => {
    expect((await call(path)).headers.get('Vary')).toBe(vary)
  })

  it.each([
    ['/v1/search?q=talks&limit=0', 400],
    ['/v1/statements/nope', 404],
    ['/v2/nothing', 404],
  ])('never lets a cache keep an error (%s)', async (path, status) => {
    const res = await call(path)
    expect(res.status).toBe(status)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })
})

describe('answers kept for repeated requests', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('serves a second identical search from memory, however its parameters are ordered', async () => {
    // A query no other test sends, so the first request is a miss in this isolate.
    const first = await call('/v1/search?q=library+reopens&kind=narration,direct&limit=5')
    expect(first.headers.get('X-Cache')).toBe('MISS')
    const second = await call('/v1/search?limit=5&kind=direct&kind=Narration&offset=0&q=library+reopens&match=all')
    expect(second.headers.get('X-Cache')).toBe('HIT')
    expect(second.headers.get('ETag')).toBe(first.headers.get('ETag'))
    expect(await second.text()).toBe(await first.text())
  })

  it('keeps representations apart: a kept JSON answer is not served for CSV', async () => {
    await call('/v1/search?q=stadium')
    const csv = await call('/v1/search?q=stadium&format=csv')
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/)
    expect(csv.headers.get('X-Cache')).toBe('MISS')
  })

  it('adds the per-request headers to a kept answer afresh', async () => {
    await call('/v1/search?q=harbour', { headers: { 'X-Request-Id': 'first-request' } })
    const hit = await call('/v1/search?q=harbour', { headers: { 'X-Request-Id': 'second-request' } })
    expect(hit.headers.get('X-Cache')).toBe('HIT')
    expect(hit.headers.get('X-Request-Id')).toBe('second-request')
  })

  it('never asks the Workers cache for the memory backend, whose search is cheaper than the lookup', async () => {
    const match = vi.spyOn(caches.default, 'match')
    const put = vi.spyOn(caches.default, 'put')
    const first = await call('/v1/statements?kind=narration&limit=2&offset=1')
    const second = await call('/v1/statements?kind=narration&limit=2&offset=1')
    expect([first.headers.get('X-Cache'), second.headers.get('X-Cache')]).toEqual(['MISS', 'HIT'])
    expect(match).not.toHaveBeenCalled()
    expect(put).not.toHaveBeenCalled()
  })
})

describe('HEAD', () => {
  it.each([
    '/v1/search?q=talks',
    '/v1/suggest?q=blin',
    '/v1/statements?limit=3',
    '/v1/statements?format=csv',
    '/v1/speakers',
    '/v1/speakers/han-zheng',
    '/v1/topics',
    '/v1/entities',
    '/v1/articles',
    '/v1/articles/han-blinken-unga-2023',
    '/health',
    '/openapi.json',
  ])('answers HEAD %s with the Content-Length of the GET body and no body', async (path) => {
    const get = await call(path)
    const bytes = (await get.arrayBuffer()).byteLength
    const head = await call(path, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('Content-Length')).toBe(String(bytes))
    expect(head.headers.get('ETag')).toBe(get.headers.get('ETag'))
    expect(await head.text()).toBe('')
  })
})

describe('X-Request-Id', () => {
  it('echoes a sane request id', async () => {
    const res = await call('/health', { headers: { 'X-Request-Id': 'req-42.abc_DEF' } })
    expect(res.headers.get('X-Request-Id')).toBe('req-42.abc_DEF')
  })

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with spaces', 'two words'],
    ['with a control character', 'tab\tinside'],
  ])('replaces a request id that is %s with a UUID', async (_why, id) => {
    const res = await call('/health', { headers: { 'X-Request-Id': id } })
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('generates one when none is sent, on errors too', async () => {
    const ok = await call('/health')
    const error = await call('/v2/nothing')
    expect(ok.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(error.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(ok.headers.get('X-Request-Id')).not.toBe(error.headers.get('X-Request-Id'))
  })

  it('exposes it, and the other useful headers, to browser scripts', async () => {
    const res = await call('/health', { headers: { Origin: ORIGIN } })
    const exposed = res.headers.get('Access-Control-Expose-Headers')!.split(',')
    expect(exposed).toEqual(expect.arrayContaining(['X-Request-Id', 'ETag', 'Link', 'RateLimit', 'RateLimit-Policy']))
  })
})

describe('access log', () => {
  afterEach(() => vi.restoreAllMocks())

  it('writes one JSON line per request with method, path, status, duration, request id and cache status', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const app = createApp(TEST_DATA)
    await app.request('/v1/statements/nope', { headers: { 'X-Request-Id': 'log-test' } })
    const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)) as AccessLogLine)
    expect(lines).toEqual([
      {
        method: 'GET',
        path: '/v1/statements/nope',
        status: 404,
        duration_ms: expect.any(Number),
        request_id: 'log-test',
        cache: 'none',
      },
    ])
  })

  it('records the cache outcome', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const app = createApp(TEST_DATA)
    await app.request('/v1/search?q=mayor+library')
    await app.request('/v1/search?q=mayor+library')
    const caches = log.mock.calls.map(([line]) => (JSON.parse(String(line)) as AccessLogLine).cache)
    expect(caches).toEqual(['miss', 'hit'])
  })
})

describe('rate limiting', () => {
  // SMALL_LIMITER (vitest.config.ts) allows 3 requests a minute: the local simulation of the binding.
  const limited = createApp(TEST_DATA)
  const fetchAs = (ip: string, path = '/health', init: RequestInit = {}) =>
    limited.request(
      path,
      { ...init, headers: { 'CF-Connecting-IP': ip, ...init.headers } },
      {
        API_LIMITER: env.SMALL_LIMITER,
        EXTRACT_LIMITER: env.SMALL_LIMITER,
      },
    )

  it('answers 429 problem+json with Retry-After once a client is over its limit', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 4; i++) {
      last = await fetchAs(ip)
      statuses.push(last.status)
    }
    expect(statuses).toEqual([200, 200, 200, 429])
    expect(last!.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
    expect((await last!.json<{ code: string }>()).code).toBe('rate_limited')
    expect(Number(last!.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(last!.headers.get('Cache-Control')).toBe('no-store')
    expect(last!.headers.get('RateLimit')).toMatch(/^"read";r=0;t=\d+$/)
  })

  it('counts each client IP apart', async () => {
    const ip = (n: number) => `203.0.113.${n}`
    for (let i = 0; i < 3; i++) await fetchAs(ip(1))
    expect((await fetchAs(ip(1))).status).toBe(429)
    expect((await fetchAs(ip(2))).status).toBe(200)
  })

  it('reports the policy and what is left on every response', async () => {
    const res = await fetchAs('192.0.2.77')
    const { limit, period } = RATE_LIMITS.read
    expect(res.headers.get('RateLimit-Policy')).toBe(`"read";q=${limit};w=${period}`)
    expect(res.headers.get('RateLimit')).toMatch(new RegExp(`^"read";r=${limit - 1};t=\\d+$`))
  })

  it('applies the extract policy to POST /v1/extract', async () => {
    const res = await fetchAs('192.0.2.78', '/v1/extract', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'The mayor said the library would reopen.',
    })
    expect(res.headers.get('RateLimit-Policy')).toMatch(/^"extract";q=\d+;w=\d+$/)
  })

  it('still serves, unlimited and without RateLimit headers, when the app has no binding', async () => {
    const bare = createApp(TEST_DATA)
    for (let i = 0; i < 5; i++) expect((await bare.request('/health')).status).toBe(200)
    expect((await bare.request('/health')).headers.get('RateLimit')).toBeNull()
  })

  it('does not count CORS preflights', async () => {
    const res = await fetchAs('192.0.2.79', '/v1/search', {
      method: 'OPTIONS',
      headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('RateLimit')).toBeNull()
  })
})
