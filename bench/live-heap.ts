/**
 * The live heap a packed corpus needs once loaded, measured in Node (run with --expose-gc): V8
 * heap used after full GCs, minus before, with the shipped text already dropped. workerd's
 * inspector cannot force a GC, so this is the figure without garbage.
 *
 * usage: node --expose-gc --import tsx bench/live-heap.ts FILE   (prints MiB)
 */
import { readFileSync } from 'node:fs'
import { loadShipped } from '../src/search/load'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with node --expose-gc')
const bytes = new Uint8Array(readFileSync(process.argv[2]!)).buffer
gc()
gc()
const before = process.memoryUsage().heapUsed
const store = loadShipped(bytes)
gc()
gc()
const after = process.memoryUsage().heapUsed
console.log(((after - before) / 2 ** 20).toFixed(1), store.statements.length)
