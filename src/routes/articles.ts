/** Article metadata, and one article's full text with the spans of its statements. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { ProblemError, problem } from '../errors'
import type { Catalog } from '../search/backend'
import type { ArticleSummary } from '../search/store'
import { STATEMENT_KINDS } from '../types'
import { cutPage, linkHeaders } from './listing'
import { findOrThrow } from './lookup'
import { jsonOk, notFoundResponse, pageOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import {
  EXAMPLE_STATEMENT_ID,
  IdParam,
  PaginationQuery,
  PrettyQuery,
  pageOf,
  SpanSchema,
  SpeakerSchema,
} from './schemas'

const ArticleMetaFields = {
  id: z.string().openapi({ example: 'han-blinken-unga-2023' }),
  title: z.string(),
  publisher: z.string().nullable().openapi({ description: 'null when the text does not say.' }),
  publisher_note: z.string().nullable(),
  credit: z.string().nullable().openapi({ example: '(Agencies)' }),
  event_date: z.string().nullable().openapi({ example: '2023-09-18' }),
  published: z.string().nullable().openapi({ description: 'null when the text does not give one.' }),
  url: z.string().nullable(),
  language: z.string().openapi({ example: 'en' }),
  file: z.string(),
}

export const ArticleSummarySchema = z
  .object({ ...ArticleMetaFields, statement_count: z.number().int() })
  .openapi('ArticleSummary')

const ArticleStatementSchema = z
  .object({
    id: z.string().openapi({ example: EXAMPLE_STATEMENT_ID }),
    kind: z.enum(STATEMENT_KINDS),
    speakers: z.array(SpeakerSchema),
    cue: z.string().nullable().openapi({ example: 'said' }),
    spans: z
      .array(SpanSchema)
      .openapi({ description: 'The content pieces in `text`; more than one for split quotes.' }),
    paragraph: z.number().int(),
  })
  .openapi('ArticleStatement', { description: 'A statement as placed in its article.' })

export const ArticleSchema = z
  .object({
    ...ArticleMetaFields,
    text: z.string(),
    paragraphs: z.array(SpanSchema),
    statements: z.array(ArticleStatementSchema).openapi({
      description:
        'Every statement of the article, in order: enough to draw the whole article map (who said what, where) from this one call.',
    }),
  })
  .openapi('Article')

const listArticles = createRoute({
  method: 'get',
  path: '/articles',
  operationId: 'listArticles',
  tags: ['articles'],
  summary: 'Articles',
  request: { query: queryObject({ ...PaginationQuery, ...PrettyQuery }) },
  responses: {
    ...pageOk(pageOf(ArticleSummarySchema, 'ArticlePage'), 'Article metadata.'),
    ...problemResponses,
  },
})

const getArticle = createRoute({
  method: 'get',
  path: '/articles/{id}',
  operationId: 'getArticle',
  tags: ['articles'],
  summary: 'One article',
  request: { params: IdParam('Article id.', 'han-blinken-unga-2023'), query: queryObject(PrettyQuery) },
  responses: {
    ...jsonOk(ArticleSchema, 'Metadata, full text and statement spans.'),
    ...notFoundResponse,
    ...problemResponses,
  },
})

const SUMMARY_INDEX = new WeakMap<Catalog, ReadonlyMap<string, ArticleSummary>>()

/** Article summaries by id, made once per catalog. */
function articleSummaryIndex(catalog: Catalog): ReadonlyMap<string, ArticleSummary> {
  let index = SUMMARY_INDEX.get(catalog)
  if (!index) {
    index = new Map(catalog.articleSummaries.map((a) => [a.id, a]))
    SUMMARY_INDEX.set(catalog, index)
  }
  return index
}

export const articles = createRouter()
  .openapi(listArticles, (c) => {
    const page = cutPage(c.req.url, c.var.catalog.articleSummaries, c.req.valid('query'), (a) => a)
    return c.json(page, 200, linkHeaders(page.links))
  })
  .openapi(getArticle, async (c) => {
    const catalog = c.var.catalog
    const summaries = articleSummaryIndex(catalog)
    const summary = findOrThrow(summaries, catalog.dimensions.article, c.req.valid('param').id, 'article', c.req.path)
    const found = await c.var.backend.article(summary.id)
    if (!found)
      throw new ProblemError(problem('not_found', `no article with id "${summary.id}"`, { instance: c.req.path }))
    const article = found.article
    const statements = found.statements.map(({ id, kind, speakers, cue, spans, paragraph }) => ({
      id,
      kind,
      speakers,
      cue,
      spans,
      paragraph,
    }))
    return c.json({ ...article, statements }, 200)
  })
