/** Liveness and data status: counts and the build hash of the data being served. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { jsonOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import { PrettyQuery } from './schemas'

export const HealthSchema = z
  .object({
    status: z.literal('ok'),
    statements: z.number().int(),
    articles: z.number().int(),
    speakers: z.number().int(),
    build_hash: z.string().openapi({ description: 'Hash of the data the index was built from.' }),
  })
  .openapi('Health')

const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['meta'],
  summary: 'Service and data status',
  request: { query: queryObject(PrettyQuery) },
  responses: { ...jsonOk(HealthSchema, 'The corpus is loaded.'), ...problemResponses },
})

export const healthRoutes = createRouter().openapi(health, (c) => {
  const catalog = c.var.catalog
  return c.json(
    {
      status: 'ok' as const,
      statements: catalog.statementCount,
      articles: catalog.articleCount,
      speakers: catalog.speakers.length,
      build_hash: catalog.buildHash,
    },
    200,
  )
})
