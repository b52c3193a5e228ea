import { SELF } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { EXAMPLE_STATEMENT_ID } from '../../src/routes/schemas'
import { createClient, firstSpeaker, nextPageOf, relayOf, searchFirst, speakersIn } from '../client/client'

// test/client/client.ts is a front end's code, compiled under a browser tsconfig by `npm run typecheck`;
// here it runs against the Worker.
const client = createClient('http://local.test', (input, init) => SELF.fetch(input, init))

describe('typed client (hono/client over AppType)', () => {
  it('searches with typed query and typed results', async () => {
    const hit = await searchFirst(client, 'face-to-face diplomacy')
    expect(hit?.speakers[0]?.name).toBe('Antony Blinken')
    expect(hit?.highlights.length).toBeGreaterThan(0)
  })

  it('calls a route without parameters with no arguments', async () => {
    expect(await firstSpeaker(client)).toEqual(expect.any(String))
    const res = await client.v1.topics.$get()
    expect(res.status).toBe(200)
  })

  it('reads a nullable via, present and absent', async () => {
    expect(await relayOf(client, 'han-blinken-unga-2023-d12077dd0f')).toBe('Xinhua News Agency')
    expect(await relayOf(client, EXAMPLE_STATEMENT_ID)).toBeNull()
  })

  it('looks up a speaker by path parameter', async () => {
    const res = await client.v1.speakers[':id'].$get({ param: { id: 'han-zheng' } })
    expect(res.status).toBe(200)
    if (res.status === 200) expect((await res.json()).counts.total).toBe(4)
  })

  it('follows page links', async () => {
    expect(await nextPageOf(client, 'blinken')).toBe('/v1/statements?speaker=blinken&limit=1&offset=1')
  })

  it('posts text to extract with a typed body', async () => {
    expect(await speakersIn(client, '"We will keep talking," Blinken said.')).toEqual(['Antony Blinken'])
  })
})
