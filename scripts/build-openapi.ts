/**
 * `npm run build:openapi`: the OpenAPI document, generated from the API's routes (their zod
 * schemas, through @hono/zod-openapi) into src/generated/openapi.json.txt, which the Worker serves
 * at /openapi.json as it is. Generating it here keeps the generator and the schemas' document-only
 * metadata out of the Worker (src/vendor/zod-openapi.ts says what the Worker runs instead).
 */
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { createApi } from '../src/api'
import { OPENAPI_CONFIG } from '../src/openapi'
import { RESPONSE_EXAMPLES } from '../src/routes/examples'
import { csvText } from '../src/routes/export'
import type { Statement } from '../src/types'
import { ROOT, writeAtomically } from './build-data'

/** Where the document goes: a Text module (`*.txt`) for wrangler, so the Worker holds it as one string. */
export const OPENAPI_FILE = join(ROOT, 'src/generated/openapi.json.txt')

// As much of the generated document as the examples step reads: plain JSON data, paths to operations.
interface MediaObject {
  schema?: unknown
  example?: unknown
}
type Document = {
  paths: Record<
    string,
    Record<string, { operationId?: string; responses?: Record<string, { content?: Record<string, MediaObject> }> }>
  >
}

/** `media` with `example` placed right after its schema, where the route configs used to put it. */
const withExample = (media: MediaObject, example: unknown): MediaObject => ({ schema: media.schema, example, ...media })

/**
 * Puts each operation's example 200 body (`RESPONSE_EXAMPLES`) into the document, and the CSV and
 * NDJSON examples of the exports, written from the JSON example's results as the export writes them.
 * Fails on an operation without an example, or an example for no operation: the build, not a
 * reader of the document, finds the gap.
 */
export function addResponseExamples<T extends Document>(document: T): T {
  const unused = new Set(Object.keys(RESPONSE_EXAMPLES))
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const content = operation.responses?.['200']?.content
      if (!content) continue
      const id = operation.operationId ?? `${method.toUpperCase()} ${path}`
      if (!(id in RESPONSE_EXAMPLES))
        throw new Error(`build-openapi: no example 200 body for ${id} (src/routes/examples.ts)`)
      unused.delete(id)
      const example = RESPONSE_EXAMPLES[id]
      for (const [type, media] of Object.entries(content)) {
        const results = () => (example as { results: Statement[] }).results
        if (type === 'application/json') content[type] = withExample(media, example)
        else if (type === 'text/csv') content[type] = withExample(media, csvText(results()))
        else if (type === 'application/x-ndjson') {
          content[type] = withExample(
            media,
            results()
              .map((r) => `${JSON.stringify(r)}\n`)
              .join(''),
          )
        }
      }
    }
  }
  if (unused.size > 0) throw new Error(`build-openapi: examples for no operation: ${[...unused].join(', ')}`)
  return document
}

/** The document as /openapi.json serves it: compact JSON. The routes do not depend on the data. */
export function openApiDocumentText(): string {
  const api = createApi({ ok: false, error: 'no data: the document depends only on the routes' })
  return JSON.stringify(addResponseExamples(api.getOpenAPI31Document(OPENAPI_CONFIG) as unknown as Document))
}

/** Writes the document unless the file already holds it (wrangler dev would otherwise see a change); says which. */
export function writeOpenApiDocument(): { written: boolean; bytes: number } {
  const text = openApiDocumentText()
  let current: string | undefined
  try {
    current = readFileSync(OPENAPI_FILE, 'utf8')
  } catch {}
  if (current !== text) writeAtomically(OPENAPI_FILE, text)
  return { written: current !== text, bytes: text.length }
}

function main(): void {
  const started = performance.now()
  const { written, bytes } = writeOpenApiDocument()
  if (!process.argv.includes('--quiet')) {
    const what = written ? `${(bytes / 1024).toFixed(1)} KiB written` : 'up to date'
    console.log(
      `build-openapi: ${relative(ROOT, OPENAPI_FILE)} ${what} (${(performance.now() - started).toFixed(0)} ms)`,
    )
  }
}

// Run as a script only: importing it (tests) must not write.
if (process.argv[1] && /[\\/]build-openapi\.ts$/.test(process.argv[1])) main()
