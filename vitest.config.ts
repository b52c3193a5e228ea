import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { build } from 'esbuild'
import { defineConfig } from 'vitest/config'

/**
 * The extraction Worker (wrangler.extract.toml), bundled as wrangler bundles it, for the workers
 * project to run beside the Worker under test: POST /v1/extract calls it through the EXTRACTOR
 * service binding there, exactly as deployed.
 */
async function bundleExtractWorker(): Promise<string> {
  const outfile = fileURLToPath(new URL('./.tmp/test-extract-worker/index.js', import.meta.url))
  await build({
    entryPoints: [fileURLToPath(new URL('./src/extract-worker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['workerd', 'worker', 'browser', 'module', 'main'],
    conditions: ['workerd', 'worker', 'browser'],
    external: ['cloudflare:*'],
    outfile,
    logLevel: 'error',
  })
  return outfile
}

// Two projects: the Worker and the search core run inside workerd, exactly as deployed;
// the extractor, the build script and the scorer run in Node, where they run for real.
export default defineConfig({
  test: {
    // The Worker logs one JSON line per request; the access-log tests read them with a spy.
    onConsoleLog: (log) => !log.startsWith('{"method":'),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/node/**/*.test.ts'],
          // These tests run the extractor and the build for real, and some spawn tsx; on two cores
          // shared with workerd a test can take seconds. Tests check results, never speed (that is
          // `npm run bench`), so the default 5 s is raised rather than left to flake.
          testTimeout: 30_000,
        },
      },
      {
        // The web pages in a real Chromium (Debian's, through playwright-core), against the app
        // served in Node on 127.0.0.1. One browser and one server per file, files one at a time:
        // two cores cannot run several Chromiums and workerd side by side without timeouts.
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // SELF serves test/workers/worker.ts: the app over test/corpus/, built by the global setup
        // (in Node, before workerd starts) with scripts/build-data.ts. Adding an article to data/
        // changes what is deployed, never what these tests see.
        //
        // The rate limiters come from wrangler.toml, but the whole suite shares one client ("unknown",
        // no CF-Connecting-IP), so here they allow far more; SMALL_LIMITER (3 a minute) is the one the
        // rate-limit tests exhaust, through the same local simulation.
        // As deployed: wrangler.toml's [alias] (which the pool does not apply) gives the Worker the
        // request half of @hono/zod-openapi; the Node tests run the real package.
        resolve: {
          alias: { '@hono/zod-openapi': fileURLToPath(new URL('./src/vendor/zod-openapi.ts', import.meta.url)) },
        },
        plugins: [
          cloudflareTest(async () => ({
            main: './test/workers/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              workers: [
                {
                  name: 'whosaid-extract',
                  modules: true,
                  scriptPath: await bundleExtractWorker(),
                  compatibilityDate: '2026-04-01',
                },
              ],
              // The d1 backend's contract tests: a local D1 with the schema of migrations/, which
              // each test file that needs it applies (test/workers/d1-seed.ts).
              d1Databases: ['DB'],
              bindings: { TEST_MIGRATIONS: await readD1Migrations('./migrations') },
              ratelimits: {
                API_LIMITER: { namespace_id: '1301', simple: { limit: 1_000_000, period: 60 } },
                EXTRACT_LIMITER: { namespace_id: '1302', simple: { limit: 1_000_000, period: 60 } },
                SMALL_LIMITER: { namespace_id: '1399', simple: { limit: 3, period: 60 } },
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/workers/**/*.test.ts'],
          globalSetup: ['./test/node/build/test-corpus.ts'],
        },
      },
    ],
  },
})
