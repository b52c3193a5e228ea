/** Builds a store from statements written inline, the way the build script would, for focused tests. */
import { buildIndex } from '../../src/search/build-index'
import type { ArticleRecord, Corpus } from '../../src/search/corpus'
import { createStore, type Store } from '../../src/search/store'
import { buildVocabulary } from '../../src/search/vocabulary'
import type { RegistryEntity, Statement, Topic } from '../../src/types'

/** A statement with defaults for every field the test does not care about. */
export function statementOf(fields: Partial<Statement> & Pick<Statement, 'id' | 'content'>): Statement {
  return {
    article: 'a',
    kind: 'narration',
    speakers: [],
    source: null,
    cue: null,
    via: null,
    text: fields.content,
    spans: [],
    paragraph: 1,
    sentence: 1,
    topics: [],
    entities: [],
    date: null,
    confidence: fields.kind === undefined || fields.kind === 'narration' ? null : 1,
    corrected: false,
    ...fields,
  }
}

export function storeOf(
  statements: Statement[],
  extra: { synonyms?: string[][]; articles?: ArticleRecord[]; topics?: Topic[]; entities?: RegistryEntity[] } = {},
): Store {
  const corpus: Corpus = {
    version: 1,
    build_hash: 'test',
    articles: extra.articles ?? [],
    statements,
    entities: extra.entities ?? [],
    topics: extra.topics ?? [],
    synonyms: extra.synonyms ?? [],
    vocabulary: buildVocabulary(statements),
  }
  return createStore(corpus, buildIndex(statements, corpus))
}
