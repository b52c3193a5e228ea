/** Article metadata, and one article's full text with the spans of its statements. */
import { createRoute, z } from '@hono/zod-openapi'
import { ARTICLE_EXAMPLE, ARTICLE_SUMMARY_EXAMPLE, pageExample } from './examples'
import { cutPage } from './listing'
import { findOrThrow } from './lookup'
import { createRouter, queryObject } from './router'
import {
  IdParam,
  jsonOk,
  notFoundResponse,
  PaginationQuery,
  PrettyQuery,
  pageOf,
  problemResponses,
  SpanSchema,
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

export const ArticleSchema = z
  .object({
    ...ArticleMetaFields,
    text: z.string(),
    paragraphs: z.array(SpanSchema),
    statements: z
      .array(z.object({ id: z.string(), kind: z.string(), spans: z.array(SpanSchema) }))
      .openapi({ description: 'Every statement of the article, in order, with its content spans into `text`.' }),
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
    ...jsonOk(pageOf(ArticleSummarySchema, 'ArticlePage'), 'Article metadata.', pageExample(ARTICLE_SUMMARY_EXAMPLE)),
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
    ...jsonOk(ArticleSchema, 'Metadata, full text and statement spans.', ARTICLE_EXAMPLE),
    ...notFoundResponse,
    ...problemResponses,
  },
})

export const articles = createRouter()
  .openapi(listArticles, (c) =>
    c.json(
      cutPage(c.var.store.articleSummaries, c.req.valid('query'), (a) => a),
      200,
    ),
  )
  .openapi(getArticle, (c) => {
    const store = c.var.store
    const article = findOrThrow(
      store.articleById,
      store.dimensions.article,
      c.req.valid('param').id,
      'article',
      c.req.path,
    )
    const statements = store.statements
      .filter((st) => st.article === article.id)
      .map(({ id, kind, spans }) => ({ id, kind, spans }))
    return c.json({ ...article, statements }, 200)
  })
