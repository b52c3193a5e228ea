/** The test corpus (test/corpus/, built into src/generated/test-corpus.bin), loaded as the Worker loads data/. */
import OPENAPI_TEXT from '../../src/generated/openapi.json.txt'
import PACKED from '../../src/generated/test-corpus.bin'
import { type LoadResult, loadShipped, tryLoad } from '../../src/search/load'
import type { Store } from '../../src/search/store'

// A copy: loadShipped transfers the bytes it is given out of the module, and the D1 tests
// (d1-seed.ts) read the same module's bytes to load them into D1.
export const TEST_DATA: LoadResult = tryLoad(() => loadShipped(PACKED.slice(0)))

/** The OpenAPI document the Worker serves (`npm run build:openapi`), for `createApp(data, { openapi: OPENAPI })`. */
export const OPENAPI = OPENAPI_TEXT

/** The loaded store, for tests that call the search core directly; throws if the corpus did not load. */
export function testStore(): Store {
  if (!TEST_DATA.ok) throw new Error(`the test corpus did not load: ${TEST_DATA.error}`)
  return TEST_DATA.store
}
