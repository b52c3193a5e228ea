/** Zod schemas shared by the route groups: one schema validates, types the handler and documents the API. */
// zod's `.openapi()` comes from @hono/zod-openapi (in the Worker, src/vendor/zod-openapi.ts).
import '@hono/zod-openapi'
import * as z from 'zod'
import { ERRORS } from '../errors'
import { FACET_NAMES, MAX_FACET_VALUES } from '../search/facets'
import { checkDate, FILTER_PARAMS } from '../search/filter'
import { LIMITS } from '../search/limits'
import { ATTRIBUTED_KINDS, SPEAKER_TYPES, STATEMENT_KINDS } from '../types'
import { EXPORT_FORMATS } from './export'

/** A real statement id of the seed article (ids are stable hashes of article, content and position). */
export const EXAMPLE_STATEMENT_ID = 'han-blinken-unga-2023-da56563213'

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
      example: EXAMPLE_STATEMENT_ID,
    }),
    article: z.string().openapi({ example: 'han-blinken-unga-2023' }),
    kind: z.enum(STATEMENT_KINDS),
    speakers: z.array(SpeakerSchema),
    source: z.string().nullable().openapi({ description: 'The mention as written: "he", "the department".' }),
    cue: z.string().nullable().openapi({ example: 'said' }),
    // A union, not `.nullable()`: on a registered schema, zod-to-openapi emits
    // `allOf: [{ $ref }, { type: [object, null] }]`, under which null never validates.
    via: z
      .union([SpeakerSchema, z.null()])
      .openapi({ description: 'The channel that relayed the statement, or null.' }),
    content: z.string(),
    text: z.string().openapi({ description: 'The whole sentence(s) the statement sits in.' }),
    spans: z.array(SpanSchema),
    paragraph: z.number().int(),
    sentence: z.number().int(),
    topics: z.array(z.string()),
    entities: z.array(z.string()),
    date: z.string().nullable(),
    confidence: z.number().min(0).max(1).nullable().openapi({
      description:
        'How sure the extractor is of `speakers`, 0–1, calibrated on hand-annotated news (of statements at 0.8, about 8 in 10 have the right speaker): high for a name next to the cue, low for a pronoun far from its antecedent. Null for narration, which has no speaker; 0 for a quotation nobody was found for; 1 once an editor set the speaker.',
      example: 0.95,
    }),
    corrected: z.boolean().openapi({
      description: 'An editor changed or added this statement (`data/corrections.json`).',
      example: false,
    }),
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
      .array(
        z.object({
          parameter: z.string(),
          message: z.string(),
          suggestions: z.array(z.string()).optional().openapi({
            description: 'Close ids for a value that names nothing; every candidate id for an ambiguous one.',
          }),
          candidates: z
            .array(
              z.object({
                id: z.string(),
                name: z.string(),
                count: z.number().int().openapi({ description: 'The statements this value selects.' }),
              }),
            )
            .optional()
            .openapi({
              description:
                'For `ambiguous_filter_value`: the values the filter value could mean (a surname two speakers share), most statements first. Name one by id.',
              example: [
                { id: 'donald-trump', name: 'Donald Trump', count: 12 },
                { id: 'melania-trump', name: 'Melania Trump', count: 2 },
              ],
            }),
        }),
      )
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

const PageFields = {
  total: z.number().int().openapi({ description: 'Items matching, over all pages.', example: 1 }),
  limit: z.number().int().openapi({ example: 20 }),
  offset: z.number().int().openapi({ example: 0 }),
  links: LinksSchema,
}

/** Page envelope around any list of items, for routes that do not take `facets`. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ ...PageFields, results: z.array(item) }).openapi(name)
}

/** Page envelope with facet counts, for the routes that take `facets`. */
export function facetedPageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      ...PageFields,
      results: z.array(item),
      facets: FacetsSchema.optional().openapi({ description: 'Present when `facets` is given.' }),
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
    .openapi({ type: 'integer', minimum: min, maximum: max, default: fallback, description, example: fallback })
}

/**
 * A list parameter: repeated (`kind=direct&kind=mixed`) or comma-separated (`kind=direct,mixed`); values OR.
 * `values` documents the accepted values as an enum; `item` validates each value (by default, any
 * string, resolved later by the filter, which answers unknown_filter_value with suggestions).
 */
function listParam(
  name: string,
  description: string,
  example: string[],
  options: { values?: readonly string[]; item?: z.ZodType<string, string> } = {},
) {
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
            .pipe(options.item ?? z.string()),
        )
        .max(LIMITS.filterValues, `${name} takes at most ${LIMITS.filterValues} values`),
    )
    .optional()
    .openapi({
      param: { name, in: 'query', style: 'form', explode: true, example },
      type: 'array',
      items: options.values ? { type: 'string', enum: [...options.values] } : { type: 'string' },
      maxItems: LIMITS.filterValues,
      description: `${description} Repeat the parameter or separate values with commas (OR); at most ${LIMITS.filterValues} values of at most ${LIMITS.filterValueLength} characters.`,
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
  speaker: listParam('speaker', 'Speaker id, name, alias or surname, case-insensitive.', ['blinken']),
  kind: listParam('kind', 'Statement kind.', ['direct', 'mixed'], { values: STATEMENT_KINDS }),
  topic: listParam('topic', 'Topic id, IPTC code (02000000), label or a word of the label.', ['politics']),
  entity: listParam('entity', 'Entity mentioned in the content: id, name or alias.', ['xi-jinping']),
  article: listParam('article', 'Article id or title.', ['han-blinken-unga-2023']),
  via: listParam('via', 'Relaying channel: id, name or alias.', ['xinhua']),
  min_confidence: z
    .string()
    .regex(/^(?:\d{1,3}(?:\.\d{1,6})?|\.\d{1,6})$/, 'min_confidence must be a number from 0 to 1, such as 0.8')
    .transform(Number)
    .pipe(z.number().max(1, 'min_confidence must be at most 1'))
    .optional()
    .openapi({
      type: 'number',
      minimum: 0,
      maximum: 1,
      example: 0.8,
      description:
        'Only statements whose speaker `confidence` is at least this (0 to 1); narration, which has no speaker, is left out.',
    }),
  facets: listParam(
    'facets',
    `Facets to count over the whole matching set; each lists at most ${MAX_FACET_VALUES} values, most frequent first.`,
    ['speaker', 'kind'],
    {
      values: FACET_NAMES,
      item: z.enum(FACET_NAMES, { error: `each facet must be one of ${FACET_NAMES.join(', ')}` }),
    },
  ),
}

export const PrettyQuery = {
  pretty: z.string().optional().openapi({
    description:
      'Indent the JSON response. Without it JSON is compact, for curl too: only the URL chooses, so caches keep the two forms apart.',
    example: '',
  }),
}

/** Query parameters that may be repeated. */
export const REPEATABLE_PARAMS: ReadonlySet<string> = new Set([...FILTER_PARAMS, 'facets'])

export const IdParam = (description: string, example: string) =>
  z.object({
    id: z
      .string()
      .min(1)
      .max(200)
      .openapi({ param: { name: 'id', in: 'path', example }, description, example }),
  })
