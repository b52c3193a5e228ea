/** `npm start` serves the API and, stopped by TERM or Ctrl-C, leaves no wrangler or workerd behind. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { descendantsOf } from '../../../scripts/start'

// Starting wrangler dev takes seconds on a loaded 2-core machine; the timeout bounds it, nothing times it.
const STARTUP_MS = 90_000

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function waitForHealth(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output()}`)
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`)
      if (res.status === 200) return
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`no answer on :${port} within ${STARTUP_MS} ms:\n${output()}`)
}

const commandOf = (pid: number) => execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })

async function refused(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`)
    return false
  } catch {
    return true
  }
}

/** Starts `npm start` on free ports and waits until it answers. */
async function startServer() {
  const [port, inspector] = [await freePort(), await freePort()]
  const child = spawn('npm', ['start', '--', '--port', String(port), '--inspector-port', String(inspector)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true' },
  })
  let output = ''
  child.stdout!.on('data', (d) => {
    output += d
  })
  child.stderr!.on('data', (d) => {
    output += d
  })
  await waitForHealth(port, child, () => output)
  const tree = descendantsOf(child.pid!)
  return { child, port, tree, output: () => output }
}

async function expectAllGone(pids: readonly number[], port: number): Promise<void> {
  const deadline = Date.now() + 15_000
  const alive = () =>
    pids.filter((pid) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    })
  while (alive().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
  expect(alive()).toEqual([])
  expect(await refused(port)).toBe(true)
}

describe('npm start', () => {
  it(
    'serves /health, builds once, stays quiet offline, and a TERM to npm stops wrangler and every workerd',
    async () => {
      const { child, port, tree, output } = await startServer()
      expect(tree.length).toBeGreaterThanOrEqual(3) // the wrapper, wrangler and at least one workerd
      expect(output()).not.toMatch(/Unable to fetch the `Request\.cf` object|ENOTFOUND/)
      // wrangler runs its build command twice at start; the data is built at most once.
      expect(output().match(/build-data: \d+ article/g)?.length ?? 0).toBeLessThanOrEqual(1)
      child.kill('SIGTERM')
      await expectAllGone(tree, port)
    },
    STARTUP_MS + 30_000,
  )

  it(
    'stops everything when the process npm launched gets a TERM',
    async () => {
      const { port, tree } = await startServer()
      const wrapper = tree.find((pid) => commandOf(pid).includes('scripts/start.ts'))
      expect(wrapper).toBeDefined()
      process.kill(wrapper!, 'SIGTERM')
      await expectAllGone(tree, port)
    },
    STARTUP_MS + 30_000,
  )
})
