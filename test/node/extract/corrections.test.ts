/** Editorial corrections on statements extracted from inline text: each action, anchors, speakers and issues. */
import { describe, expect, it } from 'vitest'
import { anchorPattern, applyCorrections, resolveSpeaker } from '../../../src/extract/corrections'
import type { Correction, Statement } from '../../../src/types'
import { OPTIONS, REGISTRY, statementsOf, TOPICS } from './helpers'

const TEXT = [
  'Mara Quell opened the new reservoir on Monday.',
  '"The water is safe to drink," she said.',
  'Engineers said the dam would hold, and the Water Board said rates would not rise.',
  'The town budget was approved on Tuesday after a long debate.',
].join('\n')
const ARTICLE = 'a1'
const statements = () => statementsOf(TEXT, OPTIONS, ARTICLE)
const context = { articles: [{ id: ARTICLE, text: TEXT }], entities: REGISTRY, topics: TOPICS }
const apply = (...corrections: Correction[]) => applyCorrections(statements(), corrections, context)
const find = (list: Statement[], part: string) => list.find((s) => s.content.includes(part))!

describe('applyCorrections', () => {
  it('sets the speaker by registry id, marks the statement corrected and gives it confidence 1', () => {
    const { statements: out, problems } = apply({
      article: ARTICLE,
      anchor: 'the water is safe',
      action: 'set_speaker',
      speaker: 'dunmore-water-board',
    })
    expect(problems).toEqual([])
    const st = find(out, 'The water is safe')
    expect(st.speakers.map((s) => s.id)).toEqual(['dunmore-water-board'])
    expect(st).toMatchObject({ corrected: true, confidence: 1 })
    // Ids are stable: a corrected statement keeps its id.
    expect(st.id).toBe(find(statements(), 'The water is safe').id)
  })

  it('leaves every other statement uncorrected', () => {
    const { statements: out } = apply({ article: ARTICLE, anchor: 'the water is safe', action: 'drop' })
    expect(out.every((s) => !s.corrected)).toBe(true)
  })

  it('sets the kind, clearing the speaker when it becomes narration', () => {
    const { statements: out } = apply(
      { article: ARTICLE, anchor: 'the dam would hold', action: 'set_kind', kind: 'mixed' },
      { article: ARTICLE, anchor: 'rates would not rise', action: 'set_kind', kind: 'narration' },
    )
    expect(find(out, 'the dam would hold')).toMatchObject({ kind: 'mixed', corrected: true })
    expect(find(out, 'rates would not rise')).toMatchObject({ kind: 'narration', speakers: [], confidence: null })
  })

  it('drops a statement', () => {
    const before = statements()
    const { statements: out } = apply({ article: ARTICLE, anchor: 'THE WATER IS SAFE', action: 'drop' })
    expect(out).toHaveLength(before.length - 1)
    expect(out.some((s) => s.content.includes('The water is safe'))).toBe(false)
  })

  it('adds a missed statement in article order, replacing the narration it overlaps, with an id from the same scheme', () => {
    const {
      statements: out,
      problems,
      stale,
    } = apply({
      article: ARTICLE,
      anchor: 'The town budget was approved on Tuesday',
      action: 'add',
      speaker: { name: 'Town officials', type: 'group' },
      kind: 'indirect',
      cue: 'confirmed',
    })
    expect([problems, stale]).toEqual([[], []])
    const added = find(out, 'The town budget was approved')
    expect(added).toMatchObject({
      kind: 'indirect',
      cue: 'confirmed',
      speakers: [{ id: 'town-officials', name: 'Town officials', type: 'group' }],
      corrected: true,
      confidence: 1,
      paragraph: 4,
      topics: ['budget'],
    })
    expect(added.id).toMatch(/^a1-[0-9a-f]{10}$/)
    expect(TEXT.slice(added.spans[0]!.start, added.spans[0]!.end)).toBe(added.content)
    expect(out.filter((s) => s.text.startsWith('The town budget')).map((s) => s.kind)).toEqual(['indirect'])
    expect(out.indexOf(added)).toBe(out.length - 1)
  })

  it('matches anchors whatever their case, quotation-mark style and spacing', () => {
    const { statements: out } = apply({
      article: ARTICLE,
      anchor: '“the   WATER is safe',
      action: 'set_speaker',
      speaker: 'Mara Quell',
    })
    expect(find(out, 'The water is safe').corrected).toBe(true)
  })

  it('matches a statement by its sentence when its content does not hold the anchor', () => {
    const { statements: out } = apply({ article: ARTICLE, anchor: 'she said', action: 'drop' })
    expect(out.some((s) => s.content.includes('The water is safe'))).toBe(false)
  })

  describe('when a correction cannot be applied', () => {
    it('reports an anchor that matches several statements, naming each', () => {
      const { problems } = apply({ article: ARTICLE, anchor: 'said', action: 'drop' })
      expect(problems).toEqual([
        {
          index: 0,
          field: 'anchor',
          message: expect.stringMatching(/matches 3 statements: a1-\w+ .* and a1-\w+ .* and a1-\w+ /),
        },
      ])
    })

    it('reports a speaker that names nothing', () => {
      const { problems } = apply({
        article: ARTICLE,
        anchor: 'the water',
        action: 'set_speaker',
        speaker: 'Nobody Known',
      })
      expect(problems.map((p) => p.field)).toEqual(['speaker'])
    })

    it('reports a speaker set on narration', () => {
      const { problems } = apply({
        article: ARTICLE,
        anchor: 'opened the new reservoir',
        action: 'set_speaker',
        speaker: 'mara-quell',
      })
      expect(problems.map((p) => p.field)).toEqual(['anchor'])
    })
  })

  describe('when a correction is stale', () => {
    it.each<[string, Correction]>([
      ['an anchor that matches nothing', { article: ARTICLE, anchor: 'never written', action: 'drop' }],
      ['an article that is gone', { article: 'gone', anchor: 'the water', action: 'drop' }],
      [
        'an added statement the extractor now finds',
        {
          article: ARTICLE,
          anchor: 'the dam would hold',
          action: 'add',
          speaker: 'mara-quell',
          kind: 'indirect',
          cue: null,
        },
      ],
    ])('reports %s without changing anything', (_name, correction) => {
      const { statements: out, problems, stale } = apply(correction)
      expect(problems).toEqual([])
      expect(stale).toHaveLength(1)
      expect(out).toEqual(statements())
    })
  })
})

