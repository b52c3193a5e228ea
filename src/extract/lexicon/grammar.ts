/** Function words: abbreviations, sentence openers, pronouns, conjunctions and other closed classes of grammar. */
import { words } from './words'

/** Abbreviations that always keep their dot ("Mr. Smith", "Jan. 5", "Acme Inc."). */
export const ABBREVIATIONS = words(`
  mr mrs ms mx dr prof sen rep gov gen lt col capt sgt maj adm cmdr cpl pvt st jr sr inc corp co ltd bros
  vs etc jan feb apr jun jul aug sep sept oct nov dec ft mt ave blvd approx dept univ messrs mme rev hon
  supt det insp atty pres cf al ph esq
`)

/** Abbreviations that keep their dot only before a number ("No. 5", "Fig. 2"). */
export const NUMERIC_ABBREVIATIONS = words('no nos fig vol pp art sec ch mar')

/** Abbreviations that may also end a sentence ("... in the U.S. The next day ..."). */
export const SENTENCE_FINAL_ABBREVIATIONS = words(`
  inc corp co ltd bros jr sr etc esq u.s. u.k. u.n. e.u. a.m. p.m. d.c. u.s.a.
`)

/** Capitalised words that open sentences; after a sentence-final abbreviation they start a new sentence. */
export const SENTENCE_STARTERS = words(`
  the he she it they we i you but and in a an this that these those there his her its their our some many
  however meanwhile on at after as for if when while what who one no yet still also so since during
`)

/** Function words that are never part of a name even when capitalised. */
export const FUNCTION_WORDS = words(`
  the a an but and or nor so yet in on at to for from with without by of as if when while after before since
  during under over about against between among through into onto upon he she it they we i you me him them us
  his her its their our my your this that these those there here then neither either both all some many most
  much more such no not yes although though however meanwhile still also even only just asked speaking
  according despite following amid what who whom whose which why how where one two three four five six seven
  eight nine ten today yesterday tomorrow now last next earlier later instead indeed because unlike like once
  other another each every any several few whether while until unless where thus hence therefore moreover
  furthermore nevertheless nonetheless otherwise perhaps maybe please thanks thank
`)

/** Personal pronouns that can be a whole speaker phrase: "he said", "they told reporters". */
export const PRONOUNS = words('he she they it we i you')

/** Pronouns that, opening a sentence, carry its antecedent forward: "He now skippers the ferry ...". */
export const SUBJECT_PRONOUNS = words('he she they it')

/** Clause-level conjunctions that open a new clause ("..., though he added ..."). */
export const CONJUNCTIONS = words(
  'though although but and while whereas yet so because as since when if after before until or',
)

/** Conjunctions skipped before a sentence's subject: "But he said ...", "Then the company cut jobs". */
export const OPENING_CONJUNCTIONS = words('but and then so yet still now')

/** Words that coordinate two verbs sharing one subject: "He said C and added that C2", "welcomed the plan but said". */
export const COORDINATORS = words('and but while before after then')

/** Words that end a noun-phrase content ("hope for more stability as the rival powers met"). */
export const SUBORDINATORS = words(`
  as while when after before because since amid during although though but even despite ahead following
  where until if unless whereas whilst
`)

/** Relative pronouns that open a clause about the word before: "Smith, who said he was tired, left". */
export const RELATIVES = words('who which whose whom where')

/** Lower-case verbs a title of a work seldom has but a capitalised sentence does: "Uncle Walt is Uncle Walt". */
export const FINITE_VERBS = words(`is are was were will has have had can do does did 's 're 'm`)

/** Modal verbs, which open a predicate: "Any fair reading, he said, would show ...". */
export const MODALS = words('would will could should can may might must')
