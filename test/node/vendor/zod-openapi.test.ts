/**
 * src/vendor/zod-openapi.ts is the request half of @hono/zod-openapi, copied from one release. A new
 * release may change how routes validate, and the Worker would not follow: this fails on an upgrade,
 * so that whoever upgrades compares the copy with the new release's `OpenAPIHono.openapi` first.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

function installedVersion(name: string): string {
  const require = createRequire(join(ROOT, 'package.json'))
  const entry = require.resolve(name)
  let dir = dirname(entry)
  while (!dir.endsWith(join('node_modules', ...name.split('/')))) dir = dirname(dir)
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
}

describe('the Worker copy of @hono/zod-openapi', () => {
  it('names the release it was copied from, and that release is the one installed', () => {
    const vendored = readFileSync(join(ROOT, 'src/vendor/zod-openapi.ts'), 'utf8')
    const copied = /@hono\/zod-openapi (\d+\.\d+)'s `OpenAPIHono\.openapi`/.exec(vendored)?.[1]
    expect(copied, 'the copy should say which release it follows').toBeDefined()
    expect(installedVersion('@hono/zod-openapi').split('.').slice(0, 2).join('.')).toBe(copied)
  })
})
