import { describe, expect, it } from 'vitest'
import readme from '../../README.md?raw'
import { call, json } from './helpers'

interface Example {
  line: string
  method: string
  path: string
  status: number
}

/** Every `curl` example in the README, with the status its comment promises (200 when silent). */
function examples(): Example[] {
  const found: Example[] = []
  for (const line of readme.split('\n')) {
    const m = line.match(/curl (?:-X (\w+) )?'localhost:8787([^']*)'(?:`?\s*\|[^|]*\|)?(?:.*?#\s*(\d{3}))?/)
    if (!m) continue
    found.push({ line: line.trim(), method: m[1] ?? 'GET', path: m[2]!, status: m[3] ? Number(m[3]) : 200 })
  }
  return found
}

describe('README examples', () => {
  const all = examples()

  it('has a curl example for every endpoint in the table', () => {
    expect(all.length).toBeGreaterThanOrEqual(13)
  })

  it.each(all.map((e) => [e.line, e] as const))('%s', async (_line, example) => {
    let path = example.path
    if (path.includes('/ID')) {
      const page = await json<{ results: { id: string }[] }>('/v1/statements?limit=1')
      path = path.replace('/ID', `/${page.results[0]!.id}`)
    }
    const res = await call(path, { method: example.method })
    expect(res.status).toBe(example.status)
  })
})