describe('resolveSpeaker', () => {
  it.each([
    ['a registry id', 'mara-quell', 'mara-quell'],
    ['a registry name in any case', 'mara QUELL', 'mara-quell'],
    ['a registry alias', 'Water Board', 'dunmore-water-board'],
  ])('finds %s', (_name, named, id) => {
    expect(resolveSpeaker(named, REGISTRY, [])?.id).toBe(id)
  })

  it('finds a speaker the corpus already has', () => {
    const st = statementsOf('Ann Lee said the port was shut.', OPTIONS)
    expect(resolveSpeaker('ann lee', REGISTRY, st)).toMatchObject({ id: 'ann-lee', name: 'Ann Lee' })
  })

  it('makes a new speaker from an object, its id a slug of its name unless given', () => {
    expect(resolveSpeaker({ name: 'Harbour FC', type: 'organization' }, REGISTRY, [])).toEqual({
      id: 'harbour-fc',
      name: 'Harbour FC',
      type: 'organization',
    })
  })

  it('gives null for a name that names nothing', () => {
    expect(resolveSpeaker('Nobody Known', REGISTRY, [])).toBeNull()
  })
})

describe('anchorPattern', () => {
  it('treats straight, curly and angled quotation marks alike', () => {
    expect(anchorPattern(`it's "done"`).test('It’s “done”')).toBe(true)
    expect(anchorPattern('«done»').test('"done"')).toBe(true)
  })

  it('escapes the characters a pattern would read', () => {
    expect(anchorPattern('4.2 (million)').test('4x2 million')).toBe(false)
    expect(anchorPattern('4.2 (million)').test('cost 4.2 (million) pounds')).toBe(true)
  })
})
