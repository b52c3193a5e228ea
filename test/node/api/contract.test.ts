/**
 * The contract test: requests generated from the OpenAPI document (every operation, every
 * parameter's example and enum values, bad and missing values, unknown ids, wrong methods,
 * conditional requests, exports chosen by `format` and by `Accept`, request bodies valid and not,
 * an overlong URL, a client over its rate limit, a corpus that failed to load) are sent to the app
 * over the test corpus, and every response must be documented for its operation: the status, the
 * content type, the headers (each required one present, and none of the API's own headers sent
 * undocumented) and the body, which ajv validates against the document's schema with no
 * undocumented field allowed; an NDJSON line must be a result of the JSON page. Runs in Node: ajv
 * compiles validators with `new Function`, which workerd forbids.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../src/app'
import type { Bindings } from '../../../src/routes/router'
import {
  createTestApp,
  fetchDocument,
  OPENAPI,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
} from './test-app'

type Schema = Record<string, unknown>

const BASE_ID = 'https://whosaid.test/openapi.json'

/**
 * The document's schemas made strict for the test: `allOf` of a reference and an extension is
 * merged into one object, and every object without `additionalProperties` gets `false`, so a field
 * the document does not declare fails. The served document stays open to additions.
 */
function strictSchemas(schemas: Record<string, unknown>): Record<string, unknown> {
  const resolve = (s: Schema): Schema =>
    typeof s.$ref === 'string' ? (schemas[s.$ref.split('/').pop()!] as Schema) : s
  const merge = (s: Schema): Schema => {
    const parts = (s.allOf as Schema[]).map(resolve).map((p) => (p.allOf ? merge(p) : p))
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})),
      required: [...new Set(parts.flatMap((p) => (p.required as string[] | undefined) ?? []))],
    }
  }
  const strict = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strict)
    if (!node || typeof node !== 'object') return node
    let s = node as Schema
    if (Array.isArray(s.allOf) && s.allOf.every((p: Schema) => p.$ref || p.properties)) s = merge(s)
    const out: Schema = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, strict(v)]))
    if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false
    return out
  }
  return strict(structuredClone(schemas)) as Record<string, unknown>
}

interface Probe {
  /** What the request is, for failure messages. */
  name: string
  path: string
  method: string
  headers?: Record<string, string>
  body?: string | Uint8Array
  /** The documented operation the answer must conform to. */
  operation: OpenApiOperation
  /** The app to ask: the working one, or one whose corpus failed to load. */
  broken?: boolean
  /** Ask as a client that has spent its rate limit. */
  limited?: boolean
  /** The status this request must get, where the request alone decides it. */
  expect?: number
}

/**
 * The headers the API itself sets. One of them on a response must be documented for that
 * response; the platform's (CORS, security headers, Content-Type, Content-Length) need not be.
 */
const API_HEADERS = [
  'ETag',
  'Cache-Control',
  'Vary',
  'Link',
  'Allow',
  'Retry-After',
  'X-Request-Id',
  'X-Total-Count',
  'X-Cache',
  'RateLimit',
  'RateLimit-Policy',
]

/** Rate-limiting bindings that always say yes, or always no: the deployed Worker has them, so the app reports its limits. */
function limiterEnv(success: boolean): Bindings {
  const limiter = { limit: async () => ({ success }) }
  return { API_LIMITER: limiter, EXTRACT_LIMITER: limiter, CF_VERSION_METADATA: { id: 'contract-test' } }
}
const ENV = limiterEnv(true)
const LIMITED_ENV = limiterEnv(false)

