/** The pieces the pages are made of: a search result, facet chips and the colour-by-speaker article map. */
import type { Child } from 'hono/jsx'
import type { ArticleMap, Shared } from './draw'
import { createShared } from './draw'

const shared: Shared = createShared()

/** A statement as the search page shows it: the API's statement fields and highlight offsets. */
export interface ResultView {
  id: string
  article: string
  kind: string
  speakers: readonly { id: string; name: string; role?: string | null }[]
  cue: string | null
  via: { name: string } | null
  content: string
  paragraph: number
  sentence: number
  highlights: readonly { field: string; start: number; end: number }[]
}

/** The filters the search page toggles with chips, in display order. */
export const PAGE_FACETS = ['speaker', 'kind', 'topic'] as const
export type PageFacet = (typeof PAGE_FACETS)[number]
export const FACET_TITLES: Record<PageFacet, string> = { speaker: 'Speaker', kind: 'Kind', topic: 'Topic' }

/** A field with its matches in `<mark>`: sliced at the offsets, every piece escaped by JSX. */
export function Marked({
  text,
  highlights,
  field,
}: {
  text: string
  highlights: ResultView['highlights']
  field: string
}) {
  return <>{shared.markPieces(text, highlights, field).map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>
}

/** One result: the statement, its kind badge, who said it (role, channel, cue) and where, and its permalink. */
export function ResultItem({ result, articleTitle }: { result: ResultView; articleTitle: string }) {
  const speakers = result.speakers
  return (
    <li class="result">
      <blockquote cite={`/s/${result.id}`}>
        <p>
          <Marked text={result.content} highlights={result.highlights} field="content" />
        </p>
      </blockquote>
      <p class="meta">
        <span class={`kind kind-${result.kind}`} title={shared.kindLabel(result.kind)}>
          {result.kind}
        </span>
        {speakers.length > 0 ? (
          <span>
            {speakers.map((s, i) => (
              <>
                {i > 0 ? ' and ' : ''}
                <a class="speaker" href={`/?speaker=${encodeURIComponent(s.id)}`}>
                  {s.name}
                </a>
                {s.role ? `, ${s.role}` : ''}
              </>
            ))}
          </span>
        ) : result.kind === 'narration' ? null : (
          <span>unnamed speaker</span>
        )}
        {result.via ? <span>via {result.via.name}</span> : null}
        {result.cue ? <span>cue “{result.cue}”</span> : null}
        <span>
          <a href={`/articles/${encodeURIComponent(result.article)}#p${result.paragraph}`}>{articleTitle}</a>, paragraph{' '}
          {result.paragraph}, sentence {result.sentence}
        </span>
        <a href={`/s/${encodeURIComponent(result.id)}`} aria-label={`Permalink to this statement (${result.id})`}>
          Permalink
        </a>
      </p>
    </li>
  )
}

export interface FacetChip {
  value: string
  label: string
  count: number
  selected: boolean
  /** Where the link goes: the same search with this value toggled. */
  href: string
}

/** Facet chips as links (without JavaScript); the script turns them into `aria-pressed` buttons. */
export function Facets({ groups }: { groups: { facet: PageFacet; chips: FacetChip[] }[] }) {
  return (
    <nav class="facets" id="facets" aria-label="Filters">
      {groups
        .filter((g) => g.chips.length > 0)
        .map((g) => (
          <>
            <h2 id={`facet-${g.facet}`}>{FACET_TITLES[g.facet]}</h2>
            <ul class="chips" aria-labelledby={`facet-${g.facet}`}>
              {g.chips.map((chip) => (
                <li>
                  <a
                    class={chip.selected ? 'chip on' : 'chip'}
                    href={chip.href}
                    data-facet={g.facet}
                    data-value={chip.value}
                    rel="nofollow"
                  >
                    {chip.label} <span class="count">{chip.count}</span>
                    {chip.selected ? <span class="sr-only"> (selected; remove filter)</span> : null}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ))}
    </nav>
  )
}

/** The speakers of a map, each with its colour, initials and count; narration is the plain text. */
export function Legend({ map, linkSpeakers }: { map: ArticleMap; linkSpeakers: boolean }) {
  return (
    <ul class="legend" aria-label="Speakers in this text">
      {map.legend.map((e) => (
        <li class={`sp-${e.slot}`}>
          <span class="badge" aria-hidden="true">
            {e.initials}
          </span>
          {linkSpeakers ? <a href={`/?speaker=${encodeURIComponent(e.id)}`}>{e.name}</a> : <span>{e.name}</span>}
          <span class="count">
            ({e.count} {e.count === 1 ? 'statement' : 'statements'})
          </span>
        </li>
      ))}
      <li>
        <span class="plain" aria-hidden="true" /> plain text: narration
      </li>
    </ul>
  )
}

/** The text with every attributed statement underlined in its speaker's colour, badge and tooltip included. */
export function ArticleText({ map, permalinks }: { map: ArticleMap; permalinks: boolean }) {
  return (
    <div class="article-text" id="map">
      {map.paragraphs.map((para) => (
        <p id={`p${para.index}`}>
          {para.pieces.map((piece): Child => {
            if (!piece.statement) return piece.text
            const cls = `span sp-${piece.slot === -1 ? 'x' : piece.slot}`
            const inner = (
              <>
                <span class="badge" data-tip={piece.tip} aria-hidden="true">
                  {piece.badge}
                </span>
                {piece.text}
              </>
            )
            return permalinks ? (
              <a class={cls} href={`/s/${encodeURIComponent(piece.statement.id)}`} title={piece.tip}>
                {inner}
              </a>
            ) : (
              <span class={cls} title={piece.tip} tabindex={0}>
                {inner}
              </span>
            )
          })}
        </p>
      ))}
    </div>
  )
}
