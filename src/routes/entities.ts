/** Entities statements name, registered or recognised at build time, with their statement counts; `type` and `registered` filter them. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { MENTION_TYPES } from '../types'
import { cutPage, linkHeaders } from './listing'
import { pageOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import { PaginationQuery, PrettyQuery, pageOf } from './schemas'

export const EntitySchema = z
  .object({
    id: z.string().openapi({ example: 'xi-jinping' }),
    name: z.string().openapi({ example: 'Xi Jinping' }),
    type: z.enum(MENTION_TYPES).openapi({ description: 'A person, an organization or a place.' }),
    registered: z.boolean().openapi({
      description:
        '`true` for an entity of data/entities.json; `false` for one recognised where statements name it (no role or affiliation known).',
    }),
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
  description:
    'Entities statements name, most mentioned first: the registry, and the people, organizations and places recognised in the statements at build time. Filter statements by one with `entity=`; facet them with `facets=entity`.',
  request: {
    query: queryObject({
      mentioned: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: '`true`: only entities some statement mentions.', example: 'true' }),
      type: z.enum(MENTION_TYPES).optional().openapi({ description: 'Only entities of this kind.', example: 'place' }),
      registered: z.enum(['true', 'false']).optional().openapi({
        description: '`true`: only registry entities; `false`: only those recognised in the statements.',
        example: 'false',
      }),
      ...PaginationQuery,
      ...PrettyQuery,
    }),
  },
  responses: {
    ...pageOk(pageOf(EntitySchema, 'EntityPage'), 'Entities with mention counts.'),
    ...problemResponses,
  },
})

export const entities = createRouter().openapi(listEntities, (c) => {
  const query = c.req.valid('query')
  const all = c.var.catalog.entities
  const items = all.filter(
    (e) =>
      (query.mentioned !== 'true' || e.count > 0) &&
      (query.type === undefined || e.type === query.type) &&
      (query.registered === undefined || e.registered === (query.registered === 'true')),
  )
  const page = cutPage(c.req.url, items, query, (e) => e)
  return c.json(page, 200, linkHeaders(page.links))
})
