/** The Worker entry point: the API over the bundled corpus. */
import { createApp } from './app'
import { BUNDLED } from './data'

export type { AppType } from './api'

export default createApp(BUNDLED)
