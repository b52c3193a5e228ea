/**
 * The API tests' corpus: test/corpus/ built by scripts/build-data.ts into src/generated/test-corpus.bin.
 * The workers project runs `setup` as its globalSetup, so `vitest run` alone serves fresh fixtures
 * and the OpenAPI document of the routes as they are (`npm run build:openapi`).
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { buildCorpus, ROOT, writeAtomically } from '../../../scripts/build-data'

/** The fixture data folder: the seed article plus small articles that never mention its speakers. */
export const TEST_CORPUS_DATA = join(ROOT, 'test/corpus')

/** Where the test Worker (test/workers/worker.ts) imports the built corpus from. */
export const TEST_CORPUS_MODULE = join(ROOT, 'src/generated/test-corpus.bin')

/** Builds test/corpus/ exactly as `npm run build:test-data` does; throws on bad fixtures. */
export function buildTestCorpus(): void {
  writeAtomically(TEST_CORPUS_MODULE, buildCorpus({ dataDir: TEST_CORPUS_DATA }).packed)
}

/** Vitest globalSetup: runs in Node before the workers project starts workerd. */
export default function setup(): void {
  buildTestCorpus()
  // In its own process: this setup resolves modules as the workers project does, where
  // @hono/zod-openapi is the Worker's (src/vendor/zod-openapi.ts), which generates no document.
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-openapi.ts'), '--quiet'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
}
