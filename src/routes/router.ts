/** The router factory every route group uses, so validation failures everywhere become the same problem+json. */

import type { Hook } from '@hono/zod-openapi'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Hono, Schema } from 'hono'
import type { HasRequiredKeys } from 'hono/utils/types'
import * as z from 'zod'
import { type ErrorCode, type ParameterError, problem, problemResponse } from '../errors'
import type { Catalog, SearchBackend } from '../search/backend'
import type { D1Like } from '../search/d1/types'
import type { Extractor } from '../types'

/** A Workers rate-limiting binding, as much of it as the app uses. */
export interface RateLimiter {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

/** The Worker's bindings; every one is optional, so an app built without them (tests) still serves. */
export interface Bindings {
  /** Per-client limit on reads and searches (`[[ratelimits]]` in wrangler.toml). */
  API_LIMITER?: RateLimiter
  /** The stricter per-client limit on `POST /v1/extract`. */
  EXTRACT_LIMITER?: RateLimiter
  /** The deployment's version metadata: its id is part of every ETag and Workers cache key. */
  CF_VERSION_METADATA?: { id: string }
  /** `memory` (default: the bundled index) or `d1` (the `DB` binding); `[vars]` in wrangler.toml. */
  SEARCH_BACKEND?: string
  /** The D1 database the `d1` backend reads (`[[d1_databases]]` in wrangler.toml). */
  DB?: D1Like
  /** How long one D1 round trip may take before the API answers 503 (default 5000). */
  D1_TIMEOUT_MS?: string
  /** The extraction Worker (wrangler.extract.toml), which `POST /v1/extract` calls over RPC (`[[services]]`). */
  EXTRACTOR?: Extractor
  /** How long `POST /v1/extract` waits for the extractor before it answers 503 (default 10000). */
  EXTRACT_TIMEOUT_MS?: string
}

export interface AppEnv {
  Bindings: Bindings
  Variables: {
    backend: SearchBackend
    catalog: Catalog
    requestId: string
    /** The extractor passed to `createApi` in-process (Node), used when there is no `EXTRACTOR` binding. */
    extractor?: Extractor
  }
}

interface IssueParams {
  code?: ErrorCode
}

function describeIssue(issue: z.core.$ZodIssue): ParameterError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ parameter: key, message: issue.message }))
  }
  const parameter = issue.path.length > 0 ? String(issue.path[0]) : 'query'
  return [{ parameter, message: issue.message }]
}

/** Turns a failed validation into a 400 problem that names every offending parameter. */
export const defaultHook: Hook<unknown, AppEnv, string, unknown> = (result, c) => {
  if (result.success) return
  const issues = result.error.issues
  const errors = issues.flatMap(describeIssue)
  const custom = issues
    .map((i) => (i.code === 'custom' ? (i.params as IssueParams | undefined)?.code : undefined))
    .find(Boolean)
  const code: ErrorCode =
    custom ?? (issues.every((i) => i.code === 'unrecognized_keys') ? 'unknown_parameter' : 'invalid_parameter')
  const names = [...new Set(errors.map((e) => e.parameter))]
  const detail = `${code === 'unknown_parameter' ? 'unknown' : 'invalid'} ${names.length === 1 ? 'parameter' : 'parameters'}: ${names.join(', ')}`
  return problemResponse(problem(code, detail, { errors, instance: c.req.path }))
}

/** A fresh route group with the shared validation hook. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook })
}

/**
 * A query schema that rejects unknown parameters and lists the valid ones in the message.
 *
 * @example queryObject({ q: z.string() }) // ?x=1 → 400 "unknown parameter; valid parameters: q"
 */
export function queryObject<T extends z.ZodRawShape>(shape: T) {
  const valid = Object.keys(shape).join(', ')
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `unknown parameter; valid parameters: ${valid}` : undefined,
  })
}

/** An input whose query parameters are all optional, with `query` itself optional. */
type OptionalQuery<I> = I extends { query: infer Q extends object }
  ? HasRequiredKeys<Q> extends true
    ? I
    : Omit<I, 'query'> & { query?: Q }
  : I

/** One endpoint (one per status) with its input relaxed; distributes over the union. */
type ClientEndpoint<E> = E extends { input: infer I } ? Omit<E, 'input'> & { input: OptionalQuery<I> } : E

/**
 * An app as `hc` from `hono/client` should see it. @hono/zod-openapi types a route's `query` as
 * required even when every parameter in it is optional, so each call would need `query: {}`;
 * here a route without required parameters is called as `$get()`.
 */
export type ClientApp<A> =
  A extends Hono<infer E, infer S, infer B>
    ? { [P in keyof S]: { [M in keyof S[P]]: ClientEndpoint<S[P][M]> } } extends infer C extends Schema
      ? Hono<E, C, B>
      : never
    : never
