/** Plain data types shared by the extractor, the build script, the search core and the routes. */

// Each enum is declared once, as a constant tuple; its type, the zod enums of the API and the
// data-file schemas, and every loop over its values derive from it.

/** How a statement reaches the reader: quoted word for word, partly, reported, or the article's own narration. */
export const STATEMENT_KINDS = ['direct', 'mixed', 'indirect', 'narration'] as const
export type StatementKind = (typeof STATEMENT_KINDS)[number]

/** The kinds that have a speaker: every kind but narration. */
export const ATTRIBUTED_KINDS = ['direct', 'mixed', 'indirect'] as const satisfies readonly StatementKind[]
export type AttributedKind = (typeof ATTRIBUTED_KINDS)[number]

/** What a speaker is: a named person or organisation, an unnamed group ("officials"), or not known. */
export const SPEAKER_TYPES = ['person', 'organization', 'group', 'unknown'] as const
export type SpeakerType = (typeof SPEAKER_TYPES)[number]

/** What a registry entity (`data/entities.json`) is. */
export const ENTITY_TYPES = ['person', 'organization'] as const satisfies readonly SpeakerType[]
export type EntityType = (typeof ENTITY_TYPES)[number]
/** What an entity a statement names can be: the registry's kinds, and places. */
export const MENTION_TYPES = ['person', 'organization', 'place'] as const
export type MentionType = (typeof MENTION_TYPES)[number]

/** An entity the registry lacks, recognised at build time where statements name it. */
export interface MentionedEntity {
  /** A slug of its name, or the id of the corpus speaker of that name. */
  id: string
  name: string
  type: MentionType
  /** Other forms it was written in ("Mr. Trump" → "Trump"). */
  aliases: string[]
}

/** Someone (or something) a statement is attributed to, or a channel that relays it. */
export interface Speaker {
  /** Registry id, or a slug of the canonical (longest) name form in the article. */
  id: string
  name: string
  type: SpeakerType
  role?: string
  affiliation?: string
}

/** A half-open range of UTF-16 code units into an article's text: `text.slice(start, end)`. */
export interface Span {
  start: number
  end: number
}

/** One attribution: a speaker, a cue and content. Narration sentences are statements too. */
export interface Statement {
  /** Stable, URL-safe, unique across the corpus. */
  id: string
  article: string
  kind: StatementKind
  /** [] for narration and for quotes nobody is named for. */
  speakers: Speaker[]
  /** The mention as written: "he", "the department", "Blinken". */
  source: string | null
  /** "said", "added", "expressed hopes", "according to", ... */
  cue: string | null
  /** The relaying channel, e.g. a news agency. */
  via: Speaker | null
  /** What was said: quote text without outer quotation marks, or the reported clause; the sentence for narration. */
  content: string
  /** The whole sentence(s) the statement sits in. */
  text: string
  /** Content pieces in the article text; more than one for split quotes. */
  spans: Span[]
  /** 1-based paragraph of the first span. */
  paragraph: number
  /** 1-based sentence (within the article) of the first span. */
  sentence: number
  topics: string[]
  /** Entities the content names: registry ids first, then those recognised at build time (`Corpus.mentioned`). */
  entities: string[]
  /** ISO date of the statement when known. */
  date: string | null
  /**
   * How sure the extractor is of `speakers` (0–1, two decimals): a calibrated estimate of the chance they are
   * right, from how they were resolved (a name next to the cue scores high, a pronoun far from its antecedent
   * low). Null for narration, which has no speaker; 0 for a quotation nobody was found for; 1 once an editor
   * has set the speaker (or added the statement) in `data/corrections.json`.
   */
  confidence: number | null
  /** An editor changed or added this statement through `data/corrections.json`. */
  corrected: boolean
}

/** A role a registry entity held between two dates: `from` inclusive, `to` exclusive; an open end still holds. */
export interface DatedRole {
  role: string
  from?: string
  to?: string
}

/** An entry of `data/entities.json`. */
export interface RegistryEntity {
  id: string
  name: string
  type: EntityType
  /** What the entity is now, for the catalog; given to statements only when it has no dated `roles`. */
  role?: string
  /** Roles in time: a statement gets the one that held on its article's date, none when the date is unknown. */
  roles?: DatedRole[]
  affiliation?: string
  /**
   * Other surface forms. Capitalised ones are names ("Blinken", "America's top diplomat");
   * lower-case ones starting with "the" are anaphors ("the department") that only resolve
   * once the entity has been named in the article.
   */
  aliases: string[]
}

/** An entry of `data/topics.json`: assigned when any rule matches the statement's content. */
export interface Topic {
  id: string
  label: string
  description?: string
  /** The topic's code in a standard taxonomy: the IPTC Media Topic code ("11000000" is politics). */
  code?: string
  /**
   * Case-insensitive words or phrases matched on word boundaries against the content.
   * A trailing `*` matches a prefix (`sanction*`).
   */
  keywords: string[]
  /**
   * Phrases, in the keywords' syntax, whose words never count for this topic: a job title
   * ("Commerce Secretary") or a set phrase ("European Union") that holds a keyword but is not about it.
   */
  exclude?: string[]
}

/** A speaker an editor names in `data/corrections.json`: a registry id or name, or a new speaker. */
export type CorrectionSpeaker =
  | string
  | { id?: string; name: string; type: SpeakerType; role?: string; affiliation?: string }

/**
 * An entry of `data/corrections.json`: an editor's fix to one statement of one article, found by a quoted text
 * `anchor` (a piece of its content, or else of its sentence; case and quote style do not matter), so it
 * survives re-extraction. `add` records a statement the extractor missed: the anchor is its content.
 */
export type Correction =
  | { article: string; anchor: string; note?: string; action: 'set_speaker'; speaker: CorrectionSpeaker }
  | { article: string; anchor: string; note?: string; action: 'set_kind'; kind: StatementKind }
  | { article: string; anchor: string; note?: string; action: 'drop' }
  | {
      article: string
      anchor: string
      note?: string
      action: 'add'
      speaker: CorrectionSpeaker
      kind: AttributedKind
      cue: string | null
    }

/** What the extractor needs to know about an article. */
export interface ArticleInput {
  id: string
  text: string
  /** Date given to every statement (the event date, else the publication date). */
  date: string | null
}

export interface ExtractOptions {
  entities?: readonly RegistryEntity[]
  topics?: readonly Topic[]
}

export interface ExtractResult {
  statements: Statement[]
  /** Human-readable problems met on the way (unbalanced quotes, ...); never thrown. */
  warnings: string[]
}

/**
 * What `POST /v1/extract` calls to run the extractor. Deployed, it is the extraction Worker
 * (src/extract-worker.ts) through the `EXTRACTOR` service binding, so the search Worker's code and
 * cold start carry none of the extractor; in Node (tests, the browser-test server) it is
 * `extractStatements` itself, passed in-process.
 */
export interface Extractor {
  extract(article: ArticleInput, options: ExtractOptions): ExtractResult | Promise<ExtractResult>
}
