/** What every statement list shares: date and attribution filters, page links, and CSV and NDJSON exports. */
import { describe, expect, it } from 'vitest'
import { csvField } from '../../src/routes/export'
import { call, json, problemOf } from './helpers'

interface Statement {
  id: string
  article: string
  kind: string
  speakers: { id: string; name: string }[]
  cue: string | null
  via: { name: string } | null
  content: string
  paragraph: number
  sentence: number
  topics: string[]
  date: string | null
  confidence: number | null
}
interface Page {
  total: number
  limit: number
  offset: number
  links: { self: string; next: string | null; prev: string | null }
  results: Statement[]
  did_you_mean?: string
}

// The test corpus: the seed article is dated 2023-09-18, the two others March 2024.
const LISTS = [
  '/v1/statements?',
  '/v1/speakers/han-zheng/statements?',
  '/v1/topics/politics/statements?',
  '/v1/search?q=said&match=any&',
]

describe.each(LISTS)('date and attribution filters on %s', (list) => {
  it('since keeps statements from that day on', async () => {
    const page = await json<Page>(`${list}since=2023-09-18&limit=100`)
    expect(page.total).toBeGreaterThan(0)
    for (const st of page.results) expect(st.date! >= '2023-09-18').toBe(true)
  })

  it('until keeps statements up to that day, inclusive', async () => {
    const page = await json<Page>(`${list}until=2023-09-18&limit=100`)
    expect(page.total).toBeGreaterThan(0)
    for (const st of page.results) expect(st.date!.slice(0, 10) <= '2023-09-18').toBe(true)
  })

  it('answers an empty page for a range with no statements', async () => {
    const page = await json<Page>(`${list}since=2030-01-01`)
    expect(page.total).toBe(0)
    expect(page.results).toEqual([])
  })

  it('attributed=true leaves narration out, and attributed=false keeps only narration', async () => {
    const yes = await json<Page>(`${list}attributed=true&limit=100`)
    const no = await json<Page>(`${list}attributed=false&limit=100`)
    const all = await json<Page>(`${list}limit=100`)
    expect(yes.results.every((s) => s.kind !== 'narration')).toBe(true)
    expect(no.results.every((s) => s.kind === 'narration')).toBe(true)
    expect(yes.total + no.total).toBe(all.total)
  })

  it.each([
    ['since=2023-13-01', 'since'],
    ['until=tomorrow', 'until'],
    ['since=2023-02-29', 'since'],
    ['attributed=yes', 'attributed'],
  ])('answers 400 invalid_parameter naming the parameter for %s', async (param, name) => {
    const body = await problemOf(`${list}${param}`, 400, 'invalid_parameter')
    expect(body.errors?.map((e) => e.parameter)).toContain(name)
  })

  it('answers 400 naming since and until when since is after until', async () => {
    const body = await problemOf(`${list}since=2024-01-02&until=2024-01-01`, 400, 'invalid_parameter')
    expect(body.errors?.map((e) => e.parameter).sort()).toEqual(['since', 'until'])
  })
})

describe.each(LISTS)('page links on %s', (list) => {
  it('links the next page from the first, and the previous from the next', async () => {
    const first = await call(`${list}limit=2`)
    const page = await first.json<Page>()
    expect(page.links.prev).toBeNull()
    expect(page.links.next).toMatch(/offset=2/)
    expect(first.headers.get('Link')).toBe(`<${page.links.next}>; rel="next"`)
    const second = await json<Page>(page.links.next!)
    expect(second.offset).toBe(2)
    expect(second.links.prev).toMatch(/offset=0/)
  })

  it('has no next link on the last page, and no Link header when there is one page', async () => {
    const res = await call(`${list}limit=100`)
    const page = await res.json<Page>()
    expect(page.links).toMatchObject({ next: null, prev: null })
    expect(res.headers.get('Link')).toBeNull()
  })
})

describe('page links on the other lists', () => {
  it.each(['/v1/speakers', '/v1/topics', '/v1/entities', '/v1/articles'])('%s links its pages', async (path) => {
    const page = await json<Page>(`${path}?limit=1`)
    expect(page.links.self).toBe(`${path}?limit=1`)
    expect(page.links.next).toBe(page.total > 1 ? `${path}?limit=1&offset=1` : null)
  })
})

