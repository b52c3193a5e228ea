/** Topic scoring against hand labels, and the labels kept for PolNeAR (ids and offsets only). */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scoreTopics, type TopicLabel } from '../../../src/eval/topics'
import type { Statement } from '../../../src/types'

const st = (article: string, start: number, end: number, topics: string[]) =>
  ({ article, spans: [{ start, end }], topics }) as unknown as Statement

describe('scoreTopics', () => {
  const statements = [st('a', 0, 10, ['politics']), st('a', 10, 20, ['politics', 'health']), st('b', 0, 5, [])]

  it('counts labelled, assigned and correct per topic, with precision, recall and F1', () => {
    const labels: TopicLabel[] = [
      { article: 'a', at: 3, topics: ['politics'] },
      { article: 'a', at: 12, topics: ['health', 'economy'] },
      { article: 'b', at: 1, topics: ['economy'] },
    ]
    const scores = scoreTopics(statements, labels, ['politics', 'health', 'economy', 'sport'])
    const row = (t: string) => scores.rows.find((r) => r.topic === t)
    expect(row('politics')).toMatchObject({ labelled: 1, assigned: 2, correct: 1, precision: 0.5, recall: 1 })
    expect(row('health')).toMatchObject({ labelled: 1, assigned: 1, correct: 1, precision: 1, recall: 1, f1: 1 })
    expect(row('economy')).toMatchObject({ labelled: 2, assigned: 0, correct: 0, precision: null, recall: 0 })
    expect(row('sport')).toMatchObject({ labelled: 0, assigned: 0, precision: null, recall: null, f1: null })
    expect(scores.micro).toMatchObject({ labelled: 4, assigned: 3, correct: 2, precision: 0.667, recall: 0.5 })
  })

  it('reports labels that point at no statement instead of scoring them', () => {
    const scores = scoreTopics(statements, [{ article: 'c', at: 1, topics: ['politics'] }], ['politics'])
    expect(scores.unmatched).toHaveLength(1)
    expect(scores.micro.labelled).toBe(0)
  })
})

describe('test/topics/polnear-dev-labels.json', () => {
  const labels = JSON.parse(readFileSync('test/topics/polnear-dev-labels.json', 'utf8')) as TopicLabel[]
  const taxonomy = new Set(
    (JSON.parse(readFileSync('test/corpus/topics.json', 'utf8')) as { id: string }[]).map((t) => t.id),
  )

  it('holds 100 labels of at least 60 articles, as ids, offsets and topic ids only', () => {
    expect(labels).toHaveLength(100)
    expect(new Set(labels.map((l) => l.article)).size).toBeGreaterThanOrEqual(60)
    for (const l of labels) {
      expect(Object.keys(l).sort()).toEqual(['article', 'at', 'topics'])
      for (const t of l.topics) expect(taxonomy.has(t), t).toBe(true)
    }
  })
})
