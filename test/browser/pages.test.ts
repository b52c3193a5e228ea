/** The article map, /read and the permalink in Chromium; hostile input stays text; axe finds nothing serious. */
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, useServerAndBrowser } from './harness'

const env = useServerAndBrowser()

const ARTICLE = '/articles/han-blinken-unga-2023'

const PASTED = [
  'Talks resume in Geneva',
  '"We want to keep the lines of communication open," Maria Lopez said on Monday.',
  'The ministry said it had no comment. Officials said the meeting would go ahead.',
  '"It is a first step," Lopez added.',
].join('\n\n')

const HOSTILE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`

/** Pastes a text on /read and waits for its map. */
async function readText(page: Page, text: string): Promise<void> {
  await page.goto(`${env.server.origin}/read`)
  await page.locator('#text').fill(text)
  await page.getByRole('button', { name: 'Show who said what' }).click()
  await page.locator('#map-title').waitFor()
}

describe('article view', () => {
  it('underlines each statement in its speaker colour with initials, and a click opens its permalink', async () => {
    const { page, errors } = await openPage(env.browser)
    await page.goto(`${env.server.origin}${ARTICLE}`)
    const legend = await page.locator('.legend li').allTextContents()
    expect(legend.some((l) => /HZ\s*Han Zheng\s*\(\d+ statements\)/.test(l))).toBe(true)
    expect(legend.some((l) => /AB\s*Antony Blinken/.test(l))).toBe(true)
    const spans = page.locator('a.span')
    expect(await spans.count()).toBeGreaterThan(5)
    // Colour is never the only cue: every span has an initials badge and a title naming the speaker.
    for (const span of await spans.all()) {
      expect(await span.locator('.badge').textContent()).toMatch(/^[A-Z?][A-Z0-9+]*$/)
      expect(await span.getAttribute('title')).toMatch(/ · /)
      expect(await span.getAttribute('class')).toMatch(/\bsp-(\d+|x)\b/)
    }
    const first = spans.first()
    await first.hover()
    const tip = await first
      .locator('.badge')
      .evaluate((el) => getComputedStyle(el, '::after').getPropertyValue('content'))
    expect(tip).toMatch(/·/)
    const href = await first.getAttribute('href')
    await Promise.all([page.waitForURL(`**${href}`), first.click()])
    expect(await page.locator('h1').textContent()).toMatch(/^What .+ said$/)
    expect(await page.locator('.context mark.this').count()).toBeGreaterThan(0)
    expect(await page.locator('.card').count()).toBeGreaterThan(0)
    expect(await page.getByRole('heading', { name: 'Similar statements' }).count()).toBe(1)
    expect(errors).toEqual([])
  })
})

describe('/read', () => {
  it('sends the pasted text to POST /v1/extract and draws its map', async () => {
    const { page, errors } = await openPage(env.browser)
    const extracts: string[] = []
    page.on('request', (r) => {
      if (r.url().endsWith('/v1/extract')) extracts.push(r.method())
    })
    await readText(page, PASTED)
    expect(extracts).toEqual(['POST'])
    expect(page.url()).toBe(`${env.server.origin}/read`)
    expect(await page.locator('.legend').textContent()).toMatch(/ML\s*Maria Lopez\s*\(2 statements\)/)
    expect(await page.locator('#map .span').count()).toBeGreaterThanOrEqual(2)
    expect(await page.locator('#map .span').first().textContent()).toMatch(/lines of communication open/)
    expect(errors).toEqual([])
  })

  it('draws the same map on the server when JavaScript is off', async () => {
    const withScript = await openPage(env.browser)
    await readText(withScript.page, PASTED)
    const drawn = await withScript.page.locator('#map').innerHTML()
    const { page } = await openPage(env.browser, { javaScriptEnabled: false })
    await readText(page, PASTED)
    expect(await page.locator('#map').innerHTML()).toBe(drawn)
  })
})

describe('hostile input stays text', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`in the query and in a pasted article (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page, dialogs } = await openPage(env.browser, { javaScriptEnabled })
      await page.goto(`${env.server.origin}/?q=${encodeURIComponent(HOSTILE)}`)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('#q').inputValue()).toBe(HOSTILE)
      expect(await page.locator('#status').textContent()).toContain(HOSTILE)
      expect(await page.locator('img').count()).toBe(0)
      expect(await page.locator('script').count()).toBe(1)
      await readText(page, `"${HOSTILE}," Maria Lopez said.\n\n${HOSTILE}`)
      expect(await page.locator('#map').textContent()).toContain(HOSTILE)
      expect(await page.locator('img').count()).toBe(0)
      expect(await page.locator('script').count()).toBe(1)
      expect(dialogs).toEqual([])
    })
  }
})

describe('accessibility', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  const pages: [string, (page: Page) => Promise<void>][] = [
    [
      'search',
      async (page) => {
        await page.goto(`${env.server.origin}/?q=china`)
        await page.locator('button.chip').first().waitFor()
      },
    ],
    ['article', (page) => page.goto(`${env.server.origin}${ARTICLE}`).then(() => {})],
    ['read', (page) => readText(page, PASTED)],
  ]
  it.each(pages)('axe finds no serious or critical violation on the %s page', async (_name, visit) => {
    const { page } = await openPage(env.browser)
    await visit(page)
    // Evaluated through the DevTools protocol, which the page's CSP does not govern; the page itself stays strict.
    await page.evaluate(axeSource)
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> }
        }
      ).axe
      const result = await axe.run()
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))
    })
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([])
  })
})

describe('screenshots', () => {
  const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } }
  it.each(Object.entries(VIEWPORTS))(
    'saves the three pages at %s width under test-results/ui/',
    async (name, viewport) => {
      mkdirSync('test-results/ui', { recursive: true })
      const { page } = await openPage(env.browser, { viewport, deviceScaleFactor: 1 })
      await page.goto(`${env.server.origin}/?q=china`)
      await page.locator('button.chip').first().waitFor()
      await page.screenshot({ path: `test-results/ui/search-${name}.png`, fullPage: true })
      await page.goto(`${env.server.origin}${ARTICLE}`)
      await page.locator('a.span').nth(2).hover()
      // A tooltip must never push the page sideways, least of all on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width)
      await page.screenshot({ path: `test-results/ui/article-${name}.png`, fullPage: true })
      await readText(page, PASTED)
      await page.screenshot({ path: `test-results/ui/read-${name}.png`, fullPage: true })
    },
  )
})
