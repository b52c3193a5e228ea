/// <reference path="./generated.d.ts" />
/**
 * The Worker entry point: the API over the bundled corpus. The d1 environment has its own entry,
 * src/index-d1.ts, which adds the d1 backend; this one leaves it out of the code, as it leaves out the
 * extractor, which POST /v1/extract calls in its own Worker (src/extract-worker.ts).
 */
import { createApp } from './app'
import { BUNDLED } from './data'
import OPENAPI from './generated/openapi.json.txt'

export type { AppType } from './api'

export default createApp(BUNDLED, { openapi: OPENAPI })
