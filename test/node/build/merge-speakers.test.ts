/** The corpus-level speaker merge, through the real build: one id per person, and never two people as one. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildCorpus } from '../../../scripts/build-data'

const scratch = mkdtempSync(join(tmpdir(), 'whosaid-merge-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

// Extracting a whole corpus takes seconds on a busy machine.
const SLOW = 60_000

/** A data folder of inline articles (name → text), with an empty registry and topic list. */
function corpusOf(articles: Record<string, string>): string {
  const dir = join(scratch, `data-${Object.keys(articles).length}`)
  mkdirSync(join(dir, 'articles'), { recursive: true })
  writeFileSync(join(dir, 'entities.json'), '[]\n')
  writeFileSync(join(dir, 'topics.json'), '[]\n')
  for (const [name, text] of Object.entries(articles)) {
    writeFileSync(join(dir, 'articles', `${name}.txt`), text)
    writeFileSync(
      join(dir, 'articles', `${name}.meta.json`),
      JSON.stringify({ id: name, title: name, publisher: null, published: '2016-05-01' }),
    )
  }
  return dir
}

// Two Trumps and two Clintons, written as a campaign desk would over a week.
const ARTICLES = {
  'wall-rally': 'Donald Trump spoke in Ohio on Monday.\n"We will build it," Donald Trump said.\n',
  'tax-plan': 'Republican Donald J. Trump said on Tuesday that taxes would fall.\n',
  'garden-tour': 'Melania Trump opened the garden.\n"It is for children," Melania Trump said.\n',
  'debate-prep': 'Hillary Clinton met advisers.\n"We are ready," Hillary Clinton said.\n',
  memoir: 'Hillary Rodham Clinton said on Friday that the book was finished.\n',
  foundation: 'Bill Clinton toured the clinic.\n"The work goes on," Bill Clinton said.\n',
  'fbi-letter': 'James Comey wrote to Congress.\n"We found nothing new," James B. Comey said.\n',
  'fbi-hearing': '"The review is closed," James Comey said on Sunday.\n',
  'bare-surname': '"The polls are wrong," Clinton said at a rally.\n',
}

describe('mergeSpeakers in the build', () => {
  it(
    'merges name variants of one person and keeps people who share a surname apart',
    () => {
      const { corpus } = buildCorpus({ dataDir: corpusOf(ARTICLES) })
      const idsIn = (article: string) =>
        corpus.statements.filter((s) => s.article === article && s.kind !== 'narration').flatMap((s) => s.speakers)
      const one = (article: string) => {
        const [first, ...rest] = idsIn(article)
        expect(rest.every((s) => s.id === first?.id)).toBe(true)
        return first!
      }
      // Middle initials and a party label: one Donald Trump, one Hillary Clinton, one James Comey.
      expect(one('tax-plan')).toMatchObject({ id: one('wall-rally').id, name: one('wall-rally').name })
      expect(one('wall-rally').id).toMatch(/^donald-(j-)?trump$/)
      expect(one('memoir').id).toBe(one('debate-prep').id)
      expect(one('fbi-letter').id).toBe(one('fbi-hearing').id)
      // Different first names never merge.
      expect(one('garden-tour').id).toBe('melania-trump')
      expect(one('foundation').id).toBe('bill-clinton')
      expect(one('debate-prep').id).not.toBe('bill-clinton')
      // A bare "Clinton" with two Clintons in the corpus stays its own speaker.
      expect(one('bare-surname')).toMatchObject({ id: 'clinton', name: 'Clinton' })
    },
    SLOW,
  )

  it(
    'gives a bare surname the full name when the corpus has only one person of that surname',
    () => {
      const { corpus } = buildCorpus({
        dataDir: corpusOf({
          'first-day': 'Renee Harlow filed her papers on Monday.\n"I am running," Renee Harlow said.\n',
          'second-day': '"The count is fair," Harlow said after the vote.\n',
        }),
      })
      const ids = new Set(
        corpus.statements.filter((s) => s.kind !== 'narration').flatMap((s) => s.speakers.map((p) => p.id)),
      )
      expect(ids).toEqual(new Set(['renee-harlow']))
    },
    SLOW,
  )
})
