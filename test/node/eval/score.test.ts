/** The extraction scorer on tiny inline gold and predictions. */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  type ArticleScore,
  averageScores,
  type Gold,
  listSpeakerNames,
  matchSpeakerName,
  matchSpeakers,
  matchStatements,
  type Prediction,
  scoreArticle,
  tokenF1,
  tokenize,
} from '../../../src/eval/score'

const gold = (statements: Gold['statements'], optional: Gold['optional'] = []): Gold => ({
  article: 'a.txt',
  statements,
  optional,
})
const said = (speaker: string, content: string, kind = 'indirect'): Prediction => ({
  speakers: [{ name: speaker }],
  kind,
  content,
})

describe('tokenize', () => {
  it.each([
    ['lower-cases and drops punctuation', 'Talks BROKE down.', ['talks', 'broke', 'down']],
    ['straightens curly apostrophes', 'Biden’s plan', ["biden's", 'plan']],
    ['keeps digits and letters of any script', 'Ölpreis 40 ships', ['ölpreis', '40', 'ships']],
    ['returns nothing for punctuation only', '“ — ”', []],
  ])('%s', (_name, text, tokens) => {
    expect(tokenize(text)).toEqual(tokens)
  })
})

describe('tokenF1', () => {
  it.each([
    ['is 1 for the same words in any case', 'Talks broke down', 'talks broke down', 1],
    ['is 0 when no word is shared', 'talks broke down', 'ships wait', 0],
    ['is 0 when either side has no words', '', 'talks', 0],
    ['counts a repeated word only as often as both sides have it', 'no no no', 'no', 0.5],
  ])('%s', (_name, a, b, f1) => {
    expect(tokenF1(a, b)).toBeCloseTo(f1, 10)
  })

  it('is the harmonic mean of token precision and recall', () => {
    // 3 shared tokens: precision 3/3, recall 3/4.
    expect(tokenF1('talks broke down', 'the talks broke down')).toBeCloseTo(6 / 7, 10)
  })

  test.prop([fc.string(), fc.string()])('is symmetric and between 0 and 1', (a, b) => {
    const f = tokenF1(a, b)
    expect(f).toBeCloseTo(tokenF1(b, a), 10)
    expect(f).toBeGreaterThanOrEqual(0)
    expect(f).toBeLessThanOrEqual(1 + 1e-12)
  })
})

describe('matchSpeakerName', () => {
  it.each([
    ['a surname', 'Antony Blinken', 'Blinken', true],
    ['a title and surname', 'Antony Blinken', 'Secretary of State Blinken', true],
    ['an honorific, which is a stop word', 'Howard Chen', 'Mr. Chen', true],
    ['a long organisation by most of its words', 'Ministry of Water and Agriculture', 'Water Ministry', true],
  ])('matches %s', (_name, g, p, ok) => {
    expect(matchSpeakerName(g, p)).toBe(ok)
  })

  it.each([
    ['a different surname', 'Antony Blinken', 'Antony Okoro'],
    ['a name made only of stop words', 'the', 'the'],
    ['a long name sharing too few words', 'Portuguese Association of Shipping Agents', 'Portuguese government'],
  ])('rejects %s', (_name, g, p) => {
    expect(matchSpeakerName(g, p)).toBe(false)
  })

  it('cannot tell people with the same surname apart', () => {
    // Why 08-same-surname-chen needs an exact-name check besides this scorer.
    expect(matchSpeakerName('Vivian Chen', 'Howard Chen')).toBe(true)
  })
})

describe('matchSpeakers', () => {
  it('accepts any alias of a gold speaker', () => {
    expect(matchSpeakers([['Xinhua', 'Xinhua News Agency']], ['Xinhua News Agency'])).toBe(true)
  })

  it('needs every gold speaker predicted and every predicted speaker in the gold', () => {
    expect(matchSpeakers(['Han Zheng', 'Antony Blinken'], ['Blinken', 'Han'])).toBe(true)
    expect(matchSpeakers(['Han Zheng', 'Antony Blinken'], ['Blinken'])).toBe(false)
    expect(matchSpeakers(['Antony Blinken'], ['Blinken', 'Han'])).toBe(false)
  })

  it.each([
    ['gold', [], ['Blinken']],
    ['predicted', ['Antony Blinken'], []],
  ])('never matches an empty %s list', (_side, g, p) => {
    expect(matchSpeakers(g, p)).toBe(false)
  })
})

