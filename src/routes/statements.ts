/** The filter endpoint and single-statement lookup. */
import { createRoute, z } from '@hono/zod-openapi'
import { filterStatements } from '../search/filter'
import { similarStatements } from '../search/similar'
import { pageExample, SIMILAR_PAGE_EXAMPLE, STATEMENT_EXAMPLE } from './examples'
import { cutPage, resolveOrThrow, statementPage } from './listing'
import { findOrThrow } from './lookup'
import { createRouter, queryObject } from './router'
import {
  EXAMPLE_STATEMENT_ID,
  FilterQuery,
  facetedPageOf,
  IdParam,
  jsonOk,
  notFoundResponse,
  PaginationQuery,
  PrettyQuery,
  pageOf,
  problemResponses,
  StatementSchema,
} from './schemas'

export const StatementListQuery = queryObject({ ...FilterQuery, ...PaginationQuery, ...PrettyQuery })
export const StatementPageSchema = facetedPageOf(StatementSchema, 'StatementPage')
const SimilarSchema = StatementSchema.extend({ score: z.number() }).openapi('SimilarStatement')

const listStatements = createRoute({
  method: 'get',
  path: '/statements',
  operationId: 'listStatements',
  tags: ['statements'],
  summary: 'Filter statements',
  description: 'Statements in article order. Different filters AND; values of one filter OR.',
  request: { query: StatementListQuery },
  responses: {
    ...jsonOk(StatementPageSchema, 'A page of statements.', pageExample(STATEMENT_EXAMPLE)),
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
    ...jsonOk(StatementSchema, 'The statement.', STATEMENT_EXAMPLE),
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
    ...jsonOk(pageOf(SimilarSchema, 'SimilarPage'), 'Similar statements, most similar first.', SIMILAR_PAGE_EXAMPLE),
    ...notFoundResponse,
    ...problemResponses,
  },
})

export const statements = createRouter()
  .openapi(listStatements, (c) => {
    const store = c.var.store
    const query = c.req.valid('query')
    const filters = resolveOrThrow(store, query, c.req.path)
    const items = filterStatements(store, filters)
    return c.json(
      statementPage(
        store,
        items,
        query,
        (s) => s,
        (s) => s,
      ),
      200,
    )
  })
  .openapi(getStatement, (c) => {
    const { id } = c.req.valid('param')
    const statement = findOrThrow(c.var.store.byId, null, id, 'statement', c.req.path)
    return c.json(statement, 200)
  })
  .openapi(similarStatementsRoute, (c) => {
    const { id } = c.req.valid('param')
    const statement = findOrThrow(c.var.store.byId, null, id, 'statement', c.req.path)
    const hits = similarStatements(c.var.store, statement)
    return c.json(
      cutPage(hits, c.req.valid('query'), (h) => ({ ...h.statement, score: h.score })),
      200,
    )
  })
