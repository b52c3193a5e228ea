/**
 * Composes the API: middleware, route groups, the OpenAPI document's route and the error handlers. The web
 * pages plug in through `ApiOptions.pages` (see app.ts), so the API's type, which front ends
 * type-check for their client, never reaches the pages' JSX.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { prettyJSON } from 'hono/pretty-json'
import { secureHeaders } from 'hono/secure-headers'
import { chooseBackend, type D1Factory } from './backend'
import type { LoadResult } from './data'
import { ProblemError, problem, problemResponse } from './errors'
import { accessLog } from './middleware/access-log'
import { headLength } from './middleware/head-length'
import { httpCache } from './middleware/http-cache'
import { rateLimit } from './middleware/rate-limit'
import { requestId } from './middleware/request-id'
import { articles } from './routes/articles'
import { docsRoutes } from './routes/docs'
import { entities } from './routes/entities'
import { extract } from './routes/extract'
import { healthRoutes } from './routes/health'
import { type AppEnv, type ClientApp, defaultHook } from './routes/router'
import { REPEATABLE_PARAMS } from './routes/schemas'
import { searchRoutes } from './routes/search'
import { speakers } from './routes/speakers'
import { statements } from './routes/statements'
import { suggestRoutes } from './routes/suggest'
import { topics } from './routes/topics'
import { BackendUnavailableError } from './search/backend'
import { LIMITS } from './search/limits'
import type { Extractor } from './types'

/** Longest URL accepted; longer ones get 414 before anything parses them. */
export const MAX_URL_LENGTH = LIMITS.urlLength

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS']
/** The one route that takes a body: it alone allows POST, in its preflight too. */
const POST_ROUTES = new Set(['/v1/extract'])

/** Response headers a browser script may read (CORS exposes only a few simple ones by default). */
const EXPOSED_HEADERS = [
  'ETag',
  'Link',
  'X-Request-Id',
  'X-Total-Count',
  'X-Cache',
  'RateLimit',
  'RateLimit-Policy',
  'Retry-After',
]

export interface ApiOptions {
  /**
   * Middleware that answers the web pages, placed before the API's JSON-only headers; it gets the
   * API (to call in-process) and the limits and caching the API applies, to apply them too.
   */
  pages?: (api: OpenAPIHono<AppEnv>, middleware: MiddlewareHandler[]) => MiddlewareHandler
  /**
   * The OpenAPI document served at /openapi.json, as JSON text: src/generated/openapi.json.txt,
   * which scripts/build-openapi.ts generates from this API's routes (`getOpenAPI31Document`). Absent
   * only for that script, which builds the API to read its routes.
   */
  openapi?: string
  /**
   * The extractor `POST /v1/extract` runs when the Worker has no `EXTRACTOR` binding: Node passes
   * `{ extract: extractStatements }` in-process (tests, the browser-test server). The Worker passes
   * none, so its code never includes the extractor; without the binding that route answers 503.
   */
  extractor?: Extractor
  /**
   * The d1 backend (`d1Backend` of src/search/d1/backend.ts), for a Worker that may serve from D1
   * (`SEARCH_BACKEND = "d1"`): src/index-d1.ts passes it. The default entry does not, so its code
   * carries no D1 code; asked for d1 all the same, it answers 503.
   */
  d1Backend?: D1Factory
}

/**
 * Builds the API over loaded (or failed) data. Tests pass a failed LoadResult to see the 503 path.
 *
 * @example const api = createApi(BUNDLED); await api.request('/v1/search?q=diplomacy')
 */
