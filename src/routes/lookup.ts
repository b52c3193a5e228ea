/** Finds a speaker, topic or entity by id, or by an unambiguous name, for the `{id}` routes. */
import { ProblemError, problem } from '../errors'
import { didYouMean } from '../search/did-you-mean'
import type { Dimension } from '../search/store'
import { normalizeName } from '../search/text'

/**
 * The record `id` names: by exact id first, then by a name or alias naming exactly one record.
 * Otherwise throws a 404 problem with up to 3 suggestions.
 */
export function findOrThrow<T>(
  byId: ReadonlyMap<string, T>,
  dimension: Dimension | null,
  id: string,
  what: string,
  instance: string,
): T {
  const exact = byId.get(id)
  if (exact) return exact
  const key = normalizeName(id)
  const ids = dimension?.keys.get(key)
  if (ids?.size === 1) {
    const found = byId.get([...ids][0]!)
    if (found) return found
  }
  const suggestions = dimension ? didYouMean(key, dimension.keys) : []
  const hint = suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''
  throw new ProblemError(
    problem('not_found', `no ${what} with id "${id}"${hint}`, {
      instance,
      errors: [{ parameter: 'id', message: `unknown ${what}`, suggestions }],
    }),
  )
}
