/** The per-client rate limits: one place for the numbers that wrangler.toml's `[[ratelimits]]` bindings enforce. */

export interface RateLimitPolicy {
  /** The policy's name in the `RateLimit` and `RateLimit-Policy` headers. */
  name: string
  /** The Worker binding that enforces it. */
  binding: 'API_LIMITER' | 'EXTRACT_LIMITER'
  /** Requests allowed per client IP in each window. */
  limit: number
  /** The window in seconds; the binding accepts 10 or 60. */
  period: 10 | 60
}

/**
 * Reads and searches are cheap and served from caches: a generous limit that a search-as-you-type
 * box cannot reach (5 a second, sustained). Extraction runs the extractor on up to 64 KB per call:
 * a few a minute. Change a number here and in wrangler.toml together; a test checks they agree.
 */
export const RATE_LIMITS = {
  read: { name: 'read', binding: 'API_LIMITER', limit: 300, period: 60 },
  extract: { name: 'extract', binding: 'EXTRACT_LIMITER', limit: 10, period: 60 },
} as const satisfies Record<string, RateLimitPolicy>
