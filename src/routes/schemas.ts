/** Zod schemas shared by the route groups: one schema validates, types the handler and documents the API. */
import { z } from '@hono/zod-openapi'
import { ERRORS } from '../errors'
import { FACET_NAMES, MAX_FACET_VALUES } from '../search/facets'
import { FILTER_PARAMS } from '../search/filter'
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
      .array(z.object({ parameter: z.string(), message: z.string(), suggestions: z.array(z.string()).optional() }))
      .optional(),
  })
  .openapi('Problem')

/** Page envelope around any list of items. */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      total: z.number().int().openapi({ description: 'Items matching, over all pages.' }),
      limit: z.number().int(),
      offset: z.number().int(),
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

export const FilterQuery = {
  speaker: listParam('speaker', 'Speaker id, name, alias or surname, case-insensitive.', 'blinken'),
  kind: listParam('kind', `Statement kind: ${STATEMENT_KINDS.join(', ')}.`, 'direct'),
  topic: listParam('topic', 'Topic id or label.', 'north-korea'),
  entity: listParam('entity', 'Entity mentioned in the content: id, name or alias.', 'xi-jinping'),
  article: listParam('article', 'Article id or title.', 'han-blinken-unga-2023'),
  via: listParam('via', 'Relaying channel: id, name or alias.', 'xinhua'),
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

/** The error responses every route can give. */
export const problemResponses = {
  400: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Invalid input.' },
  503: {
    content: { 'application/problem+json': { schema: ProblemSchema } },
    description: 'The corpus could not be loaded.',
  },
} as const

export const notFoundResponse = {
  404: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'No such id.' },
} as const

/** Rounds a JSON 200 response declaration. */
export function jsonOk<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { content: { 'application/json': { schema } }, description } }
}
