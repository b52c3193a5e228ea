/** CSV (RFC 4180) and NDJSON exports of statement lists, streamed row by row, and choosing a format from `Accept`. */
import type { Statement } from '../types'

/** The representations a statement list can answer with. */
export const EXPORT_FORMATS = ['json', 'csv', 'ndjson'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8; header=present',
  ndjson: 'application/x-ndjson',
}

/** The CSV columns, in order; `confidence` is empty for narration, which has no speaker to be sure of. */
export const CSV_COLUMNS = [
  'id',
  'article',
  'kind',
  'speakers',
  'cue',
  'via',
  'content',
  'paragraph',
  'sentence',
  'topics',
  'date',
  'confidence',
] as const

/** Rows encoded per pull of the stream: small enough to start sending at once, big enough to be cheap. */
const ROWS_PER_CHUNK = 64

/**
 * The format a request asks for: `format=` wins; otherwise the first of `text/csv` or
 * `application/x-ndjson` that `Accept` prefers over JSON (by q-value, then order); otherwise JSON.
 *
 * @example negotiateFormat(undefined, 'text/csv') // 'csv'
 */
export function negotiateFormat(param: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (param) return param
  if (!accept) return 'json'
  const ranked = accept
    .split(',')
    .map((part, order) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
      const q = params.find((p) => p.startsWith('q='))
      return { type, q: q ? Number(q.slice(2)) || 0 : 1, order }
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
  for (const { type } of ranked) {
    if (type === 'text/csv') return 'csv'
    if (type === 'application/x-ndjson') return 'ndjson'
    if (type === 'application/json' || type === '*/*' || type === 'application/*') return 'json'
  }
  return 'json'
}

/**
 * One CSV field: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front, so a
 * spreadsheet shows the text instead of running it as a formula (CSV injection); then fields with
 * a quote, comma or line break are quoted, quotes doubled (RFC 4180).
 *
 * @example csvField('He said "no", twice') // '"He said ""no"", twice"'
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** A statement as CSV values, in CSV_COLUMNS order. */
function csvValues(st: Statement): (string | number | null)[] {
  return [
    st.id,
    st.article,
    st.kind,
    st.speakers.map((s) => s.name).join('; '),
    st.cue,
    st.via?.name ?? null,
    st.content,
    st.paragraph,
    st.sentence,
    st.topics.join('; '),
    st.date,
    st.confidence,
  ]
}

/** One CSV line, CRLF-terminated. */
const csvLine = (values: readonly (string | number | null)[]) => `${values.map(csvField).join(',')}\r\n`

/**
 * A whole CSV export held as one string: for a few rows known in advance, such as the OpenAPI
 * document's example, which is then exactly what the stream would send.
 *
 * @example csvText([statement]) // 'id,article,kind,…\r\nhan-blinken-unga-2023-d12077dd0f,…\r\n'
 */
export function csvText(statements: readonly Statement[]): string {
  return csvLine(CSV_COLUMNS) + statements.map((st) => csvLine(csvValues(st))).join('')
}

/**
 * A stream of the rows, encoded a chunk at a time as the client reads: a 1000-row export never
 * sits in memory as one string.
 */
function streamLines<T>(items: readonly T[], header: string, line: (item: T) => string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let next = 0
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (header) controller.enqueue(encoder.encode(header))
      if (items.length === 0) controller.close()
    },
    pull(controller) {
      let chunk = ''
      const end = Math.min(items.length, next + ROWS_PER_CHUNK)
      for (; next < end; next++) chunk += line(items[next]!)
      if (chunk) controller.enqueue(encoder.encode(chunk))
      if (next >= items.length) controller.close()
    },
  })
}

/**
 * The body of an export: CSV with a header row, or one JSON object per line. `render` gives the
 * NDJSON object (the same object the JSON page would list).
 */
export function exportBody<T>(
  format: Exclude<ExportFormat, 'json'>,
  items: readonly T[],
  toStatement: (item: T) => Statement,
  render: (item: T) => unknown,
): ReadableStream<Uint8Array> {
  if (format === 'ndjson') return streamLines(items, '', (item) => `${JSON.stringify(render(item))}\n`)
  return streamLines(items, csvLine(CSV_COLUMNS), (item) => csvLine(csvValues(toStatement(item))))
}
