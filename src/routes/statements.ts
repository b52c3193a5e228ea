/** The filter endpoint and single-statement lookup. */
import { createRoute, z } from '@hono/zod-openapi'
import { filterStatements } from '../search/filter'
import { similarStatements } from '../search/similar'
import { cachedResponse } from './cache'
import { pageExample, SIMILAR_PAGE_EXAMPLE, STATEMENT_EXAMPLE } from './examples'
import {
  chooseFormat,
  cutPage,
  exportResponse,
  identity,
  linkHeaders,
  listKey,
  resolveOrThrow,
  statementPage,
} from './listing'
import { findOrThrow } from './lookup'
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
    ...exportOk(StatementPageSchema, 'A page of statements.', pageExample(STATEMENT_EXAMPLE, '/v1/statements')),
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
    ...pageOk(pageOf(SimilarSchema, 'SimilarPage'), 'Similar statements, most similar first.', SIMILAR_PAGE_EXAMPLE),
    ...notFoundResponse,
    ...problemResponses,
  },
})

export const statements = createRouter()
  .openapi(listStatements, (c) => {
    const store = c.var.store
    const query = c.req.valid('query')
    const filters = resolveOrThrow(store, query, c.req.path)
    const format = chooseFormat(c, query)
    const key = listKey(c.req.path, query, filters)
    return cachedResponse(c, { key, format, pretty: query.pretty !== undefined }, () => {
      const items = filterStatements(store, filters)
      if (format !== 'json') return exportResponse(c, format, items, query, identity, identity)
      const page = statementPage(c.req.url, store, items, query, identity, identity)
      return c.json(page, 200, { Vary: 'Accept', ...linkHeaders(page.links) })
    })
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
    const page = cutPage(c.req.url, hits, c.req.valid('query'), (h) => ({ ...h.statement, score: h.score }))
    return c.json(page, 200, linkHeaders(page.links))
  })
