/** Loading a corpus without throwing: the Worker serves 503s rather than failing to start. */
import { unpackStore } from './packed'
import type { Store } from './store'

export type LoadResult = { ok: true; store: Store } | { ok: false; error: string }

/**
 * Runs a loader, turning any throw into a reason that can be reported without internals.
 *
 * @example const data = tryLoad(() => loadShipped(bytes)); const app = createApp(data)
 */
export function tryLoad(load: () => Store): LoadResult {
  try {
    return { ok: true, store: load() }
  } catch (error) {
    console.error('whosaid: the bundled corpus could not be loaded:', error)
    return { ok: false, error: 'the bundled corpus or index could not be loaded' }
  }
}

/**
 * Loads shipped data (a Data module's bytes) and lets the bytes go: the buffer is transferred out
 * of the module (which keeps only an empty one) where the runtime allows it, decoded, parsed and
 * dropped, so the isolate holds the Store alone.
 *
 * @example const data = tryLoad(() => loadShipped(bytes))
 */
export function loadShipped(bytes: ArrayBuffer): Store {
  let own = bytes
  try {
    own = (bytes as ArrayBuffer & { transfer?: () => ArrayBuffer }).transfer?.() ?? bytes
  } catch {
    // Not detachable here: decode it in place; it stays alive with the module.
  }
  return unpackStore(new TextDecoder().decode(own))
}
