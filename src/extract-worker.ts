/**
 * The extraction Worker: runs the extractor for `POST /v1/extract`, which the search Worker serves
 * and calls here through its `EXTRACTOR` service binding (wrangler.extract.toml; `npm start` runs
 * both). The extractor is most of the code a search never needs (117 KB minified, 41 KB gzip), so it
 * lives here and the search Worker's code and cold start carry none of it.
 *
 * It has no public URL (`workers_dev = false`): only a Worker bound to it can call it, over RPC.
 */
import { WorkerEntrypoint } from 'cloudflare:workers'
import { extractStatements } from './extract/index'
import type { ArticleInput, ExtractOptions, Extractor, ExtractResult } from './types'

export default class ExtractorService extends WorkerEntrypoint implements Extractor {
  /** The statements of one article, with the served corpus's registry and topic rules; never throws. */
  extract(article: ArticleInput, options: ExtractOptions): ExtractResult {
    return extractStatements(article, options)
  }

  /** Reached only by mistake (there is no route to it): says what this Worker is for. */
  override fetch(): Response {
    return new Response(
      JSON.stringify({
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        detail: 'the whosaid extraction Worker answers over its service binding only; POST /v1/extract on the API',
      }),
      { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
    )
  }
}
