/** The statement search endpoint: query language, filters, facets, highlights, snippets and explanations. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { BackendHit } from '../search/backend'
import type { FacetName } from '../search/facets'
import { markHtml, snippet } from '../search/highlight'
import { LIMITS } from '../search/limits'
import { checkQuery, parseQuery } from '../search/query'
import { DEFAULT_ORDER, type Sort, type SortKey } from '../search/search'
import { cachedResponse } from './cache'
import {
  backendPage,
  canonicalFilters,
  chooseFormat,
  exportResponse,
  linkHeaders,
  listKey,
  resolveOrThrow,
} from './listing'
import { exportOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import {
  ConditionQuery,
  ExportPaginationQuery,
  ExportQuery,
  FacetsSchema,
  FilterQuery,
  LinksSchema,
  PrettyQuery,
  StatementSchema,
} from './schemas'

const QuerySchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'q is required' : 'q must be a string') })
  .superRefine((q, ctx) => {
    const why = checkQuery(q)
    if (why) {
      const tooBig = !why.startsWith('must not be empty')
      ctx.addIssue({ code: 'custom', message: `q ${why}`, params: tooBig ? { code: 'query_too_long' } : {} })
    }
  })
  .openapi({
    description: [
      'Search words; all must match unless `match=any`. Typo tolerance grows with word length (none up to 3 letters, 1 edit up to 7, 2 beyond); the last word may be a prefix.',
      '`"exact phrase"` must appear in order; `-word` and `-"phrase"` exclude; `speaker:blinken`, `kind:direct`, `topic:`, `entity:`, `article:` and `via:` filter like the parameters.',
      `At most ${LIMITS.queryLength} characters, ${LIMITS.queryTerms} words and ${LIMITS.queryPhrases} phrases; typo tolerance applies to the first ${LIMITS.fuzzyTerms} words the corpus does not contain.`,
    ].join(' '),
    example: '"face-to-face" diplomacy speaker:blinken',
    minLength: 1,
    maxLength: LIMITS.queryLength,
  })

const SORTS = ['relevance', 'position', 'date'] as const
const SortSchema = z
  .enum(SORTS.flatMap((s) => [s, `${s}:asc`, `${s}:desc`]) as [string, ...string[]], {
    error: `sort must be one of ${SORTS.join(', ')}, optionally with :asc or :desc`,
  })
  .optional()
  .openapi({
    description:
      'relevance (best first), position (article order) or date (newest first); add `:asc` or `:desc` to choose.',
    example: 'relevance',
  })

export const SearchQuery = queryObject({
  q: QuerySchema,
  match: z
    .enum(['all', 'any'])
    .optional()
    .openapi({ description: '`all` (default): every word must match; `any`: at least one.', example: 'any' }),
  sort: SortSchema,
  highlight: z.enum(['offsets', 'html']).optional().openapi({
    description: '`html` adds `content_html` and `text_html`, escaped, with `<mark>` around matches.',
    example: 'html',
  }),
  explain: z.enum(['true', 'false']).optional().openapi({
    description:
      '`true` adds, per result, the matched terms by field, how each query word matched, and the score parts. The memory backend only: a deployment on the `d1` backend leaves `explain` out (see the API description).',
    example: 'true',
  }),
  ...FilterQuery,
  ...ConditionQuery,
  ...ExportQuery,
  ...ExportPaginationQuery,
  ...PrettyQuery,
})

const HighlightSchema = z
  .object({ field: z.enum(['content', 'text']), start: z.number().int(), end: z.number().int() })
  .openapi('Highlight', { description: 'A matched word or phrase: UTF-16 offsets into that field of the statement.' })

const ExplanationSchema = z
  .object({
    fields: z.record(z.string(), z.array(z.string())),
    clauses: z.array(
      z.object({
        clause: z.string(),
        score: z.number(),
        expansions: z.array(
          z.object({ query: z.string(), matched: z.string(), how: z.enum(['exact', 'prefix', 'fuzzy', 'synonym']) }),
        ),
        through: z.enum(['words', 'speaker']).nullable().openapi({
          description:
            '`speaker` when this query word matched only the speaker (name, role or affiliation), `words` when it matched what the statement says; null when it did not match (a relaxed search).',
        }),
      }),
    ),
    phrases: z.array(z.string()),
    through: z.enum(['words', 'speaker', 'both']).openapi({
      description:
        '`speaker`: the hit matched the query only through who said it (a role or organisation named in the query); `both`: some words matched the speaker only; `words`: none did.',
      example: 'words',
    }),
    score: z.number(),
  })
  .openapi('Explanation')

export const SearchResultSchema = StatementSchema.extend({
  score: z.number().openapi({
    description:
      'Relevance (BM25 with field boosts); higher is better. 0 when the query has only filters. Values differ between the memory and d1 backends (BM25+ in MiniSearch, bm25() in SQLite FTS5); compare scores within one response only.',
  }),
  matches: z.record(z.string(), z.array(z.string())).openapi({
    description: 'Each matched index term, with the fields it matched in.',
    example: { diplomaci: ['content'] },
  }),
  highlights: z.array(HighlightSchema),
  snippet: z
    .string()
    .openapi({ description: 'The content cropped to about 30 words around the best match, with … where cut.' }),
  content_html: z.string().optional(),
  text_html: z.string().optional(),
  explain: ExplanationSchema.optional(),
}).openapi('SearchResult')

const SearchPageSchema = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    relaxed: z
      .boolean()
      .openapi({ description: 'True when no statement has every word, and these results have some of them.' }),
    notice: z.string().optional(),
    did_you_mean: z.string().optional().openapi({
      description:
        'Only when nothing matched: the query with each word the corpus lacks replaced by its closest corpus word (a swapped pair of letters is one edit), when that query finds something.',
      example: 'Xinhua',
    }),
    links: LinksSchema,
    results: z.array(SearchResultSchema),
    facets: FacetsSchema.optional().openapi({ description: 'Present when `facets` is given.' }),
  })
  .openapi('SearchPage')

const search = createRoute({
  method: 'get',
  path: '/search',
  operationId: 'searchStatements',
  tags: ['search'],
  summary: 'Search statements',
  request: { query: SearchQuery },
  responses: {
    ...exportOk(SearchPageSchema, 'Statements, best match first.'),
    ...problemResponses,
  },
})

function parseSort(value: string | undefined): Sort {
  const [by, order] = (value ?? 'relevance').split(':') as [SortKey, Sort['order'] | undefined]
  return { by, order: order ?? DEFAULT_ORDER[by] }
}

export const searchRoutes = createRouter().openapi(search, (c) => {
  const catalog = c.var.catalog
  const query = c.req.valid('query')
  const filters = resolveOrThrow(catalog, query, c.req.path)
  const parsed = parseQuery(query.q)
  const inline = resolveOrThrow(catalog, parsed.filters, c.req.path, 'q')
  const format = chooseFormat(c, query)
  const sort = parseSort(query.sort)
  const match = query.match === 'any' ? 'any' : 'all'
  // q stays as typed: `explain` and `did_you_mean` echo it. Everything else is explicit and canonical.
  const key = listKey(c.req.path, query, filters, {
    match,
    sort: `${sort.by}:${sort.order}`,
    highlight: query.highlight ?? 'offsets',
    explain: query.explain ?? 'false',
    inline: canonicalFilters(inline),
  })
  return cachedResponse(c, { key, format, pretty: query.pretty !== undefined }, async () => {
    const outcome = await c.var.backend.search({
      q: query.q,
      query: parsed,
      filters: [filters, inline],
      match,
      sort,
      limit: query.limit,
      offset: query.offset,
      facets: format === 'json' ? (query.facets as FacetName[] | undefined) : undefined,
      explain: format === 'json' && query.explain === 'true',
    })
    const render = (hit: BackendHit) => ({
      ...hit.statement,
      score: hit.score,
      matches: hit.matches,
      highlights: hit.highlights,
      snippet: snippet(hit.statement.content, hit.highlights),
      ...(query.highlight === 'html'
        ? {
            content_html: markHtml(hit.statement.content, hit.highlights, 'content'),
            text_html: markHtml(hit.statement.text, hit.highlights, 'text'),
          }
        : {}),
      ...(hit.explain ? { explain: hit.explain as z.infer<typeof ExplanationSchema> } : {}),
    })
    if (format !== 'json') {
      return exportResponse(
        c,
        format,
        outcome.hits,
        outcome.total,
        query,
        (h) => h.statement,
        (h) => render(h),
      )
    }
    const page = backendPage(c.req.url, outcome.total, query, outcome.hits.map(render), outcome.facets)
    return c.json(
      {
        total: page.total,
        limit: page.limit,
        offset: page.offset,
        relaxed: outcome.relaxed,
        ...(outcome.relaxed
          ? { notice: 'No statement matches every word; showing statements that match some of them.' }
          : {}),
        ...(outcome.didYouMean ? { did_you_mean: outcome.didYouMean } : {}),
        links: page.links,
        results: page.results,
        ...(page.facets ? { facets: page.facets } : {}),
      },
      200,
      { Vary: 'Accept', ...linkHeaders(page.links) },
    )
  })
})
