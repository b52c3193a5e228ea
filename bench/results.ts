/** Writes one section of bench/RESULTS.md, or one key of bench/results.json, keeping what other scripts wrote. */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Replaces the text between `<!-- name -->` and `<!-- /name -->`, or appends it.
 *
 * @example writeSection('bench/RESULTS.md', 'load', '## Load\n…')
 */
export function writeSection(file: string, name: string, markdown: string): void {
  const start = `<!-- ${name} -->`
  const end = `<!-- /${name} -->`
  const block = `${start}\n${markdown.trim()}\n${end}`
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n'
  const from = text.indexOf(start)
  const to = text.indexOf(end)
  text =
    from >= 0 && to > from
      ? text.slice(0, from) + block + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n${block}\n`
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`)
}

/**
 * Sets one top-level key of bench/results.json and writes it in the house format (Biome's), so
 * `npm run lint` passes on what a benchmark just wrote.
 *
 * @example writeResultsJson('scale', { date, rows })
 */
export function writeResultsJson(key: string, value: unknown): void {
  const file = join(ROOT, 'bench/results.json')
  const json = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  json[key] = value
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`)
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'ignore' })
  } catch {
    console.error('bench: biome could not format bench/results.json')
  }
}
