/** Builds a word set from a whitespace-separated list, the format of every list in the lexicon. */
export const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/))
