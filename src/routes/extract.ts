/** Extraction on demand: the statements the extractor finds in text sent in the request, stored nowhere. */
import { createRoute } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import * as z from 'zod'
import { ProblemError, problem } from '../errors'
import { RATE_LIMITS } from '../rate-limits'
import { withTimeout } from '../search/timeout'
import type { ExtractResult, Statement } from '../types'
import {
  extractorUnavailableResponse,
  methodNotAllowedResponse,
  postOk,
  problemResponse,
  unavailableResponses,
  uriTooLongResponse,
} from './responses'
import { type AppEnv, createRouter } from './router'
import { dateParam, StatementSchema } from './schemas'

/** The largest body accepted, in bytes: a long news article is 10–30 KB. */
export const MAX_EXTRACT_BYTES = 64 * 1024

/**
 * How long the route waits for the extraction Worker before answering 503, unless
 * `EXTRACT_TIMEOUT_MS` says otherwise: a 64 KB article takes well under a second of CPU.
 */
export const EXTRACT_TIMEOUT_MS = 10_000

/** The article id the statements of submitted text carry (their ids hash it with their content). */
export const SUBMITTED_ARTICLE_ID = 'submitted'

const MEDIA_TYPES = ['application/json', 'text/plain'] as const

const ExtractBodySchema = z
  .strictObject(
    {
      text: z
        .string({ error: (issue) => (issue.input === undefined ? 'text is required' : 'text must be a string') })
        .refine((t) => t.trim().length > 0, 'text must not be empty')
        .openapi({
          description: 'The article: plain text, paragraphs on their own lines.',
          example:
            '"We want to keep the lines of communication open," Blinken said on Monday.\n\nThe ministry said it had no comment.',
        }),
      title: z
        .string()
        .max(500, 'title must be at most 500 characters')
        .optional()
        .openapi({ example: 'Talks resume' }),
      date: dateParam('date', 'The date every statement gets (YYYY-MM-DD); null when absent.', '2023-09-18'),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? 'unknown field; valid fields: text, title, date' : undefined,
    },
  )
  .openapi('ExtractRequest')

const ExtractResultSchema = z
  .object({
    article: z.object({
      id: z.string().openapi({ example: SUBMITTED_ARTICLE_ID }),
      title: z.string().nullable(),
      date: z.string().nullable(),
      characters: z.number().int().openapi({ description: 'Length of the text in UTF-16 code units, as spans count.' }),
    }),
    statements: z.array(StatementSchema).openapi({
      description:
        'In text order, the same shape as everywhere else; spans are UTF-16 offsets into the submitted text.',
    }),
    warnings: z.array(z.string()).openapi({ description: 'Problems met on the way (an unbalanced quote, …).' }),
  })
  .openapi('ExtractResult')

const { extract: strict, read } = RATE_LIMITS

const extractRoute = createRoute({
  method: 'post',
  path: '/extract',
  operationId: 'extractStatements',
  tags: ['extract'],
  summary: 'Extract statements from text',
  description: [
    `Runs the extractor on the text sent, with the registry and topic rules of the served corpus, and returns the statements it finds. Nothing is stored.`,
    `A body is required: JSON \`{ text, title?, date? }\`, or the text itself as \`text/plain\`; at most ${MAX_EXTRACT_BYTES / 1024} KB (${MAX_EXTRACT_BYTES} bytes) of UTF-8.`,
    `Rate-limited more strictly than reads: ${strict.limit} requests per ${strict.period} s per client IP (reads and searches: ${read.limit} per ${read.period} s).`,
  ].join(' '),
  request: {
    body: {
      description: `The article, as JSON or plain text; at most ${MAX_EXTRACT_BYTES} bytes.`,
      content: {
        'application/json': { schema: ExtractBodySchema },
        'text/plain': {
          schema: z
            .string()
            .openapi({ example: '"We will keep talking," Blinken said.', maxLength: MAX_EXTRACT_BYTES }),
        },
      },
    },
  },
  responses: {
    ...postOk(ExtractResultSchema, 'The statements found; never cached (`Cache-Control: no-store`).'),
    400: problemResponse(
      'invalid_parameter',
      'A body that is not valid JSON or UTF-8, or a missing, empty or unknown field (`code` says which; `errors` names the field).',
      'invalid parameter: text',
    ),
    405: methodNotAllowedResponse('POST, OPTIONS', 'GET'),
    413: problemResponse(
      'payload_too_large',
      `A body over ${MAX_EXTRACT_BYTES} bytes.`,
      `the body must be at most ${MAX_EXTRACT_BYTES} bytes (64 KB)`,
    ),
    414: uriTooLongResponse,
    415: problemResponse(
      'unsupported_media_type',
      'A Content-Type other than application/json or text/plain.',
      'Content-Type must be application/json or text/plain, not "text/html"',
    ),
    ...unavailableResponses,
    ...extractorUnavailableResponse,
  },
})

