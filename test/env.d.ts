/** Test-only type declarations. */
declare module 'cloudflare:test' {
  interface ProvidedEnv {}
}

declare namespace Cloudflare {
  interface Env {
    /** A rate limiter of 3 requests a minute (vitest.config.ts), for the rate-limit tests. */
    SMALL_LIMITER: RateLimit
  }
}

declare module '*?raw' {
  const text: string
  export default text
}
