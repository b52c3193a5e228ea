/** Response examples for the OpenAPI document: real records of the seed article (test/corpus/ and data/ share it). */
import type { Speaker, Statement } from '../types'

// The seed article's speakers as the API serves them, written once for every example below.
const HAN_ZHENG = {
  id: 'han-zheng',
  name: 'Han Zheng',
  type: 'person',
  role: 'Vice President of China',
  affiliation: 'China',
} satisfies Speaker
const BLINKEN = {
  id: 'antony-blinken',
  name: 'Antony Blinken',
  type: 'person',
  role: 'US Secretary of State',
  affiliation: 'United States',
} satisfies Speaker
const XINHUA = {
  id: 'xinhua',
  name: 'Xinhua News Agency',
  type: 'organization',
  role: 'State news agency of China',
  affiliation: 'China',
} satisfies Speaker

/** A statement relayed by a news agency, so the example shows a non-null `via`. */
export const STATEMENT_EXAMPLE = {
  id: 'han-blinken-unga-2023-d12077dd0f',
  article: 'han-blinken-unga-2023',
  kind: 'indirect',
  speakers: [HAN_ZHENG],
  source: 'Han',
  cue: 'said',
  via: XINHUA,
  content:
    "he hoped the United States and China will meet each other halfway, and implement the consensus reached by the two countries' leaders and promote the stable development of relations",
  text: "Xinhua News Agency reported that Han said he hoped the United States and China will meet each other halfway, and implement the consensus reached by the two countries' leaders and promote the stable development of relations.",
  spans: [{ start: 455, end: 635 }],
  paragraph: 3,
  sentence: 3,
  topics: [],
  entities: [],
  date: '2023-09-18',
  confidence: 0.95,
  corrected: false,
} satisfies Statement

export const SPEAKER_SUMMARY_EXAMPLE = {
  id: 'han-zheng',
  name: 'Han Zheng',
  type: 'person',
  role: 'Vice President of China',
  affiliation: 'China',
  aliases: ['Han', 'Vice President Han Zheng', 'Vice President Han', "China's vice president", 'the vice president'],
  counts: { total: 4, direct: 0, mixed: 0, indirect: 4 },
  relayed: 0,
}

export const TOPIC_EXAMPLE = {
  id: 'economy-business-finance',
  label: 'economy, business and finance',
  code: '04000000',
  description: 'The economy, business, markets, trade, taxes, public finance and prices.',
  keywords: ['economy', 'economies', 'economic*', 'IMF'],
  exclude: ['Commerce Secretary', 'Secretary of Commerce'],
  count: 2,
}

export const ENTITY_EXAMPLE = {
  id: 'antony-blinken',
  name: 'Antony Blinken',
  type: 'person',
  registered: true,
  role: 'US Secretary of State',
  affiliation: 'United States',
  aliases: [
    'Blinken',
    'Secretary Blinken',
    'Secretary of State Antony Blinken',
    "America's top diplomat",
    'the top US diplomat',
    'the secretary of state',
  ],
  count: 4,
}

/** The seed article's record, which the summary and the full article share. */
const ARTICLE_RECORD_EXAMPLE = {
  id: 'han-blinken-unga-2023',
  title: 'Han Zheng and Antony Blinken voice hope for stable China–US ties at the UN General Assembly',
  publisher: null,
  publisher_note: 'Unknown: the text names no publisher and carries only an agency credit line.',
  credit: '(Agencies)',
  event_date: '2023-09-18',
  published: null,
  url: null,
  language: 'en',
  file: 'han-blinken-unga-2023.txt',
}

export const ARTICLE_SUMMARY_EXAMPLE = { ...ARTICLE_RECORD_EXAMPLE, statement_count: 18 }

/** The seed article cut to its first paragraphs. */
export const ARTICLE_EXAMPLE = {
  ...ARTICLE_RECORD_EXAMPLE,
  text: "Vice president Han Zheng and America's top diplomat both voiced hope on Monday for more stability in the often tense relationship as the rival powers held their second high-level talks in days.\nHan met US Secretary of State Antony Blinken on the sidelines of the United Nations General Assembly in New York, the latest in a series of meetings aimed at reducing tensions between the world's two largest economies.",
  paragraphs: [
    { start: 0, end: 193 },
    { start: 194, end: 412 },
  ],
  statements: [
    {
      id: 'han-blinken-unga-2023-f837fc38fd',
      kind: 'indirect',
      speakers: [HAN_ZHENG, BLINKEN],
      cue: 'voiced hope',
      spans: [{ start: 83, end: 129 }],
      paragraph: 1,
    },
    {
      id: 'han-blinken-unga-2023-6a1d06c4a5',
      kind: 'narration',
      speakers: [],
      cue: null,
      spans: [{ start: 194, end: 412 }],
      paragraph: 2,
    },
  ],
}

export const HEALTH_EXAMPLE = {
  status: 'ok',
  statements: 45,
  articles: 3,
  speakers: 14,
  build_hash: 'de3ba58fbb67c27c',
}

export const SUGGESTIONS_EXAMPLE = {
  query: 'blin',
  suggestions: [
    { text: 'Antony Blinken', type: 'speaker', count: 4, id: 'antony-blinken' },
    { text: 'Blinken', type: 'term', count: 4 },
  ],
}

