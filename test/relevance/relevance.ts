/** Moved to src/eval/relevance.ts; re-exported until test/workers/relevance.test.ts imports it from there. */
export * from '../../src/eval/relevance'
