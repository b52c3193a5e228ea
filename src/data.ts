/** Loads the bundled corpus and index once per isolate, at module scope; a failure is kept, not thrown. */
import { CORPUS_JSON, INDEX_JSON } from './generated/corpus'
import { type LoadResult, tryLoad } from './search/load'
import { loadStore } from './search/store'

// Kept here so the app and its callers import them from one place; tests import ./search/load
// directly to serve another corpus without loading this one.
export { type LoadResult, tryLoad }

/** The bundled data, loaded when the isolate starts. */
export const BUNDLED: LoadResult = tryLoad(() => loadStore(CORPUS_JSON, INDEX_JSON))
