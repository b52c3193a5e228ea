/** The statement permalink at `GET /s/{id}`: the statement in its paragraph, its speaker, and where to go next. */

import { similarStatements } from '../search/similar'
import type { Store } from '../search/store'
import type { Statement } from '../types'
import { createShared } from './draw'
import { Layout } from './layout'

const { kindLabel, initialsOf } = createShared()

/** How many other statements each list links to. */
const MORE = 5

function Excerpt({ statement }: { statement: Statement }) {
  const who =
    statement.speakers.map((s) => s.name).join(' and ') || (statement.kind === 'narration' ? 'Narration' : 'Unnamed')
  const words = statement.content.split(/\s+/)
  const short = words.length > 28 ? `${words.slice(0, 28).join(' ')}…` : statement.content
  return (
    <li>
      <a href={`/s/${encodeURIComponent(statement.id)}`}>{short}</a>{' '}
      <span class="status">
        ({who}, {statement.kind})
      </span>
    </li>
  )
}

/** The paragraph holding the statement, its spans marked. */
function Context({ store, statement }: { store: Store; statement: Statement }) {
  const article = store.articleById.get(statement.article)
  const para = article?.paragraphs[statement.paragraph - 1]
  if (!article || !para) return <p>{statement.text}</p>
  const pieces: (string | { text: string })[] = []
  let at = para.start
  for (const span of [...statement.spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, at)
    const end = Math.min(span.end, para.end)
    if (end <= start) continue
    pieces.push(article.text.slice(at, start), { text: article.text.slice(start, end) })
    at = end
  }
  pieces.push(article.text.slice(at, para.end))
  return <p>{pieces.map((p) => (typeof p === 'string' ? p : <mark class="this">{p.text}</mark>))}</p>
}

/** The permalink page: the statement, its context, its speakers' cards, their other statements and similar ones. */
export function StatementPage({ store, statement }: { store: Store; statement: Statement }) {
  const article = store.articleById.get(statement.article)
  const names = statement.speakers.map((s) => s.name).join(' and ')
  const heading =
    statement.kind === 'narration' ? 'Narration' : names ? `What ${names} said` : 'A statement by an unnamed speaker'
  const ids = new Set(statement.speakers.map((s) => s.id))
  const others = store.statements
    .filter((st) => st.id !== statement.id && st.kind !== 'narration' && st.speakers.some((s) => ids.has(s.id)))
    .slice(0, MORE)
  const similar = similarStatements(store, statement).slice(0, MORE)
  const articleHref = `/articles/${encodeURIComponent(statement.article)}#p${statement.paragraph}`
  return (
    <Layout title={heading}>
      <h1>{heading}</h1>
      <blockquote cite={articleHref}>
        <p>{statement.content}</p>
      </blockquote>
      <p class="meta">
        <span class={`kind kind-${statement.kind}`}>{statement.kind}</span>
        <span>{kindLabel(statement.kind)}</span>
        {statement.cue ? <span>cue “{statement.cue}”</span> : null}
        {statement.via ? <span>via {statement.via.name}</span> : null}
        {statement.date ? <span>{statement.date}</span> : null}
        <span>
          paragraph {statement.paragraph}, sentence {statement.sentence}
        </span>
      </p>
      <h2>In context</h2>
      <div class="context">
        <Context store={store} statement={statement} />
        <p>
          From <a href={articleHref}>{article?.title ?? statement.article}</a>
        </p>
      </div>
      {statement.speakers.map((s) => {
        const summary = store.speakerById.get(s.id)
        const role = [summary?.role ?? s.role, summary?.affiliation ?? s.affiliation].filter(Boolean).join(', ')
        return (
          <section class="card" aria-label={`About ${s.name}`}>
            <h2>
              <span class="badge sp-0" aria-hidden="true">
                {initialsOf(s.name)}
              </span>{' '}
              {s.name}
            </h2>
            {role ? <p>{role}</p> : null}
            {summary ? (
              <p>
                {summary.counts.total} attributed statements: {summary.counts.direct} direct, {summary.counts.mixed}{' '}
                partial, {summary.counts.indirect} reported.{' '}
                <a href={`/?speaker=${encodeURIComponent(s.id)}`}>All statements by {s.name}</a>
              </p>
            ) : null}
          </section>
        )
      })}
      {others.length > 0 ? (
        <>
          <h2>More from {names}</h2>
          <ul class="plain-list">
            {others.map((st) => (
              <Excerpt statement={st} />
            ))}
          </ul>
        </>
      ) : null}
      <h2>Similar statements</h2>
      {similar.length > 0 ? (
        <ul class="plain-list">
          {similar.map((hit) => (
            <Excerpt statement={hit.statement} />
          ))}
        </ul>
      ) : (
        <p>None found.</p>
      )}
    </Layout>
  )
}
