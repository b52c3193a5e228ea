/** Words of speaker phrases: heads that can speak ("officials", "the ministry"), determiners, epithets, roles. */
import { DEMONYMS, ORG_WORDS, TITLE_WORDS } from './names'
import { words } from './words'

/** Lower-case head nouns of an anaphor that points at an organisation ("the ministry said"). */
export const ORG_HEAD_NOUNS = words(`
  department ministry company firm agency government administration organisation organization group bank
  council commission committee court office embassy union party team club university network newspaper
  broadcaster board bureau regulator authority military army police center centre foundation institute
  association federation league parliament senate house assembly cabinet campaign country nation state
  operator carrier manufacturer maker retailer lender insurer developer startup publisher outlet
  airline automaker chipmaker giant conglomerate business service agency side club league station
  institute laboratory lab hospital school charity trust fund distributor studio festival network
  broadcaster paper daily magazine label museum council radio television tv press
  county city district cooperative utility
`)

/** Heads so generic that they point at the last organisation of any kind: "the company said". */
export const GENERIC_ORG_HEADS = words(`
  company firm group organisation organization business giant maker conglomerate operator startup club team side
  distributor studio lender retailer carrier manufacturer publisher broadcaster
`)

/** Lower-case heads of a description that can speak ("a senior official", "analysts", "the spokesperson"). */
export const SPEAKER_NOUNS = new Set([
  ...ORG_HEAD_NOUNS,
  ...words(`
    official officials spokesperson spokespersons spokesman spokesmen spokeswoman spokeswomen analyst analysts
    expert experts aide aides diplomat diplomats source sources minister ministers secretary president adviser
    advisers advisor advisors envoy envoys prosecutor prosecutors lawyer lawyers attorney attorneys witness
    witnesses resident residents critic critics economist economists investor investors researcher researchers
    scientist scientists observer observers people person judge judges executive executives leader leaders
    lawmaker lawmakers legislator legislators senator senators activist activists campaigner campaigners officer
    officers authorities regulators manager managers director directors chief ceo representative
    representatives member members coach player players fan fans doctor doctors supporters opponents protesters
    organisers organizers insiders negotiators delegates commentators participants chairman chairwoman founder
    partner partners owner owners banker bankers trader traders strategist strategists ambassador mayor governor
    premier chancellor king queen spokespeople staff employees workers teachers students parents police
    statement report study survey poll document documents filing memo letter data figures release
    newspaper magazine website channel broadcaster agency diplomat sources media reports
    man men woman women girl boy mother father son daughter wife husband brother sister friend friends neighbor
    neighbour neighbors neighbours customer customers nurse nurses patient patients victim victims child children
    widow widower grandmother grandfather uncle aunt cousin
  `),
])

/** Documents that "say" things for whoever issued them: "the statement said", "a report by the institute found". */
export const DOCUMENT_NOUNS = words(`
  statement statements report reports study survey poll document documents filing filings memo letter release
  releases analysis assessment audit review complaint lawsuit indictment affidavit notice readout communique
  communiqué data figures
`)

/** Plural nouns that do not end in -s. */
export const IRREGULAR_PLURALS = words(
  'people police staff spokespeople media personnel authorities data clergy men women children',
)

/** Words that can sit inside a descriptive speaker phrase before its head ("a senior White House official"). */
export const NP_DETERMINERS = words(`
  the a an some several many most other two three four five six seven eight nine ten dozens hundreds thousands
  one his her their its our my your this that these those another both all few
`)

/** Prepositions that start a post-modifier inside a speaker phrase ("people familiar with the matter"). */
export const NP_POST_PREPS = words(
  'of for at with from in on close familiar to inside within near involved briefed who which that',
)

/** Prepositions inside a speaker phrase after its head: "according to officials at the ministry". */
export const NP_INNER = words('of for with familiar close to at from in on')

/** Quantifiers that open a description: "one of the people familiar with the matter", "two officials". */
export const QUANTIFIERS = words(`
  one two three four five six seven eight nine ten some several many most few dozens hundreds thousands both all
  other numerous various
`)

/** Determiners that make a description definite, so it points back: "the ministry", "its spokesman". */
export const DEFINITE_DETERMINERS = words('the this that these those his her its their our')

