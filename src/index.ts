/// <reference path="./generated.d.ts" />
/** The Worker entry point: the API over the bundled corpus. */
import { createApp } from './app'
import { BUNDLED } from './data'
import OPENAPI from './generated/openapi.json.txt'

export type { AppType } from './api'

export default createApp(BUNDLED, { openapi: OPENAPI })
