/** HTTP caching: ETags derived from the deployment and the normalised request, the Cache-Control policy and the Workers cache. */
import type { Context } from 'hono'
import { BoundedLru } from '../search/lru'
import type { AppEnv } from './router'

/**
 * What a successful GET may be cached for. The data changes only when the Worker is deployed, and
 * every ETag names the deployment and the corpus build, so a stale copy is never wrong for long:
 * browsers reuse a response for 5 minutes and then revalidate (a 304 costs no search); shared
 * caches (Cloudflare's edge, proxies) keep it an hour, which bounds how long a deploy takes to be
 * seen everywhere. The Workers cache below is keyed by deployment, so it needs no purge at all.
 */
export const CACHE_CONTROL = 'public, max-age=300, s-maxage=3600'

/** Errors, 429s and POST answers are never stored: an error must not outlive its cause. */
export const NO_STORE = 'no-store'

/** How long the Workers cache keeps a search answer: a day, since its key changes with every deploy. */
const WORKERS_CACHE_CONTROL = 'public, s-maxage=86400'

/** The response header that says whether a kept answer was served (HIT) or the answer computed (MISS). */
export const CACHE_STATUS_HEADER = 'X-Cache'

/** The deployment's version id (the `CF_VERSION_METADATA` binding), or `dev` where there is none. */
export function deploymentVersion(c: Context<AppEnv>): string {
  return c.env?.CF_VERSION_METADATA?.id ?? 'dev'
}

/**
 * Parameters as one canonical string: names sorted, values in a fixed form, absent ones dropped.
 * With validated parameters, defaults are already explicit, so `?q=x` and `?q=x&limit=20` agree.
 *
 * @example canonicalParams({ q: 'x', limit: 20, kind: ['direct'] }) // 'kind=["direct"]&limit=20&q="x"'
 */
