import { env } from 'cloudflare:test'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from '../../src/app'
import { extractStatements } from '../../src/extract/index'
import { MAX_EXTRACT_BYTES, SUBMITTED_ARTICLE_ID } from '../../src/routes/extract'
import type { Statement } from '../../src/types'
import seedText from '../corpus/articles/han-blinken-unga-2023.txt?raw'
import { call, json, problemOf } from './helpers'
import { TEST_DATA, testStore } from './test-data'

const SEED = 'han-blinken-unga-2023'
const SEED_DATE = '2023-09-18'

interface ExtractResult {
  article: { id: string; title: string | null; date: string | null; characters: number }
  statements: Statement[]
  warnings: string[]
}

const post = (body: BodyInit, type = 'application/json', headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': type, ...headers },
  body,
})
const postJson = (value: unknown) => post(JSON.stringify(value))

describe('POST /v1/extract', () => {
  it("returns the seed article's statements, as the extractor finds them run directly", async () => {
    const body = await json<ExtractResult>(
      '/v1/extract',
      200,
      postJson({ text: seedText, title: 'Seed', date: SEED_DATE }),
    )
    const store = testStore()
    const direct = extractStatements(
      { id: SUBMITTED_ARTICLE_ID, text: seedText, date: SEED_DATE },
      { entities: store.registry.entities, topics: store.registry.topics },
    )
    expect(body.statements).toEqual(direct.statements)
    expect(body.article).toEqual({
      id: SUBMITTED_ARTICLE_ID,
      title: 'Seed',
      date: SEED_DATE,
      characters: seedText.length,
    })
  })

  it('finds what the served corpus holds for the same article: speakers, kinds, content and spans', async () => {
    const body = await json<ExtractResult>('/v1/extract', 200, postJson({ text: seedText, date: SEED_DATE }))
    const served = await json<{ results: Statement[] }>(`/v1/statements?article=${SEED}&limit=100`)
    const shape = (s: Statement) => ({
      kind: s.kind,
      speakers: s.speakers,
      content: s.content,
      spans: s.spans,
      date: s.date,
    })
    expect(body.statements.map(shape)).toEqual(served.results.map(shape))
    for (const st of body.statements)
      for (const span of st.spans) expect(seedText.slice(span.start, span.end).length).toBe(span.end - span.start)
  })

  it('takes the text itself as text/plain', async () => {
    const body = await json<ExtractResult>(
      '/v1/extract',
      200,
      post('"We will keep talking," Blinken said.', 'text/plain; charset=utf-8'),
    )
    expect(body.statements[0]).toMatchObject({ kind: 'direct', cue: 'said' })
    expect(body.statements[0]!.content).toMatch(/^We will keep talking/)
    expect(body.statements[0]!.speakers[0]!.id).toBe('antony-blinken')
    expect(body.article.date).toBeNull()
  })

  it('is never cached', async () => {
    const res = await call('/v1/extract', postJson({ text: 'The mayor said the library would reopen.' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('ETag')).toBeNull()
  })

  it.each([
    ['a missing text', { title: 'x' }, 'text'],
    ['an empty text', { text: '  ' }, 'text'],
    ['a text that is not a string', { text: 42 }, 'text'],
    ['a bad date', { text: 'x', date: '2023-02-30' }, 'date'],
    ['an unknown field', { text: 'x', author: 'me' }, 'author'],
  ])('answers 400 invalid_parameter naming the field for %s', async (_why, value, field) => {
    const body = await problemOf(
      '/v1/extract',
      400,
      field === 'author' ? 'unknown_parameter' : 'invalid_parameter',
      postJson(value),
    )
    expect(body.errors?.map((e) => e.parameter)).toContain(field)
  })

  it('answers 400 malformed_request naming the body for invalid JSON', async () => {
    const body = await problemOf('/v1/extract', 400, 'malformed_request', post('{"text": '))
    expect(body.errors?.[0]?.parameter).toBe('body')
  })

  it('answers 400 for an empty text/plain body', async () => {
    const body = await problemOf('/v1/extract', 400, 'invalid_parameter', post('', 'text/plain'))
    expect(body.errors?.[0]?.parameter).toBe('text')
  })

  it.each([['application/x-www-form-urlencoded'], ['text/html'], ['']])(
    'answers 415 naming Content-Type for "%s"',
    async (type) => {
      const init = type ? post('text=x', type) : { method: 'POST', body: new Blob(['x']) }
      const body = await problemOf('/v1/extract', 415, 'unsupported_media_type', init)
      expect(body.errors?.[0]?.parameter).toBe('Content-Type')
    },
  )

  it('answers 413 for a body over 64 KB, and accepts one just under', async () => {
    const big = 'a'.repeat(MAX_EXTRACT_BYTES + 1)
    const body = await problemOf('/v1/extract', 413, 'payload_too_large', post(big, 'text/plain'))
    expect(body.errors?.[0]?.parameter).toBe('body')
    // Streamed without Content-Length: counted while reading.
    const stream = new Blob([big]).stream()
    await problemOf('/v1/extract', 413, 'payload_too_large', {
      ...post(stream, 'text/plain'),
      duplex: 'half',
    } as RequestInit)
    const fits = `${'The mayor said the library would reopen. '.repeat(1500)}`.slice(0, MAX_EXTRACT_BYTES)
    expect((await call('/v1/extract', post(fits, 'text/plain'))).status).toBe(200)
  })

  it('answers 405 to GET, allowing POST', async () => {
    const res = await call('/v1/extract')
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('POST, OPTIONS')
  })

  it('allows POST in its CORS preflight, and only here', async () => {
    const preflight = (path: string) =>
      call(path, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://front.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      })
    const extract = await preflight('/v1/extract')
    expect(extract.status).toBe(204)
    expect(extract.headers.get('Access-Control-Allow-Methods')).toBe('POST,OPTIONS')
    expect(extract.headers.get('Access-Control-Allow-Headers')).toBe('content-type')
    expect((await preflight('/v1/search')).headers.get('Access-Control-Allow-Methods')).toBe('GET,HEAD,OPTIONS')
  })

  it('documents the size limit and the rate limits in the OpenAPI document', async () => {
    const doc = await json<any>('/openapi.json')
    const op = doc.paths['/v1/extract'].post
    expect(op.description).toContain(String(MAX_EXTRACT_BYTES))
    expect(op.description).toMatch(/\d+ requests per \d+ s per client IP/)
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '413', '415', '429']))
  })
})