/** The values to try for one query parameter: its example, each enum value, and bad ones. */
function valuesOf(p: OpenApiParameter): { value: string | string[]; valid: boolean }[] {
  const s = p.schema
  const example = p.example ?? s.example
  const out: { value: string | string[]; valid: boolean }[] = []
  if (s.type === 'array') {
    const items = (s.items?.enum as string[] | undefined) ?? []
    if (Array.isArray(example)) {
      out.push({ value: example as string[], valid: true }, { value: (example as string[]).join(','), valid: true })
    }
    for (const v of items) out.push({ value: v, valid: true })
    out.push(
      { value: 'zzz-names-nothing', valid: false },
      { value: Array.from({ length: 21 }, (_, i) => `v${i}`).join(','), valid: false },
      { value: 'x'.repeat(101), valid: false },
      { value: '', valid: true },
    )
  } else if (s.type === 'integer') {
    const min = s.minimum ?? 0
    const max = s.maximum ?? 100
    for (const v of [min, max, example]) if (v !== undefined) out.push({ value: String(v), valid: true })
    for (const v of [min - 1, max + 1, 'abc', '2.5', '1e3', '-1', '']) out.push({ value: String(v), valid: false })
  } else {
    for (const v of (s.enum as string[] | undefined) ?? []) out.push({ value: v, valid: true })
    if (example !== undefined) out.push({ value: String(example), valid: true })
    if (s.enum) out.push({ value: 'not-a-value', valid: false })
    if (s.format === 'date') {
      for (const v of ['2023-02-30', '2023-13-01', '18/09/2023', 'yesterday', '']) out.push({ value: v, valid: false })
      out.push({ value: '1999-01-01', valid: true }, { value: '2999-12-31', valid: true })
    }
    if (p.name === 'q') {
      out.push(
        { value: '', valid: false },
        { value: 'a '.repeat(13), valid: false },
        { value: 'x'.repeat(257), valid: false },
      )
      out.push({ value: 'zzzzqqq', valid: true }, { value: 'speaker:nobodyatall talks', valid: false })
    }
  }
  return out
}

function queryString(params: [string, string | string[]][]): string {
  const search = new URLSearchParams()
  for (const [name, value] of params) for (const v of [value].flat()) search.append(name, v)
  const s = search.toString()
  return s ? `?${s}` : ''
}

interface BodyProbe {
  name: string
  type?: string
  body: string | Uint8Array
  /** The status the body alone decides. */
  expect: number
}

const JSON_TYPE = 'application/json'
const BIG = 'x'.repeat(64 * 1024)

/** Bodies a JSON-or-text extraction route must take or refuse, each with the status it decides. */
const BODIES: BodyProbe[] = [
  { name: 'JSON text only', type: JSON_TYPE, body: '{"text":"The minister said talks would resume."}', expect: 200 },
  {
    name: 'JSON with charset',
    type: 'application/json; charset=utf-8',
    body: '{"text":"Talks, he said."}',
    expect: 200,
  },
  { name: 'plain text', type: 'text/plain', body: 'Nothing here is quoted.', expect: 200 },
  { name: 'empty object', type: JSON_TYPE, body: '{}', expect: 400 },
  { name: 'blank text', type: JSON_TYPE, body: '{"text":"   "}', expect: 400 },
  { name: 'text not a string', type: JSON_TYPE, body: '{"text":1}', expect: 400 },
  { name: 'unknown field', type: JSON_TYPE, body: '{"text":"x","colour":"red"}', expect: 400 },
  { name: 'not a real date', type: JSON_TYPE, body: '{"text":"x","date":"2023-02-30"}', expect: 400 },
  { name: 'long title', type: JSON_TYPE, body: JSON.stringify({ text: 'x', title: 't'.repeat(501) }), expect: 400 },
  { name: 'an array', type: JSON_TYPE, body: '[]', expect: 400 },
  { name: 'not JSON', type: JSON_TYPE, body: '{"text":', expect: 400 },
  { name: 'empty JSON body', type: JSON_TYPE, body: '', expect: 400 },
  { name: 'empty plain body', type: 'text/plain', body: '', expect: 400 },
  { name: 'not UTF-8', type: 'text/plain', body: new Uint8Array([0x22, 0xff, 0xfe, 0x22]), expect: 400 },
  { name: 'over 64 KB of JSON', type: JSON_TYPE, body: JSON.stringify({ text: BIG }), expect: 413 },
  { name: 'over 64 KB of text', type: 'text/plain', body: `${BIG}!`, expect: 413 },
  { name: 'HTML', type: 'text/html', body: '<p>hi</p>', expect: 415 },
  { name: 'a form', type: 'application/x-www-form-urlencoded', body: 'text=hi', expect: 415 },
  // Bytes, not a string: fetch would label a string body text/plain.
  { name: 'no Content-Type', body: new TextEncoder().encode('hello'), expect: 415 },
]

