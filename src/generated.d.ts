/** The generated data modules (src/generated/*.bin, written by scripts/build-data.ts): wrangler ships them as Data modules. */
declare module '*.bin' {
  const bytes: ArrayBuffer
  export default bytes
}
