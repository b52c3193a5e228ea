import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { afterAll, describe, expect, it } from 'vitest'
import { type BuildOutput, buildCorpus, hashInputs, ROOT } from '../../../scripts/build-data'
import { createApp } from '../../../src/app'
import { slugify } from '../../../src/extract/ids'
import { buildIndex } from '../../../src/search/build-index'
import { SEARCH_OPTIONS } from '../../../src/search/options'
import { loadStore } from '../../../src/search/pack'
import { TEST_CORPUS_DATA } from './test-corpus'

const MALFORMED = join(ROOT, 'test/fixtures/malformed')
const scratch = mkdtempSync(join(tmpdir(), 'whosaid-build-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// Building spawns processes or extracts whole corpora; on two busy cores that takes seconds, not milliseconds.
const SLOW = 60_000

/** A copy of the test corpus in a folder named data/, so messages read `data/...`. */
function copyOfTestCorpus(name: string): string {
  const dir = join(scratch, name, 'data')
  cpSync(TEST_CORPUS_DATA, dir, { recursive: true })
  return dir
}

/** A copy of the test corpus with one malformed fixture's files laid over it. */
function dataWith(fixture: string): string {
  const dir = copyOfTestCorpus(fixture)
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

/** The app over a build's output, in Node: the same app the Worker serves. */
function appOf({ corpus, indexJson }: BuildOutput) {
  return createApp({ ok: true, store: loadStore(JSON.stringify(corpus), indexJson) })
}

async function get(app: ReturnType<typeof appOf>, path: string): Promise<any> {
  const res = await app.request(path)
  expect(res.status, path).toBe(200)
  return res.json()
}

describe('buildCorpus', () => {
  it('builds the test corpus: the seed article and the articles beside it', () => {
    const { corpus, warnings } = buildCorpus({ dataDir: TEST_CORPUS_DATA })
    expect(corpus.articles.map((a) => a.id)).toEqual([
      'han-blinken-unga-2023',
      'harbour-city-comeback',
      'eastvale-library-reopens',
    ])
    expect(warnings).toEqual([])
  })

  it('is deterministic: the same input gives the same output', () => {
    const a = buildCorpus({ dataDir: TEST_CORPUS_DATA })
    const b = buildCorpus({ dataDir: TEST_CORPUS_DATA })
    expect(b.packed).toBe(a.packed)
  })

  it('round-trips the index: build → serialize → load with the same options gives the same results', () => {
    const { corpus, indexJson } = buildCorpus({ dataDir: TEST_CORPUS_DATA })
    const fresh = buildIndex(corpus.statements, corpus)
    const loaded = MiniSearch.loadJSON(indexJson, SEARCH_OPTIONS)
    expect(loaded.documentCount).toBe(corpus.statements.length)
    for (const q of ['diplomacy', 'Taiw', 'diplomcy', 'united states', "China's development", 'library']) {
      const expected = fresh.search(q)
      expect(expected.length, q).toBeGreaterThan(0)
      const got = loaded.search(q)
      expect(got.map((r) => r.id)).toEqual(expected.map((r) => r.id))
      for (const [i, r] of got.entries()) expect(r.score).toBeCloseTo(expected[i]!.score, 9)
    }
  })

  it('merges the same speaker across articles into one speaker id', () => {
    const dir = copyOfTestCorpus('merge')
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

  it("names an article without a meta file with the extractor's slug of its file name", () => {
    const dir = copyOfTestCorpus('no-meta')
    writeFileSync(join(dir, 'articles', 'Café d’Été.txt'), 'The mayor said the café would reopen.\n')
    const { corpus, warnings } = buildCorpus({ dataDir: dir })
    // The extractor's slugify drops apostrophes ("d’Été" → "dete"), where a second copy split on them.
    expect(slugify('Café d’Été')).toBe('cafe-dete')
    expect(corpus.articles.map((a) => a.id)).toContain('cafe-dete')
    expect(warnings.join('\n')).toMatch(/no Café d’Été\.meta\.json beside it; using id "cafe-dete"/)
  })

  describe('paragraphs', () => {
    it('numbers statements by the paragraphs the article lists, also when its lines are hard-wrapped', () => {
      const { corpus } = buildCorpus({ dataDir: TEST_CORPUS_DATA })
      const wrapped = corpus.articles.find((a) => a.id === 'eastvale-library-reopens')!
      // 16 non-blank lines, but a headline and five blank-line separated blocks of three.
      expect(wrapped.text.split('\n').filter((l) => l.trim()).length).toBe(16)
      expect(wrapped.paragraphs).toHaveLength(6)
      for (const article of corpus.articles) {
        for (const st of corpus.statements.filter((s) => s.article === article.id)) {
          const paragraph = article.paragraphs[st.paragraph - 1]
          expect(paragraph, `${st.id} in paragraph ${st.paragraph}`).toBeDefined()
          for (const span of st.spans) {
            expect(span.start).toBeGreaterThanOrEqual(paragraph!.start)
            expect(span.end).toBeLessThanOrEqual(paragraph!.end)
          }
        }
      }
    })

    it('gives a one-paragraph-per-line article one paragraph per non-blank line', () => {
      const { corpus } = buildCorpus({ dataDir: TEST_CORPUS_DATA })
      const seed = corpus.articles.find((a) => a.id === 'han-blinken-unga-2023')!
      const lines = seed.text.split('\n').filter((l) => l.trim())
      expect(seed.paragraphs.map((p) => seed.text.slice(p.start, p.end))).toEqual(lines.map((l) => l.trim()))
    })
  })

  describe('when an article is added', () => {
    /** The test corpus, and a copy with an extra article dated before all others, so it sorts first. */
    function buildBeforeAndAfter(): { before: BuildOutput; after: BuildOutput } {
      const before = buildCorpus({ dataDir: TEST_CORPUS_DATA })
      const dir = copyOfTestCorpus(`added-${Math.random().toString(36).slice(2)}`)
      cpSync(join(ROOT, 'test/fixtures/heldout/06-local-news.txt'), join(dir, 'articles', 'local-news.txt'))
      writeFileSync(
        join(dir, 'articles', 'local-news.meta.json'),
        JSON.stringify({ id: 'local-news', title: 'Local news', publisher: null, published: '2001-01-01' }),
      )
      return { before, after: buildCorpus({ dataDir: dir }) }
    }

    it(
      'keeps every statement, speaker id and paragraph of the articles already there',
      () => {
        const { before, after } = buildBeforeAndAfter()
        expect(after.corpus.articles[0]!.id).toBe('local-news')
        const added = after.corpus.statements.filter((s) => s.article === 'local-news')
        expect(added.length).toBeGreaterThan(0)
        const kept = after.corpus.statements.filter((s) => s.article !== 'local-news')
        // The same statements, byte for byte: ids, speakers and their ids, paragraphs, spans, topics.
        expect(kept).toEqual(before.corpus.statements)
        const articles = (b: BuildOutput) =>
          b.corpus.articles
            .filter((a) => a.id !== 'local-news')
            .map(({ id, text, paragraphs }) => ({ id, text, paragraphs }))
        expect(articles(after)).toEqual(articles(before))
      },
      SLOW,
    )

    it.each([
      '/v1/statements?speaker=blinken',
      '/v1/statements?via=xinhua',
      '/v1/statements?kind=direct&article=han-blinken-unga-2023',
      '/v1/speakers/han-zheng/statements',
      '/v1/search?q=face-to-face+diplomacy',
      '/v1/search?q=speaker:blinken+relationship&sort=position',
    ])(
      'answers %s with the same statements',
      async (path) => {
        const { before, after } = buildBeforeAndAfter()
        const [was, is] = [await get(appOf(before), path), await get(appOf(after), path)]
        expect(is.total).toBeGreaterThan(0)
        expect(is.results.map((s: { id: string }) => s.id)).toEqual(was.results.map((s: { id: string }) => s.id))
      },
      SLOW,
    )

    it(
      'keeps the seed article and its speakers as the API shows them',
      async () => {
        const { before, after } = buildBeforeAndAfter()
        for (const path of ['/v1/articles/han-blinken-unga-2023', '/v1/speakers/antony-blinken']) {
          expect(await get(appOf(after), path), path).toEqual(await get(appOf(before), path))
        }
      },
      SLOW,
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
      ['corrections-invalid-json', /^data\/corrections\.json:6:3: invalid JSON/],
      ['corrections-bad-action', /^data\/corrections\.json:5:5: \[0\]\.action: action must be one of/],
      ['corrections-missing-speaker', /^data\/corrections\.json:7:3: \[1\]\.speaker: must be a registry id or name/],
      [
        'corrections-ambiguous-anchor',
        /^data\/corrections\.json:4:5: \[0\]\.anchor: "free kick" matches 2 statements: harbour-city-comeback-\w+ .* and harbour-city-comeback-\w+ /,
      ],
      [
        'corrections-unknown-speaker',
        /^data\/corrections\.json:6:5: \[0\]\.speaker: "Luis Fereira" names no registry entity/,
      ],
      ['corrections-add-anchor-twice', /^data\/corrections\.json:4:5: \[0\]\.anchor: "Quayside Park" occurs 2 times/],
    ])('%s fails the build with file:line:column', (fixture, message) => {
      expect(buildError(dataWith(fixture))).toMatch(message)
    })

    it('has a test for every malformed fixture', () => {
      expect(readdirSync(MALFORMED).length).toBe(17)
    })
  })

  describe('corrections', () => {
    const stale = [
      { article: 'harbour-city-comeback', anchor: 'That one is on me', action: 'drop' },
      { article: 'harbour-city-comeback', anchor: 'words nobody ever wrote', action: 'drop' },
      { article: 'no-such-article', anchor: 'anything at all', action: 'drop' },
    ]
    const withStale = () => {
      const dir = copyOfTestCorpus('stale')
      writeFileSync(join(dir, 'corrections.json'), `${JSON.stringify(stale, null, 2)}\n`)
      return dir
    }

    it('applies the test corpus corrections without a warning', () => {
      const { corpus, warnings } = buildCorpus({ dataDir: TEST_CORPUS_DATA })
      expect(warnings).toEqual([])
      // Six corrections: two drops, and four statements set or added.
      expect(corpus.statements.filter((s) => s.corrected).length).toBe(4)
    })

    it('warns with file:line about each correction that matches nothing any more, and still builds', () => {
      const { corpus, warnings } = buildCorpus({ dataDir: withStale() })
      expect(warnings).toEqual([
        expect.stringMatching(/^data\/corrections\.json:9:5: \[1\]\.anchor: .*matches no statement.*stale correction/),
        expect.stringMatching(/^data\/corrections\.json:13:5: \[2\]\.article: no article "no-such-article".*stale/),
      ])
      expect(corpus.statements.some((s) => s.content.startsWith('That one is on me'))).toBe(false)
    })

    it('fails on stale corrections with strict', () => {
      expect(() => buildCorpus({ dataDir: withStale(), strict: true })).toThrow(/^data\/corrections\.json:9:5: /)
    })

    it('builds without a corrections file', () => {
      const dir = copyOfTestCorpus('no-corrections')
      rmSync(join(dir, 'corrections.json'))
      expect(buildCorpus({ dataDir: dir }).corpus.statements.every((s) => !s.corrected)).toBe(true)
    })

    it("applies the README's example to the bundled article (in the test corpus) with no problem and nothing stale", () => {
      const section = readFileSync(join(ROOT, 'README.md'), 'utf8').split('## Editorial corrections')[1]!
      const example = section.match(/```json\n([\s\S]*?)```/)![1]!
      // The test corpus holds the bundled article; data/ may hold articles a user added.
      const dir = copyOfTestCorpus('readme-example')
      writeFileSync(join(dir, 'corrections.json'), example)
      const { corpus, warnings } = buildCorpus({ dataDir: dir, strict: true })
      expect(warnings).toEqual([])
      expect(corpus.statements.filter((s) => s.corrected)).toHaveLength(3)
    })

    it('covers corrections.json in the build hash', () => {
      const dir = copyOfTestCorpus('hash')
      const before = hashInputs(dir)
      writeFileSync(join(dir, 'corrections.json'), '[]\n')
      expect(hashInputs(dir)).not.toBe(before)
    })
  })
})

describe('scripts/build-data.ts', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/build-data.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    })

  it(
    'writes the shipped data atomically and reports what it built',
    () => {
      const out = join(scratch, 'good', 'corpus.bin')
      const result = run(['--data', TEST_CORPUS_DATA, '--out', out])
      expect(result.status).toBe(0)
      expect(result.stdout).toMatch(/build-data: 3 article\(s\), \d+ statements/)
      // ASCII only (non-ASCII is escaped), so V8 holds the text at one byte a character.
      expect(readFileSync(out, 'utf8')).toMatch(/^\{"format":2,"build_hash":"[0-9a-f]{16}",[\x20-\x7e]*\}$/)
      expect(readdirSync(join(scratch, 'good'))).toEqual(['corpus.bin'])
    },
    SLOW,
  )

  it(
    'exits 1 on malformed data and leaves the previous output untouched',
    () => {
      const out = join(scratch, 'kept', 'corpus.bin')
      expect(run(['--data', TEST_CORPUS_DATA, '--out', out]).status).toBe(0)
      const before = readFileSync(out, 'utf8')
      const result = run(['--data', dataWith('entities-bad-type'), '--out', out])
      expect(result.status).toBe(1)
      expect(result.stderr).toMatch(/nothing was written\.\ndata\/entities\.json:5:5:/)
      expect(result.stderr).not.toMatch(/\n\s+at /)
      expect(readFileSync(out, 'utf8')).toBe(before)
      expect(existsSync(`${out}.tmp`)).toBe(false)
    },
    SLOW,
  )

  it(
    'skips a build whose inputs are unchanged, and rebuilds when an article changes or with --force',
    () => {
      const data = copyOfTestCorpus('skip')
      const out = join(scratch, 'skip', 'corpus.bin')
      expect(run(['--data', data, '--out', out]).stdout).toMatch(/build-data: 3 article\(s\)/)
      expect(run(['--data', data, '--out', out]).stdout).toMatch(/build-data: up to date, hash [0-9a-f]{16}/)
      expect(run(['--data', data, '--out', out, '--force']).stdout).toMatch(/build-data: 3 article\(s\)/)
      writeFileSync(join(data, 'articles/extra.txt'), 'The mayor said the bridge would reopen in May.\n')
      expect(run(['--data', data, '--out', out]).stdout).toMatch(/build-data: 4 article\(s\)/)
    },
    SLOW,
  )
})

describe('hashInputs', () => {
  it('changes when a data file changes, and not when nothing does', () => {
    const data = copyOfTestCorpus('hash')
    const before = hashInputs(data)
    expect(hashInputs(data)).toBe(before)
    writeFileSync(join(data, 'synonyms.json'), '[["UN", "United Nations"]]\n')
    expect(hashInputs(data)).not.toBe(before)
  })

  it('does not depend on where the data folder lives', () => {
    expect(hashInputs(copyOfTestCorpus('here'))).toBe(hashInputs(copyOfTestCorpus('there')))
  })
})
