/** A synthetic corpus of any size for benchmarks, built from the words of the real articles. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildRegistryIndex, findEntityIds } from '../src/extract/entities'
import { slugify } from '../src/extract/ids'
import { findTopics } from '../src/extract/topics'
import { buildIndex } from '../src/search/build-index'
import type { Corpus } from '../src/search/corpus'
import { normalizeName } from '../src/search/text'
import type { Speaker, Statement } from '../src/types'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// Invented speakers get names no seed speaker, mention or registry entry shares, so a seed filter
// (`speaker=blinken`) selects the seed's statements only. Surnames are prefix × suffix, all distinct.
const GIVEN_NAMES = [
  'Amara',
  'Bernard',
  'Carla',
  'Dmitri',
  'Elena',
  'Felix',
  'Grace',
  'Hector',
  'Ingrid',
  'Jonas',
  'Keiko',
  'Lars',
  'Maya',
  'Nadia',
  'Oscar',
  'Priya',
  'Rafael',
  'Sofia',
  'Tomas',
  'Ursula',
  'Victor',
  'Wendy',
  'Yusuf',
  'Zoe',
  'Aidan',
  'Beatriz',
  'Colin',
  'Daria',
  'Emil',
  'Fatima',
  'Gideon',
  'Helena',
  'Isaac',
  'Julia',
  'Kofi',
  'Leila',
  'Marco',
  'Nora',
  'Owen',
  'Paula',
]
const SURNAME_HEADS = [
  'Ash',
  'Bram',
  'Cor',
  'Dal',
  'Ever',
  'Fen',
  'Gar',
  'Hal',
  'Kest',
  'Lind',
  'Mar',
  'Nor',
  'Orm',
  'Pem',
  'Quen',
  'Rad',
  'Sel',
  'Thorn',
  'Ul',
  'Var',
  'Wes',
  'Yar',
  'Zell',
  'Brin',
  'Cald',
  'Dun',
]
const SURNAME_TAILS = [
  'ford',
  'ley',
  'wick',
  'ton',
  'by',
  'more',
  'well',
  'dale',
  'ham',
  'stead',
  'worth',
  'croft',
  'field',
  'mere',
  'ridge',
  'shaw',
  'brook',
  'low',
  'ington',
  'sey',
]

/** Every spelling that names something in the base corpus, word by word: invented names must avoid them all. */
function reservedKeys(base: Corpus): Set<string> {
  const spellings: string[] = []
  for (const st of base.statements) {
    for (const sp of [...st.speakers, ...(st.via ? [st.via] : [])]) spellings.push(sp.id, sp.name)
    if (st.source) spellings.push(st.source)
  }
  for (const e of base.entities) spellings.push(e.id, e.name, ...e.aliases)
  const keys = new Set<string>()
  for (const spelling of spellings) {
    const key = normalizeName(spelling)
    keys.add(key)
    for (const word of key.split(' ')) keys.add(word)
  }
  return keys
}

/** `count` people with distinct, realistic names, none sharing a word with a base-corpus name or alias. */
function inventSpeakers(base: Corpus, count: number): Array<{ speaker: Speaker; surname: string }> {
  const reserved = reservedKeys(base)
  const givenNames = GIVEN_NAMES.filter((g) => !reserved.has(normalizeName(g)))
  const invented: Array<{ speaker: Speaker; surname: string }> = []
  for (let k = 0; k < SURNAME_HEADS.length * SURNAME_TAILS.length && invented.length < count; k++) {
    const surname = `${SURNAME_HEADS[k % SURNAME_HEADS.length]}${SURNAME_TAILS[Math.floor(k / SURNAME_HEADS.length)]}`
    if (reserved.has(normalizeName(surname))) continue
    const given = givenNames[invented.length % givenNames.length]!
    const name = `${given} ${surname}`
    invented.push({ speaker: { id: slugify(name), name, type: 'person' }, surname })
  }
  if (invented.length < count) throw new Error(`synthetic: only ${invented.length} speaker names avoid the base corpus`)
  return invented
}

/**
 * A synthetic corpus: sentences sampled from the words of the seed and fixture articles, spoken by
 * 500 invented speakers with a long tail (as in real news), plus one in 50 statements copied with
 * its speakers and mention from the seed, so seed filters keep matching a realistic few.
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
  let seed = 42
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed / 2 ** 31
  }
  const invented = inventSpeakers(base, 500)
  const seedAttributed = base.statements.filter((s) => s.speakers.length > 0)
  const registry = buildRegistryIndex(base.entities)
  const statements: Statement[] = []
  for (let i = 0; i < n; i++) {
    const len = 12 + Math.floor(rand() * 30)
    const start = Math.floor(rand() * (words.length - len))
    const content = words.slice(start, start + len).join(' ')
    // Zipf-like: speaker k is chosen with weight about 1/(k+1).
    const k = Math.min(invented.length - 1, Math.floor(Math.exp(rand() * Math.log(invented.length + 1))) - 1)
    const fromSeed = i % 50 === 0 && seedAttributed.length > 0
    const template = fromSeed
      ? seedAttributed[(i / 50) % seedAttributed.length]!
      : base.statements[i % base.statements.length]!
    // A seed statement keeps its speakers and mention; narration stays unattributed; any other
    // statement is the invented speaker's, mentioned by surname ("Ashford said").
    const attribution: Pick<Statement, 'speakers' | 'source'> =
      fromSeed || template.speakers.length === 0
        ? { speakers: template.speakers, source: template.source }
        : { speakers: [invented[k]!.speaker], source: invented[k]!.surname }
    statements.push({
      ...template,
      ...attribution,
      id: `synthetic-${i}`,
      article: `synthetic-${Math.floor(i / 40)}`,
      content,
      text: content,
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
