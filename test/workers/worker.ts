/** The Worker under test (`main` of the workers project): the real app over the test corpus, never data/. */
import { createApp } from '../../src/app'
import { d1Backend } from '../../src/search/d1/backend'
import { OPENAPI, TEST_DATA } from './test-data'

// With the d1 backend, as src/index-d1.ts builds it; requests choose it with SEARCH_BACKEND.
export default createApp(TEST_DATA, { openapi: OPENAPI, d1Backend })
