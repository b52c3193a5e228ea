/** Every place stored or user text reaches HTML is escaped; JSON is never served as HTML. */
import { describe, expect, it } from 'vitest'
import { createApp } from '../../src/app'
import type { ArticleRecord } from '../../src/search/corpus'
import { statementOf, storeOf } from './inline-store'

const HOSTILE = `Payload <img src=x onerror="alert(1)"> and <script>alert('x')</script> & "quotes" here`

function hostileApp() {
  const statement = statementOf({
    id: 'evil-1',
    article: 'evil',
    content: HOSTILE,
    spans: [{ start: 0, end: HOSTILE.length }],
  })
  const article: ArticleRecord = {
    id: 'evil',
    title: '<b>t</b>',
    publisher: null,
    publisher_note: null,
    credit: null,
    event_date: null,
    published: null,
    url: null,
    language: 'en',
    file: 'evil.txt',
    text: HOSTILE,
    paragraphs: [],
  }
  return createApp({ ok: true, store: storeOf([statement], { articles: [article] }) })
}

describe('escaping', () => {
  const app = hostileApp()

  it.each(['payload', 'img', 'script', 'alert', 'onerror'])(
    'escapes content_html and text_html when searching %s',
    async (q) => {
      const res = await app.request(`/v1/search?q=${q}&highlight=html`)
      expect(res.status).toBe(200)
      const body = await res.json<{ results: { content_html: string; text_html: string }[] }>()
      const html = body.results[0]!
      for (const field of [html.content_html, html.text_html]) {
        expect(field).not.toMatch(/<(?!\/?mark>)/)
        expect(field).toMatch(/&lt;(<mark>)?script(<\/mark>)?&gt;/)
        expect(field).toContain('&quot;')
      }
    },
  )

  it('serves API answers as JSON with nosniff, never as HTML, even when they echo input', async () => {
    for (const path of [
      '/v1/suggest?q=%3Cscript%3E',
      '/v1/statements?speaker=%3Cscript%3Ealert(1)%3C/script%3E',
      '/v1/%3Cscript%3E',
    ]) {
      const res = await app.request(path)
      expect(res.headers.get('Content-Type')).toMatch(/^application\/(problem\+)?json/)
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(res.headers.get('Content-Security-Policy')).toMatch(/default-src 'none'/)
    }
  })
})
