/** `GET /read` and `POST /read`: paste any article and see who said what in it; nothing is stored. */

import { ArticleText, Legend } from './components'
import type { MapStatement } from './draw'
import { createShared } from './draw'
import { Layout } from './layout'

const { mapArticle, paragraphSpans } = createShared()

export interface ReadResult {
  text: string
  /** The statements `POST /v1/extract` found, when it was asked. */
  statements?: readonly MapStatement[]
  /** Why nothing could be read (too long, rate-limited, empty). */
  error?: string
}

/** The form, and below it the map of the text the server read (without JavaScript) or the script reads. */
export function ReadPage({ text, statements, error }: ReadResult) {
  const map = statements ? mapArticle(text, paragraphSpans(text), statements) : null
  const attributed = statements?.filter((st) => st.kind !== 'narration').length ?? 0
  return (
    <Layout title="Read an article" current="read">
      <h1>Read any article</h1>
      <form id="read" method="post" action="/read">
        <p>
          <label for="text">Paste an article (paragraphs on their own lines, up to 64 KB)</label>
        </p>
        <textarea id="text" name="text" required aria-describedby="read-note">
          {text}
        </textarea>
        <p id="read-note" class="status">
          The text is read by the same rules as the articles here, and is stored nowhere.
        </p>
        <button type="submit">Show who said what</button>
      </form>
      <section id="read-result" aria-live="polite">
        {error ? (
          <p class="error" role="alert">
            Could not read the text: {error}.
          </p>
        ) : null}
        {map ? (
          <>
            <h2 id="map-title">Who said what</h2>
            <p class="status">
              {attributed} attributed {attributed === 1 ? 'statement' : 'statements'} found.
            </p>
            <Legend map={map} linkSpeakers={false} />
            <ArticleText map={map} permalinks={false} />
          </>
        ) : null}
      </section>
    </Layout>
  )
}
