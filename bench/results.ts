/** Writes one section of bench/RESULTS.md, keeping the sections other scripts wrote. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

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
