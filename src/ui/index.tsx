/** The web pages: search, article view, statement permalink and /read, served by the Worker beside the API. */
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Child } from 'hono/jsx'
import { secureHeaders } from 'hono/secure-headers'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { LoadResult } from '../search/load'
import type { Store } from '../search/store'
import { ArticlePage, findArticle } from './article-page'
import { ASSETS } from './assets'
import type { MapStatement } from './draw'
import { Layout } from './layout'
import { ReadPage } from './read-page'
import { readSearchState, SearchPage } from './search-page'
import { StatementPage } from './statement-page'

/** The pages' policy: their own script, styles and API, nothing inline, nothing from elsewhere. */
const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
}

/** Assets carry their content hash in the URL (`?v=`), so a browser may keep them a year. */
const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable'

/** The largest /read form accepted: 64 KB of text, percent-encoded, is at most three times that. */
const MAX_READ_FORM_BYTES = 3 * 64 * 1024

/** What `Hono#fetch` takes as its third argument. */
type ExecutionCtx = Parameters<Hono['fetch']>[2]

/** As much of the API app as the pages call in-process: `POST /v1/extract` for /read. */
export interface ApiFetcher {
  fetch(request: Request, env?: unknown, executionCtx?: ExecutionCtx): Response | Promise<Response>
}

export interface WebPagesOptions {
  /** The API, so /read runs the extractor through `POST /v1/extract` with its size cap and rate limit. */
  api: ApiFetcher
  /** Middleware the pages run behind, outermost first (the API's rate limit and HTTP caching). */
  middleware?: readonly MiddlewareHandler[]
}

/**
 * Does this Accept header ask for HTML before JSON? Browsers send `text/html,…,*\/*;q=0.8`; curl
 * sends `*\/*`, which names neither, so API clients keep the JSON they always had.
 *
 * @example prefersHtml('text/html,application/xhtml+xml,*\/*;q=0.8') // true
 */
export function prefersHtml(accept: string | undefined): boolean {
  let html = 0
  let json = 0
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';')
    const q = Number(
      params
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2) ?? 1,
    )
    if (type === 'text/html' || type === 'application/xhtml+xml') html = Math.max(html, q)
    if (type === 'application/json') json = Math.max(json, q)
  }
  return html > 0 && html >= json
}

/** Paths the pages answer (GET and HEAD; any method but OPTIONS for /read); everything else is the API's. */
function isPage(method: string, path: string, accept: string | undefined): boolean {
  if (path === '/read') return method !== 'OPTIONS'
  if (method !== 'GET' && method !== 'HEAD') return false
  if (path === '/') return prefersHtml(accept)
  return path === '/read' || ASSETS.has(path) || /^\/(?:articles|s)\/[^/]+$/.test(path)
}

async function sha256Tag(text: string): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))
  return `"${[...hash.slice(0, 12)].map((b) => b.toString(16).padStart(2, '0')).join('')}"`
}

/** A full HTML answer; its strong ETag is a hash of the bytes sent, so it changes exactly when the page does. */
async function page(
  c: Context,
  node: HtmlEscapedString | Promise<HtmlEscapedString>,
  status: 200 | 400 | 404 | 413 | 429 | 503 = 200,
): Promise<Response> {
  const html = `<!doctype html>${await node}`
  return c.body(html, status, {
    'Content-Type': 'text/html; charset=utf-8',
    ...(status === 200 ? { ETag: await sha256Tag(html) } : {}),
  })
}

function Message({ title, children }: { title: string; children?: Child }) {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      {children}
      <p>
        <a href="/">Search who said what</a>
      </p>
    </Layout>
  )
}

function executionContextOf(c: Context): ExecutionCtx {
  try {
    return c.executionCtx
  } catch {
    return undefined // app.request in a test, or Node: no ExecutionContext.
  }
}

/** Runs the text through `POST /v1/extract`, as the page's script does, and keeps the client's address for its rate limit. */
async function extractVia(c: Context, api: ApiFetcher, text: string) {
  const headers = new Headers({ 'Content-Type': 'application/json', Accept: 'application/json' })
  const client = c.req.header('CF-Connecting-IP')
  if (client) headers.set('CF-Connecting-IP', client)
  const request = new Request(new URL('/v1/extract', c.req.url), {
    method: 'POST',
    headers,
    body: JSON.stringify({ text }),
  })
  const res = await api.fetch(request, c.env, executionContextOf(c))
  const body = (await res.json()) as { statements?: MapStatement[]; detail?: string }
  if (res.ok && body.statements) return { statements: body.statements }
  return {
    error: body.detail ?? `the extractor answered ${res.status}`,
    status: res.status,
    retry: res.headers.get('Retry-After'),
  }
}

