/**
 * A least-recently-used map bounded in entries and in (estimated) bytes: the per-isolate caches of
 * result sets (result-cache.ts) and of whole answers (routes/cache.ts) are this with their own sizes.
 */
export class BoundedLru<V> {
  private readonly entries = new Map<string, { value: V; size: number }>()
  private bytes = 0

  /** `sizeOf` estimates what a value keeps alive, in bytes; a value larger than `maxBytes` is never kept. */
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get size(): number {
    return this.entries.size
  }

  /** Bytes the entries are estimated to hold. */
  get estimatedBytes(): number {
    return this.bytes
  }

  get(key: string): V | undefined {
    const slot = this.entries.get(key)
    if (!slot) return undefined
    // Most recently used last.
    this.entries.delete(key)
    this.entries.set(key, slot)
    return slot.value
  }

  /** Adds or replaces an entry (and re-counts one that grew), dropping the least recently used beyond the bounds. */
  set(key: string, value: V): void {
    this.delete(key)
    const size = this.sizeOf(value)
    if (size > this.maxBytes) return
    this.entries.set(key, { value, size })
    this.bytes += size
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.delete(oldest)
    }
  }

  private delete(key: string): void {
    const slot = this.entries.get(key)
    if (!slot) return
    this.entries.delete(key)
    this.bytes -= slot.size
  }
}