describe('the extraction Worker behind POST /v1/extract', () => {
  const article = { id: SUBMITTED_ARTICLE_ID, text: seedText, date: SEED_DATE }
  const options = () => ({ entities: testStore().registry.entities, topics: testStore().registry.topics })

  it('answers over RPC through the EXTRACTOR binding exactly what the extractor finds in-process', async () => {
    const overRpc = await env.EXTRACTOR.extract(article, options())
    const direct = extractStatements(article, options())
    expect(overRpc.statements.length).toBeGreaterThan(10)
    expect(overRpc).toEqual(direct)
  })

  it('has no public face: a fetch reaching it gets a 404 problem saying what it is for', async () => {
    const res = await env.EXTRACTOR.fetch('http://extract/v1/extract', { method: 'POST' })
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    expect(await res.text()).toContain('service binding')
  })

  it('answers 503 extractor_unavailable with Retry-After when the Worker has no extractor at all', async () => {
    const bare = createApp(TEST_DATA)
    const res = await bare.request('/v1/extract', postJson({ text: seedText }), {})
    expect(res.status).toBe(503)
    expect(res.headers.get('Content-Type')).toBe('application/problem+json')
    expect(res.headers.get('Retry-After')).toBe('30')
    const body = (await res.json()) as { code: string; detail: string }
    expect(body).toMatchObject({ code: 'extractor_unavailable', status: 503, instance: '/v1/extract' })
    expect(body.detail).toContain('EXTRACTOR')
  })

  it('answers 503, without the error, when the extraction Worker fails or is not running', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failing = { extract: () => Promise.reject(new Error('Service binding not connected: at internal.ts:12')) }
    const res = await createApp(TEST_DATA).request('/v1/extract', postJson({ text: seedText }), { EXTRACTOR: failing })
    expect(res.status).toBe(503)
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({
      code: 'extractor_unavailable',
      detail: expect.stringContaining('did not answer'),
    })
    expect(text).not.toContain('internal.ts')
    expect(quiet).toHaveBeenCalledOnce()
    quiet.mockRestore()
  })

  it('answers 503 when the extraction Worker takes longer than EXTRACT_TIMEOUT_MS', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const hanging = { extract: () => new Promise<never>(() => {}) }
    const res = await createApp(TEST_DATA).request('/v1/extract', postJson({ text: seedText }), {
      EXTRACTOR: hanging,
      EXTRACT_TIMEOUT_MS: '50',
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('30')
    expect(await res.json()).toMatchObject({ code: 'extractor_unavailable' })
    expect(quiet.mock.calls.flat().join(' ')).toContain('no answer within 50 ms')
    quiet.mockRestore()
  })

  it('runs an extractor passed in-process (Node) when there is no binding, and prefers the binding', async () => {
    const inProcess = vi.fn(extractStatements)
    const app = createApp(TEST_DATA, { extractor: { extract: inProcess } })
    const alone = await app.request('/v1/extract', postJson({ text: seedText, date: SEED_DATE }), {})
    expect(alone.status).toBe(200)
    expect(inProcess).toHaveBeenCalledOnce()
    const bound = await app.request('/v1/extract', postJson({ text: seedText, date: SEED_DATE }), {
      EXTRACTOR: env.EXTRACTOR,
    })
    expect(bound.status).toBe(200)
    expect(inProcess).toHaveBeenCalledOnce()
    expect(((await bound.json()) as ExtractResult).statements).toEqual(
      ((await alone.json()) as ExtractResult).statements,
    )
  })
})
