/** Zod schemas shared by the route groups: one schema validates, types the handler and documents the API. */
import { z } from '@hono/zod-openapi'
import { ERRORS } from '../errors'
import { FACET_NAMES, MAX_FACET_VALUES } from '../search/facets'
import { checkDate, FILTER_PARAMS } from '../search/filter'
import { LIMITS } from '../search/limits'
import { ATTRIBUTED_KINDS, SPEAKER_TYPES, STATEMENT_KINDS } from '../types'

// ---------------------------------------------------------------------------------------------
// Records

export const SpeakerSchema = z
  .object({
    id: z.string().openapi({ example: 'antony-blinken' }),
    name: z.string().openapi({ example: 'Antony Blinken' }),
    type: z.enum(SPEAKER_TYPES),
    role: z.string().optional().openapi({ example: 'US Secretary of State' }),
    affiliation: z.string().optional().openapi({ example: 'United States' }),
  })
  .openapi('Speaker')

export const SpanSchema = z
  .object({ start: z.number().int(), end: z.number().int() })
  .openapi('Span', { description: 'UTF-16 offsets into the article text: `text.slice(start, end)`.' })

export const StatementSchema = z
  .object({
    id: z.string().openapi({
      description: 'Stable, URL-safe, unique across the corpus.',
      example: 'han-blinken-unga-2023-1f3a9c0d2e',
    }),
    article: z.string().openapi({ example: 'han-blinken-unga-2023' }),
    kind: z.enum(STATEMENT_KINDS),
    speakers: z.array(SpeakerSchema),
    source: z.string().nullable().openapi({ description: 'The mention as written: "he", "the department".' }),
    cue: z.string().nullable().openapi({ example: 'said' }),
    via: SpeakerSchema.nullable().openapi({ description: 'The channel that relayed the statement.' }),
    content: z.string(),
    text: z.string().openapi({ description: 'The whole sentence(s) the statement sits in.' }),
    spans: z.array(SpanSchema),
    paragraph: z.number().int(),
    sentence: z.number().int(),
    topics: z.array(z.string()),
    entities: z.array(z.string()),
    date: z.string().nullable(),
  })
  .openapi('Statement')

export const KindCountsSchema = z
  .object({
    total: z.number().int().openapi({ description: 'Attributed statements: every kind but narration.' }),
    ...Object.fromEntries(ATTRIBUTED_KINDS.map((k) => [k, z.number().int()])),
  })
  .openapi('KindCounts')

export const SpeakerSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(SPEAKER_TYPES),
    role: z.string().nullable(),
    affiliation: z.string().nullable(),
    aliases: z.array(z.string()),
    counts: KindCountsSchema,
    relayed: z.number().int().openapi({ description: 'Statements relayed by this speaker as a channel (`via`).' }),
  })
  .openapi('SpeakerSummary')

export const FacetValueSchema = z
  .object({ value: z.string(), label: z.string(), count: z.number().int() })
  .openapi('FacetValue')

export const FacetsSchema = z
  .object(Object.fromEntries(FACET_NAMES.map((f) => [f, z.array(FacetValueSchema).optional()])))
  .openapi('Facets')

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:whosaid:problem:invalid-parameter' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.keys(ERRORS) as [string, ...string[]]),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ parameter: z.string(), message: z.string(), suggestions: z.array(z.string()).optional() }))
      .optional(),
  })
  .openapi('Problem')

const pageLink = (rel: string, example: string | null) =>
  z
    .string()
    .nullable()
    .openapi({ description: `Root-relative URL of the ${rel} page, or null when there is none.`, example })

export const LinksSchema = z
  .object({
    self: z.string().openapi({ description: 'Root-relative URL of this page.', example: '/v1/statements?offset=20' }),
    next: pageLink('next', '/v1/statements?offset=40'),
    prev: pageLink('previous', '/v1/statements?offset=0'),
  })
  .openapi('PageLinks', { description: 'The same links as the `Link` header (RFC 8288).' })

