/** The interactive API reference at /docs: Scalar from a pinned CDN file, checked by its SRI hash. */
import { Hono } from 'hono'

/**
 * Scalar's standalone bundle is 4.8 MB (1.4 MB gzipped): bundled, it would multiply the Worker's
 * size and cold start for a page few requests ask for. A pinned version with Subresource Integrity
 * keeps it out of the bundle, and the browser refuses any other bytes at that URL.
 */
export const SCALAR_SCRIPT = {
  src: 'https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.76.0/dist/browser/standalone.js',
  integrity: 'sha384-oH1C0RwqcwbVXkC+r8A+4qRoyEUQdtxAzOwumkxZtQBBcsy61FOoPt7B50OVJYYQ',
}

// The configuration sits in data attributes, not in an inline script, so the page needs no
// 'unsafe-inline' script; the default fonts would load from fonts.scalar.com, so they are off.
const CONFIGURATION = JSON.stringify({ withDefaultFonts: false, hideClientButton: true })

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>whosaid API reference</title>
</head>
<body>
<script id="api-reference" data-url="/openapi.json" data-configuration="${CONFIGURATION.replaceAll('"', '&quot;')}"></script>
<script src="${SCALAR_SCRIPT.src}" integrity="${SCALAR_SCRIPT.integrity}" crossorigin="anonymous"></script>
</body>
</html>
`

/**
 * What the docs page may load: the one pinned script, the styles Scalar injects, the OpenAPI
 * document and "try it" requests to this origin; nothing else, and it may not be framed.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src ${SCALAR_SCRIPT.src}`,
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  'font-src data:',
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/** GET /docs, outside the OpenAPI document like the document itself. */
export const docsRoutes = new Hono().get('/docs', (c) => {
  c.header('Content-Security-Policy', DOCS_CSP)
  return c.html(PAGE)
})
