/** The article view at `GET /articles/{id}`: the text with who said what at a glance. */
import type { ArticleRecord } from '../search/corpus'
import type { Store } from '../search/store'
import { normalizeName } from '../search/text'
import { ArticleText, Legend } from './components'
import { createShared } from './draw'
import { Layout } from './layout'

const { mapArticle } = createShared()

/** An article by id, or by a title or spelling that names exactly one. */
export function findArticle(store: Store, id: string): ArticleRecord | null {
  const direct = store.articleById.get(id)
  if (direct) return direct
  const ids = store.dimensions.article.keys.get(normalizeName(id))
  return ids?.size === 1 ? (store.articleById.get([...ids][0]!) ?? null) : null
}

/** The article's text, every attributed statement underlined in its speaker's colour and linked to its permalink. */
export function ArticlePage({ store, article }: { store: Store; article: ArticleRecord }) {
  const statements = store.statements.filter((st) => st.article === article.id)
  const map = mapArticle(article.text, article.paragraphs, statements)
  const attributed = statements.filter((st) => st.kind !== 'narration').length
  const facts = [
    article.publisher,
    article.credit,
    article.event_date ? `events of ${article.event_date}` : null,
    article.published ? `published ${article.published}` : null,
  ].filter(Boolean)
  return (
    <Layout title={article.title}>
      <article aria-labelledby="article-title">
        <h1 id="article-title">{article.title}</h1>
        <p class="status">
          {facts.join(' · ')}
          {facts.length > 0 ? ' · ' : ''}
          {attributed} attributed statements, {statements.length - attributed} sentences of narration.
          {article.url ? (
            <>
              {' '}
              <a href={article.url} rel="noopener noreferrer">
                Original
              </a>
            </>
          ) : null}
        </p>
        <h2 id="legend-title">Who speaks</h2>
        <Legend map={map} linkSpeakers={true} />
        <h2 class="sr-only">Text</h2>
        <ArticleText map={map} permalinks={true} />
      </article>
    </Layout>
  )
}
