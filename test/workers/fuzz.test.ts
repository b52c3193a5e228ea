/**
 * Property-based fuzzing of the HTTP API inside workerd: generated paths, methods, parameters and
 * headers must never produce a 5xx, and every error must be a well-formed problem+json.
 * Seeded; a failure prints the seed, the counterexample and the request path for replay.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { ERRORS } from '../../src/errors'
import { call, json } from './helpers'

const SEED = 20231918
const RUNS = 2000

let routes: string[] = []
let ids: Record<string, string[]> = {}

beforeAll(async () => {
  const doc = await json<{ paths: Record<string, unknown> }>('/openapi.json')
  routes = Object.keys(doc.paths)
  const statements = await json<{ results: { id: string }[] }>('/v1/statements?limit=3')
  ids = {
    statements: statements.results.map((s) => s.id),
    speakers: ['han-zheng', 'antony-blinken', 'xinhua'],
    topics: ['north-korea'],
    articles: ['han-blinken-unga-2023'],
  }
})

/** Percent-encodes every UTF-16 unit, lone surrogates included (as WTF-8 bytes, which no decoder accepts). */
function encodeLoose(s: string): string {
  let out = ''
  for (const ch of s) {
    const code = ch.codePointAt(0)!
    if (/^[A-Za-z0-9\-_.~]$/.test(ch)) out += ch
    else if (code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase()
    } else out += encodeURIComponent(ch)
  }
  return out
}

const PARAM_NAMES = [
  'q',
  'limit',
  'offset',
  'speaker',
  'kind',
  'topic',
  'entity',
  'article',
  'via',
  'facets',
  'sort',
  'match',
  'highlight',
  'explain',
  'type',
  'mentioned',
  'pretty',
]

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1.5',
    'NaN',
    '1e309',
    '-0',
    '9'.repeat(40),
    'Infinity',
    '0x10',
    'null',
    'true',
    '[]',
    '{}',
  ),
  fc.constantFrom(
    'direct',
    'mixed,indirect',
    'blinken',
    'han',
    'xinhua',
    'north-korea',
    'speaker,kind,topic',
    'relevance:asc',
    'date',
    'html',
    'any',
  ),
  fc.constantFrom(
    '"open lines',
    '-"',
    'speaker:',
    'kind:direct',
    '\u0000',
    '\ud800',
    '\udfff x',
    '<script>alert(1)</script>',
    '%',
    '%E0%A4%A',
    '../../etc/passwd',
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat(12_000).map((n) => 'x'.repeat(n)),
)

/** Raw `name=value` pairs: known and unknown names, loose or junk encoding, repeated keys. */
const params = fc.array(
  fc.record({
    name: fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 12 })),
    value,
    raw: fc.boolean(),
    junk: fc.constantFrom('', '', '', '%', '%E0%A4%A', '%zz', '%00'),
  }),
  { maxLength: 6 },
)

const request = fc.record({
  route: fc.nat(),
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'),
  idKind: fc.constantFrom('real', 'junk'),
  junkId: fc.string({ unit: 'binary', maxLength: 30 }),
  extra: fc.array(fc.string({ maxLength: 8 }), { maxLength: 2 }),
  params,
  accept: fc.constantFrom(undefined, '*/*', 'text/html', 'application/xml', 'application/json;q=0', 'text/*;q=abc', ''),
  ifNoneMatch: fc.constantFrom(undefined, '*', '"abc"', 'W/"x"', '""', 'garbage, "a", W/'),
})

type FuzzRequest = typeof request extends fc.Arbitrary<infer T> ? T : never

function buildPath(r: FuzzRequest): string {
  let path = routes[r.route % routes.length]!
  path = path.replace(/\{id\}/, () => {
    const group = path.split('/')[2] ?? ''
    const real = ids[group]
    return r.idKind === 'real' && real?.length ? real[r.route % real.length]! : encodeLoose(r.junkId) || 'x'
  })
  for (const seg of r.extra) path += `/${encodeLoose(seg)}`
  const query = r.params
    .map(
      (p) =>
        `${p.raw ? p.name.replace(/[&=#\s]/g, '') : encodeLoose(p.name)}=${p.raw ? p.value.replace(/[&#\s]/g, '') : encodeLoose(p.value)}${p.junk}`,
    )
    .join('&')
  return query ? `${path}?${query}` : path
}

describe('fuzzing the HTTP API', () => {
  it(`answers ${RUNS} generated requests without a 5xx, with well-formed bodies`, async () => {
    const codes = new Set(Object.keys(ERRORS))
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = buildPath(r)
        const headers: Record<string, string> = {}
        if (r.accept !== undefined) headers.Accept = r.accept
        if (r.ifNoneMatch !== undefined) headers['If-None-Match'] = r.ifNoneMatch
        const res = await call(path, { method: r.method, headers })
        const where = `${r.method} ${path.slice(0, 300)}`
        const body = await res.text()
        expect(res.status, `${where} → ${res.status} ${body.slice(0, 200)}`).toBeLessThan(500)
        const type = res.headers.get('Content-Type') ?? ''
        if (res.status >= 400) {
          expect(type, where).toMatch(/^application\/problem\+json/)
          if (r.method !== 'HEAD') {
            const problem = JSON.parse(body) as { code: string; status: number }
            expect(codes.has(problem.code), where).toBe(true)
            expect(problem.status).toBe(res.status)
          }
        }
        if (/json/.test(type) && r.method !== 'HEAD' && res.status !== 304) {
          const parsed = JSON.parse(body) as { results?: unknown[]; limit?: number }
          if (res.status === 200 && Array.isArray(parsed.results)) {
            expect(parsed.results.length, where).toBeLessThanOrEqual(parsed.limit ?? 100)
            const asked = r.params.filter((p) => p.name === 'limit')
            if (asked.length === 1 && /^\d+$/.test(asked[0]!.value) && !asked[0]!.junk) {
              expect(parsed.results.length, where).toBeLessThanOrEqual(Number(asked[0]!.value))
            }
          }
        }
        expect(body, where).not.toMatch(/\n\s+at .+:\d+:\d+/)
        if (/html/.test(type)) expect(body, where).not.toContain('<script>alert(1)</script>')
      }),
      { seed: SEED, numRuns: RUNS, verbose: 1, endOnFailure: true },
    )
  }, 240_000)
})
