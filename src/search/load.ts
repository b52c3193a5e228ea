/** Loading a corpus without throwing: the Worker serves 503s rather than failing to start. */
import type { Store } from './store'

export type LoadResult = { ok: true; store: Store } | { ok: false; error: string }

/**
 * Runs a loader, turning any throw into a reason that can be reported without internals.
 *
 * @example const data = tryLoad(() => loadStore(CORPUS_JSON, INDEX_JSON)); const app = createApp(data)
 */
export function tryLoad(load: () => Store): LoadResult {
  try {
    return { ok: true, store: load() }
  } catch (error) {
    console.error('whosaid: the bundled corpus could not be loaded:', error)
    return { ok: false, error: 'the bundled corpus or index could not be loaded' }
  }
}
