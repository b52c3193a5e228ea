/**
 * Chooses the search backend a request is served by, from configuration: `SEARCH_BACKEND = "d1"`
 * with a `DB` binding serves from D1; anything else (the default) from the bundled index.
 *
 * The d1 backend is passed in (`D1Factory`) rather than imported: the d1 environment's entry
 * (src/index-d1.ts) passes it, and the default entry (src/index.ts) does not, so the default Worker's
 * code carries none of it.
 */

import type { SearchBackend } from './search/backend'
import type { D1Like } from './search/d1/types'
import type { LoadResult } from './search/load'
import { memoryBackend } from './search/memory'
import type { Store } from './search/store'

const memory = new WeakMap<Store, SearchBackend>()

export type Chosen = { ok: true; backend: SearchBackend } | { ok: false; error: string }

/** Makes the d1 backend over a binding: `d1Backend` of src/search/d1/backend.ts. */
export type D1Factory = (db: D1Like, options?: { timeoutMs?: number }) => SearchBackend

export function chooseBackend(
  env: { SEARCH_BACKEND?: string; DB?: D1Like; D1_TIMEOUT_MS?: string },
  data: LoadResult,
  d1Backend?: D1Factory,
): Chosen {
  const name = env.SEARCH_BACKEND ?? 'memory'
  if (name === 'd1') {
    if (!d1Backend) {
      console.error(
        'whosaid: SEARCH_BACKEND is "d1" but this Worker was built without the d1 backend; deploy or run it with --env d1 (entry src/index-d1.ts)',
      )
      return { ok: false, error: 'the search backend is misconfigured' }
    }
    if (!env.DB) {
      console.error('whosaid: SEARCH_BACKEND is "d1" but there is no DB binding ([[d1_databases]] in wrangler.toml)')
      return { ok: false, error: 'the search database is not configured' }
    }
    const timeoutMs = Number(env.D1_TIMEOUT_MS)
    return { ok: true, backend: d1Backend(env.DB, Number.isFinite(timeoutMs) && timeoutMs > 0 ? { timeoutMs } : {}) }
  }
  if (name !== 'memory') {
    console.error(`whosaid: unknown SEARCH_BACKEND "${name}"; use "memory" or "d1"`)
    return { ok: false, error: 'the search backend is misconfigured' }
  }
  if (!data.ok) return { ok: false, error: data.error }
  let backend = memory.get(data.store)
  if (!backend) {
    backend = memoryBackend(data.store)
    memory.set(data.store, backend)
  }
  return { ok: true, backend }
}
