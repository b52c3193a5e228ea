/** A synthetic corpus of any size for benchmarks, built from the words of the real articles. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildRegistryIndex, findEntityIds } from '../src/extract/entities'
import { findTopics } from '../src/extract/topics'
import { buildIndex } from '../src/search/build-index'
import type { Corpus } from '../src/search/corpus'
import type { Speaker, Statement } from '../src/types'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * A synthetic corpus: sentences sampled from the words of the seed and fixture articles, spoken by
 * 500 invented speakers with a long tail (as in real news), plus the seed's own speakers on 1 in 50.
 */
export function syntheticCorpus(base: Corpus, n: number): Corpus {
  const words = base.articles
    .map((a) => a.text)
    .concat(
      readdirSync(join(ROOT, 'test/fixtures/articles'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(ROOT, 'test/fixtures/articles', f), 'utf8')),
    )
    .join(' ')
    .split(/\s+/)
    .filter(Boolean)
  const names = [...new Set(words.filter((w) => /^\p{Lu}\p{Ll}{3,}$/u.test(w)))]
  let seed = 42
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
  const invented: Speaker[] = Array.from({ length: 500 }, (_, k) => {
    const name = `${names[k % names.length]} ${names[(k * 7 + 3) % names.length]}`
    return { id: `synthetic-speaker-${k}`, name, type: 'person' }
  })
  const seedSpeakers = base.statements.flatMap((s) => s.speakers)
  const registry = buildRegistryIndex(base.entities)
  const statements: Statement[] = []
  for (let i = 0; i < n; i++) {
    const len = 12 + Math.floor(rand() * 30)
    const start = Math.floor(rand() * (words.length - len))
    const content = words.slice(start, start + len).join(' ')
    const template = base.statements[i % base.statements.length]!
    // Zipf-like: speaker k is chosen with weight about 1/(k+1).
    const k = Math.min(invented.length - 1, Math.floor(Math.exp(rand() * Math.log(invented.length + 1))) - 1)
    const speaker = i % 50 === 0 && seedSpeakers.length ? seedSpeakers[i % seedSpeakers.length]! : invented[k]!
    statements.push({
      ...template,
      id: `synthetic-${i}`,
      article: `synthetic-${Math.floor(i / 40)}`,
      content,
      text: content,
      speakers: [speaker],
      // Topics and entities from the sampled words, as the extractor would assign them.
      topics: findTopics(content, base.topics),
      entities: findEntityIds(content, registry),
      spans: [{ start: 0, end: content.length }],
      sentence: (i % 40) + 1,
    })
  }
  const articles = Array.from({ length: Math.ceil(n / 40) }, (_, k) => ({
    ...base.articles[0]!,
    id: `synthetic-${k}`,
    title: `Synthetic ${k}`,
  }))
  return { ...base, articles, statements }
}

/** Builds and serializes the index of a corpus, as the build script does. */
export function indexCorpus(corpus: Corpus): string {
  return JSON.stringify(buildIndex(corpus.statements, corpus))
}
