/** Registry entities with the number of statements whose content mentions them. */
import { createRoute, z } from '@hono/zod-openapi'
import { ENTITY_TYPES } from '../types'
import { ENTITY_EXAMPLE, pageExample } from './examples'
import { cutPage, linkHeaders } from './listing'
import { pageOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import { PaginationQuery, PrettyQuery, pageOf } from './schemas'

export const EntitySchema = z
  .object({
    id: z.string().openapi({ example: 'xi-jinping' }),
    name: z.string().openapi({ example: 'Xi Jinping' }),
    type: z.enum(ENTITY_TYPES),
    role: z.string().nullable(),
    affiliation: z.string().nullable(),
    aliases: z.array(z.string()),
    count: z.number().int().openapi({ description: 'Statements whose content mentions the entity.' }),
  })
  .openapi('Entity')

const listEntities = createRoute({
  method: 'get',
  path: '/entities',
  operationId: 'listEntities',
  tags: ['entities'],
  summary: 'Entities mentioned',
  description: 'Registry entities, most mentioned first. Filter statements by one with `entity=`.',
  request: {
    query: queryObject({
      mentioned: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: '`true`: only entities some statement mentions.', example: 'true' }),
      ...PaginationQuery,
      ...PrettyQuery,
    }),
  },
  responses: {
    ...pageOk(
      pageOf(EntitySchema, 'EntityPage'),
      'Entities with mention counts.',
      pageExample(ENTITY_EXAMPLE, '/v1/entities'),
    ),
    ...problemResponses,
  },
})

export const entities = createRouter().openapi(listEntities, (c) => {
  const query = c.req.valid('query')
  const all = c.var.catalog.entities
  const items = query.mentioned === 'true' ? all.filter((e) => e.count > 0) : all
  const page = cutPage(c.req.url, items, query, (e) => e)
  return c.json(page, 200, linkHeaders(page.links))
})