/** Page envelope around any list of items. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      total: z.number().int().openapi({ description: 'Items matching, over all pages.' }),
      limit: z.number().int(),
      offset: z.number().int(),
      links: LinksSchema,
      results: z.array(item),
      facets: FacetsSchema.optional(),
    })
    .openapi(name)
}

// ---------------------------------------------------------------------------------------------
// Query parameters

/** A whole number within bounds, from a query string: "20" yes; "2.5", "1e3", "-1", "abc" no. */
function wholeNumber(name: string, min: number, max: number, fallback: number, description: string) {
  return z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`))
    .optional()
    .default(fallback)
    .openapi({ type: 'integer', minimum: min, maximum: max, default: fallback, description })
}

/** A list parameter: repeated (`kind=direct&kind=mixed`) or comma-separated (`kind=direct,mixed`); values OR. */
function listParam(name: string, description: string, example: string, item: z.ZodType<string, string> = z.string()) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(LIMITS.filterValueLength, `each ${name} value must be at most ${LIMITS.filterValueLength} characters`)
            .pipe(item),
        )
        .max(LIMITS.filterValues, `${name} takes at most ${LIMITS.filterValues} values`),
    )
    .optional()
    .openapi({
      param: { name, in: 'query', style: 'form', explode: true },
      type: 'array',
      items: { type: 'string' },
      description: `${description} Repeat the parameter or separate values with commas (OR); at most ${LIMITS.filterValues} values of at most ${LIMITS.filterValueLength} characters.`,
      example,
    })
}

export const PaginationQuery = {
  limit: wholeNumber('limit', 1, LIMITS.maxLimit, LIMITS.defaultLimit, `Page size, 1 to ${LIMITS.maxLimit}.`),
  offset: wholeNumber('offset', 0, LIMITS.maxOffset, 0, `Results to skip, 0 to ${LIMITS.maxOffset}.`),
}

/** Pagination of the lists that export: JSON pages stay at most 100, CSV and NDJSON may take up to 1000. */
export const ExportPaginationQuery = {
  limit: wholeNumber(
    'limit',
    1,
    LIMITS.maxExportLimit,
    LIMITS.defaultLimit,
    `Page size: 1 to ${LIMITS.maxLimit} for JSON; up to ${LIMITS.maxExportLimit} for CSV and NDJSON exports, which stream.`,
  ),
  offset: PaginationQuery.offset,
}

/** A date parameter: a real calendar date written YYYY-MM-DD. */
export function dateParam(name: string, description: string, example: string) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const why = checkDate(value)
      if (why) ctx.addIssue({ code: 'custom', message: `${name} ${why}` })
    })
    .optional()
    .openapi({ type: 'string', format: 'date', description, example })
}

/** Filters on the statement itself: its date, and whether anyone is named for it. */
export const ConditionQuery = {
  since: dateParam(
    'since',
    'Only statements dated on or after this day (YYYY-MM-DD, inclusive). Statements with no date are left out whenever `since` or `until` is given.',
    '2023-09-01',
  ),
  until: dateParam(
    'until',
    'Only statements dated on or before this day (YYYY-MM-DD, inclusive); not before `since`. Statements with no date are left out.',
    '2023-09-30',
  ),
  attributed: z.enum(['true', 'false'], { error: 'attributed must be true or false' }).optional().openapi({
    description: '`true`: only attributed statements (every kind but narration); `false`: only narration.',
    example: 'true',
  }),
}

/** The representations a statement list can answer with. */
export const EXPORT_FORMATS = ['json', 'csv', 'ndjson'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const ExportQuery = {
  format: z
    .enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(', ')}` })
    .optional()
    .openapi({
      description:
        '`json` (the default), `csv` (RFC 4180, `text/csv`) or `ndjson` (`application/x-ndjson`, one result per line). Without it, `Accept: text/csv` or `Accept: application/x-ndjson` choose. CSV and NDJSON stream, take `limit` up to 1000 and carry the total in `X-Total-Count`.',
      example: 'csv',
    }),
}

export const FilterQuery = {
  speaker: listParam('speaker', 'Speaker id, name, alias or surname, case-insensitive.', 'blinken'),
  kind: listParam('kind', `Statement kind: ${STATEMENT_KINDS.join(', ')}.`, 'direct'),
  topic: listParam('topic', 'Topic id or label.', 'north-korea'),
  entity: listParam('entity', 'Entity mentioned in the content: id, name or alias.', 'xi-jinping'),
  article: listParam('article', 'Article id or title.', 'han-blinken-unga-2023'),
  via: listParam('via', 'Relaying channel: id, name or alias.', 'xinhua'),
  facets: listParam(
    'facets',
    `Facets to count over the whole matching set: ${FACET_NAMES.join(', ')}; each lists at most ${MAX_FACET_VALUES} values, most frequent first.`,
    'speaker,kind',
    z.enum(FACET_NAMES, { error: `each facet must be one of ${FACET_NAMES.join(', ')}` }),
  ),
}

export const PrettyQuery = {
  pretty: z
    .string()
    .optional()
    .openapi({ description: 'Indent the JSON response (also the default for curl).', example: '' }),
}

/** Query parameters that may be repeated. */
export const REPEATABLE_PARAMS: ReadonlySet<string> = new Set([...FILTER_PARAMS, 'facets'])

export const IdParam = (description: string, example: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(200)
      .openapi({ param: { name: 'id', in: 'path' }, description, example }),
  })

/** A documented response header. */
const header = (description: string, example: string) => ({ description, schema: { type: 'string' as const, example } })

