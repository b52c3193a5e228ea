/** The topic taxonomy with statement counts, and each topic's statements. */
import { createRoute, z } from '@hono/zod-openapi'
import { filterStatements } from '../search/filter'
import { pageExample, STATEMENT_EXAMPLE, TOPIC_EXAMPLE } from './examples'
import { cutPage, resolveOrThrow, statementPage } from './listing'
import { findOrThrow } from './lookup'
import { createRouter, queryObject } from './router'
import { IdParam, jsonOk, notFoundResponse, PaginationQuery, PrettyQuery, pageOf, problemResponses } from './schemas'
import { StatementListQuery, StatementPageSchema } from './statements'

export const TopicSchema = z
  .object({
    id: z.string().openapi({ example: 'north-korea' }),
    label: z.string().openapi({ example: 'North Korea' }),
    description: z.string().nullable(),
    keywords: z
      .array(z.string())
      .openapi({ description: 'The rules that assign the topic: words or phrases in the content.' }),
    count: z.number().int(),
  })
  .openapi('Topic')

const listTopics = createRoute({
  method: 'get',
  path: '/topics',
  operationId: 'listTopics',
  tags: ['topics'],
  summary: 'Topics',
  request: { query: queryObject({ ...PaginationQuery, ...PrettyQuery }) },
  responses: {
    ...jsonOk(pageOf(TopicSchema, 'TopicPage'), 'Topics with statement counts.', pageExample(TOPIC_EXAMPLE)),
    ...problemResponses,
  },
})

const topicStatements = createRoute({
  method: 'get',
  path: '/topics/{id}/statements',
  operationId: 'listTopicStatements',
  tags: ['topics'],
  summary: "A topic's statements",
  request: { params: IdParam('Topic id or label.', 'north-korea'), query: StatementListQuery },
  responses: {
    ...jsonOk(StatementPageSchema, 'A page of statements.', pageExample(STATEMENT_EXAMPLE)),
    ...notFoundResponse,
    ...problemResponses,
  },
})

export const topics = createRouter()
  .openapi(listTopics, (c) =>
    c.json(
      cutPage(c.var.store.topics, c.req.valid('query'), (t) => t),
      200,
    ),
  )
  .openapi(topicStatements, (c) => {
    const store = c.var.store
    const topic = findOrThrow(store.topicById, store.dimensions.topic, c.req.valid('param').id, 'topic', c.req.path)
    const query = c.req.valid('query')
    const filters = resolveOrThrow(store, query, c.req.path)
    const items = filterStatements(store, filters).filter((st) => st.topics.includes(topic.id))
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
