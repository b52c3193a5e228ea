/** Tokenizer: words, numbers, quotation marks and punctuation with their UTF-16 offsets. */
import { ABBREVIATIONS, NUMERIC_ABBREVIATIONS } from './lexicon'

export type TokenType = 'word' | 'number' | 'quote' | 'punct'

export interface Token {
  text: string
  /** Lower case, curly apostrophes straightened: the key every lexicon lookup uses. */
  norm: string
  start: number
  end: number
  type: TokenType
  /** Starts with an upper-case letter. */
  cap: boolean
  /** Quote unit whose interior holds this token; -1 outside quotations. Set by quote pairing. */
  quote: number
  /** On quotation marks: whether pairing read it as opening or closing. */
  mark: 'open' | 'close' | null
  /** On quotation marks: the quote unit it opens or closes, else -1. */
  unit: number
}

/** Marks read as double quotation marks; typewriter style doubles single marks (''Yes,'' he said; ``Yes''). */
export const DOUBLE_QUOTES = new Set(['"', '“', '”', '„', '«', '»', "''", '``'])
/** Characters read as single quotation marks (only used when an article has no double ones). */
export const SINGLE_QUOTES = new Set(["'", '‘', '’'])

const SINGLE_OPEN = /(?:^|[\s([—–])[‘'](?=\p{L})/gu
const DOUBLE_OPEN = /(?:^|[\s([—–])(?:["“„«]|''|``)(?=[^\s'`])/gu
/** Any double quotation mark, typewriter doubles included. */
const ANY_DOUBLE = /["“”„«»]|''|``/

function countOpens(text: string, re: RegExp): number {
  let n = 0
  re.lastIndex = 0
  while (re.exec(text) !== null) n++
  return n
}

/**
 * Does the article quote with single marks? British style quotes with single marks and nests double ones
 * (‘It’s a “must-have” asset,’ he said): the style whose marks open more quotations wins.
 */
export function usesSingleQuotes(text: string): boolean {
  const singleOpens = countOpens(text, SINGLE_OPEN)
  return singleOpens > 0 && (!ANY_DOUBLE.test(text) || singleOpens > countOpens(text, DOUBLE_OPEN))
}

const UPPER = /\p{Lu}/u
// "Kholood al-Hashimi", "Omer el-Sayed", "Ibn-Khaldun": a lower-case Arabic particle joined to a capitalised name is a name word.
const NAME_PARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|ibn|bin|bint|abu|ben|ould)[-‐’'](?=\p{Lu})/u
const CURLY = /[’‘`]/

/** The lexicon key of a word: lower case, curly apostrophes straightened ("China’s" → "china's"). */
export const normalise = (s: string): string => {
  const lower = s.toLowerCase()
  return CURLY.test(lower) ? lower.replace(/[’‘`]/g, "'") : lower
}

const isUpper = (c: string): boolean => {
  const code = c.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return UPPER.test(c)
}

// Character classes: 0 other, 1 letter, 2 digit, 3 combining mark, 4 space. ASCII by table, the rest by
// Unicode property once per code point.
const ASCII_CLASS = new Uint8Array(128)
for (let c = 0; c < 128; c++) {
  ASCII_CLASS[c] =
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : c >= 48 && c <= 57 ? 2 : c === 32 || (c >= 9 && c <= 13) ? 4 : 0
}
const classCache = new Map<number, number>()
function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!
  let k = classCache.get(cp)
  if (k === undefined) {
    const ch = String.fromCodePoint(cp)
    k = /\p{L}/u.test(ch) ? 1 : /\p{N}/u.test(ch) ? 2 : /\p{M}/u.test(ch) ? 3 : /\s/u.test(ch) ? 4 : 0
    if (classCache.size < 65536) classCache.set(cp, k)
  }
  return k
}
const cpLen = (cp: number) => (cp > 0xffff ? 2 : 1)
const isInnerJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45 || c === 0x2010 // ' ’ - ‐

/**
 * Splits text into tokens in one linear pass: dotted acronyms ("U.S.", "a.m."), numbers with separators
 * ("3.5", "1,000"), words with inner apostrophes or hyphens ("China’s", "face-to-face"), else single characters.
 *
 * @example
 * tokenize('Mr. Han’s plan') // texts: ['Mr.', 'Han’s', 'plan']; norms: ['mr.', "han's", 'plan']
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  // With double quotation marks in use, a straight or curly apostrophe after -s is a plural possessive.
  // With single ones, only before a capital: "the Dockers’ Union", but "it was ‘in discussions’ with".
  const possessive: PossessiveStyle = { single: usesSingleQuotes(text), plural: ANY_DOUBLE.test(text) }
  const n = text.length
  let i = 0
  while (i < n) {
    const cp = text.codePointAt(i)!
    const cls = classOf(cp)
    if (cls === 4) {
      i += cpLen(cp)
      continue
    }
    const start = i
    let type: TokenType
    if (isAcronymStart(text, i, cp, cls)) {
      // Dotted acronym: letter-dot pairs.
      while (i < n && wordAt(text, i) === 1 && text.charCodeAt(i + cpLen(text.codePointAt(i)!)) === 46)
        i += cpLen(text.codePointAt(i)!) + 1
      type = 'word'
    } else if (cls >= 1 && cls <= 3) {
      const scanned = scanWordOrNumber(text, i, possessive)
      i = scanned.end
      type = scanned.type
    } else {
      // ''Yes,'' he said: a typewriter double mark is one token.
      i += (cp === 39 || cp === 96) && text.charCodeAt(i + 1) === cp ? 2 : cpLen(cp)
      const raw = text.slice(start, i)
      type = DOUBLE_QUOTES.has(raw) || SINGLE_QUOTES.has(raw) ? 'quote' : 'punct'
    }
    const raw = text.slice(start, i)
    out.push({
      text: raw,
      norm: type === 'word' ? normalise(raw) : raw,
      start,
      end: i,
      type,
      cap: type === 'word' && (isUpper(raw.charAt(0)) || NAME_PARTICLE.test(raw)),
      quote: -1,
      mark: null,
      unit: -1,
    })
  }
  return out
}

/** How an article writes quotations, which decides whether "s’" ends a word as a plural possessive. */
interface PossessiveStyle {
  single: boolean
  plural: boolean
}

/** The class of the code point at i when it can be part of a word (1 letter, 2 digit, 3 mark), else 0. */
function wordAt(text: string, i: number): number {
  if (i >= text.length) return 0
  const k = classOf(text.codePointAt(i)!)
  return k >= 1 && k <= 3 ? k : 0
}

/** "U.S.", "a.m.": a letter, a dot, a letter, a dot. */
function isAcronymStart(text: string, i: number, cp: number, cls: number): boolean {
  return (
    cls === 1 &&
    text.charCodeAt(i + cpLen(cp)) === 46 &&
    wordAt(text, i + cpLen(cp) + 1) === 1 &&
    text.charCodeAt(i + cpLen(cp) + 1 + cpLen(text.codePointAt(i + cpLen(cp) + 1)!)) === 46
  )
}

/** Scans a word or a number starting at i: its end and its type. */
function scanWordOrNumber(text: string, i: number, possessive: PossessiveStyle): { end: number; type: TokenType } {
  const n = text.length
  const start = i
  let allDigits = true
  const eat = () => {
    while (i < n) {
      const k = wordAt(text, i)
      if (k === 0) break
      if (k !== 2) allDigits = false
      i += cpLen(text.codePointAt(i)!)
    }
  }
  eat()
  if (allDigits && (text[i] === '.' || text[i] === ',' || text[i] === ':') && wordAt(text, i + 1) === 2) {
    // 3.5, 1,000, 12:30
    while ((text[i] === '.' || text[i] === ',' || text[i] === ':') && wordAt(text, i + 1) === 2) {
      i++
      while (wordAt(text, i) === 2) i++
    }
    return { end: i, type: 'number' }
  }
  let joined = false
  while (isInnerJoiner(text.charCodeAt(i)) && wordAt(text, i + 1) !== 0) {
    i++
    joined = true
    eat()
  }
  if (allDigits && !joined) return { end: i, type: 'number' }
  return { end: wordEnd(text, start, i, possessive), type: 'word' }
}

/** Where a word ends once a dot or an apostrophe after it is read: "Mr." keeps its dot, "Dockers'" its apostrophe. */
function wordEnd(text: string, start: number, i: number, possessive: PossessiveStyle): number {
  const raw = text.slice(start, i)
  const next = text.charCodeAt(i)
  if (next === 46 /* . */) {
    // "Mr." keeps its dot; so does an initial ("John F. Kennedy") and "No." before a number.
    const low = normalise(raw)
    if (
      ABBREVIATIONS.has(low) ||
      (raw.length === 1 && isUpper(raw)) ||
      (NUMERIC_ABBREVIATIONS.has(low) && /\s\p{N}/u.test(text.slice(i + 1, i + 3)))
    )
      return i + 1
  } else if (
    possessive.plural &&
    (next === 39 || next === 0x2019) &&
    /s$/i.test(raw) &&
    (possessive.single ? /^\s+\p{Lu}/u : /^\s+\p{L}/u).test(text.slice(i + 1, i + 3))
  ) {
    // "the Dockers' Union", "the keepers’ cottages": the apostrophe belongs to the word.
    return i + 1
  }
  return i
}

/** True for a word token ending in a possessive ("Smith's", "China’s"). */
export const isPossessive = (t: Token): boolean => t.type === 'word' && /'s$|s'$/.test(t.norm)

/**
 * The token text without a possessive ending.
 *
 * @example
 * stripPossessive('Smith’s') // 'Smith'
 * stripPossessive('Dockers’') // 'Dockers'
 */
export const stripPossessive = (s: string): string => s.replace(/['’]s$/, '').replace(/s['’]$/, 's')

/**
 * A US party-and-state tag after a lawmaker's name: "R-Ohio", "D-N.Y.", "I-Vt.".
 *
 * @example
 * isPartyTag(tokenize('R-Ohio')[0]) // true
 */
export const isPartyTag = (t: Token): boolean => t.type === 'word' && /^[DRI]-\p{Lu}/u.test(t.text)
