/**
 * The last step of `npm run deploy:check`: the code each Worker would upload, gzipped at level 9
 * with Node's zlib (GNU `gzip -9` writes about 0.3% less), from the dry runs in .tmp/. Fails when the search Worker's code is over its
 * budget: it is parsed at every cold start, the extraction Worker's only for POST /v1/extract.
 *
 * usage: tsx scripts/code-size.ts   (after `wrangler deploy --dry-run` of both Workers)
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from './build-data'

/** The search Worker's code, gzipped, at most (issue 11; docs/SCALING.md "Worker code"). */
export const SEARCH_CODE_BUDGET = 100_000

const WORKERS = [
  { name: 'whosaid (search)', file: '.tmp/dry-run/index.js', budget: SEARCH_CODE_BUDGET },
  { name: 'whosaid-d1 (search, d1 environment)', file: '.tmp/dry-run-d1/index-d1.js', budget: undefined },
  { name: 'whosaid-extract', file: '.tmp/dry-run-extract/extract-worker.js', budget: undefined },
] as const

/** Bytes of `text` gzipped by zlib at level 9. */
function gzipSize(text: Buffer | string): number {
  return gzipSync(text, { level: 9 }).length
}

function main(): void {
  let over = false
  for (const { name, file, budget } of WORKERS) {
    const code = readFileSync(join(ROOT, file))
    const gzip = gzipSize(code)
    const limit = budget === undefined ? '' : ` (budget ${budget.toLocaleString('en-US')})`
    console.log(
      `code-size: ${name}: ${code.length.toLocaleString('en-US')} bytes minified, ${gzip.toLocaleString('en-US')} gzip${limit}`,
    )
    if (budget !== undefined && gzip > budget) {
      console.error(
        `code-size: ${name} is ${gzip - budget} bytes over its budget; docs/SCALING.md "Worker code" says where the bytes go`,
      )
      over = true
    }
  }
  if (over) process.exit(1)
}

if (process.argv[1] && /[\\/]code-size\.ts$/.test(process.argv[1])) main()
