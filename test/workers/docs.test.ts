import { describe, expect, it } from 'vitest'
import { DOCS_CSP, SCALAR_SCRIPT } from '../../src/routes/docs'
import { call, json } from './helpers'

/** A CSP header as directive → sources. */
function directives(csp: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  )
}

describe('GET /docs', () => {
  it('serves the interactive reference over /openapi.json', async () => {
    const res = await call('/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain('data-url="/openapi.json"')
    expect(html).toContain(`src="${SCALAR_SCRIPT.src}" integrity="${SCALAR_SCRIPT.integrity}" crossorigin="anonymous"`)
  })

  it('loads a pinned version, checked by its SRI hash', () => {
    expect(SCALAR_SCRIPT.src).toMatch(/^https:\/\/cdn\.jsdelivr\.net\/npm\/@scalar\/api-reference@\d+\.\d+\.\d+\//)
    expect(SCALAR_SCRIPT.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/)
  })

  it('has its own CSP, allowing exactly the pinned script, inline styles and this origin', async () => {
    const res = await call('/docs')
    expect(res.headers.get('Content-Security-Policy')).toBe(DOCS_CSP)
    const csp = directives(res.headers.get('Content-Security-Policy'))
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp['script-src']).toEqual([SCALAR_SCRIPT.src])
    expect(csp['connect-src']).toEqual(["'self'"])
    expect(csp['frame-ancestors']).toEqual(["'none'"])
    // No inline script runs: the configuration sits in data attributes.
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'")
    expect(csp['script-src']).not.toContain("'unsafe-inline'")
    const scripts = [...(await res.text()).matchAll(/<script([^>]*)>([^<]*)<\/script>/g)]
    expect(scripts.map(([, attributes, body]) => ({ src: /\ssrc="/.test(attributes!), body }))).toEqual([
      { src: false, body: '' },
      { src: true, body: '' },
    ])
  })

  it('is linked from the JSON index', async () => {
    const index = await json<{ docs: string; openapi: string }>('/')
    expect(index).toMatchObject({ docs: '/docs', openapi: '/openapi.json' })
  })
})

describe('Content-Security-Policy of every other response', () => {
  it.each([
    '/',
    '/openapi.json',
    '/health',
    '/v1/statements',
    '/v1/search?q=talks',
    '/v1/nothing',
    '/v1/speakers/nobody',
  ])('%s keeps the strict policy', async (path) => {
    const csp = directives((await call(path)).headers.get('Content-Security-Policy'))
    expect(csp['default-src']).toEqual(["'none'"])
    expect(csp['script-src']).toBeUndefined()
    expect(csp['frame-ancestors']).toEqual(["'none'"])
  })
})
