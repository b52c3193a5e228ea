/** Explains a page of hits: which query words matched which index terms, how, and for how much score. */
import { type SearchField, SPEAKER_FIELDS } from './options'
import { clauseQuery, type QueryPlan, type SearchHit } from './search'
import type { Store } from './store'
import { processTerm, tokenize } from './text'

export interface Expansion {
  /** The query word or synonym form as typed. */
  query: string
  /** The index term it matched. */
  matched: string
  how: 'exact' | 'prefix' | 'fuzzy' | 'synonym'
}

/**
 * Where a query word matched: in what the statement says (its content, sentence, labels, cue), or
 * only in who said it (the speaker's name, role or affiliation).
 */
export type MatchedThrough = 'words' | 'speaker'

export interface ClauseScore {
  clause: string
  score: number
  expansions: Expansion[]
  /** Null when the clause did not match this hit (a relaxed search). */
  through: MatchedThrough | null
}

export interface Explanation {
  /** Matched index terms by field. */
  fields: Record<string, string[]>
  clauses: ClauseScore[]
  /** Phrases verified in order against content or text. */
  phrases: string[]
  /**
   * `speaker` when every matched query word matched only the speaker's name, role or affiliation
   * ("senator" finding what a senator said), `both` when some did, `words` when none did.
   */
  through: MatchedThrough | 'both'
  score: number
}

function classify(clauseText: string, alternatives: readonly string[], docTerm: string): Expansion {
  const own = tokenize(clauseText).flatMap((t) => processTerm(t.raw) ?? [])
  for (const [i, alternative] of alternatives.entries()) {
    const terms = tokenize(alternative).flatMap((t) => processTerm(t.raw) ?? [])
    const synonym = i > 0 || terms.join(' ') !== own.join(' ')
    for (const term of terms) {
      if (term === docTerm) return { query: alternative, matched: docTerm, how: synonym ? 'synonym' : 'exact' }
    }
    for (const term of terms) {
      if (docTerm.startsWith(term)) return { query: alternative, matched: docTerm, how: synonym ? 'synonym' : 'prefix' }
    }
  }
  return { query: alternatives[0] ?? clauseText, matched: docTerm, how: 'fuzzy' }
}

/**
 * One explanation per hit, by running each clause once over just these hits, so the cost is
 * bounded by the number of clauses, not the number of hits.
 */
export function explainHits(store: Store, hits: readonly SearchHit[], plan: QueryPlan): Explanation[] {
  const ids = new Set(hits.map((h) => h.statement.id))
  const perClause = plan.clauses.map((clause) => {
    const byId = new Map<string, { score: number; terms: string[] }>()
    for (const r of store.index.search(clauseQuery(clause), {
      combineWith: 'AND',
      filter: (x) => ids.has(x.id as string),
    })) {
      byId.set(r.id as string, { score: r.score, terms: r.terms })
    }
    return { clause, byId }
  })
  return hits.map((hit) => {
    const clauses = perClause.map(({ clause, byId }) => {
      const r = byId.get(hit.statement.id)
      const fields = (r?.terms ?? []).flatMap((t) => hit.matches[t] ?? [])
      return {
        clause: clause.text,
        score: r ? Math.round(r.score * 1000) / 1000 : 0,
        expansions: (r?.terms ?? []).map((t) => classify(clause.text, clause.alternatives, t)),
        through:
          fields.length === 0
            ? null
            : fields.every((f) => SPEAKER_FIELDS.has(f as SearchField))
              ? ('speaker' as const)
              : ('words' as const),
      }
    })
    const ways = new Set(clauses.map((c) => c.through).filter((t) => t !== null))
    return {
      fields: Object.fromEntries(
        Object.entries(hit.matches)
          .flatMap(([term, fields]) => fields.map((f) => [f, term] as const))
          .reduce(
            (acc, [field, term]) => acc.set(field, [...(acc.get(field) ?? []), term]),
            new Map<string, string[]>(),
          ),
      ),
      clauses,
      phrases: plan.phrases.map((p) => p.join(' ')),
      through: ways.has('speaker') ? (ways.has('words') ? 'both' : 'speaker') : 'words',
      score: hit.score,
    }
  })
}
