/**
 * The contract test: requests generated from the OpenAPI document (every operation, every
 * parameter's example and enum values, bad and missing values, unknown ids, wrong methods,
 * conditional requests, an overlong URL, a corpus that failed to load) are sent to the app over the
 * test corpus, and every response must be documented for its operation: the status, the content
 * type, the headers and the body, which ajv validates against the document's schema with no
 * undocumented field allowed. Runs in Node: ajv compiles validators with `new Function`, which
 * workerd forbids.
 */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../../src/app'
import {
  createTestApp,
  fetchDocument,
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
  /** The documented operation the answer must conform to. */
  operation: OpenApiOperation
  /** The app to ask: the working one, or one whose corpus failed to load. */
  broken?: boolean
}

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

/** Every request the document implies, for every operation. */
function probes(doc: OpenApiDocument): Probe[] {
  const out: Probe[] = []
  for (const [template, ops] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(ops)) {
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
        add('corpus not loaded', `${base}${queryString(required)}`, { broken: true })
        add('If-None-Match', `${base}${queryString(required)}`, { headers: { 'If-None-Match': 'ETAG' } })
      }
    }
  }
  return out
}

const app = createTestApp()
const broken = createApp({ ok: false, error: 'the bundled corpus or index could not be loaded' })
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
async function check(probe: Probe): Promise<{ status: number; problems: string[] }> {
  const headers = { ...probe.headers }
  if (headers['If-None-Match'] === 'ETAG') {
    headers['If-None-Match'] = (await app.request(probe.path)).headers.get('ETag') ?? '"none"'
  }
  const res = await (probe.broken ? broken : app).request(probe.path, { method: probe.method, headers })
  const problems: string[] = []
  const documented = probe.operation.responses[String(res.status)]
  if (!documented) return { status: res.status, problems: [`status ${res.status} is not documented`] }
  for (const name of Object.keys(documented.headers ?? {})) {
    if (!res.headers.has(name)) problems.push(`documented header ${name} is missing`)
  }
  const text = await res.text()
  if (!documented.content || probe.method === 'HEAD') {
    if (text !== '') problems.push(`a ${res.status} ${probe.method} must have no body`)
    return { status: res.status, problems }
  }
  const type = res.headers.get('Content-Type')?.split(';')[0]?.trim() ?? ''
  const media = documented.content[type]
  if (!media) return { status: res.status, problems: [...problems, `content type "${type}" is not documented`] }
  const validate = validatorOf(media.schema)
  if (!validate(JSON.parse(text))) {
    problems.push(
      ...(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`),
    )
  }
  return { status: res.status, problems }
}

describe('every response conforms to /openapi.json', () => {
  it('holds for hundreds of requests generated from the document', async () => {
    const all = probes(doc)
    const failures: string[] = []
    const statuses = new Map<number, number>()
    for (const probe of all) {
      const { status, problems } = await check(probe)
      statuses.set(status, (statuses.get(status) ?? 0) + 1)
      for (const p of problems)
        failures.push(`${probe.name} (${probe.method} ${probe.path.slice(0, 120)} → ${status}): ${p}`)
    }
    expect(failures).toEqual([])
    expect(all.length).toBeGreaterThan(500)
    // Each documented kind of answer came up at least once.
    expect([...statuses.keys()].sort()).toEqual([200, 304, 400, 404, 405, 414, 503])
    console.log(`contract: ${all.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}`)
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