/** An RFC 4180 parser: quoted fields, doubled quotes, CRLF records; throws on anything else. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  while (i < text.length) {
    let field = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        const q = text.indexOf('"', i)
        if (q < 0) throw new Error('unterminated quote')
        field += text.slice(i, q)
        if (text[q + 1] === '"') {
          field += '"'
          i = q + 2
        } else {
          i = q + 1
          break
        }
      }
    } else {
      const end = text.slice(i).search(/,|\r\n/)
      field = end < 0 ? text.slice(i) : text.slice(i, i + end)
      if (/["\r\n]/.test(field)) throw new Error(`bare quote or line break in ${field}`)
      i += field.length
    }
    row.push(field)
    if (text.startsWith(',', i)) i++
    else if (text.startsWith('\r\n', i)) {
      rows.push(row)
      row = []
      i += 2
    } else if (i < text.length) throw new Error(`unexpected ${text[i]} at ${i}`)
  }
  if (row.length) throw new Error('last record lacks CRLF')
  return rows
}

/** What the CSV should hold for a statement, from its JSON. */
const csvRow = (s: Statement) =>
  [
    s.id,
    s.article,
    s.kind,
    s.speakers.map((p) => p.name).join('; '),
    s.cue ?? '',
    s.via?.name ?? '',
    s.content,
    String(s.paragraph),
    String(s.sentence),
    s.topics.join('; '),
    s.date ?? '',
    s.confidence === null ? '' : String(s.confidence),
    // The guard's leading quote, as csvField adds it; unquoting is the parser's job.
  ].map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v))

describe.each(LISTS)('CSV and NDJSON exports of %s', (list) => {
  it('exports the same statements as JSON, as RFC 4180 CSV with a header row', async () => {
    const page = await json<Page>(`${list}limit=100`)
    const res = await call(`${list}limit=100&format=csv`)
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present')
    expect(res.headers.get('X-Total-Count')).toBe(String(page.total))
    const text = await res.text()
    expect(text.endsWith('\r\n')).toBe(true)
    const [header, ...rows] = parseCsv(text)
    expect(header).toEqual([
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
    ])
    expect(rows).toEqual(page.results.map(csvRow))
  })

  it('answers CSV to Accept: text/csv', async () => {
    const res = await call(`${list}limit=3`, { headers: { Accept: 'text/csv' } })
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/)
  })

  it('exports NDJSON: one result object per line, as in the JSON page', async () => {
    const page = await json<Page>(`${list}limit=100`)
    const res = await call(`${list}limit=100`, { headers: { Accept: 'application/x-ndjson' } })
    expect(res.headers.get('Content-Type')).toBe('application/x-ndjson')
    const lines = (await res.text()).split('\n')
    expect(lines.pop()).toBe('')
    expect(lines.map((l) => JSON.parse(l))).toEqual(page.results)
  })

  it('exports an empty result as a header row alone, or no lines', async () => {
    const csv = await (await call(`${list}since=2030-01-01&format=csv`)).text()
    expect(parseCsv(csv)).toHaveLength(1)
    expect(await (await call(`${list}since=2030-01-01&format=ndjson`)).text()).toBe('')
  })

  it('lets exports take up to 1000 rows, and JSON pages 100', async () => {
    expect((await call(`${list}limit=1000&format=csv`)).status).toBe(200)
    const body = await problemOf(`${list}limit=101`, 400, 'invalid_parameter')
    expect(body.errors?.[0]?.parameter).toBe('limit')
    await problemOf(`${list}limit=1001&format=csv`, 400, 'invalid_parameter')
    await problemOf(`${list}format=xml`, 400, 'invalid_parameter')
  })
})

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('writes %j as %j', (value, field) => expect(csvField(value)).toBe(field))

  it('leaves numbers as they are', () => expect(csvField(-3)).toBe('-3'))
})

describe('GET /v1/search did_you_mean', () => {
  it.each([
    ['xinhau', 'Xinhua'],
    ['tiawan', 'Taiwan'],
  ])('offers a corrected query for %s that finds something', async (q, corrected) => {
    const page = await json<Page>(`/v1/search?q=${q}`)
    expect(page.total).toBe(0)
    expect(page.did_you_mean).toBe(corrected)
    expect((await json<Page>(`/v1/search?q=${encodeURIComponent(page.did_you_mean!)}`)).total).toBeGreaterThan(0)
  })

  it('keeps filters and other words as typed', async () => {
    const page = await json<Page>('/v1/search?q=tiawan+article:han-blinken-unga-2023')
    expect(page.did_you_mean).toBe('Taiwan article:han-blinken-unga-2023')
  })

  it('offers nothing when results were found, or when nothing is close', async () => {
    expect((await json<Page>('/v1/search?q=taiwan')).did_you_mean).toBeUndefined()
    expect((await json<Page>('/v1/search?q=qqqqqqqq')).did_you_mean).toBeUndefined()
  })
})

describe('GET /v1/articles/{id} statements', () => {
  it("carries each statement's id, kind, speakers, cue and spans, as the statement itself has them", async () => {
    const article = await json<{ statements: (Statement & { spans: unknown })[] }>('/v1/articles/han-blinken-unga-2023')
    const full = await json<Page>('/v1/statements?article=han-blinken-unga-2023&limit=100')
    expect(article.statements).toEqual(
      full.results.map((s: any) => ({
        id: s.id,
        kind: s.kind,
        speakers: s.speakers,
        cue: s.cue,
        spans: s.spans,
        paragraph: s.paragraph,
      })),
    )
    expect(article.statements.some((s) => s.speakers.length > 0 && s.cue)).toBe(true)
  })
})