/** A search hit: a statement with its score, matches, highlights and snippet. */
const SEARCH_HIT_EXAMPLE = {
  id: 'han-blinken-unga-2023-f1832e966e',
  article: 'han-blinken-unga-2023',
  kind: 'direct',
  speakers: [BLINKEN],
  source: 'Blinken',
  cue: 'said',
  via: null,
  content:
    'From the perspective of the United States, face-to-face diplomacy is the best way to deal with areas where we disagree, and also the best way to explore areas of cooperation between us,',
  text: '"From the perspective of the United States, face-to-face diplomacy is the best way to deal with areas where we disagree, and also the best way to explore areas of cooperation between us," Blinken said.',
  spans: [{ start: 1838, end: 2023 }],
  paragraph: 11,
  sentence: 12,
  topics: ['politics'],
  entities: [],
  date: '2023-09-18',
  confidence: 0.97,
  corrected: false,
  score: 125.543,
  matches: { facetofac: ['content'], fac: ['content'], diplomacy: ['content'] },
  highlights: [
    { field: 'content', start: 43, end: 55 },
    { field: 'content', start: 56, end: 65 },
    { field: 'text', start: 44, end: 56 },
    { field: 'text', start: 57, end: 66 },
  ],
  snippet:
    'From the perspective of the United States, face-to-face diplomacy is the best way to deal with areas where we disagree, and also the best way to explore areas of cooperation…',
} satisfies Statement & Record<string, unknown>

export const SEARCH_PAGE_EXAMPLE = {
  total: 1,
  limit: 1,
  offset: 0,
  relaxed: false,
  results: [SEARCH_HIT_EXAMPLE],
  facets: { kind: [{ value: 'direct', label: 'direct', count: 1 }] },
  links: { self: '/v1/search?q=face-to-face%20diplomacy&limit=1&facets=kind', next: null, prev: null },
}

export const SIMILAR_PAGE_EXAMPLE = {
  total: 4,
  limit: 1,
  offset: 0,
  links: {
    self: '/v1/statements/han-blinken-unga-2023-da56563213/similar?limit=1',
    next: '/v1/statements/han-blinken-unga-2023-da56563213/similar?limit=1&offset=1',
    prev: null,
  },
  results: [
    {
      id: 'han-blinken-unga-2023-f837fc38fd',
      article: 'han-blinken-unga-2023',
      kind: 'indirect',
      speakers: [HAN_ZHENG, BLINKEN],
      source: "Vice president Han Zheng and America's top diplomat",
      cue: 'voiced hope',
      via: null,
      content: 'more stability in the often tense relationship',
      text: "Vice president Han Zheng and America's top diplomat both voiced hope on Monday for more stability in the often tense relationship as the rival powers held their second high-level talks in days.",
      spans: [{ start: 83, end: 129 }],
      paragraph: 1,
      sentence: 1,
      topics: [],
      entities: [],
      date: '2023-09-18',
      confidence: 0.64,
      corrected: false,
      score: 23.405,
    },
  ],
}

/** One page around one item, as the list at `self` answers: no page before or after it. */
export function pageExample<T>(item: T, self: string) {
  return { total: 1, limit: 20, offset: 0, links: { self, next: null, prev: null }, results: [item] }
}

/** What POST /v1/extract answers for the request body's example. */
export const EXTRACT_EXAMPLE = {
  article: { id: 'submitted', title: 'Talks resume', date: '2023-09-18', characters: 112 },
  statements: [
    {
      id: 'submitted-5aab5045c3',
      article: 'submitted',
      kind: 'direct',
      speakers: [BLINKEN],
      source: 'Blinken',
      cue: 'said',
      via: null,
      content: 'We want to keep the lines of communication open,',
      text: '"We want to keep the lines of communication open," Blinken said on Monday.',
      spans: [{ start: 1, end: 49 }],
      paragraph: 1,
      sentence: 1,
      topics: [],
      entities: [],
      date: '2023-09-18',
      confidence: 0.97,
      corrected: false,
    },
    {
      id: 'submitted-8236399980',
      article: 'submitted',
      kind: 'indirect',
      speakers: [{ id: 'ministry', name: 'ministry', type: 'organization' }],
      source: 'The ministry',
      cue: 'said',
      via: null,
      content: 'it had no comment',
      text: 'The ministry said it had no comment.',
      spans: [{ start: 94, end: 111 }],
      paragraph: 2,
      sentence: 2,
      topics: [],
      entities: [],
      date: '2023-09-18',
      confidence: 0.94,
      corrected: false,
    },
  ],
  warnings: [],
}

/**
 * The example 200 body of every operation, by operationId. scripts/build-openapi.ts puts each into
 * the document it generates (and derives the CSV and NDJSON examples of the exports from it); the
 * routes never import this file, so the Worker, which serves that document as it is, does not
 * bundle the examples.
 */
export const RESPONSE_EXAMPLES: Readonly<Record<string, unknown>> = {
  searchStatements: SEARCH_PAGE_EXAMPLE,
  suggestCompletions: SUGGESTIONS_EXAMPLE,
  listStatements: pageExample(STATEMENT_EXAMPLE, '/v1/statements'),
  getStatement: STATEMENT_EXAMPLE,
  listSimilarStatements: SIMILAR_PAGE_EXAMPLE,
  listSpeakers: pageExample(SPEAKER_SUMMARY_EXAMPLE, '/v1/speakers'),
  getSpeaker: SPEAKER_SUMMARY_EXAMPLE,
  listSpeakerStatements: pageExample(STATEMENT_EXAMPLE, '/v1/speakers/han-zheng/statements'),
  listTopics: pageExample(TOPIC_EXAMPLE, '/v1/topics'),
  listTopicStatements: pageExample(STATEMENT_EXAMPLE, '/v1/topics/politics/statements'),
  listEntities: pageExample(ENTITY_EXAMPLE, '/v1/entities'),
  listArticles: pageExample(ARTICLE_SUMMARY_EXAMPLE, '/v1/articles'),
  getArticle: ARTICLE_EXAMPLE,
  extractStatements: EXTRACT_EXAMPLE,
  getHealth: HEALTH_EXAMPLE,
}
