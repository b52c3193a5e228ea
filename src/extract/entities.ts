/** Registry look-ups: entity names and aliases matched on tokens; entity ids mentioned in a content string. */
import type { RegistryEntity } from '../types'
import { type Token, tokenize } from './tokens'

export interface RegistryAlias {
  entity: RegistryEntity
  text: string
  norms: string[]
  /** Per alias token: must the text token be capitalised too? */
  caps: boolean[]
  /** Lower-case "the ..." descriptions ("the department") that only resolve once the entity was named. */
  anaphor: boolean
}

export interface RegistryIndex {
  entities: readonly RegistryEntity[]
  byId: ReadonlyMap<string, RegistryEntity>
  /** Aliases by the normalised first token, longest first. */
  byFirst: ReadonlyMap<string, RegistryAlias[]>
}

export interface RegistryMatch {
  alias: RegistryAlias
  /** Number of tokens matched. */
  length: number
}

const cache = new WeakMap<readonly RegistryEntity[], RegistryIndex>()

/**
 * True for a lower-case "the ..." alias whose head is lower case ("the department", "the US president").
 *
 * @example
 * isAnaphorAlias('the department') // true
 * isAnaphorAlias('the State Department') // false: a name
 */
export const isAnaphorAlias = (alias: string): boolean => /^the\s/.test(alias) && /(?:^|\s)\p{Ll}[^\s]*$/u.test(alias)

/** Indexes registry names and aliases for token matching; cached per registry array. */
export function buildRegistryIndex(entities: readonly RegistryEntity[]): RegistryIndex {
  const hit = cache.get(entities)
  if (hit !== undefined) return hit
  const byFirst = new Map<string, RegistryAlias[]>()
  const byId = new Map<string, RegistryEntity>()
  for (const entity of entities) {
    byId.set(entity.id, entity)
    for (const text of new Set([entity.name, ...(entity.aliases ?? [])])) {
      const toks = tokenize(text)
      if (toks.length === 0) continue
      const alias: RegistryAlias = {
        entity,
        text,
        norms: toks.map((t) => t.norm),
        caps: toks.map((t) => t.cap),
        anaphor: isAnaphorAlias(text),
      }
      const key = alias.norms[0]!
      const list = byFirst.get(key) ?? []
      list.push(alias)
      byFirst.set(key, list)
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.norms.length - a.norms.length)
  const index: RegistryIndex = { entities, byId, byFirst }
  cache.set(entities, index)
  return index
}

/**
 * The longest registry alias starting at token i (before `end`), names only unless `anaphors`.
 *
 * @example
 * // tokens of 'Secretary Blinken said', i = 0 → { alias: 'Secretary Blinken' (antony-blinken), length: 2 }
 */
export function matchRegistry(
  index: RegistryIndex,
  tokens: readonly Token[],
  i: number,
  end: number,
  anaphors = false,
): RegistryMatch | null {
  const list = index.byFirst.get(tokens[i]!.norm)
  if (list === undefined) return null
  for (const alias of list) {
    if (alias.anaphor && !anaphors) continue
    const n = alias.norms.length
    if (i + n > end) continue
    let ok = true
    for (let k = 0; k < n && ok; k++) {
      const t = tokens[i + k]!
      ok = t.norm === alias.norms[k] && (!alias.caps[k] || t.cap || alias.anaphor)
    }
    if (ok) return { alias, length: n }
  }
  return null
}

/**
 * Registry entity ids named in a content string (names and capitalised aliases; anaphors do not count).
 *
 * @example
 * findEntityIds('Blinken met Han Zheng in Beijing.', buildRegistryIndex(entities)) // ['antony-blinken', 'han-zheng']
 */
export function findEntityIds(content: string, index: RegistryIndex): string[] {
  const tokens = tokenize(content)
  const ids: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const m = matchRegistry(index, tokens, i, tokens.length)
    if (m === null) continue
    if (!ids.includes(m.alias.entity.id)) ids.push(m.alias.entity.id)
    i += m.length - 1
  }
  return ids
}
