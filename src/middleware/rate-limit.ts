/** Limits each client IP with the Workers rate-limiting bindings and reports the limit in `RateLimit` headers. */
import type { Context, MiddlewareHandler } from 'hono'
import { problem, problemResponse } from '../errors'
import { RATE_LIMITS, type RateLimitPolicy } from '../rate-limits'
import type { AppEnv } from '../routes/router'

/** The most clients whose counts one isolate remembers; past it the estimates restart. */
const MAX_TRACKED_CLIENTS = 10_000

/**
 * The binding answers only yes or no, and counts per Cloudflare location: `r` (requests left) is
 * this isolate's own count of the client's requests in the current window, an estimate. Windows
 * are fixed and aligned to the clock, as the binding's are.
 */
const seen = new Map<string, { window: number; count: number }>()

function policyFor(c: Context<AppEnv>): RateLimitPolicy {
  return c.req.path === '/v1/extract' ? RATE_LIMITS.extract : RATE_LIMITS.read
}

/**
 * Counts the request against its policy (the extract policy for `/v1/extract`, the read policy
 * otherwise), answers 429 with `Retry-After` when over, and adds `RateLimit-Policy` and `RateLimit`
 * to every response. Without the binding (an app built for a test) nothing is limited or reported.
 *
 * @example app.use('*', rateLimit())
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const policy = policyFor(c)
    const binding = c.env?.[policy.binding]
    if (c.req.method === 'OPTIONS' || !binding) return next()
    // Cloudflare always sets CF-Connecting-IP; only a local or test request lacks it.
    const client = c.req.header('CF-Connecting-IP') ?? 'unknown'
    const { success } = await binding.limit({ key: client })

    const now = Date.now() / 1000
    const window = Math.floor(now / policy.period)
    const reset = Math.max(1, Math.ceil((window + 1) * policy.period - now))
    const key = `${policy.name}:${client}`
    const entry = seen.get(key)
    const count = entry?.window === window ? entry.count + 1 : 1
    if (!entry && seen.size >= MAX_TRACKED_CLIENTS) seen.clear()
    seen.set(key, { window, count })
    const remaining = success ? Math.max(0, policy.limit - count) : 0
    const headers = {
      'RateLimit-Policy': `"${policy.name}";q=${policy.limit};w=${policy.period}`,
      RateLimit: `"${policy.name}";r=${remaining};t=${reset}`,
    }
    if (!success) {
      return problemResponse(
        problem(
          'rate_limited',
          `more than ${policy.limit} requests in ${policy.period} s from this client; retry in ${reset} s`,
          { instance: c.req.path },
        ),
        { ...headers, 'Retry-After': String(reset), 'Cache-Control': 'no-store' },
      )
    }
    await next()
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value)
  }
}
