/** The rendering helpers the server pages and the browser script share: one palette, one initials rule, one article map. */

/** As much of a statement as the helpers read: what `/v1/articles/{id}` and `POST /v1/extract` both return. */
export interface MapStatement {
  id: string
  kind: string
  cue: string | null
  speakers: readonly { id: string; name: string }[]
  spans: readonly { start: number; end: number }[]
}

/** One speaker of an article map: its colour slot (`sp-N`), initials and how many statements it made there. */
export interface LegendEntry {
  id: string
  name: string
  initials: string
  /** Index into the palette, or -1 for a quote nobody is named for. */
  slot: number
  count: number
}

/** A run of article text: plain, or (part of) one attributed statement's content. */
export interface MapPiece {
  text: string
  statement?: MapStatement
  /** Palette slot of the statement's first speaker, -1 when it has none. */
  slot?: number
  /** The initials badge, on the first piece of each span. */
  badge?: string
  /** Speaker, kind and cue, for the tooltip. */
  tip?: string
}

export interface ArticleMap {
  legend: LegendEntry[]
  paragraphs: { index: number; pieces: MapPiece[] }[]
}

/** A piece of a field with search matches: plain, or inside `<mark>`. */
export interface MarkPiece {
  text: string
  mark: boolean
}

export interface Shared {
  /** How many speaker colours the stylesheet has (`.sp-0` … `.sp-11`). */
  PALETTE_SIZE: number
  /** "Antony Blinken" → "AB", "US State Department" → "USD", "Ministry of Foreign Affairs" → "MFA". */
  initialsOf(name: string): string
  /** What a kind means, for people: "direct quote", "partial quote", "reported speech", "narration". */
  kindLabel(kind: string): string
  /** A field cut at the API's UTF-16 highlight offsets; overlapping or out-of-range offsets are skipped. */
  markPieces(
    text: string,
    highlights: readonly { field: string; start: number; end: number }[],
    field: string,
  ): MarkPiece[]
  /** Blank-line separated paragraphs of pasted text, as spans; one paragraph per line when there are no blank lines. */
  paragraphSpans(text: string): { start: number; end: number }[]
  /** The article cut into paragraphs of plain and attributed pieces, and its legend of speakers. */
  mapArticle(
    text: string,
    paragraphs: readonly { start: number; end: number }[],
    statements: readonly MapStatement[],
  ): ArticleMap
}

/**
 * Builds the shared helpers. Everything lives inside this one function, so that `/ui/app.js` can ship
 * its source (`String(createShared)`) and call it in the browser: the page and the script then draw
 * the same map with the same colours. It must not reference anything outside its own body.
 *
 * @example const { initialsOf } = createShared(); initialsOf('Han Zheng') // 'HZ'
 */
export function createShared(): Shared {
  const PALETTE_SIZE = 12
  const KIND_LABELS: Record<string, string> = {
    direct: 'direct quote',
    mixed: 'partial quote',
    indirect: 'reported speech',
    narration: 'narration',
  }
  const SMALL_WORDS = /^(?:of|the|and|for|de|la|von|van)$/i

  function initialsOf(name: string): string {
    const words = name.split(/[\s\-–]+/).filter((w) => w && !SMALL_WORDS.test(w))
    const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.charAt(0))
    const letters = capitals.length > 0 ? capitals : words.map((w) => w.charAt(0).toUpperCase())
    if (letters.length === 0) return '?'
    return letters.length <= 3 ? letters.join('') : `${letters[0]}${letters[1]}${letters[letters.length - 1]}`
  }

  function kindLabel(kind: string): string {
    return KIND_LABELS[kind] ?? kind
  }

  function markPieces(
    text: string,
    highlights: readonly { field: string; start: number; end: number }[],
    field: string,
  ): MarkPiece[] {
    const pieces: MarkPiece[] = []
    let at = 0
    const sorted = highlights.filter((h) => h.field === field).sort((a, b) => a.start - b.start)
    for (const h of sorted) {
      const start = Math.max(h.start, at)
      const end = Math.min(h.end, text.length)
      if (end <= start) continue
      if (start > at) pieces.push({ text: text.slice(at, start), mark: false })
      pieces.push({ text: text.slice(start, end), mark: true })
      at = end
    }
    if (at < text.length) pieces.push({ text: text.slice(at), mark: false })
    return pieces
  }

  function paragraphSpans(text: string): { start: number; end: number }[] {
    const spans: { start: number; end: number }[] = []
    const separator = /\n[ \t]*\n/.test(text) ? /\n[ \t]*(?:\n[ \t]*)+/g : /\n+/g
    let at = 0
    const push = (end: number) => {
      const part = text.slice(at, end)
      const lead = part.length - part.trimStart().length
      const trail = part.length - part.trimEnd().length
      if (part.trim()) spans.push({ start: at + lead, end: end - trail })
    }
    for (let m = separator.exec(text); m; m = separator.exec(text)) {
      push(m.index)
      at = m.index + m[0].length
    }
    push(text.length)
    return spans
  }

  function mapArticle(
    text: string,
    paragraphs: readonly { start: number; end: number }[],
    statements: readonly MapStatement[],
  ): ArticleMap {
    const attributed = statements.filter((st) => st.kind !== 'narration')
    const legend: LegendEntry[] = []
    const byId = new Map<string, LegendEntry>()
    for (const st of attributed) {
      for (const sp of st.speakers) {
        let entry = byId.get(sp.id)
        if (!entry) {
          entry = {
            id: sp.id,
            name: sp.name,
            initials: initialsOf(sp.name),
            slot: legend.length % PALETTE_SIZE,
            count: 0,
          }
          byId.set(sp.id, entry)
          legend.push(entry)
        }
        entry.count++
      }
    }
    // Two speakers with the same initials in one article get numbered badges: AB, AB2.
    const seen = new Map<string, number>()
    for (const entry of legend) {
      const n = (seen.get(entry.initials) ?? 0) + 1
      seen.set(entry.initials, n)
      if (n > 1) entry.initials += String(n)
    }
    const runs: { start: number; end: number; statement: MapStatement }[] = []
    for (const st of attributed) for (const span of st.spans) runs.push({ ...span, statement: st })
    runs.sort((a, b) => a.start - b.start || b.end - a.end)

    const out: ArticleMap['paragraphs'] = []
    paragraphs.forEach((para, index) => {
      const pieces: MapPiece[] = []
      let at = para.start
      for (const run of runs) {
        const start = Math.max(run.start, at)
        const end = Math.min(run.end, para.end)
        if (end <= start || run.end <= para.start || run.start >= para.end) continue
        if (start > at) pieces.push({ text: text.slice(at, start) })
        const st = run.statement
        const entries = st.speakers.map((sp) => byId.get(sp.id)!)
        const who = entries.length > 0 ? entries.map((e) => e.name).join(' and ') : 'unnamed speaker'
        pieces.push({
          text: text.slice(start, end),
          statement: st,
          slot: entries[0]?.slot ?? -1,
          badge: entries.length > 0 ? entries.map((e) => e.initials).join('+') : '?',
          tip: `${who} · ${kindLabel(st.kind)}${st.cue ? ` · “${st.cue}”` : ''}`,
        })
        at = end
      }
      if (at < para.end) pieces.push({ text: text.slice(at, para.end) })
      out.push({ index: index + 1, pieces })
    })
    return { legend, paragraphs: out }
  }

  return { PALETTE_SIZE, initialsOf, kindLabel, markPieces, paragraphSpans, mapArticle }
}