/** Request bodies for an operation that takes one: each media type's example, and bodies it must refuse. */
function bodiesOf(doc: OpenApiDocument, operation: OpenApiOperation): BodyProbe[] {
  const content = operation.requestBody?.content ?? {}
  const examples = Object.entries(content).map(([type, media]): BodyProbe => {
    const ref = (media.schema as { $ref?: string }).$ref
    const schema = (ref ? doc.components.schemas[ref.split('/').pop()!] : media.schema) as {
      example?: unknown
      properties?: Record<string, { example?: unknown }>
    }
    // An object body's example is its properties' examples, as the document gives them.
    const example =
      media.example ??
      schema.example ??
      Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, p]) => [k, p.example]))
    const body = typeof example === 'string' ? example : JSON.stringify(example)
    return { name: `${type} example`, type, body, expect: 200 }
  })
  return content[JSON_TYPE] ? [...examples, ...BODIES] : examples
}

/** Every request the document implies, for every operation. */
function probes(doc: OpenApiDocument): Probe[] {
  const out: Probe[] = []
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(ops)) {
      if (operation.requestBody) {
        const path = template
        const add = (name: string, extra: Partial<Probe> = {}) =>
          out.push({
            name: `${operation.operationId}: ${name}`,
            path,
            method: method.toUpperCase(),
            operation,
            ...extra,
          })
        for (const { name, type, body, expect } of bodiesOf(doc, operation)) {
          add(name, { body, expect, headers: type ? { 'Content-Type': type } : {} })
        }
        const [first] = bodiesOf(doc, operation)
        const valid = { body: first!.body, headers: { 'Content-Type': first!.type! } }
        add('without a body', { headers: { 'Content-Type': JSON_TYPE }, expect: 400 })
        add('a query parameter', { ...valid, path: `${path}?pretty` })
        for (const wrong of ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']) add(wrong, { method: wrong, expect: 405 })
        add('overlong URL', { ...valid, path: `${path}?pretty=${'x'.repeat(5000)}`, expect: 414 })
        add('corpus not loaded', { ...valid, broken: true, expect: 503 })
        add('over the rate limit', { ...valid, limited: true, expect: 429 })
        continue
      }
      const params = operation.parameters ?? []
      const pathParams = params.filter((p) => p.in === 'path')
      const query = params.filter((p) => p.in === 'query')
      const required = query
        .filter((p) => p.required)
        .map((p) => [p.name, String(p.example ?? p.schema.example)] as [string, string])
      const fill = (id: string) => template.replace(/\{(\w+)\}/g, () => encodeURIComponent(id))
      const ids: { id: string; what: string }[] = pathParams.length
        ? [
            { id: String(pathParams[0]!.example ?? pathParams[0]!.schema.example), what: 'example id' },
            { id: 'no-such-id-at-all', what: 'unknown id' },
            { id: 'x'.repeat(201), what: 'overlong id' },
          ]
        : [{ id: '', what: '' }]
      if (template.startsWith('/v1/speakers/{id}')) {
        ids.push(
          { id: 'Xinhua', what: 'alias' },
          { id: 'Xinhua News Agency', what: 'name' },
          { id: 'BLINKEN', what: 'surname, upper case' },
        )
      }
      const add = (name: string, path: string, extra: Partial<Probe> = {}) =>
        out.push({ name: `${operation.operationId}: ${name}`, path, method: method.toUpperCase(), operation, ...extra })

      for (const { id, what } of ids) {
        const base = fill(id)
        add(`${what} base`, `${base}${queryString(required)}`)
        if (what && what !== 'example id') continue
        // Each parameter alone (with the required ones), at each of its values.
        for (const p of query) {
          for (const { value } of valuesOf(p)) {
            const others = required.filter(([n]) => n !== p.name)
            add(`${p.name}=${JSON.stringify(value)}`, `${base}${queryString([...others, [p.name, value]])}`)
          }
        }
        // Every parameter at once, at its example.
        add(
          'all examples',
          `${base}${queryString(query.map((p) => [p.name, (p.example ?? p.schema.example) as string | string[]]))}`,
        )
        for (const p of query.filter((p) => p.required)) add(`without ${p.name}`, base)
        add('unknown parameter', `${base}${queryString([...required, ['colour', 'red']])}`)
        add('repeated single-valued parameter', `${base}${queryString([...required, ['limit', ['1', '2']]])}`)
        add('pretty', `${base}${queryString([...required, ['pretty', '']])}`)
        add('HEAD', `${base}${queryString(required)}`, { method: 'HEAD' })
        add('curl', `${base}${queryString(required)}`, { headers: { 'User-Agent': 'curl/8.5.0' } })
        for (const wrong of ['POST', 'PUT', 'PATCH', 'DELETE'])
          add(`${wrong}`, `${base}${queryString(required)}`, { method: wrong })
        add('overlong URL', `${base}${queryString([...required, ['pretty', 'x'.repeat(5000)]])}`)
        add('corpus not loaded', `${base}${queryString(required)}`, { broken: true, expect: 503 })
        add('over the rate limit', `${base}${queryString(required)}`, { limited: true, expect: 429 })
        add('If-None-Match', `${base}${queryString(required)}`, { headers: { 'If-None-Match': 'ETAG' }, expect: 304 })
        add('X-Request-Id', `${base}${queryString(required)}`, { headers: { 'X-Request-Id': 'trace-1' } })
        if (query.some((p) => p.name === 'format')) {
          // The exports: chosen by Accept or by format, up to 1000 rows, conditional, HEAD.
          const at = (extra: string) => `${base}${queryString(required)}${required.length ? '&' : '?'}${extra}`
          for (const accept of ['text/csv', 'application/x-ndjson', 'text/csv;q=0.5, application/json', '*/*'])
            add(`Accept: ${accept}`, `${base}${queryString(required)}`, { headers: { Accept: accept } })
          for (const format of ['csv', 'ndjson']) {
            add(`${format}, 1000 rows`, at(`format=${format}&limit=1000`), { expect: 200 })
            add(`${format}, past the end`, at(`format=${format}&offset=1000`), { expect: 200 })
            add(`${format}, If-None-Match`, at(`format=${format}`), {
              headers: { 'If-None-Match': 'ETAG' },
              expect: 304,
            })
            add(`${format}, HEAD`, at(`format=${format}`), { method: 'HEAD', expect: 200 })
          }
          add('JSON, 1000 rows', at('limit=1000'), { expect: 400 })
          add('since after until', at('since=2023-09-30&until=2023-09-01'), { expect: 400 })
          add('a second page', at('limit=1&offset=1'), { expect: 200 })
        }
      }
    }
  }
  return out
}

