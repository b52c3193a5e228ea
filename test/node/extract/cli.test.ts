/** scripts/extract.ts: `npm run --silent extract -- <article file>`. */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import type { Statement } from '../../../src/types'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const scratch = mkdtempSync(join(tmpdir(), 'whosaid-cli-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Runs the CLI from a directory other than the repository, as a user might. */
function run(file: string) {
  const r = spawnSync(TSX, [join(ROOT, 'scripts/extract.ts'), file], { cwd: scratch, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('extract CLI', () => {
  it('prints the statements as pretty JSON, whatever the working directory', () => {
    const file = join(scratch, 'Harbour Story.txt')
    writeFileSync(file, '\uFEFF"The pier is safe," Lena Vogt said.\nBlinken said the talks went well.\n')
    const r = run(file)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\[\n {2}\{\n {4}"id": "harbour-story-/)
    const statements = JSON.parse(r.stdout) as Statement[]
    expect(statements.map((s) => [s.article, s.date, s.content])).toEqual([
      ['harbour-story', null, 'The pier is safe,'],
      ['harbour-story', null, 'the talks went well'],
    ])
    // The registry is read from the repository's data/, not from the working directory.
    expect(statements[1]!.speakers[0]!.id).toBe('antony-blinken')
  })

  it('takes the id and the date from a sidecar meta file', () => {
    const file = join(scratch, 'pier.txt')
    writeFileSync(file, 'Lena Vogt said the pier was safe.')
    writeFileSync(
      join(scratch, 'pier.meta.json'),
      JSON.stringify({ id: 'pier-2024', published: '2024-03-01', event_date: '2024-02-28' }),
    )
    const statements = JSON.parse(run(file).stdout) as Statement[]
    expect(statements.map((s) => [s.article, s.date])).toEqual([['pier-2024', '2024-02-28']])
  })

  it('prints warnings to stderr, not stdout', () => {
    const file = join(scratch, 'odd.txt')
    writeFileSync(file, 'Vogt called it "a mess.\nNothing else.')
    const r = run(file)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/warning: unclosed quotation/)
    expect(() => JSON.parse(r.stdout)).not.toThrow()
  })

  it('exits 2 with a clear message on a missing file', () => {
    const r = run(join(scratch, 'missing.txt'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/no such file: .*missing\.txt/)
    expect(r.stdout).toBe('')
  })
})
