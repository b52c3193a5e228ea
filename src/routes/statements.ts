/** The filter endpoint and single-statement lookup. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { backendPage, linkHeaders, statementList } from './listing'
import { statementOrThrow } from './lookup'
import { exportOk, jsonOk, notFoundResponse, pageOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import {
  ConditionQuery,
  EXAMPLE_STATEMENT_ID,
  ExportPaginationQuery,
  ExportQuery,
  FilterQuery,
  facetedPageOf,
  IdParam,
  PaginationQuery,
  PrettyQuery,
  pageOf,
  StatementSchema,
} from './schemas'

export const StatementListQuery = queryObject({
  ...FilterQuery,
  ...ConditionQuery,
  ...ExportQuery,
  ...ExportPaginationQuery,
  ...PrettyQuery,
})
export const StatementPageSchema = facetedPageOf(StatementSchema, 'StatementPage')
const SimilarSchema = StatementSchema.extend({ score: z.number() }).openapi('SimilarStatement')

const listStatements = createRoute({
  method: 'get',
  path: '/statements',
  operationId: 'listStatements',
  tags: ['statements'],
  summary: 'Filter statements',
  description:
    'Statements in article order. Different filters AND; values of one filter OR. Also as a CSV or NDJSON export (`format=`, or `Accept`).',
  request: { query: StatementListQuery },
  responses: {
    ...exportOk(StatementPageSchema, 'A page of statements.'),
    ...problemResponses,
  },
})

const getStatement = createRoute({
  method: 'get',
  path: '/statements/{id}',
  operationId: 'getStatement',
  tags: ['statements'],
  summary: 'One statement',
  request: { params: IdParam('Statement id.', EXAMPLE_STATEMENT_ID), query: queryObject(PrettyQuery) },
  responses: {
    ...jsonOk(StatementSchema, 'The statement.'),
    ...notFoundResponse,
    ...problemResponses,
  },
})

const similarStatementsRoute = createRoute({
  method: 'get',
  path: '/statements/{id}/similar',
  operationId: 'listSimilarStatements',
  tags: ['statements'],
  summary: 'Statements like this one',
  description:
    "Ranked by this statement's most distinctive terms, with the same speaker boosted; never the statement itself.",
  request: {
    params: IdParam('Statement id.', EXAMPLE_STATEMENT_ID),
    query: queryObject({ ...PaginationQuery, ...PrettyQuery }),
  },
  responses: {
    ...pageOk(pageOf(SimilarSchema, 'SimilarPage'), 'Similar statements, most similar first.'),
    ...notFoundResponse,
    ...problemResponses,
  },
})

export const statements = createRouter()
  .openapi(listStatements, (c) => statementList(c, c.req.path, c.req.valid('query')))
  .openapi(getStatement, async (c) => {
    const { id } = c.req.valid('param')
    const statement = statementOrThrow(await c.var.backend.statement(id), id, c.req.path)
    return c.json(statement, 200)
  })
  .openapi(similarStatementsRoute, async (c) => {
    const { id } = c.req.valid('param')
    const statement = statementOrThrow(await c.var.backend.statement(id), id, c.req.path)
    const query = c.req.valid('query')
    const { total, hits } = await c.var.backend.similar(statement, query)
    const page = backendPage(
      c.req.url,
      total,
      query,
      hits.map((h) => ({ ...h.statement, score: h.score })),
    )
    return c.json(page, 200, linkHeaders(page.links))
  })
