import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// Two projects: the Worker and the search core run inside workerd, exactly as deployed;
// the extractor, the build script and the scorer run in Node, where they run for real.
export default defineConfig({
  test: {
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
        // SELF serves test/workers/worker.ts: the app over test/corpus/, built by the global setup
        // (in Node, before workerd starts) with scripts/build-data.ts. Adding an article to data/
        // changes what is deployed, never what these tests see.
        plugins: [cloudflareTest({ main: './test/workers/worker.ts', wrangler: { configPath: './wrangler.toml' } })],
        test: {
          name: 'workers',
          include: ['test/workers/**/*.test.ts'],
          globalSetup: ['./test/node/build/test-corpus.ts'],
        },
      },
    ],
  },
})
