/** Caching headers on every answer: ETag, Cache-Control and Vary, and 304 for a matching `If-None-Match`. */
import type { MiddlewareHandler } from 'hono'
import { CACHE_CONTROL, deploymentVersion, deriveEtag, etagMatches, NO_STORE } from '../routes/cache'
import type { AppEnv } from '../routes/router'

/** Headers that describe a body, which a 304 has none of. */
const BODY_HEADERS = ['Content-Type', 'Content-Length', 'Content-Encoding', 'X-Total-Count']

/** `Vary` with `value` added once. */
function addVary(current: string | null, value: string): string {
  const values = (current ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  return values.some((v) => v.toLowerCase() === value.toLowerCase()) ? values.join(', ') : [...values, value].join(', ')
}

/**
 * For GET and HEAD: a 200 without an ETag gets one derived from the deployment, the corpus build
 * (`buildHash`) and the path with its parameters sorted by name (routes that normalise further, the
 * statement lists and search, set their own). A 200 or 304 gets `Cache-Control: public` and
 * `Vary: Accept-Encoding`; a 200 whose ETag the client already has becomes a 304 that keeps every
 * header but the body's, CORS included. Every other answer is `no-store`.
 *
 * Pretty-printing is chosen by `?pretty` only, never by `User-Agent`: a shared cache sees the URL,
 * and varying on User-Agent would split it into one copy per browser version.
 *
 * @example app.use('*', httpCache(store.buildHash))
 */
export function httpCache(buildHash: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const res = c.res
    const method = c.req.method
    if ((method !== 'GET' && method !== 'HEAD') || (res.status !== 200 && res.status !== 304)) {
      res.headers.set('Cache-Control', NO_STORE)
      return
    }
    let etag = res.headers.get('ETag')
    if (!etag) {
      const url = new URL(c.req.url)
      // forEach, not spreading: iterating URLSearchParams needs lib dom.iterable, which a front end
      // type-checking this app for its hc<AppType> client may not have.
      const params: [string, string][] = []
      url.searchParams.forEach((value, name) => {
        params.push([name, value])
      })
      params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      // The backend's build when it has one (a D1 database may hold another build than the bundle).
      const served = c.get('catalog')?.buildHash ?? buildHash
      etag = await deriveEtag(deploymentVersion(c), served, `${url.pathname}?${new URLSearchParams(params)}`)
      res.headers.set('ETag', etag)
    }
    res.headers.set('Cache-Control', CACHE_CONTROL)
    res.headers.set('Vary', addVary(res.headers.get('Vary'), 'Accept-Encoding'))
    if (res.status === 200 && etagMatches(etag, c.req.header('If-None-Match'))) {
      await res.body?.cancel()
      const headers = new Headers(res.headers)
      for (const name of BODY_HEADERS) headers.delete(name)
      c.res = undefined
      c.res = new Response(null, { status: 304, headers })
    }
  }
}
