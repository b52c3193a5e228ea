/** The topic taxonomy with statement counts, and each topic's statements. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { cutPage, linkHeaders, statementList } from './listing'
import { findOrThrow } from './lookup'
import { exportOk, notFoundResponse, pageOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import { IdParam, PaginationQuery, PrettyQuery, pageOf } from './schemas'
import { StatementListQuery, StatementPageSchema } from './statements'

export const TopicSchema = z
  .object({
    id: z.string().openapi({ example: 'politics' }),
    label: z.string().openapi({ example: 'politics' }),
    code: z.string().nullable().openapi({
      description: 'The IPTC Media Topic code (https://cv.iptc.org/newscodes/mediatopic/), the news industry standard.',
      example: '11000000',
    }),
    description: z.string().nullable(),
    keywords: z.array(z.string()).openapi({
      description:
        'The rules that assign the topic: words or phrases in the content (`*` ends a prefix; one written in capitals, an acronym, matches only in capitals).',
    }),
    exclude: z.array(z.string()).openapi({
      description: 'Phrases whose words never count for the topic: job titles such as "Commerce Secretary".',
    }),
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
    ...pageOk(pageOf(TopicSchema, 'TopicPage'), 'Topics with statement counts.'),
    ...problemResponses,
  },
})

const topicStatements = createRoute({
  method: 'get',
  path: '/topics/{id}/statements',
  operationId: 'listTopicStatements',
  tags: ['topics'],
  summary: "A topic's statements",
  request: { params: IdParam('Topic id or label.', 'politics'), query: StatementListQuery },
  responses: {
    ...exportOk(StatementPageSchema, 'A page of statements.'),
    ...notFoundResponse,
    ...problemResponses,
  },
})

export const topics = createRouter()
  .openapi(listTopics, (c) => {
    const page = cutPage(c.req.url, c.var.catalog.topics, c.req.valid('query'), (t) => t)
    return c.json(page, 200, linkHeaders(page.links))
  })
  .openapi(topicStatements, (c) => {
    const store = c.var.catalog
    const topic = findOrThrow(store.topicById, store.dimensions.topic, c.req.valid('param').id, 'topic', c.req.path)
    return statementList(c, `/v1/topics/${topic.id}/statements`, c.req.valid('query'), { topic: topic.id })
  })
