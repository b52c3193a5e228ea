/** Test-only type declarations. */
declare module 'cloudflare:test' {
  interface ProvidedEnv {}
}

declare namespace Cloudflare {
  interface Env {
    /** A rate limiter of 3 requests a minute (vitest.config.ts), for the rate-limit tests. */
    SMALL_LIMITER: RateLimit
    /** The local D1 the d1 backend's contract tests load the test corpus into. */
    DB: D1Database
    /** migrations/, read by vitest.config.ts, for applyD1Migrations. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
    /** The extraction Worker (src/extract-worker.ts), bundled by vitest.config.ts and bound as in wrangler.toml. */
    EXTRACTOR: Service<import('../src/extract-worker').default>
  }
}

declare module '*?raw' {
  const text: string
  export default text
}
