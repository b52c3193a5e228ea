/** wrangler.toml's `[[ratelimits]]` bindings enforce the numbers src/rate-limits.ts reports in headers and the OpenAPI document. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../../scripts/build-data'
import { RATE_LIMITS } from '../../src/rate-limits'

/** Each `[[ratelimits]]` block of wrangler.toml as { name, limit, period }. */
function configuredLimits(): { name: string; limit: number; period: number }[] {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')
  return toml
    .split('[[ratelimits]]')
    .slice(1)
    .map((block) => ({
      name: /name\s*=\s*"([^"]+)"/.exec(block)?.[1] ?? '',
      limit: Number(/limit\s*=\s*(\d+)/.exec(block)?.[1]),
      period: Number(/period\s*=\s*(\d+)/.exec(block)?.[1]),
    }))
}

describe('rate limits', () => {
  it.each(Object.values(RATE_LIMITS))('binds $binding in wrangler.toml with $limit per $period s', (policy) => {
    expect(configuredLimits()).toContainEqual({ name: policy.binding, limit: policy.limit, period: policy.period })
  })

  it('keeps observability on, so the JSON log lines are indexed', () => {
    expect(readFileSync(join(ROOT, 'wrangler.toml'), 'utf8')).toMatch(/\[observability\]\s*\nenabled = true/)
  })
})
