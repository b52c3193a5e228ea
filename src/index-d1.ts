/// <reference path="./generated.d.ts" />
/**
 * The Worker entry point of the d1 environment (`[env.d1]` in wrangler.toml): the API served from
 * the D1 database bound as `DB` when `SEARCH_BACKEND = "d1"`, and the web pages over the bundled
 * corpus. The default entry, src/index.ts, is the same app without the d1 backend's code.
 */
import { createApp } from './app'
import { BUNDLED } from './data'
import OPENAPI from './generated/openapi.json.txt'
import { d1Backend } from './search/d1/backend'

export type { AppType } from './api'

export default createApp(BUNDLED, { openapi: OPENAPI, d1Backend })
