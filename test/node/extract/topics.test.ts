import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findTopics } from '../../../src/extract/topics'
import type { Topic } from '../../../src/types'
import { TOPICS } from './helpers'

describe('findTopics', () => {
  it('matches keywords case-insensitively', () => {
    expect(findTopics('WATER prices went up', TOPICS)).toEqual(['water'])
  })

  it('matches on word boundaries only', () => {
    expect(findTopics('The waterfront and the budgetary office', TOPICS)).toEqual([])
  })

  it('treats a trailing * as a prefix', () => {
    expect(findTopics('Reservoirs are low and taxes high', TOPICS)).toEqual(['water', 'budget'])
  })

  it('matches phrases across any whitespace and keywords with hyphens', () => {
    expect(findTopics('new flood\ndefences and US-Dunmore talks', TOPICS)).toEqual(['water', 'budget'])
  })

  it('returns topics in the order they are listed', () => {
    expect(findTopics('tax on water', TOPICS)).toEqual(['water', 'budget'])
  })

  it('returns nothing for empty content or no topics', () => {
    expect(findTopics('', TOPICS)).toEqual([])
    expect(findTopics('water', [])).toEqual([])
  })
})

describe('findTopics: acronyms and exclusions', () => {
  const RULES = [
    {
      id: 'economy',
      label: 'economy',
      code: '04000000',
      keywords: ['commerce', 'tax*', 'IMF'],
      exclude: ['Commerce Secretary', 'Secretary of Commerce'],
    },
    { id: 'health', label: 'health', code: '07000000', keywords: ['WHO', 'AIDS', 'hospital*'] },
  ]

  it('matches a keyword written as an acronym only in capitals', () => {
    expect(findTopics('The WHO warned of a new outbreak', RULES)).toEqual(['health'])
    expect(findTopics('Voters who care about aids to exporters', RULES)).toEqual([])
    expect(findTopics('the IMF cut its forecast', RULES)).toEqual(['economy'])
    expect(findTopics('the imf cut its forecast', RULES)).toEqual([])
  })

  it('does not count a keyword inside an excluded phrase, in any case', () => {
    expect(findTopics('Commerce Secretary Gina Raimondo arrived in Beijing', RULES)).toEqual([])
    expect(findTopics('the commerce secretary arrived', RULES)).toEqual([])
    expect(findTopics('the Secretary of Commerce spoke', RULES)).toEqual([])
  })

  it('still counts the keyword elsewhere in the same text', () => {
    expect(findTopics('The Commerce Secretary said commerce with China would grow', RULES)).toEqual(['economy'])
    expect(findTopics('The Commerce Secretary said taxes would fall', RULES)).toEqual(['economy'])
  })
})

describe('the IPTC taxonomy (test/corpus/topics.json, a copy of data/topics.json)', () => {
  const topics = JSON.parse(readFileSync('test/corpus/topics.json', 'utf8')) as Topic[]

  it('is the top level of IPTC Media Topics, each with its code', () => {
    const codes = Object.fromEntries(topics.map((t) => [t.id, t.code]))
    expect(topics).toHaveLength(17)
    expect(codes).toMatchObject({
      'arts-culture-media': '01000000',
      'crime-law-justice': '02000000',
      'economy-business-finance': '04000000',
      education: '05000000',
      environment: '06000000',
      health: '07000000',
      labour: '09000000',
      politics: '11000000',
      religion: '12000000',
      'science-technology': '13000000',
      society: '14000000',
      sport: '15000000',
      'conflict-war-peace': '16000000',
      weather: '17000000',
    })
    expect(new Set(topics.map((t) => t.code)).size).toBe(17)
  })

  it.each([
    ['Commerce Secretary Wilbur Ross arrived in Beijing on Monday.', []],
    ['Secretary of State Antony Blinken met the foreign minister.', ['politics']],
    ['Who will pay for the new hospital?', ['health']],
    ['The European Union agreed on new rules.', ['politics']],
    ['Workers at the port will strike on Monday over pay.', ['economy-business-finance', 'labour']],
    ['The air strike killed 12 soldiers.', ['conflict-war-peace']],
    ['Police arrested two men after the shooting.', ['crime-law-justice']],
    ['Crimea was annexed in 2014.', ['conflict-war-peace']],
    ['Emissions from coal plants fell.', ['environment']],
    ['He has been under fire for weeks.', []],
  ])('labels news as a reader would: %s', (text, expected) => {
    expect(findTopics(text, topics)).toEqual(expected)
  })
})
