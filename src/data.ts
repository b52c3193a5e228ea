/// <reference path="./generated.d.ts" />
/** Loads the bundled corpus and index once per isolate, at module scope; a failure is kept, not thrown. */
import PACKED from './generated/corpus.bin'
import { type LoadResult, loadShipped, tryLoad } from './search/load'

// Kept here so the app and its callers import them from one place; tests import ./search/load
// directly to serve another corpus without loading this one.
export { type LoadResult, tryLoad }

/** The bundled data, loaded when the isolate starts. */
export const BUNDLED: LoadResult = tryLoad(() => loadShipped(PACKED))
