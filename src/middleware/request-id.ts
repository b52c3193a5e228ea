/** Gives every request an id: the client's `X-Request-Id` when it is sane, else a new UUID; echoed on the response. */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../routes/router'

/** 1 to 128 visible ASCII characters: safe to echo in a header and to write in a log line. */
const VALID_ID = /^[\x21-\x7e]{1,128}$/

/**
 * Sets `c.var.requestId` and the `X-Request-Id` response header.
 *
 * @example app.use('*', requestId())
 */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = c.req.header('X-Request-Id')
    const id = sent !== undefined && VALID_ID.test(sent) ? sent : crypto.randomUUID()
    c.set('requestId', id)
    await next()
    c.res.headers.set('X-Request-Id', id)
  }
}
