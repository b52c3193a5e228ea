/** The app over the test corpus (test/corpus/), built in memory through the same build path, for Node API tests. */

import { readFileSync } from 'node:fs'
import { buildCorpus } from '../../../scripts/build-data'
import { OPENAPI_FILE } from '../../../scripts/build-openapi'
import { createApp } from '../../../src/app'
import { extractStatements } from '../../../src/extract/index'
import { tryLoad } from '../../../src/search/load'
import { loadStore } from '../../../src/search/pack'
import { TEST_CORPUS_DATA } from '../build/test-corpus'

/** The OpenAPI document the Worker serves, as `npm run build:openapi` wrote it. */
export const OPENAPI = readFileSync(OPENAPI_FILE, 'utf8')

/** The app as the workers tests see it, without workerd: `app.request(path)`. */
export function createTestApp() {
  const { corpus, indexJson } = buildCorpus({ dataDir: TEST_CORPUS_DATA })
  return createApp(
    tryLoad(() => loadStore(JSON.stringify(corpus), indexJson)),
    // The Worker calls the extraction Worker over its binding; in Node the extractor runs in-process.
    { openapi: OPENAPI, extractor: { extract: extractStatements } },
  )
}

/** The app's OpenAPI document, as served at /openapi.json. */
export async function fetchDocument(app: ReturnType<typeof createTestApp>): Promise<OpenApiDocument> {
  const res = await app.request('/openapi.json')
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}`)
  return (await res.json()) as OpenApiDocument
}

export interface OpenApiParameter {
  name: string
  in: 'query' | 'path' | 'header' | 'cookie'
  required?: boolean
  example?: unknown
  schema: {
    type?: string
    enum?: unknown[]
    items?: { enum?: unknown[] }
    minimum?: number
    maximum?: number
    format?: string
    example?: unknown
  }
}

export interface OpenApiHeader {
  required?: boolean
  schema?: unknown
  example?: unknown
}

export interface OpenApiResponse {
  description: string
  headers?: Record<string, OpenApiHeader>
  content?: Record<string, { schema: unknown; example?: unknown }>
}

export interface OpenApiOperation {
  operationId: string
  parameters?: OpenApiParameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown; example?: unknown }> }
  responses: Record<string, OpenApiResponse>
}

export interface OpenApiDocument {
  openapi: string
  info: Record<string, unknown>
  servers: { url: string }[]
  security: unknown[]
  paths: Record<string, Record<string, OpenApiOperation>>
  components: { schemas: Record<string, unknown> }
}
