/** Test-only type declarations. */
declare module 'cloudflare:test' {
  interface ProvidedEnv {}
}

declare module '*?raw' {
  const text: string
  export default text
}
