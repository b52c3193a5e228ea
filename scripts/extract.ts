/**
 * Prints the statements extracted from one article as JSON; warnings go to stderr.
 *
 * usage: npm run --silent extract -- <article file>
 * The article id is the file's base name (slugified) unless a sidecar `<name>.meta.json` gives one;
 * the date is the sidecar's `event_date`, else its `published`. The registry and topics are read from
 * the repository's data/ folder, found from this script's location.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { slugify } from '../src/extract/ids'
import { extractStatements } from '../src/extract/index'
import type { RegistryEntity, Topic } from '../src/types'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

interface Meta {
  id?: unknown
  event_date?: unknown
  published?: unknown
}

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n`)
  process.exit(2)
}

function readJson<T>(file: string, fallback: T): T {
  if (!existsSync(file)) return fallback
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as T
  } catch (err) {
    fail(`cannot parse ${file}: ${err instanceof Error ? err.message : String(err)}`)
  }
}

function main(argv: string[]): void {
  const arg = argv.find((a) => a !== '--')
  if (arg === undefined) fail('usage: npm run --silent extract -- <article file>')
  const file = resolve(arg)
  if (!existsSync(file) || !statSync(file).isFile()) fail(`no such file: ${arg}`)

  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  const stem = basename(file, extname(file))
  const meta = readJson<Meta>(join(dirname(file), `${stem}.meta.json`), {})
  const id = typeof meta.id === 'string' && meta.id !== '' ? meta.id : slugify(stem)
  const date = [meta.event_date, meta.published].find((d): d is string => typeof d === 'string' && d !== '') ?? null

  const entities = readJson<RegistryEntity[]>(join(ROOT, 'data/entities.json'), [])
  const topics = readJson<Topic[]>(join(ROOT, 'data/topics.json'), [])
  const { statements, warnings } = extractStatements({ id, text, date }, { entities, topics })
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`)
  process.stdout.write(`${JSON.stringify(statements, null, 2)}\n`)
}

main(process.argv.slice(2))