function pagesApp(data: LoadResult, options: WebPagesOptions) {
  const pages = new Hono()
  pages.use('*', secureHeaders({ contentSecurityPolicy: PAGE_CSP, referrerPolicy: 'strict-origin-when-cross-origin' }))
  pages.get('/ui/*', async (c) => {
    const asset = ASSETS.get(c.req.path)
    if (!asset) return c.notFound()
    const headers = { ETag: asset.etag, 'Cache-Control': ASSET_CACHE_CONTROL, 'Content-Type': asset.type }
    const matches = (c.req.header('If-None-Match') ?? '')
      .split(',')
      .some((t) => t.trim().replace(/^W\//, '') === asset.etag)
    return matches ? c.body(null, 304, headers) : c.body(asset.body, 200, headers)
  })
  for (const middleware of options.middleware ?? []) pages.use('*', middleware)
  pages.use('*', async (c, next) => {
    if (data.ok) return next()
    c.header('Retry-After', '60')
    return page(
      c,
      <Message title="Not available">{<p>The statements could not be loaded; try again in a minute.</p>}</Message>,
      503,
    )
  })
  const store = (): Store => (data as { ok: true; store: Store }).store

  pages.get('/', async (c) => {
    c.header('Vary', 'Accept')
    const state = readSearchState(new URL(c.req.url).searchParams)
    return page(c, <SearchPage store={store()} state={state} />)
  })
  pages.get('/articles/:id', (c) => {
    const article = findArticle(store(), c.req.param('id'))
    if (!article)
      return page(c, <Message title="No such article">{<p>There is no article with that id.</p>}</Message>, 404)
    return page(c, <ArticlePage store={store()} article={article} />)
  })
  pages.get('/s/:id', (c) => {
    const statement = store().byId.get(c.req.param('id'))
    if (!statement)
      return page(c, <Message title="No such statement">{<p>There is no statement with that id.</p>}</Message>, 404)
    return page(c, <StatementPage store={store()} statement={statement} />)
  })
  pages.get('/read', (c) => page(c, <ReadPage text="" />))
  pages.post(
    '/read',
    bodyLimit({
      maxSize: MAX_READ_FORM_BYTES,
      onError: (c) => page(c, <ReadPage text="" error="the text is longer than 64 KB" />, 413),
    }),
    async (c) => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const text = typeof form.text === 'string' ? form.text : ''
      if (!text.trim()) return page(c, <ReadPage text={text} error="paste some text first" />, 400)
      const result = await extractVia(c, options.api, text)
      if ('statements' in result) return page(c, <ReadPage text={text} statements={result.statements} />)
      if (result.retry) c.header('Retry-After', result.retry)
      const status = result.status === 413 || result.status === 429 ? result.status : 400
      return page(c, <ReadPage text={text} error={result.error} />, status)
    },
  )
  pages.all('/read', (c) => c.text('Use GET, HEAD or POST.', 405, { Allow: 'GET, HEAD, POST' }))
  return pages
}

/**
 * The web pages as one middleware, mounted before the API's JSON-only headers: a page request is
 * answered here with the pages' own CSP (behind `options.middleware`); anything else goes on to the
 * API. `GET /` is both: HTML for a browser, the JSON index otherwise, with `Vary: Accept` on each.
 *
 * @example app.use('*', webPages(data, { api: app, middleware: [rateLimit(), httpCache(hash)] }))
 */
export function webPages(data: LoadResult, options: WebPagesOptions): MiddlewareHandler {
  const pages = pagesApp(data, options)
  return async (c, next) => {
    if (!isPage(c.req.method, c.req.path, c.req.header('Accept'))) {
      await next()
      if (c.req.path === '/') c.res.headers.append('Vary', 'Accept')
      return
    }
    return pages.fetch(c.req.raw, c.env, executionContextOf(c))
  }
}
