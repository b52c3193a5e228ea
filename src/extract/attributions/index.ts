/** Attribution patterns: who said what, by which cue, with which content pieces. */
export { findAttributions } from './cue-tags'
export type { Attribution, AttributionContext } from './types'
export { findColonAttributions, findDashAttributions } from './verbless'
