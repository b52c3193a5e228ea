/** The generated data modules (src/generated/*.bin, written by scripts/build-data.ts): wrangler ships them as Data modules. */
declare module '*.bin' {
  const bytes: ArrayBuffer
  export default bytes
}

/** Text modules (src/generated/openapi.json.txt, written by scripts/build-openapi.ts): wrangler ships them as strings. */
declare module '*.txt' {
  const text: string
  export default text
}