describe('listSpeakerNames', () => {
  it.each<[string, Prediction, string[]]>([
    ['speaker records by name', { speakers: [{ name: 'Han Zheng' }, { name: 'Blinken' }] }, ['Han Zheng', 'Blinken']],
    ['plain strings', { speakers: ['Han Zheng'] }, ['Han Zheng']],
    ['a single speakers value', { speakers: 'Han Zheng' }, ['Han Zheng']],
    ['a `speaker` field', { speaker: { label: 'Xinhua' } }, ['Xinhua']],
    ['an id when there is no name', { speakers: [{ id: 'xinhua' }] }, ['xinhua']],
    ['nothing, dropping empty names', { speakers: [{ name: '' }, null] }, []],
    ['nothing without a speaker', { kind: 'narration' }, []],
  ])('reads %s', (_name, prediction, names) => {
    expect(listSpeakerNames(prediction)).toEqual(names)
  })
})

describe('scoreArticle', () => {
  const g = gold([
    { speakers: ['Antony Blinken'], kind: 'direct', content: 'face-to-face diplomacy is the best way forward' },
    { speakers: ['Han Zheng'], kind: 'indirect', content: 'both sides would take practical actions' },
  ])

  it('scores a perfect prediction 1 everywhere', () => {
    const { score } = scoreArticle(g, [
      said('Blinken', 'face-to-face diplomacy is the best way forward', 'direct'),
      said('Han', 'both sides would take practical actions'),
    ])
    expect(score).toEqual<ArticleScore>({
      article: 'a.txt',
      gold: 2,
      predicted: 2,
      content_f1: 1,
      attribution_p: 1,
      attribution_r: 1,
      attribution_f1: 1,
      kind_acc: 1,
      counts: { gold: 2, predicted: 2, content_tp: 2, attribution_tp: 2, kind_ok: 2 },
    })
  })

  it('matches content at token F1 0.5 or more, and not below', () => {
    const near = scoreArticle(g, [said('Han', 'both sides would act')]).score
    const far = scoreArticle(g, [said('Han', 'both sides agree')]).score
    expect([near.counts.content_tp, far.counts.content_tp]).toEqual([1, 0])
  })

  it('counts a content match with the wrong speaker for content but not attribution', () => {
    const { score, lines } = scoreArticle(g, [said('Okoro', 'both sides would take practical actions')])
    expect(score.counts).toMatchObject({ content_tp: 1, attribution_tp: 0 })
    expect(lines[0]).toMatch(/^SPK /)
  })

  it('counts kind accuracy over content matches only', () => {
    const { score } = scoreArticle(g, [
      said('Blinken', 'face-to-face diplomacy is the best way forward', 'mixed'),
      said('Okoro', 'nothing like any gold statement at all'),
    ])
    expect([score.counts.content_tp, score.counts.kind_ok, score.kind_acc]).toEqual([1, 0, 0])
  })

  it('gives each gold statement to the best-overlapping prediction only', () => {
    const { score, lines } = scoreArticle(g, [
      said('Han', 'both sides would take actions'),
      said('Han', 'both sides would take practical actions'),
    ])
    expect(score.counts).toMatchObject({ predicted: 2, content_tp: 1 })
    expect(lines).toContain('EXTRA pred=[Han] indirect :: both sides would take actions')
  })

  it('ignores narration, predictions without a speaker and those without content', () => {
    const { score } = scoreArticle(g, [
      { speakers: [], kind: 'narration', content: 'both sides would take practical actions' },
      { speakers: [], kind: 'direct', content: 'face-to-face diplomacy is the best way forward' },
      { speakers: ['Han'], kind: 'indirect' },
    ])
    expect(score.predicted).toBe(0)
  })

  it('neither rewards nor punishes a match with an optional gold record', () => {
    const withOptional = gold(g.statements, [
      { speakers: ['the ministry'], kind: 'indirect', content: 'the ministry declined to comment further' },
    ])
    const { score } = scoreArticle(withOptional, [said('ministry', 'the ministry declined to comment further')])
    expect([score.gold, score.predicted, score.counts.content_tp]).toEqual([2, 0, 0])
  })

  it('lists missed gold statements and extra predictions', () => {
    const { lines } = scoreArticle(g, [said('Okoro', 'the pier is safe')])
    expect(lines).toEqual([
      'MISS gold=[Antony Blinken] direct :: face-to-face diplomacy is the best way forward',
      'MISS gold=[Han Zheng] indirect :: both sides would take practical actions',
      'EXTRA pred=[Okoro] indirect :: the pier is safe',
    ])
  })

  it('scores 0, not NaN, when nothing is predicted or nothing is gold', () => {
    expect(scoreArticle(g, []).score).toMatchObject({ attribution_f1: 0, content_f1: 0, kind_acc: 0 })
    expect(scoreArticle(gold([]), [said('Han', 'x y z')]).score).toMatchObject({ attribution_p: 0, attribution_f1: 0 })
  })

  it('rounds to 3 decimals', () => {
    const three = gold([
      { speakers: ['Ana Reis'], kind: 'direct', content: 'one two three' },
      { speakers: ['Ben Okoro'], kind: 'direct', content: 'four five six' },
      { speakers: ['Cy Tan'], kind: 'direct', content: 'seven eight nine' },
    ])
    expect(scoreArticle(three, [said('Reis', 'one two three', 'direct')]).score.attribution_r).toBe(0.333)
  })
})

