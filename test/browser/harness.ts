/** Serves the real app over test/corpus/ on 127.0.0.1 in Node, and launches Debian's Chromium through playwright-core. */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { buildCorpus } from '../../scripts/build-data'
import { createApp } from '../../src/app'
import { extractStatements } from '../../src/extract/index'
import { loadStore } from '../../src/search/pack'
import { TEST_CORPUS_DATA } from '../node/build/test-corpus'

/** Where Chromium is; `.ci/run` installs Debian's package there when it is missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Arguments for a quiet headless Chromium that reaches nothing but the test server. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export interface TestServer {
  origin: string
  close(): Promise<void>
}

/**
 * The app as the Worker builds it, over test/corpus/ built in memory by the same build path. No
 * rate-limit bindings and no Workers cache exist in Node: the app serves without them.
 */
export async function startServer(): Promise<TestServer> {
  const { corpus, indexJson } = buildCorpus({ dataDir: TEST_CORPUS_DATA })
  // The Worker calls the extraction Worker over its EXTRACTOR binding; here the extractor runs in-process.
  const app = createApp(
    { ok: true, store: loadStore(JSON.stringify(corpus), indexJson) },
    { extractor: { extract: extractStatements } },
  )
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
      }),
  }
}

/** Launches Chromium headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true })
}

/** A new page in its own context that records script errors, console errors and dialogs (none may happen). */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  const errors: string[] = []
  const dialogs: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    d.dismiss().catch(() => {})
  })
  return { page, errors, dialogs }
}

/**
 * Starts the test server and Chromium before a file's tests and stops both after them; the tests
 * read them from the returned holder once they run.
 */
export function useServerAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  const held = {} as { server: TestServer; browser: Browser }
  beforeAll(async () => {
    held.server = await startServer()
    held.browser = await launchBrowser()
  })
  afterAll(async () => {
    await held.browser?.close()
    await held.server?.close()
  })
  return held
}
