/** The OpenAPI document's top level: what the route groups' schemas do not say about the API as a whole. */
import { LIMITS } from './search/limits'

/** Where the API runs: `npm start` locally, and the deployed Worker (a placeholder until it has a host). */
export const SERVERS = [
  { url: 'http://localhost:8787', description: 'npm start (wrangler dev)' },
  { url: 'https://whosaid.example.workers.dev', description: 'Deployed Worker (placeholder host)' },
]

/** The document's top level, passed to `getOpenAPI31Document`. */
export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'whosaid',
    version: '1.0.0',
    description: `Search who said what in news articles: statements, speakers, topics and articles. Every request is bounded: URLs of at most ${LIMITS.urlLength} characters; the limits of each parameter are in its description. Errors are RFC 9457 problem+json with a stable \`code\`. The API is public (no authentication) and stores nothing: every route reads the corpus, and \`POST /v1/extract\` reads only the text it is sent. Each client IP is rate-limited; the \`RateLimit\` headers say how much is left.

A deployment serves from one of two backends, with the same routes, parameters, ids, totals, facets, highlights and snippets: \`memory\` (the index bundled into the Worker, the default) or \`d1\` (Cloudflare D1 with SQLite FTS5, for archives of millions of statements). Where the \`d1\` backend answers differently (docs/SCALING.md has the list): \`score\` is SQLite's bm25() with the same field weights, so its values, and the order of results whose scores are close, differ from the memory backend's; prefix and typo matches are not ranked below exact ones; typo tolerance considers only corpus words with the same first letter; \`explain=true\` adds nothing; and when the database does not answer, routes answer 503 \`data_unavailable\` with \`Retry-After\`.`,
    // No licence has been chosen yet; this says so rather than guess one.
    license: { name: 'Proprietary: no licence granted yet', identifier: 'LicenseRef-Proprietary' },
  },
  servers: SERVERS,
  // Public and read-only: no operation needs credentials.
  security: [],
  tags: [
    { name: 'search', description: 'Relevance-ranked statement search and completions.' },
    { name: 'statements', description: 'Filter and look up statements.' },
    { name: 'speakers', description: 'Who statements are attributed to, and the channels that relayed them.' },
    { name: 'topics', description: 'The topic taxonomy and its statements.' },
    { name: 'entities', description: 'People and organisations of the registry that statements mention.' },
    { name: 'articles', description: 'The articles statements come from.' },
    { name: 'extract', description: 'Statements from text you send; nothing is stored.' },
    { name: 'meta', description: 'Service status.' },
  ],
}
