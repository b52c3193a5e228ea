/** src/vendor/zod.ts, which the Worker bundle uses for `zod`: the real zod's exports, less the locale bundles. */

import { describe, expect, it } from 'vitest'
import * as real from 'zod'
import * as slim from '../../../src/vendor/zod'

const withoutLocales = (keys: Iterable<string>) => [...keys].filter((k) => k !== 'locales').sort()

describe('src/vendor/zod', () => {
  it('exports everything zod exports but locales, the same values', () => {
    expect(withoutLocales(Object.keys(slim))).toEqual(withoutLocales(Object.keys(real)))
    const slimValues = new Map<string, unknown>(Object.entries(slim))
    for (const [key, value] of Object.entries(real)) {
      if (key === 'z' || key === 'default' || key === 'core' || key === 'locales') continue
      expect(slimValues.get(key), key).toBe(value)
    }
  })

  it('exports zod’s core but its locales, the same values', () => {
    expect(withoutLocales(Object.keys(slim.core))).toEqual(withoutLocales(Object.keys(real.core)))
    for (const key of withoutLocales(Object.keys(real.core))) {
      expect(slim.core[key as keyof typeof slim.core], key).toBe(real.core[key as keyof typeof real.core])
    }
    expect('locales' in slim.z).toBe(false)
  })

  it('still reports errors in English', () => {
    const result = slim.z.object({ limit: slim.z.number() }).safeParse({ limit: 'x' })
    expect(result.error?.issues[0]?.message).toBe('Invalid input: expected number, received string')
  })
})
