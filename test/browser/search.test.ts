/** The search page in Chromium: as-you-type results with highlights, facet chips, and the same page without JavaScript. */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openPage, useServerAndBrowser } from './harness'

const env = useServerAndBrowser()

const open = (javaScriptEnabled = true) => openPage(env.browser, { javaScriptEnabled })

const statusOf = (page: Page) => page.locator('#status').textContent()

describe('search as you type', () => {
  it('shows highlighted results for what is typed, and keeps the state in the URL', async () => {
    const { page, errors } = await open()
    await page.goto(`${env.server.origin}/`)
    await page.locator('#q').pressSequentially('diplomacy', { delay: 20 })
    // Wait for the answer to the whole word: the answer to "di" already marks "diplomacy" (a prefix match).
    await expect.poll(() => statusOf(page)).toMatch(/^1 statement matches “diplomacy”/)
    expect(await page.locator('#results mark').first().textContent()).toMatch(/diplomacy/i)
    expect(new URL(page.url()).searchParams.get('q')).toBe('diplomacy')
    // A new word replaces the results without a reload.
    await page.locator('#q').fill('communication')
    await expect.poll(() => statusOf(page)).toMatch(/“communication”/)
    const marks = await page.locator('#results mark').allTextContents()
    expect(marks.length).toBeGreaterThan(0)
    for (const m of marks) expect(m.toLowerCase()).toMatch(/^communicat/)
    expect(errors).toEqual([])
  })

  it('offers completions from /v1/suggest in the datalist', async () => {
    const { page } = await open()
    await page.goto(`${env.server.origin}/`)
    await page.locator('#q').pressSequentially('blin', { delay: 20 })
    await expect
      .poll(() =>
        page.locator('#suggestions option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      )
      .toContain('Antony Blinken')
  })

  it('offers did_you_mean as a link when nothing matches', async () => {
    const { page } = await open()
    await page.goto(`${env.server.origin}/`)
    await page.locator('#q').fill('tiawan')
    await expect.poll(() => statusOf(page)).toMatch(/No statements match/)
    const offer = page.locator('.empty a').first()
    expect(await offer.textContent()).toBe('Taiwan')
    await offer.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Taiwan')
  })
})

describe('facet chips', () => {
  it('toggle a speaker filter as aria-pressed buttons, and the counts change', async () => {
    const { page, errors } = await open()
    await page.goto(`${env.server.origin}/?q=china`)
    const chip = page.locator('button.chip[data-facet=speaker]').first()
    await chip.waitFor()
    expect(await chip.getAttribute('aria-pressed')).toBe('false')
    const before = await statusOf(page)
    const kindsBefore = await page.locator('[data-facet=kind] .count').allTextContents()
    const speaker = await chip.getAttribute('data-value')
    // Keyboard: focus the chip and press Enter, as a person without a mouse would.
    await chip.focus()
    await page.keyboard.press('Enter')
    const pressed = page.locator(`button.chip[data-facet=speaker][data-value="${speaker}"]`)
    await expect.poll(() => pressed.getAttribute('aria-pressed')).toBe('true')
    expect(await statusOf(page)).not.toBe(before)
    expect(await page.locator('[data-facet=kind] .count').allTextContents()).not.toEqual(kindsBefore)
    expect(new URL(page.url()).searchParams.getAll('speaker')).toEqual([speaker])
    // Focus stays on the chip that was pressed, so a keyboard user can press it again.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-value'))).toBe(speaker)
    await page.keyboard.press('Enter')
    await expect.poll(() => statusOf(page)).toBe(before)
    expect(errors).toEqual([])
  })
})

describe('without JavaScript', () => {
  it('submits the form and renders results and chips as links on the server', async () => {
    const { page } = await open(false)
    await page.goto(`${env.server.origin}/`)
    await page.locator('#q').fill('diplomacy')
    await Promise.all([page.waitForURL(/\?q=diplomacy/), page.locator('#q').press('Enter')])
    expect(await page.locator('#results mark').first().textContent()).toMatch(/diplomacy/i)
    expect(await statusOf(page)).toMatch(/^1 statement matches/)
    const chip = page.locator('a.chip[data-facet=kind]').first()
    await Promise.all([page.waitForURL(/kind=/), chip.click()])
    expect(await page.locator('a.chip.on[data-facet=kind]').count()).toBe(1)
    // The filter survives a new query: the form carries it in a hidden input.
    await page.locator('#q').fill('diplomacy united')
    await Promise.all([page.waitForURL(/united/), page.locator('#q').press('Enter')])
    expect(new URL(page.url()).searchParams.get('kind')).toBe('direct')
  })
})
