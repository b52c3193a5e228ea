/** The Worker under test (`main` of the workers project): the real app over the test corpus, never data/. */
import { createApp } from '../../src/app'
import { OPENAPI, TEST_DATA } from './test-data'

export default createApp(TEST_DATA, { openapi: OPENAPI })
