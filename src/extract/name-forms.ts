/** Name forms of an article: every way a name is written, chained to its longest ("Raimondo" → "Gina Raimondo"). */
import type { EntityState } from './entity-states'
import { COUNTRIES } from './lexicon'
import type { Gender, Mention, NameForm } from './mention'
import { guessGender } from './name-kinds'

const ACRONYM = /^\p{Lu}{2,6}$/u
const BIG = 1e12

/** The largest value below `pos` in an ascending array, else -1. */
function lastBefore(sorted: readonly number[], pos: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! < pos) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? sorted[lo - 1]! : -1
}

/** The article's unregistered name forms by word and by initials; entity states supply recency and gender. */
export class NameForms {
  private readonly forms = new Map<string, NameForm>()
  private readonly formsByWord = new Map<string, NameForm[]>()
  private readonly seenInside = new Set<string>()
  private readonly byInitials = new Map<string, NameForm>()

  constructor(
    mentions: readonly Mention[],
    private readonly entities: ReadonlyMap<string, EntityState>,
  ) {
    for (const m of mentions) {
      if (m.registry !== null) continue
      let f = this.forms.get(m.text)
      if (f === undefined) {
        f = { text: m.text, words: m.text.split(' '), kind: m.kind, starts: [] }
        this.forms.set(m.text, f)
        for (const w of new Set(f.words)) {
          const list = this.formsByWord.get(w) ?? []
          list.push(f)
          this.formsByWord.set(w, list)
        }
      } else if (f.kind === 'unknown') f.kind = m.kind
      f.starts.push(m.start)
      if (!m.initial) this.seenInside.add(m.text)
    }
    for (const f of this.forms.values()) {
      if (f.kind === 'person' || f.words.length < 2) continue
      // "U.S. Federal Railroad Administration" is "FRA" too: a leading country is no part of the acronym.
      const caps = f.words.filter((w) => /^\p{Lu}/u.test(w))
      const variants = [caps, COUNTRIES.has(caps[0]?.toLowerCase() ?? '') ? caps.slice(1) : []]
      for (const v of variants) {
        const initials = v.map((w) => w.charAt(0)).join('')
        if (initials.length >= 2 && !this.byInitials.has(initials)) this.byInitials.set(initials, f)
      }
    }
  }

  /** Was the name seen (or did it speak) somewhere other than the start of a sentence? */
  isSeenInside(name: string): boolean {
    return this.seenInside.has(name)
  }

  /** Speaking makes a lone sentence-opening word a name after all ("Harris told reporters ..."). */
  markSeenInside(name: string): void {
    this.seenInside.add(name)
  }

  /** The longest name form in the article that this one begins or ends ("Raimondo" → "Gina Raimondo"). */
  canonical(m: Mention, avoid: ReadonlySet<string> = new Set()): NameForm {
    const own = this.forms.get(m.text) ?? { text: m.text, words: m.text.split(' '), kind: m.kind, starts: [m.start] }
    if (COUNTRIES.has(m.text.toLowerCase())) return own
    // "the Federal Railroad Administration ... FRA said": an acronym of a longer organisation name in the article.
    if (ACRONYM.test(m.text)) {
      const expanded = this.byInitials.get(m.text)
      if (expanded !== undefined && !avoid.has(`name:${expanded.text.toLowerCase()}`)) return expanded
    }
    const words = own.words
    let best = own
    let bestRecent = -1
    for (const f of this.formsByWord.get(words[0]!) ?? []) {
      if (f.words.length <= words.length || COUNTRIES.has(f.text.toLowerCase())) continue
      const isSuffix = words.every((w, k) => f.words[f.words.length - words.length + k] === w)
      const isPrefix = words.every((w, k) => f.words[k] === w)
      // Persons chain by surname (suffix) or, for short names, by family-name-first prefix ("Han" → "Han Zheng");
      // organisations by either end ("Kestrel" → "Kestrel Robotics Inc.", "Ministry" → "Foreign Ministry").
      const personish = f.kind !== 'organization' && own.kind !== 'organization'
      const orgPrefix = f.kind === 'organization' && own.kind !== 'person' && isPrefix
      if (!(isSuffix || orgPrefix || (isPrefix && personish && f.words.length <= 3))) continue
      if (own.kind === 'organization' && f.kind === 'person') continue
      if (!this.genderFits(f, m.gender)) continue
      const key = `name:${f.text.toLowerCase()}`
      if (avoid.has(key)) continue
      const lastPos = this.entities.get(key)?.lastPos ?? -1
      // A form whose gender is known to match beats one of unknown gender, then the most recent wins.
      const recent =
        Math.max(lastPos < m.start ? lastPos : -1, lastBefore(f.starts, m.start)) +
        (m.gender !== null && this.formGender(f) === m.gender ? BIG : 0)
      if (f.words.length > best.words.length || (f.words.length === best.words.length && recent > bestRecent)) {
        best = f
        bestRecent = recent
      }
    }
    // Also a surname that is not the first word: look the last word up too.
    if (words.length === 1) return best
    for (const f of this.formsByWord.get(words[words.length - 1]!) ?? []) {
      if (f.words.length <= best.words.length) continue
      const isSuffix = words.every((w, k) => f.words[f.words.length - words.length + k] === w)
      if (isSuffix && !(own.kind === 'organization' && f.kind === 'person')) best = f
    }
    return best
  }

  /** "Mr. Chen" is not Vivian Chen: a gendered mention only joins a chain of the same (or unknown) gender. */
  private genderFits(f: NameForm, g: Gender): boolean {
    if (g === null) return true
    const known = this.formGender(f)
    return known === null || known === g
  }

  private formGender(f: NameForm): Gender {
    return this.entities.get(`name:${f.text.toLowerCase()}`)?.gender ?? guessGender(f.words)
  }
}
