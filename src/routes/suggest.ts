/** Completions for a search-as-you-type box. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import { LIMITS } from '../search/limits'
import { MAX_SUGGESTIONS } from '../search/suggest'
import { jsonOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import { PrettyQuery } from './schemas'

const SuggestionSchema = z
  .object({
    text: z.string().openapi({ example: 'Antony Blinken' }),
    type: z.enum(['speaker', 'topic', 'entity', 'phrase', 'term']),
    id: z.string().optional().openapi({ description: 'For speakers, topics and entities: the id to filter by.' }),
    count: z.number().int(),
  })
  .openapi('Suggestion')

const suggestRoute = createRoute({
  method: 'get',
  path: '/suggest',
  operationId: 'suggestCompletions',
  tags: ['search'],
  summary: 'Search-as-you-type completions',
  request: {
    query: queryObject({
      q: z
        .string({ error: (issue) => (issue.input === undefined ? 'q is required' : 'q must be a string') })
        .trim()
        .min(1, 'q must not be empty')
        .max(LIMITS.queryLength, `q must be at most ${LIMITS.queryLength} characters`)
        .openapi({ description: 'What has been typed so far.', example: 'blin' }),
      limit: z
        .string()
        .regex(/^\d{1,2}$/, `limit must be a whole number from 1 to ${MAX_SUGGESTIONS}`)
        .transform(Number)
        .pipe(
          z
            .number()
            .min(1, 'limit must be at least 1')
            .max(MAX_SUGGESTIONS, `limit must be at most ${MAX_SUGGESTIONS}`),
        )
        .optional()
        .default(MAX_SUGGESTIONS)
        .openapi({
          type: 'integer',
          minimum: 1,
          maximum: MAX_SUGGESTIONS,
          default: MAX_SUGGESTIONS,
          example: 5,
        }),
      ...PrettyQuery,
    }),
  },
  responses: {
    ...jsonOk(
      z.object({ query: z.string(), suggestions: z.array(SuggestionSchema) }).openapi('Suggestions'),
      'Completions, best first.',
    ),
    ...problemResponses,
  },
})

export const suggestRoutes = createRouter().openapi(suggestRoute, async (c) => {
  const { q, limit } = c.req.valid('query')
  return c.json({ query: q, suggestions: await c.var.backend.suggest(q, limit) }, 200)
})
