/** The whole app: the API with the web pages plugged in. This is what the Worker serves. */
import { type ApiOptions, createApi } from './api'
import type { LoadResult } from './data'
import { webPages } from './ui/index'

export type { AppType } from './api'

/** What the app serves besides the data: the OpenAPI document, the extractor in Node, the d1 backend (see `ApiOptions`). */
export type AppOptions = Pick<ApiOptions, 'openapi' | 'extractor' | 'd1Backend'>

/**
 * Builds the app (API and web pages) over loaded (or failed) data.
 *
 * @example const app = createApp(BUNDLED, { openapi: OPENAPI }); await app.request('/v1/search?q=diplomacy')
 */
export function createApp(data: LoadResult, options: AppOptions = {}) {
  const pages: ApiOptions['pages'] = (api, middleware) => webPages(data, { api, middleware })
  return createApi(data, { pages, ...options })
}
