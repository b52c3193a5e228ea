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
import { ROOT, writeAtomically } from './build-data'

/** Where the document goes: a Text module (`*.txt`) for wrangler, so the Worker holds it as one string. */
export const OPENAPI_FILE = join(ROOT, 'src/generated/openapi.json.txt')

/** The document as /openapi.json serves it: compact JSON. The routes do not depend on the data. */
export function openApiDocumentText(): string {
  const api = createApi({ ok: false, error: 'no data: the document depends only on the routes' })
  return JSON.stringify(api.getOpenAPI31Document(OPENAPI_CONFIG))
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
