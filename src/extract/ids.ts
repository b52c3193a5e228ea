/** Stable identifiers: URL-safe slugs and a small pure FNV-1a 64-bit hash. */

/**
 * FNV-1a over UTF-16 code units, 64-bit, as 16 hex digits; two 32-bit halves keep it fast without BigInt.
 *
 * @example
 * fnv1a64('') // 'cbf29ce484222325' (the offset basis)
 */
export function fnv1a64(s: string): string {
  // offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 0x1b3
  let h0 = 0x2325,
    h1 = 0x8422,
    h2 = 0x9ce4,
    h3 = 0xcbf2 // 16-bit limbs, low first
  for (let i = 0; i < s.length; i++) {
    h0 ^= s.charCodeAt(i)
    // multiply by 0x1b3 and add the 2^40 term (limb 2 shifted by 8 bits)
    const t0 = h0 * 0x1b3
    const t1 = h1 * 0x1b3
    const t2 = h2 * 0x1b3 + (h0 << 8)
    const t3 = h3 * 0x1b3 + (h1 << 8)
    h0 = t0 & 0xffff
    const c1 = t1 + (t0 >>> 16)
    h1 = c1 & 0xffff
    const c2 = t2 + (c1 >>> 16)
    h2 = c2 & 0xffff
    h3 = (t3 + (c2 >>> 16)) & 0xffff
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0')
  return hex(h3) + hex(h2) + hex(h1) + hex(h0)
}

/**
 * Lower-case ASCII slug ("Gina Raimondo" → "gina-raimondo"); a hash when nothing Latin is left.
 *
 * @example
 * slugify('François Hollande') // 'francois-hollande'
 * slugify('習近平') // 'x-00476632'
 */
export function slugify(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return slug !== '' ? slug : `x-${fnv1a64(s).slice(0, 8)}`
}

/**
 * Normalises content before hashing so typography does not change an id.
 *
 * @example
 * normaliseForId('  “It’s  done,”  ') // '"it\'s done,"'
 */
export const normaliseForId = (s: string): string =>
  s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase()
