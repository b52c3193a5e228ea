import { describe, expect, it } from 'vitest'
import { findTopics } from '../../../src/extract/topics'
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
