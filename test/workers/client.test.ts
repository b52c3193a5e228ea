import { SELF } from 'cloudflare:test'
import { hc } from 'hono/client'
import { describe, expect, it } from 'vitest'
import type { AppType } from '../../src/index'

// Type-checked by `npm run typecheck`: a wrong route or field name here fails the build.
const client = hc<AppType>('http://local.test', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input, init),
})

describe('typed client (hono/client over AppType)', () => {
  it('searches with typed query and typed results', async () => {
    const res = await client.v1.search.$get({ query: { q: 'face-to-face diplomacy', limit: '1' } })
    expect(res.status).toBe(200)
    if (res.status !== 200) return
    const body = await res.json()
    expect(body.results[0]?.speakers[0]?.name).toBe('Antony Blinken')
    expect(body.results[0]?.highlights.length).toBeGreaterThan(0)
  })

  it('looks up a speaker by path parameter', async () => {
    const res = await client.v1.speakers[':id'].$get({ param: { id: 'han-zheng' }, query: {} })
    expect(res.status).toBe(200)
    if (res.status === 200) expect((await res.json()).counts.total).toBe(4)
  })
})
