/** The documented responses: each status with its headers, a problem+json example per code, and the JSON, page and export 200s. */
import type * as z from 'zod'
import { ERRORS, type ErrorCode, problemType } from '../errors'
import { RATE_LIMITS } from '../rate-limits'
import { LIMITS } from '../search/limits'
import { CSV_COLUMNS } from './export'
import { ProblemSchema } from './schemas'

const PROBLEM = 'application/problem+json'

/** A documented response header; `required` when every response of its kind carries it. */
function header(description: string, example: string, required = false) {
  return { description, ...(required ? { required: true } : {}), schema: { type: 'string' as const }, example }
}

type Headers = Record<string, ReturnType<typeof header>>

const REQUEST_ID = {
  'X-Request-Id': header(
    'The request id: the one sent, when it is 1 to 128 visible ASCII characters; otherwise a new UUID. Also in the log line.',
    '0b6b8a3e-6f1c-4a51-9c58-2f4f0a3f8d10',
    true,
  ),
}

/**
 * On every answer the rate limiter counted: all but preflights and 414s, which are turned away
 * before it. (An app built without the limiter bindings, as in some tests, sends none.)
 */
const RATE_LIMIT = {
  'RateLimit-Policy': header(
    'The limit applied to this client (IETF draft-ietf-httpapi-ratelimit-headers): `q` requests per `w` seconds, per client IP.',
    '"read";q=300;w=60',
    true,
  ),
  RateLimit: header(
    "What is left of the limit: `r` requests (this isolate's estimate) until the window resets in `t` seconds.",
    '"read";r=299;t=42',
    true,
  ),
}

/** Headers on every answer that reached the routes. */
export const COMMON_HEADERS = { ...REQUEST_ID, ...RATE_LIMIT }

const NO_STORE = { 'Cache-Control': header('Errors and POST answers are never stored.', 'no-store', true) }

/** The JSON 200 of a POST, which is never stored (its example is added as `jsonOk`'s is). */
export function postOk<T extends z.ZodType>(schema: T, description: string) {
  return {
    200: {
      description,
      headers: { ...COMMON_HEADERS, ...NO_STORE },
      content: { 'application/json': { schema } },
    },
  }
}

/** Headers on every successful GET and its 304. */
const CACHE_HEADERS = {
  ETag: header(
    'Strong validator derived from the deployment, the corpus build and the normalised request and representation; send it back in `If-None-Match` to get a 304.',
    '"de3ba58f-3a7c0e1d9b2f4c5e6a70"',
    true,
  ),
  'Cache-Control': header(
    'Browsers keep the answer 5 minutes, shared caches an hour; errors are `no-store`.',
    'public, max-age=300, s-maxage=3600',
    true,
  ),
  Vary: header('`Accept-Encoding`, plus `Accept` on lists that export CSV or NDJSON.', 'Accept, Accept-Encoding', true),
}

/** Headers on a page of a list. */
const PAGE_HEADERS = {
  Link: header(
    'RFC 8288 links to the next and previous pages, when there are any (the same as `links` in a JSON page).',
    '</v1/statements?offset=20>; rel="next"',
  ),
}

/** Headers on the statement lists and search, which export and whose answers are kept for repeated requests. */
const EXPORT_HEADERS = {
  'X-Total-Count': header('On CSV and NDJSON exports: the items matching, over all pages.', '42'),
  'X-Cache': header(
    "`HIT` when a kept answer was served (from the isolate's memory, or with the d1 backend the Workers cache), `MISS` when it was computed (search and statement lists).",
    'HIT',
  ),
}

/**
 * A problem+json response whose example carries this code. Every problem is `no-store`, with a
 * request id; `headers` replaces the rate-limit headers, for the answers given before the limiter.
 */
export function problemResponse(code: ErrorCode, description: string, detail: string, headers: Headers = RATE_LIMIT) {
  const { status, title } = ERRORS[code]
  return {
    description,
    headers: { ...REQUEST_ID, ...NO_STORE, ...headers },
    content: {
      [PROBLEM]: { schema: ProblemSchema, example: { type: problemType(code), title, status, detail, code } },
    },
  }
}

const allow = (methods: string) => ({ Allow: header('The methods the route takes.', methods, true) })
const retryAfter = (description: string, example: string) => ({ 'Retry-After': header(description, example, true) })

/** 405 for a method the route does not take; `methods` is what it does take. */
export function methodNotAllowedResponse(methods: string, method: string) {
  return problemResponse(
    'method_not_allowed',
    `Any method but ${methods}.`,
    `${method} is not allowed here; use ${methods}`,
    { ...RATE_LIMIT, ...allow(methods) },
  )
}

/** 414 for an overlong URL, checked before anything else, the rate limit included. */
export const uriTooLongResponse = problemResponse(
  'uri_too_long',
  `The URL is longer than ${LIMITS.urlLength} characters.`,
  `the URL must be at most ${LIMITS.urlLength} characters`,
  {},
)

