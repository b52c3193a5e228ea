/** Gives HEAD responses the `Content-Length` the GET body would have, so clients can size a download first. */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../routes/router'

/**
 * Runs the route as GET (as Hono does for HEAD), counts the body's bytes and sends only the headers.
 * A streamed export is read to the end to count it: HEAD costs what GET costs.
 *
 * @example app.use('*', headLength())
 */
export function headLength(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    if (c.req.method !== 'HEAD' || c.res.body === null) return
    const { status, headers } = c.res
    const bytes = (await c.res.arrayBuffer()).byteLength
    const sent = new Headers(headers)
    sent.set('Content-Length', String(bytes))
    // Unset first: assigning over a response merges its headers in, and these are all copied already.
    c.res = undefined
    c.res = new Response(null, { status, headers: sent })
  }
}
