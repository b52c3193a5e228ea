/** The web pages inside workerd: content negotiation at `/`, headers, escaping, /read without JavaScript, assets. */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import { call } from './helpers'

const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }
const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`

const page = (path: string, init: RequestInit = {}) =>
  call(path, { ...init, headers: { ...BROWSER, ...(init.headers as Record<string, string> | undefined) } })

function readForm(text: string): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ text }).toString(),
  }
}

/** No markup from the input: no element but the page's own, no event handler, no inline script or style. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<img/i)
  expect(html).not.toContain('<script>alert')
  expect(html).not.toMatch(/<script(?![^>]*\bsrc="\/ui\/app\.js)/)
  // Every attribute of every tag: values are quoted and escaped, so none can smuggle another in.
  for (const [, attributes] of html.matchAll(/<[a-z][a-z0-9]*((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    for (const [, name] of attributes!.matchAll(/\s([a-z-]+)(?:="[^"]*")?/g)) {
      expect(name).not.toMatch(/^(on|style$)/)
    }
  }
}

describe('GET /', () => {
  it('gives a browser the search page with a strict CSP and Vary: Accept', async () => {
    const res = await page('/')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toMatch(/default-src 'self'/)
    expect(csp).toMatch(/script-src 'self'(;|$)/)
    expect(csp).toMatch(/style-src 'self'(;|$)/)
    expect(csp).toMatch(/frame-ancestors 'none'/)
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/)
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<form id="search"')
    expectInert(html)
  })

  it.each([
    ['no Accept', {}],
    ['*/*', { Accept: '*/*' }],
    ['application/json', { Accept: 'application/json' }],
    ['JSON before HTML', { Accept: 'application/json, text/html;q=0.5' }],
  ])('keeps the JSON index for an API client (%s), with Vary: Accept', async (_name, headers) => {
    const res = await call('/', { headers })
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/)
    expect(((await res.json()) as { name: string }).name).toBe('whosaid')
  })

  it('gives the HTML and the JSON different ETags, and a 304 for the page the browser has', async () => {
    const html = await page('/?q=diplomacy')
    const json = await call('/?q=diplomacy')
    const tag = html.headers.get('ETag')!
    expect(tag).toMatch(/^"[0-9a-f]+"$/)
    expect(json.headers.get('ETag')).not.toBe(tag)
    const again = await page('/?q=diplomacy', { headers: { 'If-None-Match': tag } })
    expect(again.status).toBe(304)
  })

  it('renders results, chips as links and highlights on the server', async () => {
    const html = await (await page('/?q=diplomacy&speaker=blinken')).text()
    expect(html).toContain('<mark>diplomacy</mark>')
    expect(html).toContain('1 statement matches “diplomacy” with these filters.')
    // `blinken` is read as the id it names: the chip is on and the form carries the id.
    expect(html).toMatch(/<a class="chip on" href="\/\?q=diplomacy"[^>]*data-value="antony-blinken"/)
    expect(html).toContain('<input type="hidden" name="speaker" value="antony-blinken"/>')
  })

  it('offers did_you_mean and the query without filters when nothing matches', async () => {
    const html = await (await page('/?q=tiawan&kind=narration')).text()
    expect(html).toContain('No statements match')
    expect(html).toContain('href="/?q=tiawan"')
    const plain = await (await page('/?q=tiawan')).text()
    expect(plain).toMatch(/Did you mean <a href="\/\?q=Taiwan"/)
  })

  it('reports a filter value that names nothing, and still searches', async () => {
    const html = await (await page('/?q=diplomacy&speaker=nobody-at-all')).text()
    expect(html).toContain('No speaker matches &quot;nobody-at-all&quot;')
    expect(html).toContain('<mark>diplomacy</mark>')
  })

  it('escapes a hostile query everywhere it is echoed', async () => {
    const html = await (await page(`/?q=${encodeURIComponent(HOSTILE)}&topic=${encodeURIComponent(HOSTILE)}`)).text()
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;')
    expectInert(html)
  })
})

describe('GET /articles/{id} and /s/{id}', () => {
  it('draws the article map: spans linked to permalinks, coloured by speaker, with a legend', async () => {
    const html = await (await page('/articles/han-blinken-unga-2023')).text()
    expect(html).toMatch(/<a class="span sp-\d+" href="\/s\/han-blinken-unga-2023-[0-9a-f]+" title="[^"]+ · /)
    expect(html).toMatch(/<ul class="legend"[^>]*>.*Han Zheng/)
    expectInert(html)
  })

  it('shows a statement in its paragraph, with its speaker card and similar statements', async () => {
    const article = await (await page('/articles/han-blinken-unga-2023')).text()
    const id = /href="\/s\/([^"]+)"/.exec(article)![1]!
    const res = await page(`/s/${id}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<mark class="this">')
    expect(html).toContain('class="card"')
    expect(html).toContain('Similar statements')
  })

  it.each(['/articles/no-such-article', '/s/no-such-statement'])('answers 404 with a page for %s', async (path) => {
    const res = await page(path)
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
  })

  it('answers HEAD with the headers and no body', async () => {
    const res = await page('/articles/han-blinken-unga-2023', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })
})

describe('/read', () => {
  it('reads a posted article on the server and draws its map, hostile text included, as text', async () => {
    const res = await page(
      '/read',
      readForm(`"We will talk ${HOSTILE.replaceAll('"', '')}," Maria Lopez said.\n\n${HOSTILE}`),
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toMatch(/<span class="span sp-0" title="Maria Lopez · direct quote · “said”" tabindex="0">/)
    expect(html).toContain('We will talk &lt;script&gt;alert(1)&lt;/script&gt;&gt;&lt;img src=x onerror=alert(2)&gt;')
    expect(html).toContain('<p id="p2">&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img')
    expectInert(html)
  })

  it('asks for text when none was pasted', async () => {
    const res = await page('/read', readForm('  '))
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('paste some text first')
  })

  it('refuses more than 64 KB, as POST /v1/extract does', async () => {
    const res = await page('/read', readForm('word '.repeat(14_000)))
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('Could not read the text')
  })

  it('answers 405 with Allow to other methods', async () => {
    const res = await page('/read', { method: 'PUT' })
    expect(res.status).toBe(405)
    expect(res.headers.get('Allow')).toBe('GET, HEAD, POST')
  })
})

describe('assets', () => {
  it.each(['/ui/app.js', '/ui/app.css', '/ui/icon.svg'])(
    'serves %s for a year with an ETag, and 304s it',
    async (path) => {
      const res = await call(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
      const etag = res.headers.get('ETag')!
      expect((await call(path, { headers: { 'If-None-Match': etag } })).status).toBe(304)
    },
  )

  it('links the assets from the page with their content hash', async () => {
    const html = await (await page('/read')).text()
    expect(html).toMatch(/<script src="\/ui\/app\.js\?v=[0-9a-f]{8}" defer="">/)
    expect(html).toMatch(/<link rel="stylesheet" href="\/ui\/app\.css\?v=[0-9a-f]{8}"/)
  })
})

describe('when the corpus did not load', () => {
  it('answers the pages with 503 and Retry-After', async () => {
    const app = createApp({ ok: false, error: 'broken' })
    const res = await app.request('/', { headers: BROWSER })
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('60')
    expect(await res.text()).toContain('could not be loaded')
  })
})