/** Headers on every response. */
export const COMMON_HEADERS = {
  'X-Request-Id': header(
    'The request id: the one sent, when it is 1 to 128 visible ASCII characters; otherwise a new UUID. Also in the log line.',
    '0b6b8a3e-6f1c-4a51-9c58-2f4f0a3f8d10',
  ),
  'RateLimit-Policy': header(
    'The rate limit applied to this client (IETF draft-ietf-httpapi-ratelimit-headers): `q` requests per `w` seconds, per client IP.',
    '"read";q=300;w=60',
  ),
  RateLimit: header(
    "What is left of the limit: `r` requests (this isolate's estimate) until the window resets in `t` seconds.",
    '"read";r=299;t=42',
  ),
}

/** Headers on every successful GET. */
export const CACHE_HEADERS = {
  ETag: header(
    'Strong validator derived from the deployment, the corpus build and the normalised request and representation; `If-None-Match` with it gives 304.',
    '"f29f9da8-3a7c0e1d9b2f4c5e6a70"',
  ),
  'Cache-Control': header('Shared and browser caching; errors are `no-store`.', 'public, max-age=300, s-maxage=3600'),
  Vary: header('`Accept-Encoding`, plus `Accept` on lists that export CSV or NDJSON.', 'Accept, Accept-Encoding'),
}

/** Headers on a page of a list. */
export const PAGE_HEADERS = {
  Link: header(
    'RFC 8288 links to the next and previous pages, when there are any.',
    '</v1/statements?offset=20>; rel="next"',
  ),
}

/** Headers on the statement lists and search, which can export and which the Workers cache serves. */
export const EXPORT_HEADERS = {
  'X-Total-Count': header('On CSV and NDJSON exports: the items matching over all pages.', '42'),
  'X-Cache': header(
    '`HIT` when the Workers cache answered, `MISS` when it was computed (search and statement lists).',
    'HIT',
  ),
}

const problemContent = { content: { 'application/problem+json': { schema: ProblemSchema } } }

/** The error responses every route can give. */
export const problemResponses = {
  400: { ...problemContent, description: 'Invalid input.', headers: COMMON_HEADERS },
  429: {
    ...problemContent,
    description: 'Too many requests from this client; retry after `Retry-After` seconds.',
    headers: { ...COMMON_HEADERS, 'Retry-After': header('Seconds until the rate-limit window resets.', '42') },
  },
  503: {
    ...problemContent,
    description: 'The corpus could not be loaded.',
    headers: COMMON_HEADERS,
  },
} as const

export const notFoundResponse = {
  404: { ...problemContent, description: 'No such id.', headers: COMMON_HEADERS },
} as const

const notModified = {
  304: {
    description:
      '`If-None-Match` named the current ETag: no body; the same ETag, Cache-Control, Vary and CORS headers.',
    headers: { ...COMMON_HEADERS, ...CACHE_HEADERS },
  },
}

/** Rounds a JSON 200 response declaration, with its 304. */
export function jsonOk<T extends z.ZodType>(schema: T, description: string) {
  return {
    200: {
      content: { 'application/json': { schema } },
      description,
      headers: { ...COMMON_HEADERS, ...CACHE_HEADERS },
    },
    ...notModified,
  }
}

/** A paged JSON list: jsonOk plus the `Link` header. */
export function pageOk<T extends z.ZodType>(schema: T, description: string) {
  const ok = jsonOk(schema, description)
  return { ...ok, 200: { ...ok[200], headers: { ...ok[200].headers, ...PAGE_HEADERS } } }
}

const CSV_EXAMPLE =
  'id,article,kind,speakers,cue,via,content,paragraph,sentence,topics,date\r\nhan-blinken-unga-2023-1f3a9c0d2e,han-blinken-unga-2023,direct,Antony Blinken,said,,"The world is looking to us to manage this relationship responsibly",4,7,china-us-relations,2023-09-18\r\n'

/**
 * A statement list that can also answer as a CSV or NDJSON export. The export media types are in
 * the OpenAPI document but not in the route's TypeScript type: the handler and a typed client
 * (`hono/client`) keep the JSON page's type, which a `text/csv` entry would widen to `Response`.
 */
export function exportOk<T extends z.ZodType>(schema: T, description: string) {
  const ok = jsonOk(schema, description)
  const exports = {
    'text/csv': {
      schema: z.string().openapi({
        description:
          'RFC 4180 CSV with a header row and CRLF line ends; columns id, article, kind, speakers (names joined by "; "), cue, via, content, paragraph, sentence, topics ("; "), date, and confidence when statements carry one. A field starting with =, +, -, @, tab or CR gets a leading \' so spreadsheets do not run it as a formula.',
        example: CSV_EXAMPLE,
      }),
    },
    'application/x-ndjson': {
      schema: z.string().openapi({
        description: 'One result object per line, exactly as in the JSON `results`.',
        example: '{"id":"han-blinken-unga-2023-1f3a9c0d2e","kind":"direct"}\n',
      }),
    },
  }
  const content = Object.assign({ ...ok[200].content }, exports) as (typeof ok)[200]['content']
  const headers = { ...ok[200].headers, ...PAGE_HEADERS, ...EXPORT_HEADERS }
  return { ...ok, 200: { ...ok[200], content, headers } }
}
