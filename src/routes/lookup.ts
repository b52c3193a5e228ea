/** Finds a speaker, topic or article by id, or by an unambiguous name or alias, for the `{id}` routes. */
import { ProblemError, problem } from '../errors'
import { didYouMean } from '../search/did-you-mean'
import type { Dimension } from '../search/store'
import { normalizeName } from '../search/text'

const MERGED = new WeakMap<
  Dimension,
  { dimensions: readonly Dimension[]; keys: ReadonlyMap<string, ReadonlySet<string>> }
>()

/** The spellings of several dimensions as one: a speaker may be named as a speaker or as a channel (`via`). */
function mergeKeys(dimensions: readonly Dimension[]): ReadonlyMap<string, ReadonlySet<string>> {
  if (dimensions.length === 1) return dimensions[0]!.keys
  // The dimensions live as long as the store: merge once per isolate, not per request.
  const cached = MERGED.get(dimensions[0]!)
  const same = cached?.dimensions.length === dimensions.length && cached.dimensions.every((d, i) => d === dimensions[i])
  if (cached && same) return cached.keys
  const keys = new Map<string, Set<string>>()
  for (const d of dimensions) {
    for (const [key, ids] of d.keys) {
      const merged = keys.get(key) ?? new Set<string>()
      for (const id of ids) merged.add(id)
      keys.set(key, merged)
    }
  }
  MERGED.set(dimensions[0]!, { dimensions, keys })
  return keys
}

/**
 * The record `id` names: by exact id first, then by an id, name or alias (case-insensitive) naming
 * exactly one record in any of `dimensions`. Otherwise throws a 404 problem with up to 3 suggestions.
 */
export function findOrThrow<T>(
  byId: ReadonlyMap<string, T>,
  dimensions: Dimension | readonly Dimension[] | null,
  id: string,
  what: string,
  instance: string,
): T {
  const exact = byId.get(id)
  if (exact) return exact
  const keys = dimensions ? mergeKeys(Array.isArray(dimensions) ? dimensions : [dimensions as Dimension]) : null
  const key = normalizeName(id)
  const ids = keys?.get(key)
  if (ids?.size === 1) {
    const found = byId.get([...ids][0]!)
    if (found) return found
  }
  const suggestions = keys ? didYouMean(key, keys) : []
  const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''
  throw new ProblemError(
    problem('not_found', `no ${what} with id "${id}"${hint}`, {
      instance,
      errors: [{ parameter: 'id', message: `unknown ${what}`, suggestions }],
    }),
  )
}

/** The statement a backend found, or a 404 problem: statement ids have no other spellings. */
export function statementOrThrow<T>(found: T | null, id: string, instance: string): T {
  if (found) return found
  throw new ProblemError(
    problem('not_found', `no statement with id "${id}"`, {
      instance,
      errors: [{ parameter: 'id', message: 'unknown statement', suggestions: [] }],
    }),
  )
}
