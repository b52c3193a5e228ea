/** Loads the bundled corpus and index once per isolate, at module scope; a failure is kept, not thrown. */
import { CORPUS_JSON, INDEX_JSON } from './generated/corpus'
import { loadStore, type Store } from './search/store'

export type LoadResult = { ok: true; store: Store } | { ok: false; error: string }

/** Runs a loader, turning any throw into a reason that can be reported without internals. */
export function tryLoad(load: () => Store): LoadResult {
  try {
    return { ok: true, store: load() }
  } catch (error) {
    console.error('whosaid: the bundled corpus could not be loaded:', error)
    return { ok: false, error: 'the bundled corpus or index could not be loaded' }
  }
}

/** The bundled data, loaded when the isolate starts. */
export const BUNDLED: LoadResult = tryLoad(() => loadStore(CORPUS_JSON, INDEX_JSON))