/** Determiners that open an addressee or a subject noun phrase: "told the jury", "his son said". */
export const OBJECT_DETERMINERS = words('the a an his her their its our')

/** Words that join joint speakers: "Mr. Chen and Dr. Chen both said", "X & Y said". */
export const JOINERS = words('and &')

/** Words skipped before a speaker phrase: "Both Chen and Roe said", "but officials said". */
export const LEADING_SKIP = words('both and but so yet then also')

/** Prepositions after a person's name that say where they belong: "Ellen Chen of the Riverside Civic League". */
export const NAME_POST_PREPS = words('of at from for with')

/** Verbs that end a sentence-opening subject: "Another person briefed on the talks was ...". */
export const SUBJECT_VERBS = words('was were is are has had have would will said says told did does could')

/** Words that look like agent nouns (-er, -or, -ent) but name nobody: "together", "winter", "statement". */
export const NOT_AGENTS = words(`
  together never ever whatever however whenever wherever rather either neither further other another after under
  over later earlier letter matter quarter number center centre water weather winter summer border order paper
  sector factor percent moment statement government agreement event content extent intent consent
`)

/** Agent nouns that can describe a speaker: "goalkeeper", "distributor", "historian", "consultant". */
export const AGENTIVE = /^\p{Ll}[\p{Ll}-]{2,}(?:er|ers|or|ors|ist|ists|ian|ians|ant|ants|ent|ents)$/u

/**
 * A lower-cased word that can name what someone is: a title, a speaker noun, an organisation word, an agent noun.
 *
 * @example
 * isRoleWord('envoy') // true (a title)
 * isRoleWord('goalkeeper') // true (an agent noun)
 * isRoleWord('harbour') // false
 */
export const isRoleWord = (norm: string): boolean =>
  TITLE_WORDS.has(norm) ||
  TITLE_WORDS.has(norm.replace(/\.$/, '')) ||
  DEMONYMS.has(norm) ||
  SPEAKER_NOUNS.has(norm) ||
  ORG_WORDS.has(norm) ||
  AGENTIVE.test(norm)

/** Nouns a report uses for a person already named, with no role to match: "the 24-year-old", "the Italian". */
export const PERSON_EPITHETS = words(`
  international veteran youngster teenager newcomer rookie star striker forward midfielder defender goalkeeper
  keeper winger playmaker substitute frenchman frenchwoman englishman englishwoman irishman irishwoman scotsman
  scotswoman welshman welshwoman dutchman dutchwoman briton spaniard scot dane swede finn pole
`)

/** Compass words in DEMONYMS that are no epithet for a person: "the north" is no "the Italian". */
const DIRECTIONS = words('north south east west western eastern northern southern')

/**
 * "the 24-year-old", "the Italian", "the Nigeria international": an epithet for a named person.
 *
 * @example
 * isPersonEpithet('24-year-old') // true
 * isPersonEpithet('north') // false
 */
export const isPersonEpithet = (norm: string): boolean =>
  PERSON_EPITHETS.has(norm) || /^\d+-year-old$/.test(norm) || (DEMONYMS.has(norm) && !DIRECTIONS.has(norm))

/** Roles that name the same job in a later anaphor: "Wexley manager Gary Threlfall" ... "the coach". */
export const ROLE_SYNONYMS: readonly (readonly string[])[] = [
  ['coach', 'manager', 'boss', 'head coach'],
  ['senator', 'sen.', 'sen'],
  ['representative', 'rep.', 'rep', 'congressman', 'congresswoman', 'congressmember'],
  ['governor', 'gov.', 'gov'],
  ['chief executive', 'ceo', 'chief executive officer'],
  ['spokesperson', 'spokesman', 'spokeswoman'],
  ['professor', 'prof.', 'prof'],
  ['doctor', 'dr.', 'dr'],
]

/** Person nouns that tell a man: "a man in a red cap ... he said". */
export const MALE_NOUNS = words('man boy father son husband brother widower grandfather uncle')

/** Person nouns that tell a woman: "a woman in a red coat ... she said". */
export const FEMALE_NOUNS = words('woman girl mother daughter wife sister widow grandmother aunt')
