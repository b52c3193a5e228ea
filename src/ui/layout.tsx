/** The page shell every web page shares: skip link, header with navigation, main, footer, one stylesheet and one script. */
import type { Child } from 'hono/jsx'
import { ASSET_VERSION } from './assets'

export interface LayoutProps {
  title: string
  /** Which navigation entry is the current page. */
  current?: 'search' | 'read'
  children?: Child
}

/**
 * The whole document. Everything a page shows is escaped by hono/jsx; nothing is inline, so the
 * page runs under `script-src 'self'; style-src 'self'`.
 *
 * @example c.html(<Layout title="Search">…</Layout>)
 */
export function Layout({ title, current, children }: LayoutProps) {
  const nav = [
    { href: '/', label: 'Search', key: 'search' },
    { href: '/read', label: 'Read an article', key: 'read' },
  ] as const
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · whosaid`}</title>
        <link rel="icon" href={`/ui/icon.svg?v=${ASSET_VERSION}`} type="image/svg+xml" />
        <link rel="stylesheet" href={`/ui/app.css?v=${ASSET_VERSION}`} />
        <script src={`/ui/app.js?v=${ASSET_VERSION}`} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site">
          <a class="brand" href="/">
            who<span>said</span>
          </a>
          <nav aria-label="Main">
            <ul>
              {nav.map((item) => (
                <li>
                  <a href={item.href} aria-current={current === item.key ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer class="site">
          <p>
            Statements found by rules, not by hand: check the article before you quote it. The same data is an API:{' '}
            <a href="/openapi.json">OpenAPI</a>.
          </p>
        </footer>
      </body>
    </html>
  )
}
