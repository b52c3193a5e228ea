/**
 * `npm run typecheck`: every TypeScript project of the repository, checked side by side.
 *
 * The projects differ in their global types (Workers, Node, a browser, the vitest pool), so each
 * needs its own `tsc`; run one after another they wait on each other for no reason. This runs as
 * many at once as there are cores, prints each project's errors together, and fails if any fails.
 */
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')

/** Every tsconfig, slowest first so the long ones start at once. */
export const PROJECTS = [
  'test/tsconfig.json',
  'tsconfig.node.json',
  'tsconfig.json',
  'test/browser/tsconfig.json',
  'test/client/tsconfig.json',
  'src/ui/client/tsconfig.json',
]

function check(project: string): Promise<{ project: string; code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [TSC, '-p', project], { cwd: ROOT })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    child.stderr.on('data', (d) => {
      output += d
    })
    child.on('close', (code) => done({ project, code: code ?? 1, output }))
  })
}

async function main(): Promise<void> {
  const queue = [...PROJECTS]
  const results: Awaited<ReturnType<typeof check>>[] = []
  const worker = async () => {
    for (let p = queue.shift(); p !== undefined; p = queue.shift()) results.push(await check(p))
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(availableParallelism(), queue.length)) }, worker))
  const failed = results.filter((r) => r.code !== 0)
  for (const r of failed) process.stdout.write(`typecheck: ${r.project}\n${r.output}`)
  process.exit(failed.length > 0 ? 1 : 0)
}

if (process.argv[1] && /[\\/]typecheck\.ts$/.test(process.argv[1])) void main()
