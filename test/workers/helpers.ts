/** Request helpers for integration tests that run inside workerd against the real Worker. */
import { SELF } from 'cloudflare:test'
import { expect } from 'vitest'

export const BASE = 'http://local.test'

/** Fetches a path from the Worker under test. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return SELF.fetch(`${BASE}${path}`, init)
}

/** Fetches a path, expects `status` and a JSON body, and returns the parsed body. */
export async function json<T = any>(path: string, status = 200, init?: RequestInit): Promise<T> {
  const res = await call(path, init)
  const body = await res.text()
  expect(res.status, `${path} → ${res.status}: ${body.slice(0, 300)}`).toBe(status)
  expect(res.headers.get('Content-Type')).toMatch(status < 400 ? /^application\/json/ : /^application\/problem\+json/)
  return JSON.parse(body) as T
}

/** Expects a problem+json answer with this status and code, and returns it. */
export async function problemOf(path: string, status: number, code: string, init?: RequestInit) {
  const body = await json<{
    type: string
    title: string
    status: number
    detail: string
    code: string
    errors?: { parameter: string; message: string; suggestions?: string[] }[]
  }>(path, status, init)
  expect(body.code).toBe(code)
  expect(body.status).toBe(status)
  expect(body.type).toMatch(/^urn:whosaid:problem:/)
  expect(typeof body.detail).toBe('string')
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(ts|js):\d+/)
  return body
}
