import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { afterAll, describe, expect, it } from 'vitest'
import { buildCorpus, ROOT, renderModule } from '../../../scripts/build-data'
import { buildIndex } from '../../../src/search/build-index'
import { SEARCH_OPTIONS } from '../../../src/search/options'

const MALFORMED = join(ROOT, 'test/fixtures/malformed')
const scratch = mkdtempSync(join(tmpdir(), 'whosaid-build-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** A copy of data/ with one fixture's files laid over it. */
function dataWith(fixture: string): string {
  const dir = join(scratch, fixture, 'data')
  cpSync(join(ROOT, 'data'), dir, { recursive: true })
  cpSync(join(MALFORMED, fixture), dir, { recursive: true })
  return dir
}

function buildError(dataDir: string): string {
  try {
    buildCorpus({ dataDir })
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('the build did not fail')
}

describe('buildCorpus', () => {
  it('builds the bundled data', () => {
    const { corpus, indexJson } = buildCorpus({ dataDir: join(ROOT, 'data') })
    expect(corpus.articles.map((a) => a.id)).toContain('han-blinken-unga-2023')
    expect(corpus.statements.length).toBeGreaterThanOrEqual(15)
    expect(corpus.build_hash).toMatch(/^[0-9a-f]{16}$/)
    expect(JSON.parse(indexJson).documentCount).toBe(corpus.statements.length)
  })

  it('is deterministic: the same input gives the same output', () => {
    const a = buildCorpus({ dataDir: join(ROOT, 'data') })
    const b = buildCorpus({ dataDir: join(ROOT, 'data') })
    expect(renderModule(b.corpus, b.indexJson)).toBe(renderModule(a.corpus, a.indexJson))
  })

  it('keeps statement ids when another article is added', () => {
    const before = buildCorpus({ dataDir: join(ROOT, 'data') }).corpus.statements.map((s) => s.id)
    const dir = join(scratch, 'added', 'data')
    cpSync(join(ROOT, 'data'), dir, { recursive: true })
    writeFileSync(join(dir, 'articles', 'another.txt'), 'The mayor said the bridge would reopen on Friday.\n')
    const after = buildCorpus({ dataDir: dir }).corpus.statements.map((s) => s.id)
    expect(after).toEqual(expect.arrayContaining(before))
    expect(after.length).toBeGreaterThan(before.length)
  })

  it('round-trips the index: build → serialize → load with the same options gives the same results', () => {
    const { corpus, indexJson } = buildCorpus({ dataDir: join(ROOT, 'data') })
    const fresh = buildIndex(corpus.statements, corpus)
    const loaded = MiniSearch.loadJSON(indexJson, SEARCH_OPTIONS)
    expect(loaded.documentCount).toBe(corpus.statements.length)
    for (const q of ['diplomacy', 'Taiw', 'diplomcy', 'united states', "China's development"]) {
      const expected = fresh.search(q)
      expect(expected.length, q).toBeGreaterThan(0)
      const got = loaded.search(q)
      expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id))
      for (const [i, r] of got.entries()) expect(r.score).toBeCloseTo(expected[i]!.score, 9)
    }
  })

  it('merges the same speaker across articles into one speaker id', () => {
    const dir = join(scratch, 'merge', 'data')
    cpSync(join(ROOT, 'data'), dir, { recursive: true })
    writeFileSync(
      join(dir, 'articles', 'bridge-a.txt'),
      '"We will rebuild it," said Maria Lopez, the mayor of Springfield.\n',
    )
    writeFileSync(
      join(dir, 'articles', 'bridge-b.txt'),
      'Maria Lopez said on Friday that the bridge would reopen in May.\n',
    )
    writeFileSync(join(dir, 'articles', 'bridge-c.txt'), 'Blinken said the talks had been useful.\n')
    const { corpus } = buildCorpus({ dataDir: dir })
    const lopez = corpus.statements.filter((s) => s.speakers.some((p) => p.name === 'Maria Lopez'))
    expect(new Set(lopez.map((s) => s.article))).toEqual(new Set(['bridge-a', 'bridge-b']))
    expect(new Set(lopez.flatMap((s) => s.speakers.map((p) => p.id)))).toEqual(new Set(['maria-lopez']))
    // A registry person keeps the registry id in every article.
    const blinken = corpus.statements.filter((s) => s.article === 'bridge-c' && s.kind !== 'narration')
    expect(blinken[0]?.speakers.map((p) => p.id)).toEqual(['antony-blinken'])
    expect(corpus.articles.map((a) => a.id)).toEqual(
      expect.arrayContaining(['han-blinken-unga-2023', 'bridge-a', 'bridge-b', 'bridge-c']),
    )
  })

  describe('when data is malformed', () => {
    it.each([
      ['entities-invalid-json', /^data\/entities\.json:7:3: invalid JSON/],
      ['entities-bad-type', /^data\/entities\.json:5:5: \[0\]\.type: /],
      ['entities-duplicate-id', /^data\/entities\.json:3:5: \[1\]\.id: duplicate id "a"/],
      ['topics-no-keywords', /^data\/topics\.json:5:5: \[0\]\.keywords: needs at least one keyword/],
      ['meta-bad-date', /^data\/articles\/han-blinken-unga-2023\.meta\.json:5:3: published: must be an ISO date/],
      ['meta-unknown-field', /^data\/articles\/han-blinken-unga-2023\.meta\.json:1:1: .*author/],
      ['meta-bad-id', /^data\/articles\/han-blinken-unga-2023\.meta\.json:2:3: id: must be a lower-case slug/],
      ['meta-invalid-json', /^data\/articles\/han-blinken-unga-2023\.meta\.json:4:3: invalid JSON/],
      ['article-empty', /^data\/articles\/empty\.txt:1:1: article text is empty/],
      ['article-bad-utf8', /^data\/articles\/bad\.txt:2:\d+: is not valid UTF-8/],
      ['synonyms-single-form', /^data\/synonyms\.json:3:3: \[1\]: a synonym group needs at least two forms/],
    ])('%s fails the build with file:line:column', (fixture, message) => {
      expect(buildError(dataWith(fixture))).toMatch(message)
    })

    it('has a test for every malformed fixture', () => {
      expect(readdirSync(MALFORMED).length).toBe(11)
    })
  })
})

describe('scripts/build-data.ts', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    })

  it('writes the module atomically and reports what it built', () => {
    const out = join(scratch, 'good', 'corpus.ts')
    const result = run(['--out', out])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/build-data: 1 article\(s\), \d+ statements/)
    expect(readFileSync(out, 'utf8')).toMatch(/^\/\/ Generated by scripts\/build-data\.ts/)
    expect(readdirSync(join(scratch, 'good'))).toEqual(['corpus.ts'])
  })

  it('exits 1 on malformed data and leaves the previous output untouched', () => {
    const out = join(scratch, 'kept', 'corpus.ts')
    expect(run(['--out', out]).status).toBe(0)
    const before = readFileSync(out, 'utf8')
    const result = run(['--data', dataWith('entities-bad-type'), '--out', out])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/nothing was written\.\ndata\/entities\.json:5:5:/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(readFileSync(out, 'utf8')).toBe(before)
    expect(existsSync(`${out}.tmp`)).toBe(false)
  })
})
