/** The README's curl examples: one for every route the API documents, and each answers as promised. */
import { describe, expect, it } from 'vitest'
import readme from '../../README.md?raw'
import { createApp } from '../../src/app'
import { call } from './helpers'
import { OPENAPI, TEST_DATA } from './test-data'

interface Example {
  line: string
  method: string
  path: string
  /** `-H 'Name: value'` flags after the URL. */
  headers: Record<string, string>
  /** A `-d '…'` body after the URL. */
  body?: string
  status: number
  /** True when the example sits in the endpoints table (a row that starts with `METHOD /path`). */
  inTable: boolean
}

const CURL = /curl (?:-X (\w+) )?'localhost:8787([^']*)'((?: (?:-H|-d) '[^']*')*)(?:`?\s*\|[^|]*\|)?(?:.*?#\s*(\d{3}))?/

/** Every `curl` example in the README, with the status its comment promises (200 when silent). */
function examples(): Example[] {
  const found: Example[] = []
  for (const line of readme.split('\n')) {
    const m = line.match(CURL)
    if (!m) continue
    const flags = [...(m[3] ?? '').matchAll(/(-H|-d) '([^']*)'/g)]
    const headers: Record<string, string> = {}
    for (const [, flag, value] of flags) {
      if (flag === '-H')
        headers[value!.slice(0, value!.indexOf(':')).trim()] = value!.slice(value!.indexOf(':') + 1).trim()
    }
    found.push({
      line: line.trim(),
      method: m[1] ?? 'GET',
      path: m[2]!,
      headers,
      body: flags.find(([, flag]) => flag === '-d')?.[2],
      status: m[4] ? Number(m[4]) : 200,
      inTable: /^\|\s*`[A-Z]+ \//.test(line),
    })
  }
  return found
}

/** Every documented operation as `METHOD /path/{param}`, from the app's own OpenAPI document. */
const doc = (await (await createApp(TEST_DATA, { openapi: OPENAPI }).request('/openapi.json')).json()) as {
  paths: Record<string, Record<string, unknown>>
}
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.keys(ops).map((method) => [method.toUpperCase(), path] as const),
)

/** Does a concrete example path (query string aside) fill in this path template? */
function fills(template: string, examplePath: string): boolean {
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/?]+')
  return new RegExp(`^${pattern}(?:\\?|$)`).test(examplePath)
}

describe('README examples', () => {
  const all = examples()
  const table = all.filter((e) => e.inTable)

  it('reads the routes from the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(13)
  })

  it.each(operations)('has a curl example in the endpoints table for %s %s', (method, path) => {
    expect(table.filter((e) => e.method === method && fills(path, e.path)).map((e) => e.line)).not.toEqual([])
  })

  it.each(['GET /', 'GET /docs'])('has a curl example in the endpoints table for %s, outside the document', (route) => {
    const path = route.split(' ')[1]!
    expect(table.filter((e) => e.path === path).map((e) => e.line)).not.toEqual([])
  })

  it('uses real values, never placeholders, so each example works when pasted', () => {
    expect(all.filter((e) => /\/(?:ID|\{\w+\}|:\w+|<\w+>)(?=[/?]|$)/.test(e.path)).map((e) => e.line)).toEqual([])
  })

  it.each(all.map((e) => [e.line, e] as const))('%s', async (_line, example) => {
    const res = await call(example.path, { method: example.method, headers: example.headers, body: example.body })
    expect(res.status).toBe(example.status)
  })
})
