import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { call, json, problemOf } from './helpers'
import { OPENAPI } from './test-data'

describe('GET /health', () => {
  it('reports status, counts and the build hash', async () => {
    const body = await json<{ status: string; statements: number; articles: number; build_hash: string }>('/health')
    expect(body.status).toBe('ok')
    expect(body.articles).toBeGreaterThanOrEqual(1)
    expect(body.statements).toBeGreaterThanOrEqual(15)
    expect(body.build_hash).toMatch(/^[0-9a-f]{16}$/)
  })
})

describe('when the corpus cannot be loaded', () => {
  const broken = createApp(
    { ok: false, error: 'the bundled corpus or index could not be loaded' },
    { openapi: OPENAPI },
  )

  it.each(['/health', '/v1/search?q=talks', '/v1/statements', '/v1/speakers/han-zheng'])(
    '%s answers 503 problem+json',
    async (path) => {
      const res = await broken.request(path)
      expect(res.status).toBe(503)
      expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/)
      expect(res.headers.get('Retry-After')).toBe('60')
      expect(await res.json()).toMatchObject({ code: 'data_unavailable', status: 503 })
    },
  )

  it('still serves the OpenAPI document', async () => {
    expect((await broken.request('/openapi.json')).status).toBe(200)
  })
})

describe('GET /openapi.json', () => {
  it('documents every route the app serves, and only those', async () => {
    const doc = await json<{
      openapi: string
      paths: Record<string, Record<string, unknown>>
      components: { schemas: Record<string, unknown> }
    }>('/openapi.json')
    expect(doc.openapi).toBe('3.1.0')
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    )
    // Hono's own route table: every handler registered, whatever the route group; middleware is ALL.
    const served = createApp({ ok: false, error: 'unused' }, { openapi: OPENAPI })
      .routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    // The document, its interactive reference (/docs) and the index page are not API routes.
    const undocumented = ['GET /openapi.json', 'GET /', 'GET /docs']
    expect([...new Set(documented)].sort()).toEqual(
      [...new Set(served)].filter((r) => !undocumented.includes(r)).sort(),
    )
    expect(served).toEqual(expect.arrayContaining(undocumented))
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Statement', 'Speaker', 'Problem']))
  })

  it('documents the limits', async () => {
    const doc = await json<any>('/openapi.json')
    const params = doc.paths['/v1/search'].get.parameters as {
      name: string
      schema: { maximum?: number }
      description?: string
    }[]
    // 100 for JSON pages, 1000 for the streamed CSV and NDJSON exports (the description says which).
    expect(params.find((p) => p.name === 'limit')?.schema.maximum).toBe(1000)
    expect(params.find((p) => p.name === 'limit')?.description).toMatch(/1 to 100 for JSON/)
    expect(params.find((p) => p.name === 'offset')?.schema.maximum).toBe(1000)
  })
})

describe('errors', () => {
  it('answers 404 problem+json for an unknown route', async () => {
    await problemOf('/v2/nothing', 404, 'route_not_found')
  })

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('answers 405 with Allow for %s on a GET route', async (method) => {
    const res = await call('/v1/search?q=x', { method })
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('GET, HEAD, OPTIONS')
    expect((await res.json<{ code: string }>()).code).toBe('method_not_allowed')
  })

  it('answers 414 for an overlong URL', async () => {
    await problemOf(`/v1/search?q=${'a'.repeat(5000)}`, 414, 'uri_too_long')
  })
})

describe('HTTP behaviour', () => {
  it('answers HEAD like GET without a body', async () => {
    const res = await call('/v1/statements', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })

  it('allows any origin for GET', async () => {
    const res = await call('/v1/statements', { headers: { Origin: 'https://example.org' } })
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull()
  })

  it('answers a CORS preflight for safe methods only', async () => {
    const res = await call('/v1/search', {
      method: 'OPTIONS',
      headers: { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
  })

  it('sends an ETag and answers 304 when it matches', async () => {
    const first = await call('/v1/topics')
    const tag = first.headers.get('ETag')
    expect(tag).toBeTruthy()
    const again = await call('/v1/topics', { headers: { 'If-None-Match': tag! } })
    expect(again.status).toBe(304)
  })

  it('pretty-prints JSON on ?pretty only, whatever the User-Agent, so caches need no Vary on it', async () => {
    const curl = await call('/health', { headers: { 'User-Agent': 'curl/8.5.0' } })
    expect(await curl.text()).toMatch(/^\{"status"/)
    expect(curl.headers.get('Vary')).not.toMatch(/User-Agent/i)
    const pretty = await call('/health?pretty')
    expect(await pretty.text()).toMatch(/^\{\n {2}"status"/)
    const compact = await call('/health')
    expect(await compact.text()).toMatch(/^\{"status"/)
  })

  it('sets security headers, with a CSP that lets nothing load', async () => {
    const res = await call('/health')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/)
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin')
  })

  it('sets security headers on errors too', async () => {
    const res = await call('/v1/nowhere')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})