/** 429 and 503: the answers any route gives when the client or the corpus cannot be served now. */
export const unavailableResponses = {
  429: problemResponse(
    'rate_limited',
    'Too many requests from this client; retry after `Retry-After` seconds.',
    `more than ${RATE_LIMITS.read.limit} requests in ${RATE_LIMITS.read.period} s from this client; retry in 42 s`,
    { ...RATE_LIMIT, ...retryAfter('Seconds until the rate-limit window resets.', '42') },
  ),
  503: problemResponse(
    'data_unavailable',
    'The corpus could not be loaded; try again later.',
    'the bundled corpus or index could not be loaded; try again later',
    { ...RATE_LIMIT, ...retryAfter('Seconds to wait before retrying.', '60') },
  ),
} as const

/** 503 of `POST /v1/extract`: the extraction Worker did not answer, or (as on every route) the corpus is unavailable. */
export const extractorUnavailableResponse = {
  503: problemResponse(
    'extractor_unavailable',
    'The extraction Worker did not answer (`extractor_unavailable`), or the corpus could not be loaded (`data_unavailable`); try again after `Retry-After` seconds.',
    'the extraction Worker did not answer; try again later',
    { ...RATE_LIMIT, ...retryAfter('Seconds to wait before retrying.', '30') },
  ),
} as const

/**
 * The responses every GET route can give besides its 200: 304 to a matching `If-None-Match`, 400
 * for bad parameters, 405 for any method but GET, HEAD and OPTIONS, 414 for an overlong URL, 429
 * past the rate limit and 503 when the corpus could not be loaded.
 */
export const problemResponses = {
  304: {
    description:
      'Not modified: `If-None-Match` names the current `ETag`. No body; the headers of the 200 it stands for, CORS included.',
    headers: { ...COMMON_HEADERS, ...CACHE_HEADERS, ...PAGE_HEADERS },
  },
  400: problemResponse(
    'invalid_parameter',
    'Invalid input: a bad, unknown or repeated parameter, a filter value that names nothing, or one that names several in part, such as a surname two speakers share (`ambiguous_filter_value`, with `errors[].candidates`; `code` says which).',
    'invalid parameter: limit',
  ),
  405: methodNotAllowedResponse('GET, HEAD, OPTIONS', 'POST'),
  414: uriTooLongResponse,
  ...unavailableResponses,
} as const

export const notFoundResponse = {
  404: problemResponse(
    'not_found',
    'No such id (with suggestions when a close one exists).',
    'no speaker with id "blinkn"',
  ),
} as const

/**
 * The JSON 200 response of a route, with its caching headers. Its example body is not here: the
 * document generator adds it (scripts/build-openapi.ts, from `RESPONSE_EXAMPLES` in examples.ts), so
 * the Worker, which serves the generated document, never bundles the examples.
 */
export function jsonOk<T extends z.ZodType>(schema: T, description: string) {
  return {
    200: {
      description,
      headers: { ...COMMON_HEADERS, ...CACHE_HEADERS },
      content: { 'application/json': { schema } },
    },
  }
}

/** A JSON page of a list: jsonOk plus the `Link` header. */
export function pageOk<T extends z.ZodType>(schema: T, description: string) {
  const ok = jsonOk(schema, description)
  return { 200: { ...ok[200], headers: { ...ok[200].headers, ...PAGE_HEADERS } } }
}

/** A CSV export begins with its header row: the columns, and `confidence` when statements carry one. */
const CSV_HEADER_PATTERN = `^${CSV_COLUMNS.join(',')}(,confidence)?\\r\\n`

/**
 * A statement list that can also answer as a CSV or NDJSON export; the exports' examples (added by
 * scripts/build-openapi.ts) are the JSON example's results, as the export would write them. The
 * export media types are in the OpenAPI document but not in the route's TypeScript type: the
 * handler and a typed client (`hono/client`) keep the JSON page's type, which a `text/csv` entry
 * would widen to `Response`.
 */
export function exportOk<T extends z.ZodType>(schema: T, description: string) {
  const ok = pageOk(schema, description)
  const exports = {
    'text/csv': {
      schema: {
        type: 'string' as const,
        pattern: CSV_HEADER_PATTERN,
        description:
          'RFC 4180 CSV with a header row and CRLF line ends; columns id, article, kind, speakers (names joined by "; "), cue, via, content, paragraph, sentence, topics ("; "), date, and confidence when statements carry one. A field starting with =, +, -, @, tab or CR gets a leading \' so spreadsheets do not run it as a formula.',
      },
    },
    'application/x-ndjson': {
      schema: {
        type: 'string' as const,
        description: 'One result object per line, exactly as in the JSON `results`.',
      },
    },
  }
  const content = Object.assign({ ...ok[200].content }, exports) as (typeof ok)[200]['content']
  return { 200: { ...ok[200], content, headers: { ...ok[200].headers, ...EXPORT_HEADERS } } }
}