export function createApi(data: LoadResult, options: ApiOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook, strict: false })

  // Outermost first: every answer, errors and preflights included, gets an id and a log line.
  app.use('*', requestId())
  app.use('*', accessLog())
  app.use('*', headLength())
  app.use('*', async (c, next) => {
    if (c.req.url.length > MAX_URL_LENGTH) {
      return problemResponse(problem('uri_too_long', `the URL must be at most ${MAX_URL_LENGTH} characters`))
    }
    await next()
  })
  // The web pages (src/ui) answer before the API's JSON-only headers, with their own CSP, behind the same limits and caching.
  if (options.pages) {
    app.use('*', options.pages(app, [rateLimit(), httpCache(data.ok ? data.store.buildHash : 'unavailable')]))
  }
  app.use(
    '*',
    secureHeaders({
      // An API answers JSON: nothing in it may load, run or be framed; other sites may read it (CORS).
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
      },
      crossOriginResourcePolicy: 'cross-origin',
      // A page may set its own, looser policy: /docs loads its script and styles.
      overwrite: false,
    }),
  )
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: (_origin, c) => (POST_ROUTES.has(c.req.path) ? ['POST', 'OPTIONS'] : SAFE_METHODS),
      exposeHeaders: EXPOSED_HEADERS,
      maxAge: 86400,
    }),
  )
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const allow = [...new Set([...methods, 'OPTIONS'])].join(', ')
        return problemResponse(
          problem('method_not_allowed', `${c.req.method} is not allowed here; use ${allow}`, { instance: c.req.path }),
          { Allow: allow },
        )
      },
    }),
  )
  app.use('*', rateLimit())
  app.use('*', httpCache(data.ok ? data.store.buildHash : 'unavailable'))
  // Pretty JSON on ?pretty only: the URL decides, so caches keep both forms apart without Vary.
  app.use('*', prettyJSON())
  app.use('*', async (c, next) => {
    // forEach, not keys(): iterating URLSearchParams needs lib dom.iterable, which would leak
    // into every front end that type-checks this app for its hc<AppType> client.
    const counts = new Map<string, number>()
    new URL(c.req.url).searchParams.forEach((_, k) => {
      counts.set(k, (counts.get(k) ?? 0) + 1)
    })
    const repeated = [...counts].filter(([k, n]) => n > 1 && !REPEATABLE_PARAMS.has(k)).map(([k]) => k)
    if (repeated.length > 0) {
      return problemResponse(
        problem('repeated_parameter', `give each of these once: ${repeated.join(', ')}`, {
          instance: c.req.path,
          errors: repeated.map((parameter) => ({ parameter, message: `${parameter} must be given only once` })),
        }),
      )
    }
    await next()
  })
  for (const path of ['/v1/*', '/health']) {
    app.use(path, async (c, next) => {
      const chosen = chooseBackend(c.env ?? {}, data, options.d1Backend)
      if (!chosen.ok) {
        return problemResponse(
          problem('data_unavailable', `${chosen.error}; try again later`, { instance: c.req.path }),
          {
            'Retry-After': '60',
          },
        )
      }
      c.set('backend', chosen.backend)
      c.set('catalog', await chosen.backend.catalog())
      await next()
    })
  }

  // Node's in-process extractor, for the one route that runs it (the Worker has the EXTRACTOR binding).
  const { extractor } = options
  if (extractor) {
    app.use('/v1/extract', async (c, next) => {
      c.set('extractor', extractor)
      await next()
    })
  }

  const routes = app
    .route('/v1', searchRoutes)
    .route('/v1', suggestRoutes)
    .route('/v1', statements)
    .route('/v1', speakers)
    .route('/v1', topics)
    .route('/v1', entities)
    .route('/v1', articles)
    .route('/v1', extract)
    .route('/', healthRoutes)

  // Generated at build time from these routes (scripts/build-openapi.ts) and served as it is.
  const { openapi } = options
  if (openapi !== undefined) {
    app.get('/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json' }))
  }
  app.route('/', docsRoutes)
  app.get('/', (c) =>
    c.json({
      name: 'whosaid',
      description: 'Search who said what in news articles.',
      openapi: '/openapi.json',
      docs: '/docs',
      endpoints: [
        '/v1/search?q=',
        '/v1/suggest?q=',
        '/v1/statements',
        '/v1/speakers',
        '/v1/topics',
        '/v1/entities',
        '/v1/articles',
        'POST /v1/extract',
        '/health',
      ],
    }),
  )

  app.notFound((c) =>
    problemResponse(problem('route_not_found', `no route ${c.req.method} ${c.req.path}`, { instance: c.req.path })),
  )
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.problem, error.headers)
    if (error instanceof BackendUnavailableError) {
      // The storage did not answer: the client may retry; the log says why.
      console.error(`whosaid: search backend unavailable on ${c.req.path}: ${error.message}`)
      return problemResponse(
        problem('data_unavailable', 'the search database did not answer; try again later', { instance: c.req.path }),
        { 'Retry-After': String(error.retryAfter) },
      )
    }
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(
        problem('malformed_request', error.message || 'the request could not be read', { instance: c.req.path }),
      )
    }
    console.error('whosaid: unhandled error', error)
    return problemResponse(problem('internal_error', 'something went wrong on our side', { instance: c.req.path }))
  })

  return routes
}

/**
 * The app's type, for a typed client: `hc<AppType>(baseUrl)` from `hono/client`. Calls without
 * parameters need no `query: {}`: `client.v1.speakers.$get()`.
 */
export type AppType = ClientApp<ReturnType<typeof createApi>>