export function canonicalParams(params: Readonly<Record<string, unknown>>): string {
  return Object.keys(params)
    .filter((k) => params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${JSON.stringify(params[k])}`)
    .join('&')
}

async function digest(parts: readonly string[]): Promise<string> {
  const bytes = new TextEncoder().encode(parts.join('\u0000'))
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return [...hash.slice(0, 10)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * A strong ETag for a response that is a pure function of the deployment, the corpus build and the
 * normalised request (`key`: path, canonical parameters and the representation, e.g. `csv` or
 * `pretty`): no need to hash the body, and a streamed body can have one too.
 */
export async function deriveEtag(version: string, buildHash: string, key: string): Promise<string> {
  return `"${buildHash.slice(0, 8)}-${await digest([version, buildHash, key])}"`
}

/** Does `If-None-Match` name this ETag? Weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored. */
export function etagMatches(etag: string, ifNoneMatch: string | undefined): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const strip = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => strip(tag) === strip(etag))
}

/**
 * The build an answer comes from, and the backend when it is not the default: D1 ranks with bm25()
 * and scores differ, so its answers must never be served from the memory backend's cache, or back.
 */
function servedBuild(c: Context<AppEnv>): string {
  const { backend, catalog } = c.var
  return backend.name === 'memory' ? catalog.buildHash : `${catalog.buildHash}+${backend.name}`
}

/** The request the Workers cache files an answer under: one URL per deployment, build and normalised request. */
async function workersCacheKey(c: Context<AppEnv>, key: string): Promise<Request> {
  const id = await digest([deploymentVersion(c), servedBuild(c), key])
  return new Request(`${new URL(c.req.url).origin}/__cache/${id}`)
}

/** As much of the Workers Cache API as the app uses. */
interface EdgeCache {
  match(request: Request): Promise<Response | undefined>
  put(request: Request, response: Response): Promise<void>
}

/** `caches.default` where the runtime has it (workerd, wrangler dev), else null (Node). */
function defaultCache(): EdgeCache | null {
  return (globalThis as { caches?: { default?: EdgeCache } }).caches?.default ?? null
}

function runInBackground(c: Context<AppEnv>, work: Promise<unknown>): Promise<unknown> | undefined {
  try {
    c.executionCtx.waitUntil(work)
    return undefined
  } catch {
    // No ExecutionContext (app.request in a test): finish the write before answering.
    return work
  }
}

/** A JSON answer as computed, before the per-request headers (request id, rate limit, CORS) are added. */
interface MemoAnswer {
  body: string
  headers: [string, string][]
}

/** The largest answer kept in the isolate (a page of 100 with HTML highlights fits), and the memo's bounds. */
const MEMO_ENTRY_BYTES = 256 * 1024
const MEMO_BYTES = 4 * 1024 * 1024
const MEMO_ENTRIES = 512

/**
 * Recent JSON answers, in this isolate: a repeated search or listing (a search box, a page reloaded,
 * pagination back and forth) is answered without the search and without the Workers cache, whose
 * every lookup is a round trip. Strings are counted at two bytes a character, an upper bound.
 */
const memo = new BoundedLru<MemoAnswer>(
  MEMO_ENTRIES,
  MEMO_BYTES,
  (a) => 64 + a.body.length * 2 + a.headers.reduce((n, [k, v]) => n + (k.length + v.length) * 2, 0),
)

/** Keeps a successful JSON answer in the memo (read into a string, so it is returned as a new Response). */
async function remember(key: string, format: string, res: Response): Promise<Response> {
  if (res.status !== 200 || format !== 'json') return res
  const body = await res.text()
  const kept = new Response(body, res)
  if (body.length <= MEMO_ENTRY_BYTES) {
    // forEach, not spreading: iterating Headers needs lib dom.iterable, which front ends type-checking
    // this app for their hc<AppType> client may not have.
    const headers: [string, string][] = []
    kept.headers.forEach((value, name) => {
      headers.push([name, value])
    })
    memo.set(key, { body, headers })
  }
  return kept
}

export interface CachedAnswer {
  /** The normalised request, without the representation: path and canonical parameters. */
  key: string
  /** What representation of it the body is (`json`, `csv`, `ndjson`), which the cache keeps apart. */
  format: string
  /** Whether the JSON is indented: part of the ETag, not of the cached body (indenting happens later). */
  pretty: boolean
}

/**
 * Answers a normalised request from the isolate's memo of recent JSON answers, then, for a backend
 * whose answers cost a round trip to storage (d1), from the Workers cache (`caches.default`);
 * otherwise computes the answer and keeps it in both. The memory backend's answers skip the Workers
 * cache: a lookup there is a round trip that costs more than the search it would save. The ETag is
 * derived first, so a matching `If-None-Match` costs neither a cache read nor a search. Sets
 * `X-Cache: HIT` or `MISS`.
 */
export async function cachedResponse<T extends Response>(
  c: Context<AppEnv>,
  answer: CachedAnswer,
  compute: () => T | Response | Promise<T | Response>,
): Promise<T> {
  // Typed as the JSON answer `compute` gives, which is what the route and a typed client declare;
  // the CSV, NDJSON and 304 forms of it are in the OpenAPI document.
  return (await answerFromCache(c, answer, compute)) as T
}

async function answerFromCache(
  c: Context<AppEnv>,
  answer: CachedAnswer,
  compute: () => Response | Promise<Response>,
): Promise<Response> {
  const version = deploymentVersion(c)
  const representation = `${answer.format}${answer.pretty ? '+pretty' : ''}`
  const etag = await deriveEtag(version, servedBuild(c), `${answer.key}#${representation}`)
  if (etagMatches(etag, c.req.header('If-None-Match'))) {
    return new Response(null, { status: 304, headers: { ETag: etag, Vary: 'Accept' } })
  }
  const memoKey = `${version}\u0000${servedBuild(c)}\u0000${answer.key}#${answer.format}`
  const remembered = memo.get(memoKey)
  if (remembered) {
    const res = new Response(remembered.body, { status: 200, headers: remembered.headers })
    res.headers.set('ETag', etag)
    res.headers.set(CACHE_STATUS_HEADER, 'HIT')
    return res
  }
  const cache = c.var.backend.cacheAtEdge ? defaultCache() : null
  const request = cache ? await workersCacheKey(c, `${answer.key}#${answer.format}`) : null
  if (cache && request) {
    const hit = await cache.match(request)
    if (hit) {
      const res = await remember(memoKey, answer.format, new Response(hit.body, hit))
      res.headers.set('ETag', etag)
      res.headers.set(CACHE_STATUS_HEADER, 'HIT')
      return res
    }
  }
  const res = await remember(memoKey, answer.format, await compute())
  res.headers.set('ETag', etag)
  if (!cache || !request || res.status !== 200) {
    if (res.status === 200) res.headers.set(CACHE_STATUS_HEADER, 'MISS')
    return res
  }
  const stored = res.clone()
  stored.headers.set('Cache-Control', WORKERS_CACHE_CONTROL)
  res.headers.set(CACHE_STATUS_HEADER, 'MISS')
  await runInBackground(c, cache.put(request, stored))
  return res
}
