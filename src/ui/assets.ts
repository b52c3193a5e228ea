/** The pages' one script and one stylesheet, served as strings from the Worker with a content hash for cache busting. */
import { main } from './client/app.js'
import { createShared } from './draw'
import { APP_CSS } from './styles'

export { APP_CSS }

/**
 * The browser script: `main` called with the shared helpers, both shipped as their own source. No
 * bundler step: the Worker's bundle already holds these functions, compiled to JavaScript, and
 * `String(fn)` gives that JavaScript back (wrangler.toml keeps `keep_names` off, so no helper is
 * injected into their bodies).
 */
export const APP_JS = `"use strict";\n(${String(main)})((${String(createShared)})());\n`

/** The tab icon: a speech bubble in the page's accent colour. */
export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="#1a56a6" d="M4 4h24a2 2 0 0 1 2 2v15a2 2 0 0 1-2 2H13l-7 6v-6H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/><path fill="#fff" d="M9 10h14v2H9zm0 5h10v2H9z"/></svg>'

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell two versions of a small file apart. */
export function hashOf(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** In every asset URL (`/ui/app.js?v=…`), so a deploy that changes them is fetched at once despite long caching. */
export const ASSET_VERSION = hashOf(APP_JS + APP_CSS + ICON_SVG)

/** The assets by path, with their media type and strong ETag. */
export const ASSETS: ReadonlyMap<string, { body: string; type: string; etag: string }> = new Map([
  ['/ui/app.js', { body: APP_JS, type: 'text/javascript; charset=utf-8', etag: `"${hashOf(APP_JS)}"` }],
  ['/ui/app.css', { body: APP_CSS, type: 'text/css; charset=utf-8', etag: `"${hashOf(APP_CSS)}"` }],
  ['/ui/icon.svg', { body: ICON_SVG, type: 'image/svg+xml', etag: `"${hashOf(ICON_SVG)}"` }],
])
