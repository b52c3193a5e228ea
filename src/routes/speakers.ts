/** Speakers with their statement counts, and each speaker's statements. */
import { createRoute } from '@hono/zod-openapi'
import * as z from 'zod'
import type { Catalog } from '../search/backend'
import { LIMITS } from '../search/limits'
import { findSpeakers } from '../search/speakers'
import { SPEAKER_TYPES } from '../types'
import { cutPage, linkHeaders, statementList } from './listing'
import { findOrThrow } from './lookup'
import { exportOk, jsonOk, notFoundResponse, pageOk, problemResponses } from './responses'
import { createRouter, queryObject } from './router'
import { IdParam, PaginationQuery, PrettyQuery, pageOf, SpeakerSummarySchema } from './schemas'
import { StatementListQuery, StatementPageSchema } from './statements'

const SpeakerId = IdParam('Speaker id, or a name or alias that names one speaker.', 'antony-blinken')

const listSpeakers = createRoute({
  method: 'get',
  path: '/speakers',
  operationId: 'listSpeakers',
  tags: ['speakers'],
  summary: 'Speakers',
  description:
    'The speaker directory: everyone statements are attributed to, and the channels that relayed them; most statements first. `q` searches names, aliases, roles and affiliations.',
  request: {
    query: queryObject({
      q: z.string().max(LIMITS.queryLength).optional().openapi({
        description:
          'Words that must each match a word of the name, an alias, the role or the affiliation, case- and accent-insensitively: exactly, as a prefix (`blin`), or with a typo (`blinkn`; none up to 3 letters, 1 up to 7, 2 beyond). A match in the name or an alias ranks above one in the role or affiliation.',
        example: 'secretary',
      }),
      type: z.enum(SPEAKER_TYPES).optional().openapi({ description: 'Only speakers of this type.', example: 'person' }),
      sort: z.enum(['relevance', 'statements', 'name']).optional().openapi({
        description:
          '`relevance`: best match to `q` first (the default with `q`); `statements`: most attributed statements first, then most relayed (the default without `q`); `name`: by name, A to Z.',
        example: 'name',
      }),
      ...PaginationQuery,
      ...PrettyQuery,
    }),
  },
  responses: {
    ...pageOk(pageOf(SpeakerSummarySchema, 'SpeakerPage'), 'A page of speakers.'),
    ...problemResponses,
  },
})

const getSpeaker = createRoute({
  method: 'get',
  path: '/speakers/{id}',
  operationId: 'getSpeaker',
  tags: ['speakers'],
  summary: 'One speaker',
  request: { params: SpeakerId, query: queryObject(PrettyQuery) },
  responses: {
    ...jsonOk(SpeakerSummarySchema, 'The speaker.'),
    ...notFoundResponse,
    ...problemResponses,
  },
})

const speakerStatements = createRoute({
  method: 'get',
  path: '/speakers/{id}/statements',
  operationId: 'listSpeakerStatements',
  tags: ['speakers'],
  summary: "A speaker's statements",
  description:
    'The same filters and pagination as `/v1/statements`, limited to this speaker (or to what they relayed).',
  request: { params: SpeakerId, query: StatementListQuery },
  responses: {
    ...exportOk(StatementPageSchema, 'A page of statements.'),
    ...notFoundResponse,
    ...problemResponses,
  },
})

/** A speaker by id, name or alias, channels that only relay included; else a 404 with suggestions. */
function speakerOrThrow(store: Catalog, id: string, path: string) {
  return findOrThrow(store.speakerById, [store.dimensions.speaker, store.dimensions.via], id, 'speaker', path)
}

export const speakers = createRouter()
  .openapi(listSpeakers, (c) => {
    const query = c.req.valid('query')
    const items = findSpeakers(c.var.catalog, query)
    const page = cutPage(c.req.url, items, query, (s) => s)
    return c.json(page, 200, linkHeaders(page.links))
  })
  .openapi(getSpeaker, (c) => {
    return c.json(speakerOrThrow(c.var.catalog, c.req.valid('param').id, c.req.path), 200)
  })
  .openapi(speakerStatements, (c) => {
    const found = speakerOrThrow(c.var.catalog, c.req.valid('param').id, c.req.path)
    return statementList(c, `/v1/speakers/${found.id}/statements`, c.req.valid('query'), { speakerOrVia: found.id })
  })
