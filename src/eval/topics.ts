/** Scores topic assignment against hand labels: precision, recall and F1 per topic and micro-averaged. */
import type { Statement } from '../types'

/** A hand label: the statement whose content span covers offset `at` of the article, and its topics. */
export interface TopicLabel {
  article: string
  at: number
  /** Topic ids a careful reader gives the statement; [] when it is about none. */
  topics: string[]
}

export interface TopicRow {
  topic: string
  /** Labelled with the topic / assigned it / both. */
  labelled: number
  assigned: number
  correct: number
  precision: number | null
  recall: number | null
  f1: number | null
}

export interface TopicScores {
  rows: TopicRow[]
  micro: Omit<TopicRow, 'topic'>
  /** Labels whose statement the corpus lacks (the extractor split the text differently). */
  unmatched: TopicLabel[]
  labels: number
}

const round = (x: number) => Math.round(x * 1000) / 1000
const ratio = (a: number, b: number) => (b === 0 ? null : round(a / b))

function row(labelled: number, assigned: number, correct: number) {
  const precision = ratio(correct, assigned)
  const recall = ratio(correct, labelled)
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? round((2 * precision * recall) / (precision + recall))
      : null
  return { labelled, assigned, correct, precision, recall, f1 }
}

/**
 * Compares each labelled statement's assigned topics with its labels; `topicIds` lists the taxonomy,
 * so a topic nobody labelled or assigned still gets a row.
 *
 * @example scoreTopics(statements, [{ article: 'a', at: 10, topics: ['politics'] }], ['politics']).micro.recall
 */
export function scoreTopics(
  statements: readonly Statement[],
  labels: readonly TopicLabel[],
  topicIds: readonly string[],
): TopicScores {
  const byArticle = new Map<string, Statement[]>()
  for (const st of statements) byArticle.set(st.article, [...(byArticle.get(st.article) ?? []), st])
  const counts = new Map(topicIds.map((t) => [t, { labelled: 0, assigned: 0, correct: 0 }]))
  const count = (t: string) => {
    const c = counts.get(t) ?? { labelled: 0, assigned: 0, correct: 0 }
    counts.set(t, c)
    return c
  }
  const unmatched: TopicLabel[] = []
  for (const label of labels) {
    const st = byArticle
      .get(label.article)
      ?.find((s) => s.spans.some((sp) => sp.start <= label.at && label.at < sp.end))
    if (!st) {
      unmatched.push(label)
      continue
    }
    const wanted = new Set(label.topics)
    for (const t of wanted) count(t).labelled++
    for (const t of new Set(st.topics)) {
      count(t).assigned++
      if (wanted.has(t)) count(t).correct++
    }
  }
  const rows = [...counts].map(([topic, c]) => ({ topic, ...row(c.labelled, c.assigned, c.correct) }))
  const sum = (k: 'labelled' | 'assigned' | 'correct') => rows.reduce((a, r) => a + r[k], 0)
  return { rows, micro: row(sum('labelled'), sum('assigned'), sum('correct')), unmatched, labels: labels.length }
}
