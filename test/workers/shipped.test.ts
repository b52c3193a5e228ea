/** The shipped corpus as the Worker loads it: in workerd, the Data module's bytes are let go once parsed. */
import { describe, expect, it } from 'vitest'
import PACKED from '../../src/generated/test-corpus.bin'
import { loadShipped } from '../../src/search/load'

describe('loadShipped', () => {
  it('transfers the bytes out of the buffer it is given, so the isolate keeps only the Store', () => {
    const bytes = PACKED.slice(0)
    expect(bytes.byteLength).toBeGreaterThan(0)
    const store = loadShipped(bytes)
    expect(bytes.byteLength).toBe(0)
    expect(store.statements.length).toBeGreaterThan(0)
  })

  it('loads the same statements as a second copy of the bytes', () => {
    const a = loadShipped(PACKED.slice(0))
    const b = loadShipped(PACKED.slice(0))
    expect(a.statements.map((s) => s.id)).toEqual(b.statements.map((s) => s.id))
  })
})