function bodyError(
  code: 'invalid_parameter' | 'malformed_request' | 'payload_too_large' | 'unsupported_media_type',
  field: string,
  message: string,
) {
  return new ProblemError(problem(code, message, { instance: '/v1/extract', errors: [{ parameter: field, message }] }))
}

/** 503 with Retry-After: extraction is a separate Worker (src/extract-worker.ts) that did not answer. */
function unavailable(why: string) {
  return new ProblemError(problem('extractor_unavailable', `${why}; try again later`, { instance: '/v1/extract' }), {
    'Retry-After': '30',
  })
}

/** Reads at most `max` bytes of the body as strict UTF-8; null when there is more. */
async function readCapped(request: Request, max: number): Promise<string | null> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > max) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw bodyError('malformed_request', 'body', 'the body is not valid UTF-8')
  }
}

/**
 * Checks the body before anything parses it: the media type (415), the size, declared or counted
 * while reading (413), and for JSON that it parses (400). The text read is left in Hono's body
 * cache, where the JSON validator and the handler find it.
 */
const guardBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'POST') return next()
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (!(MEDIA_TYPES as readonly string[]).includes(type)) {
    throw bodyError(
      'unsupported_media_type',
      'Content-Type',
      `Content-Type must be application/json or text/plain, not ${type ? `"${type}"` : 'missing'}`,
    )
  }
  const tooLarge = () =>
    bodyError('payload_too_large', 'body', `the body must be at most ${MAX_EXTRACT_BYTES} bytes (64 KB)`)
  if (Number(c.req.header('Content-Length') ?? 0) > MAX_EXTRACT_BYTES) throw tooLarge()
  const text = await readCapped(c.req.raw, MAX_EXTRACT_BYTES)
  if (text === null) throw tooLarge()
  if (type === 'application/json') {
    try {
      JSON.parse(text)
    } catch (error) {
      throw bodyError('malformed_request', 'body', `the body is not valid JSON: ${(error as Error).message}`)
    }
  }
  // Hono keeps body reads as promises by kind; any later read (json, text) is served from this one.
  ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
  await next()
}

const router = createRouter()
router.use('/extract', guardBody)

type ExtractBody = z.infer<typeof ExtractBodySchema>

export const extract = router.openapi(extractRoute, async (c) => {
  const plain = (c.req.header('Content-Type') ?? '').toLowerCase().startsWith('text/plain')
  // The validated JSON is typed as either media type's schema; only the JSON one is ever validated.
  const input: ExtractBody = plain ? { text: await c.req.text() } : (c.req.valid('json') as ExtractBody)
  if (input.text.trim().length === 0) throw bodyError('invalid_parameter', 'text', 'text must not be empty')
  const title = input.title ?? null
  const date = input.date ?? null
  const store = c.var.catalog
  const extractor = c.env?.EXTRACTOR ?? c.var.extractor
  if (!extractor) throw unavailable('no extractor is bound to this Worker (the EXTRACTOR service binding)')
  let result: ExtractResult
  const configured = Number(c.env?.EXTRACT_TIMEOUT_MS)
  const timeoutMs = Number.isFinite(configured) && configured > 0 ? configured : EXTRACT_TIMEOUT_MS
  try {
    const work = extractor.extract(
      { id: SUBMITTED_ARTICLE_ID, text: input.text, date },
      { entities: store.registry.entities, topics: store.registry.topics },
    )
    result = await withTimeout(Promise.resolve(work), timeoutMs, () => new Error(`no answer within ${timeoutMs} ms`))
  } catch (error) {
    // The extraction Worker is not running (local development without it) or failed; the extractor
    // itself never throws, so this is the call, not the text.
    console.error(
      JSON.stringify({
        message:
          'POST /v1/extract: the extraction Worker did not answer (locally, run both Workers: npm start, or wrangler dev -c wrangler.toml -c wrangler.extract.toml)',
        error: String(error),
      }),
    )
    throw unavailable('the extraction Worker did not answer')
  }
  const statements: Statement[] = result.statements
  return c.json(
    {
      article: { id: SUBMITTED_ARTICLE_ID, title, date, characters: input.text.length },
      statements,
      warnings: result.warnings,
    },
    200,
  )
})
