/** The test corpus (test/corpus/, built into src/generated/test-corpus.ts), loaded as the Worker loads data/. */
import { CORPUS_JSON, INDEX_JSON } from '../../src/generated/test-corpus'
import { type LoadResult, tryLoad } from '../../src/search/load'
import { loadStore, type Store } from '../../src/search/store'

export const TEST_DATA: LoadResult = tryLoad(() => loadStore(CORPUS_JSON, INDEX_JSON))

/** The loaded store, for tests that call the search core directly; throws if the corpus did not load. */
export function testStore(): Store {
  if (!TEST_DATA.ok) throw new Error(`the test corpus did not load: ${TEST_DATA.error}`)
  return TEST_DATA.store
}
