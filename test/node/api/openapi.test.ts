/** The OpenAPI document as a contract: valid 3.1, complete, lint-clean, and typed right by a generator. */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { validate } from '@readme/openapi-parser'
import openapiTS, { astToString } from 'openapi-typescript'
import ts from 'typescript'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../../scripts/build-data'
import { openApiDocumentText } from '../../../scripts/build-openapi'
import { createTestApp, fetchDocument, OPENAPI, type OpenApiDocument } from './test-app'

/** Where the linter and the type generator read the document from (git-ignored). */
const OUT = join(ROOT, '.tmp/openapi')
const DOCUMENT_FILE = join(OUT, 'openapi.json')

const app = createTestApp()
let doc: OpenApiDocument

beforeAll(async () => {
  doc = await fetchDocument(app)
  mkdirSync(OUT, { recursive: true })
  writeFileSync(DOCUMENT_FILE, `${JSON.stringify(doc, null, 2)}\n`)
})

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))

describe('GET /openapi.json', () => {
  // The Worker serves the file build:openapi wrote; it must be what the routes' schemas say now.
  it('is the document the routes generate now (src/generated/openapi.json.txt is current)', () => {
    expect(
      openApiDocumentText() === OPENAPI,
      'src/generated/openapi.json.txt is stale: run npm run build:openapi',
    ).toBe(true)
    expect(doc).toEqual(JSON.parse(OPENAPI))
  })

  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    const result = await validate(structuredClone(doc) as never)
    expect(result.valid ? [] : result.errors).toEqual([])
    expect(result.specification).toBe('OpenAPI')
    expect(doc.openapi).toBe('3.1.0')
  })

  it('documents every route the app serves, and only those', () => {
    const documented = operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`)
    const served = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((r) => !['GET /', 'GET /openapi.json', 'GET /docs'].includes(r))
    expect([...new Set(documented)].sort()).toEqual([...new Set(served)].sort())
  })

  it('names every operation with a unique camelCase verb', () => {
    const ids = operations().map(({ op }) => op.operationId)
    expect(ids.filter((id) => !/^(get|list|search|suggest|extract)[A-Z][A-Za-z]*$/.test(id ?? ''))).toEqual([])
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expect.arrayContaining(['searchStatements', 'listStatements', 'getStatement', 'getSpeaker']))
  })

  it('gives every parameter and every response body an example', () => {
    const missing = operations().flatMap(({ path, op }) => [
      // zod-openapi puts a parameter's example in its schema; list parameters carry theirs on the parameter.
      ...(op.parameters ?? [])
        .filter((p) => (p.example ?? p.schema.example) === undefined)
        .map((p) => `${path} ${p.name}`),
      ...Object.entries(op.responses).flatMap(([status, r]) =>
        Object.entries(r.content ?? {})
          .filter(([, media]) => media.example === undefined)
          .map(([type]) => `${path} ${status} ${type}`),
      ),
    ])
    expect(missing).toEqual([])
  })

  it('lists the error responses every route can give, with their headers', () => {
    const headersOf = (r: { headers?: Record<string, unknown> } | undefined) => Object.keys(r?.headers ?? {}).sort()
    const COMMON = ['X-Request-Id', 'RateLimit-Policy', 'RateLimit']
    for (const { path, method, op } of operations()) {
      const statuses = Object.keys(op.responses)
      const expected =
        method === 'post'
          ? ['200', '400', '405', '413', '414', '415', '429', '503']
          : ['200', '304', '400', '405', '414', '429', '503', ...(path.includes('{id}') ? ['404'] : [])]
      expect(statuses.sort(), path).toEqual(expected.sort())
      const cache = method === 'post' ? ['Cache-Control'] : ['ETag', 'Cache-Control', 'Vary']
      expect(headersOf(op.responses['200']), path).toEqual(expect.arrayContaining([...COMMON, ...cache]))
      expect(headersOf(op.responses['405']), path).toEqual([...COMMON, 'Cache-Control', 'Allow'].sort())
      // An overlong URL is refused before the rate limiter, which adds its headers to everything after it.
      expect(headersOf(op.responses['414']), path).toEqual(['X-Request-Id', 'Cache-Control'].sort())
      for (const status of ['429', '503'])
        expect(headersOf(op.responses[status]), path).toEqual([...COMMON, 'Cache-Control', 'Retry-After'].sort())
    }
  })

  it('gives every page its links, in the body and in the Link header', () => {
    for (const { path, op } of operations()) {
      const ok = op.responses['200']!
      const schema = ok.content!['application/json']!.schema as { $ref?: string }
      const page = doc.components.schemas[schema.$ref?.split('/').pop() ?? ''] as
        | { properties?: Record<string, unknown>; required?: string[] }
        | undefined
      const isPage = Boolean(page?.properties?.results)
      expect(Boolean(page?.required?.includes('links')), path).toBe(isPage)
      expect(Object.keys(ok.headers ?? {}).includes('Link'), path).toBe(isPage)
    }
  })

  it('documents CSV and NDJSON on exactly the lists that take format', () => {
    for (const { path, op } of operations()) {
      const types = Object.keys(op.responses['200']!.content!).sort()
      const exports = (op.parameters ?? []).some((p) => p.name === 'format')
      expect(types, path).toEqual(
        exports ? ['application/json', 'application/x-ndjson', 'text/csv'] : ['application/json'],
      )
    }
  })

  it('says where the API runs, that it needs no credentials, and its licence', () => {
    expect(doc.servers.map((s) => s.url)).toEqual(['http://localhost:8787', 'https://whosaid.example.workers.dev'])
    expect(doc.security).toEqual([])
    expect(doc.info.license).toEqual(expect.objectContaining({ name: expect.any(String) }))
  })

  it('makes nullable references anyOf, never allOf, under which null would not validate', () => {
    const bad: string[] = []
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return
      const all = (node as { allOf?: { type?: unknown }[] }).allOf
      if (all?.some((s) => s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null')))) bad.push(at)
      for (const [k, v] of Object.entries(node)) walk(v, `${at}/${k}`)
    }
    walk(doc, '#')
    expect(bad).toEqual([])
    const via = (doc.components.schemas.Statement as { properties: Record<string, unknown> }).properties.via
    expect(via).toMatchObject({ anyOf: [{ $ref: '#/components/schemas/Speaker' }, { type: 'null' }] })
  })

  it('declares facets only on the pages of routes that take the facets parameter', () => {
    for (const { path, op } of operations()) {
      const schema = op.responses['200']!.content!['application/json']!.schema as { $ref?: string }
      const name = schema.$ref?.split('/').pop() ?? ''
      const page = doc.components.schemas[name] as { properties?: Record<string, unknown> } | undefined
      const takesFacets = (op.parameters ?? []).some((p) => p.name === 'facets')
      expect(Boolean(page?.properties?.facets), `${path} → ${name}`).toBe(takesFacets)
    }
  })

  it('documents list parameters as arrays of their values, with array examples', () => {
    const params = doc.paths['/v1/statements']!.get!.parameters!
    const kind = params.find((p) => p.name === 'kind')!
    const facets = params.find((p) => p.name === 'facets')!
    expect(kind.schema.items?.enum).toEqual(['direct', 'mixed', 'indirect', 'narration'])
    expect(facets.schema.items?.enum).toEqual(['speaker', 'kind', 'topic', 'entity', 'article', 'via'])
    for (const p of params.filter((p) => p.schema.type === 'array')) expect(Array.isArray(p.example), p.name).toBe(true)
  })

  it('gives a statement id example that exists', async () => {
    const id = doc.paths['/v1/statements/{id}']!.get!.parameters!.find((p) => p.in === 'path')!.example
    expect((await app.request(`/v1/statements/${id}`)).status).toBe(200)
    expect((await app.request(`/v1/statements/${id}/similar`)).status).toBe(200)
  })
})

describe('Redocly CLI lint of the document', () => {
  it('finds no errors and no warnings under recommended-strict (redocly.yaml)', () => {
    const run = spawnSync(
      join(ROOT, 'node_modules/.bin/redocly'),
      ['lint', DOCUMENT_FILE, '--config', join(ROOT, 'redocly.yaml'), '--format=json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        // Offline and quiet: no telemetry, no update check.
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        timeout: 60_000,
      },
    )
    const report = JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] }
    expect(report.problems).toEqual([])
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
    expect(run.status).toBe(0)
  })
})

describe('client types generated by openapi-typescript', () => {
  /** Type-checks `body` under strict against the generated types; returns the error messages. */
  async function compile(name: string, body: string): Promise<string[]> {
    const dir = join(OUT, 'typescript')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'api.ts'), astToString(await openapiTS(structuredClone(doc) as never)))
    const file = join(dir, `${name}.ts`)
    writeFileSync(
      file,
      `import type { components } from './api'\ntype Statement = components['schemas']['Statement']\n${body}\n`,
    )
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts'],
      types: [],
    })
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
  }

  it('compile a client that reads via as nullable', async () => {
    const errors = await compile(
      'nullable-ok',
      'export const relay = (s: Statement): string | undefined => s.via?.name\nexport const kind = (s: Statement): "direct" | "mixed" | "indirect" | "narration" => s.kind',
    )
    expect(errors).toEqual([])
  })

  it('reject a client that reads via as if it were never null', async () => {
    const errors = await compile('nullable-bad', 'export const relay = (s: Statement): string => s.via.name')
    expect(errors).toEqual([expect.stringMatching(/'s\.via' is possibly 'null'/)])
  })
})