const app = createTestApp()
const broken = createApp({ ok: false, error: 'the bundled corpus or index could not be loaded' }, { openapi: OPENAPI })
let doc: OpenApiDocument
let ajv: Ajv2020
const validators = new Map<string, ValidateFunction>()

/** The validator of one documented body schema, compiled once. */
function validatorOf(schema: unknown): ValidateFunction {
  const key = JSON.stringify(schema)
  let v = validators.get(key)
  if (!v) {
    v = ajv.compile(JSON.parse(key.replaceAll('"$ref":"#/', `"$ref":"${BASE_ID}#/`)))
    validators.set(key, v)
  }
  return v
}

beforeAll(async () => {
  doc = await fetchDocument(app)
  ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: BASE_ID, components: { schemas: strictSchemas(doc.components.schemas) } })
})

/** Sends one probe and returns every way its answer departs from the document. */
async function check(probe: Probe): Promise<{ status: number; type: string; problems: string[] }> {
  const headers = { ...probe.headers }
  if (headers['If-None-Match'] === 'ETAG') {
    const { 'If-None-Match': _, ...rest } = headers
    headers['If-None-Match'] = (await app.request(probe.path, { headers: rest }, ENV)).headers.get('ETag') ?? '"none"'
  }
  const res = await (probe.broken ? broken : app).request(
    probe.path,
    { method: probe.method, headers, ...(probe.body === undefined ? {} : { body: probe.body }) },
    probe.limited ? LIMITED_ENV : ENV,
  )
  const problems: string[] = []
  if (probe.expect !== undefined && res.status !== probe.expect) problems.push(`expected ${probe.expect}`)
  const type = res.headers.get('Content-Type')?.split(';')[0]?.trim() ?? ''
  const documented = probe.operation.responses[String(res.status)]
  if (!documented) return { status: res.status, type, problems: [`status ${res.status} is not documented`] }
  const declared = documented.headers ?? {}
  for (const [name, h] of Object.entries(declared)) {
    if (h.required && !res.headers.has(name)) problems.push(`required header ${name} is missing`)
  }
  for (const name of API_HEADERS) {
    if (res.headers.has(name) && !(name in declared)) problems.push(`header ${name} is not documented`)
  }
  const text = await res.text()
  if (!documented.content || probe.method === 'HEAD') {
    if (text !== '') problems.push(`a ${res.status} ${probe.method} must have no body`)
    return { status: res.status, type: '', problems }
  }
  const media = documented.content[type]
  if (!media) return { status: res.status, type, problems: [...problems, `content type "${type}" is not documented`] }
  const explain = (v: ValidateFunction) =>
    (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
  const isJson = type === 'application/json' || type.endsWith('+json')
  const validate = validatorOf(media.schema)
  if (!validate(isJson ? JSON.parse(text) : text)) problems.push(...explain(validate))
  if (type === 'application/x-ndjson') {
    // Each line is one result of the JSON page the same request would give.
    const page = (documented.content['application/json']!.schema as { $ref: string }).$ref
    const item = validatorOf({ $ref: `${page}/properties/results/items` })
    for (const [i, line] of text.split('\n').slice(0, -1).entries()) {
      if (!item(JSON.parse(line))) problems.push(...explain(item).map((p) => `line ${i + 1}: ${p}`))
    }
    if (text !== '' && !text.endsWith('\n')) problems.push('NDJSON must end with a line break')
  }
  return { status: res.status, type, problems }
}

describe('every response conforms to /openapi.json', () => {
  it('holds for hundreds of requests generated from the document', async () => {
    const all = probes(doc)
    const failures: string[] = []
    const statuses = new Map<number, number>()
    const types = new Map<string, number>()
    for (const probe of all) {
      const { status, type, problems } = await check(probe)
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
      if (type) types.set(type, (types.get(type) ?? 0) + 1)
      for (const p of problems)
        failures.push(`${probe.name} (${probe.method} ${probe.path.slice(0, 120)} → ${status}): ${p}`)
    }
    expect(failures).toEqual([])
    expect(all.length).toBeGreaterThan(500)
    // Each documented kind of answer came up at least once.
    expect([...statuses.keys()].sort()).toEqual([200, 304, 400, 404, 405, 413, 414, 415, 429, 503])
    // ... and each documented body type was validated at least once.
    expect([...types.keys()].sort()).toEqual([
      'application/json',
      'application/problem+json',
      'application/x-ndjson',
      'text/csv',
    ])
    console.log(
      `contract: ${all.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, bodies ${JSON.stringify(Object.fromEntries(types))}`,
    )
  })

  it('validates every documented example against its own schema', () => {
    const failures: string[] = []
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) {
        for (const [status, r] of Object.entries(op.responses)) {
          for (const [type, media] of Object.entries(r.content ?? {})) {
            const validate = validatorOf(media.schema)
            if (!validate(media.example)) failures.push(`${path} ${status} ${type}: ${ajv.errorsText(validate.errors)}`)
          }
          for (const [name, h] of Object.entries(r.headers ?? {})) {
            const validate = validatorOf(h.schema)
            if (!validate(h.example)) failures.push(`${path} ${status} ${name}: ${ajv.errorsText(validate.errors)}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('fails a body with a field the document does not declare', () => {
    const statement = doc.paths['/v1/statements/{id}']!.get!.responses['200']!.content!['application/json']!
    const validate = validatorOf(statement.schema)
    expect(validate(statement.example)).toBe(true)
    expect(validate({ ...(statement.example as object), colour: 'red' })).toBe(false)
    expect(validate({ ...(statement.example as object), via: null })).toBe(true)
  })
})
