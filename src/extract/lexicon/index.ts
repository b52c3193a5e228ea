/**
 * The lexicon: every closed word list the extractor consults, in one place. Each list says what it is for;
 * proper names belong in the registry (data/entities.json), not here.
 */
export * from './cues'
export * from './grammar'
export * from './names'
export * from './speakers'
export * from './time'