describe('matchStatements', () => {
  const g = gold(
    [
      { speakers: ['Ann Lee'], kind: 'direct', content: 'the port will reopen on Monday' },
      { speakers: ['Bob Day'], kind: 'indirect', content: 'the strike cost millions' },
    ],
    [{ speakers: [], kind: 'indirect', content: 'voters were uneasy about the plan' }],
  )
  const predictions: Prediction[] = [
    { kind: 'narration', content: 'The port closed.' },
    said('Lee', 'the port will reopen on Monday', 'direct'),
    said('Ann Lee', 'the strike cost millions'),
    said('Cy Fox', 'voters were uneasy about the plan'),
    said('Dee Roe', 'nothing anyone annotated'),
  ]

  it('gives each content match with its prediction index, gold index and speaker verdict', () => {
    const matches = matchStatements(g, predictions)
    expect(
      matches.map(({ prediction, gold, optional, speakerOk, kindOk }) => ({
        prediction,
        gold,
        optional,
        speakerOk,
        kindOk,
      })),
    ).toEqual([
      { prediction: 1, gold: 0, optional: false, speakerOk: true, kindOk: true },
      { prediction: 2, gold: 1, optional: false, speakerOk: false, kindOk: true },
      { prediction: 3, gold: 0, optional: true, speakerOk: false, kindOk: false },
    ])
  })

  it('leaves out narration and predictions that match nothing', () => {
    const matched = matchStatements(g, predictions).map((m) => m.prediction)
    expect(matched).not.toContain(0)
    expect(matched).not.toContain(4)
  })

  it('agrees with scoreArticle on the attribution hits', () => {
    const hits = matchStatements(g, predictions).filter((m) => !m.optional && m.speakerOk).length
    expect(hits).toBe(scoreArticle(g, predictions).score.counts.attribution_tp)
  })
})

describe('averageScores', () => {
  const score = (gold: number, predicted: number, tp: number, kindOk = tp): ArticleScore =>
    ({
      counts: { gold, predicted, content_tp: tp, attribution_tp: tp, kind_ok: kindOk },
    }) as ArticleScore

  it('sums counts before dividing, so a large article weighs more', () => {
    // Per article: F1 1 and F1 0; a macro average would say 0.5, the micro average 2*10/(11+11).
    expect(averageScores([score(10, 10, 10), score(1, 1, 0)])).toMatchObject({
      gold: 11,
      predicted: 11,
      attribution_f1: 0.909,
      attribution_p: 0.909,
      attribution_r: 0.909,
    })
  })

  it('takes kind accuracy over the summed content matches', () => {
    expect(averageScores([score(4, 4, 4, 3), score(2, 2, 0, 0)]).kind_acc).toBe(0.75)
  })

  it('is all zeros over no articles', () => {
    expect(averageScores([])).toEqual({
      gold: 0,
      predicted: 0,
      content_f1: 0,
      attribution_p: 0,
      attribution_r: 0,
      attribution_f1: 0,
      kind_acc: 0,
    })
  })
})
