/**
 * A front end's use of the typed client, compiled by `npm run typecheck` under a plain browser
 * tsconfig (lib ES2022 + DOM, no dom.iterable, no Workers types) and run by test/workers/client.test.ts.
 */
import { hc } from 'hono/client'
import type { AppType } from '../../src/api'

/** The calls a front end makes, against any fetch (the workers test passes the Worker's own). */
export function createClient(baseUrl: string, fetch?: typeof globalThis.fetch) {
  return hc<AppType>(baseUrl, fetch ? { fetch } : {})
}

/** Who relayed a statement, if anyone: `via` is nullable, and the types say so. */
export async function relayOf(client: ReturnType<typeof createClient>, id: string): Promise<string | null> {
  const res = await client.v1.statements[':id'].$get({ param: { id } })
  if (res.status !== 200) return null
  const statement = await res.json()
  return statement.via?.name ?? null
}

/** Calls without parameters need no `query: {}`. */
export async function firstSpeaker(client: ReturnType<typeof createClient>): Promise<string | undefined> {
  const res = await client.v1.speakers.$get()
  if (res.status !== 200) return undefined
  return (await res.json()).results[0]?.name
}

/** Typed query parameters: a misspelt name or a number for a string fails to compile. */
export async function searchFirst(client: ReturnType<typeof createClient>, q: string) {
  const res = await client.v1.search.$get({ query: { q, limit: '1', kind: ['direct'] } })
  return res.status === 200 ? (await res.json()).results[0] : undefined
}

/** A page knows its neighbours: `links.next` is the URL of the next page, or null on the last. */
export async function nextPageOf(client: ReturnType<typeof createClient>, speaker: string): Promise<string | null> {
  const res = await client.v1.statements.$get({ query: { speaker: [speaker], limit: '1' } })
  return res.status === 200 ? (await res.json()).links.next : null
}

/** Extraction on demand: a typed JSON body, and statements in the same shape as everywhere. */
export async function speakersIn(client: ReturnType<typeof createClient>, text: string): Promise<string[]> {
  const res = await client.v1.extract.$post({ json: { text, date: '2023-09-18' } })
  if (res.status !== 200) return []
  return (await res.json()).statements.flatMap((st) => st.speakers.map((s) => s.name))
}

// The types are checked, not `any`: each line below must fail to compile, or tsc reports an unused directive.
export async function typeErrors(client: ReturnType<typeof createClient>) {
  const res = await client.v1.statements[':id'].$get({ param: { id: 'x' } })
  if (res.status !== 200) return
  const statement = await res.json()
  // @ts-expect-error via is nullable
  statement.via.name
  // @ts-expect-error no such query parameter
  await client.v1.search.$get({ query: { q: 'x', colour: 'red' } })
  // @ts-expect-error q is required on search
  await client.v1.search.$get()
  // @ts-expect-error text is required by POST /v1/extract
  await client.v1.extract.$post({ json: { title: 'no text' } })
}
