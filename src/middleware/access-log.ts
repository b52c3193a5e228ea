/** Writes one structured JSON line per request, which Workers Logs (`[observability]`) indexes field by field. */
import type { MiddlewareHandler } from 'hono'
import { CACHE_STATUS_HEADER } from '../routes/cache'
import type { AppEnv } from '../routes/router'

/** What one log line holds. */
export interface AccessLogLine {
  method: string
  path: string
  status: number
  /** Wall time; in a deployed Worker the clock only moves on I/O, so pure CPU work reads as 0. */
  duration_ms: number
  request_id: string
  /** `hit` or `miss` in the Workers cache, `revalidated` for a 304, `none` where no cache applies. */
  cache: 'hit' | 'miss' | 'revalidated' | 'none'
}

/**
 * Logs after the response is ready, so the status and cache outcome are the ones sent.
 *
 * @example app.use('*', accessLog())
 */
export function accessLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now()
    await next()
    const cached = c.res.headers.get(CACHE_STATUS_HEADER)?.toLowerCase()
    const line: AccessLogLine = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round((performance.now() - start) * 10) / 10,
      request_id: c.var.requestId,
      cache: c.res.status === 304 ? 'revalidated' : cached === 'hit' || cached === 'miss' ? cached : 'none',
    }
    console.log(JSON.stringify(line))
  }
}
