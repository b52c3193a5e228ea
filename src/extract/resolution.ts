/** Records how a speaker part was resolved (path, distance, competing antecedents), for the statement's confidence. */
import type { Span } from '../types'
import type { Resolution } from './confidence'
import type { Discourse } from './coreference'
import type { EntityState } from './entity-states'
import type { SalienceEvent } from './salience'
import type { SpeakerPart } from './speakers'

/** How far back (in sentences) competitors are counted when no antecedent is found: the pronoun search's first window. */
const COMPETITOR_WINDOW = 6

/**
 * The resolution of one speaker part to `states`, read from the discourse right after it resolved them.
 *
 * @example
 * // 'Ann Lee and Bob Day met. He said ...': { path: 'pronoun', distance: 1, competitors: 0 } (Ann Lee is no "he")
 */
export function describeResolution(
  discourse: Discourse,
  part: SpeakerPart,
  states: readonly EntityState[],
  pos: number,
  sentence: number,
  exclude: readonly Span[],
): Resolution {
  const chosen = states[0]
  if (chosen === undefined) return { path: 'none', distance: 0, competitors: 0 }
  if (part.kind === 'name') {
    const m = part.mention
    const alias = m?.registry != null && !wordsOf(m.text).every((w) => wordsOf(m.registry!.name).includes(w))
    return { path: alias ? 'registry-alias' : 'named', distance: 0, competitors: 0 }
  }
  const keys = new Set(states.map((s) => s.key))
  let latest: SalienceEvent | undefined
  for (const ev of eventsBefore(discourse, pos, exclude))
    if (ev.keys.some((k) => keys.has(k))) {
      latest = ev
      break
    }
  const distance = latest === undefined ? COMPETITOR_WINDOW : sentence - latest.sentence
  if (part.kind === 'description' && chosen.key.startsWith('desc:') && latest === undefined)
    return { path: 'description', distance: 0, competitors: 0 }
  const fits =
    part.kind === 'pronoun'
      ? (e: EntityState) => fitsPronoun(e, part.head ?? '')
      : (e: EntityState) => e.type === chosen.type
  // Competitors: entities that fit too, named between the antecedent's sentence and the statement.
  const since = latest === undefined ? sentence - COMPETITOR_WINDOW : latest.sentence
  const others = new Set<string>()
  for (const ev of eventsBefore(discourse, pos, exclude)) {
    if (ev.sentence < since) break
    for (const k of ev.keys) {
      const e = discourse.entities.get(k)
      if (e !== undefined && !keys.has(k) && fits(e)) others.add(k)
    }
  }
  const path = part.kind === 'pronoun' ? 'pronoun' : chosen.key.startsWith('desc:') ? 'description' : 'anaphor'
  return { path, distance, competitors: others.size }
}

/** A continuation of statements whose speakers were resolved by `of`, `distance` sentences later. */
export function continuationOf(of: readonly Resolution[], distance: number): Resolution[] {
  return of.map((r) => ({ path: 'continuation', distance: Math.max(0, distance), competitors: 0, continues: r }))
}

/**
 * Salience events before `pos`, latest first, outside the statement's own content and headlines: lazily, so the
 * callers, which stop at the antecedent or at a sentence window, never walk the whole article for each statement.
 */
function* eventsBefore(discourse: Discourse, pos: number, exclude: readonly Span[]): Generator<SalienceEvent> {
  for (let k = discourse.events.length - 1; k >= 0; k--) {
    const ev = discourse.events[k]!
    if (ev.pos >= pos || ev.role === 'topic' || exclude.some((r) => ev.pos >= r.start && ev.pos < r.end)) continue
    yield ev
  }
}

/** Could "he", "she", "they" or "it" mean this entity? (The pronoun search's test, without its weak-name rule.) */
function fitsPronoun(e: EntityState, pronoun: string): boolean {
  const personal = !e.plural && (e.type === 'person' || e.type === 'unknown')
  if (pronoun === 'he') return personal && e.gender !== 'f'
  if (pronoun === 'she') return personal && e.gender !== 'm'
  if (pronoun === 'they') return e.plural || e.type === 'group' || e.type === 'organization'
  if (pronoun === 'it') return e.type === 'organization'
  return false
}

const wordsOf = (s: string): string[] => s.toLowerCase().match(/\p{L}+/gu) ?? []
