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

/** Deterministic pseudo-random numbers in [0, 1), so every run builds the same corpus. */
function random(seed: number): () => number {
  // mulberry32: 32-bit integer arithmetic throughout (a float LCG loses bits past 2^53 and repeats).
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

const SYLLABLES = [
  'ba',
  'ko',
  'ri',
  'mu',
  'te',
  'lan',
  'dor',
  'si',
  'vel',
  'na',
  'pra',
  'gu',
  'the',
  'mon',
  'ca',
  'zi',
  'fer',
  'lo',
  'quin',
  'stra',
]

/** At least `size` distinct words, most frequent first: the base articles' words by frequency, then invented ones. */
function vocabulary(texts: readonly string[], size: number): string[] {
  const counts = new Map<string, number>()
  for (const text of texts)
    for (const w of text.split(/[^\p{L}\p{N}'-]+/u))
      if (w) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1)
  const words = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w)
  const seen = new Set(words)
  // Invented words of two to four syllables fill the long tail, as rare words do in news.
  for (let k = 0; words.length < size; k++) {
    let w = ''
    for (let n = k; ; n = Math.floor(n / SYLLABLES.length) - 1) {
      w += SYLLABLES[n % SYLLABLES.length]
      if (n < SYLLABLES.length) break
    }
    if (w.length >= 4 && !seen.has(w)) {
      seen.add(w)
      words.push(w)
    }
  }
  return words
}

/** Samples word ranks with Zipf's law (P(rank r) ∝ 1 / (r + 1)^1.05). */
function zipfSampler(size: number, rand: () => number): () => number {
  const cdf = new Float64Array(size)
  let sum = 0
  for (let r = 0; r < size; r++) {
    sum += 1 / (r + 1) ** 1.05
    cdf[r] = sum
  }
  return () => {
    const x = rand() * sum
    let lo = 0
    let hi = size - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cdf[mid]! < x) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

const ROLES = ['Minister', 'Senator', 'Governor', 'Mayor', 'Spokesperson', 'Ambassador', 'Chief Executive', 'Professor']
const AFFILIATIONS = [
  'Northland',
  'the Eastern League',
  'Harbour Council',
  'the Western Union',
  'Midvale',
  'the Treaty Office',
]

/** Words in the synthetic vocabulary: the base articles' words plus invented ones, Zipf-distributed. */
export const SYNTHETIC_VOCABULARY = 24_000
/** Invented speakers, each with its own surname, full name and title-and-surname aliases. */
export const SYNTHETIC_SPEAKERS = 500

/**
 * A synthetic corpus of `n` statements in articles of 40, fixed by a seed: sentences of 12–40 words
 * drawn from a Zipf vocabulary of 24,000 words (the base articles' words first, by frequency),
 * quotes and reported speech by 500 invented speakers with a long tail (as in real news), each
 * mentioned by surname, full name or title and surname (its aliases), plus one in 50 statements
 * copied with its speakers and mention from the base corpus, so its filters keep matching a
 * realistic few. Article text is the statements' sentences, so content and text are pieces of it
 * as in real articles.
 */
export function syntheticCorpus(base: Corpus, n: number): Corpus {
  const texts = base.articles
    .map((a) => a.text)
    .concat(
      readdirSync(join(ROOT, 'test/fixtures/articles'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => readFileSync(join(ROOT, 'test/fixtures/articles', f), 'utf8')),
    )
  const words = vocabulary(texts, SYNTHETIC_VOCABULARY)
  const rand = random(42)
  const rank = zipfSampler(words.length, rand)
  const invented = inventSpeakers(base, SYNTHETIC_SPEAKERS).map(({ speaker, surname }, k) => ({
    speaker: { ...speaker, role: ROLES[k % ROLES.length]!, affiliation: AFFILIATIONS[k % AFFILIATIONS.length]! },
    mentions: [surname, speaker.name, `${ROLES[k % ROLES.length]} ${surname}`],
  }))
  const seedAttributed = base.statements.filter((s) => s.speakers.length > 0)
  const registry = buildRegistryIndex(base.entities)
  const statements: Statement[] = []
  const articles: Corpus['articles'] = []
  const dayMs = 86_400_000
  for (let a = 0; a * 40 < n; a++) {
    const id = `synthetic-${a}`
    const date = new Date(Date.UTC(2020, 0, 1) + (a % 1500) * dayMs).toISOString().slice(0, 10)
    let text = ''
    const paragraphs: Corpus['articles'][number]['paragraphs'] = []
    for (let i = a * 40; i < Math.min(n, (a + 1) * 40); i++) {
      const len = 12 + Math.floor(rand() * 29)
      const drawn = Array.from({ length: len }, () => words[rank()]!)
      drawn[0] = drawn[0]!.charAt(0).toUpperCase() + drawn[0]!.slice(1)
      const content = drawn.join(' ')
      // Zipf-like speakers: speaker k is chosen with weight about 1/(k+1).
      const k = Math.min(invented.length - 1, Math.floor(Math.exp(rand() * Math.log(invented.length + 1))) - 1)
      const fromSeed = i % 50 === 0 && seedAttributed.length > 0
      const template = fromSeed ? seedAttributed[(i / 50) % seedAttributed.length]! : null
      const roll = rand()
      const kind: Statement['kind'] = template
        ? template.kind
        : roll < 0.35
          ? 'direct'
          : roll < 0.7
            ? 'indirect'
            : roll < 0.75
              ? 'mixed'
              : 'narration'
      const speakers = template ? template.speakers : kind === 'narration' ? [] : [invented[k]!.speaker]
      const source = template ? template.source : kind === 'narration' ? null : invented[k]!.mentions[i % 3]!
      const cue = kind === 'narration' ? null : i % 7 === 0 ? 'told reporters' : 'said'
      const sentence =
        kind === 'narration'
          ? `${content}.`
          : kind === 'indirect'
            ? `${source} ${cue} ${content}.`
            : `"${content}," ${source} ${cue}.`
      const start = text.length + sentence.indexOf(content)
      const sentenceStart = text.length
      text += sentence
      paragraphs.push({ start: sentenceStart, end: text.length })
      text += '\n'
      statements.push({
        id: `${id}-${i.toString(16).padStart(10, '0')}`,
        article: id,
        kind,
        speakers,
        source,
        cue,
        via: template?.via ?? null,
        content,
        text: sentence,
        spans: [{ start, end: start + content.length }],
        paragraph: paragraphs.length,
        sentence: paragraphs.length,
        // Topics and entities from the words, as the extractor would assign them.
        topics: findTopics(content, base.topics),
        entities: findEntityIds(content, registry),
        date,
        confidence: kind === 'narration' ? null : 0.9,
        corrected: false,
      })
    }
    articles.push({
      ...base.articles[0]!,
      id,
      title: `Synthetic ${a}`,
      file: `${id}.txt`,
      event_date: date,
      published: date,
      text,
      paragraphs,
    })
  }
  return { ...base, articles, statements }
}

/** Builds and serializes the index of a corpus, as the build script does. */
export function indexCorpus(corpus: Corpus): string {
  return JSON.stringify(buildIndex(corpus.statements, corpus))
}
