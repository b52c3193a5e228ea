/** Salience: the events that make entities salient, which pronouns fit an entity, and the organisation a story is about. */
import type { EntityState } from './entity-states'

/** One salience event: an entity (or joint entities) mentioned, made subject or speaker at a position. */
export interface SalienceEvent {
  pos: number
  sentence: number
  /** `topic`: the subject of a headline, counted for what the story is about but no antecedent. */
  role: 'speaker' | 'subject' | 'mention' | 'topic'
  keys: string[]
}

/** How far back (in salience events) "the company" looks for the organisation a story is about. */
const TOPIC_EVENTS = 400

/**
 * Can "he", "she", "they" or "it" (or a joint antecedent) stand for this entity?
 *
 * @example
 * // pronounFits(<Sacramento, a place>, 'he', false) → false
 */
export function pronounFits(e: EntityState, pronoun: string, joint: boolean): boolean {
  if (e.place || (e.thing && (pronoun === 'he' || pronoun === 'she'))) return false
  // "Facebook", "Standing": a lone unknown word is a "he" or "she" only once it spoke, had a role or a known first name.
  const personish =
    e.type === 'person' || (e.type === 'unknown' && (e.spoke === true || e.roles.length > 0 || e.gender !== null))
  switch (pronoun) {
    case 'he':
      return !joint && !e.plural && personish && e.gender !== 'f'
    case 'she':
      return !joint && !e.plural && personish && e.gender !== 'm'
    case 'they':
      return joint || e.plural || e.type === 'group' || e.type === 'organization'
    case 'it':
      return !joint && e.type === 'organization'
    default:
      return false
  }
}

/**
 * "Corvane Inc. reported ... Ann Lee of Halden & Co. said ... The company said": a generic head means the organisation
 * the story is about, the one most often the subject or speaker so far (ties: the latest), not merely the last named.
 */
export function topicOrganisation(
  events: readonly SalienceEvent[],
  entities: ReadonlyMap<string, EntityState>,
  pos: number,
  test: (e: EntityState) => boolean,
): EntityState | null {
  const counts = new Map<string, number>()
  const latest = new Map<string, number>()
  for (let k = Math.max(0, events.length - TOPIC_EVENTS); k < events.length; k++) {
    const ev = events[k]!
    if (ev.pos >= pos || ev.role === 'mention' || ev.keys.length !== 1) continue
    const e = entities.get(ev.keys[0]!)
    if (e === undefined || !test(e)) continue
    counts.set(e.key, (counts.get(e.key) ?? 0) + 1)
    latest.set(e.key, ev.pos)
  }
  let best: string | null = null
  for (const [k, n] of counts) {
    const b = best === null ? -1 : counts.get(best)!
    if (n > b || (n === b && latest.get(k)! > latest.get(best!)!)) best = k
  }
  return best === null || counts.get(best)! < 2 ? null : entities.get(best)!
}
