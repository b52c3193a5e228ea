/** Hard limits on what one request may ask for; each is documented in the OpenAPI document and tested. */
export const LIMITS = {
  /** Characters in `q`. */
  queryLength: 256,
  /** Words in `q`, phrases' words included. */
  queryTerms: 12,
  /** Quoted phrases in `q`. */
  queryPhrases: 4,
  /** Words of `q` that get typo tolerance; later unknown words must match exactly. */
  fuzzyTerms: 4,
  /** Default and largest page size. */
  defaultLimit: 20,
  maxLimit: 100,
  /** Largest page of a CSV or NDJSON export: streamed row by row, so a bigger page costs no memory. */
  maxExportLimit: 1000,
  /** Deepest offset a page may start at. */
  maxOffset: 1000,
  /** Values in one filter parameter (after splitting on commas). */
  filterValues: 20,
  /** Characters in one filter value. */
  filterValueLength: 100,
  /** Characters in the whole URL; longer ones get 414 before anything parses them. */
  urlLength: 4096,
} as const
