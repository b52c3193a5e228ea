/** Closed word lists the extractor consults: abbreviations, titles, function words, speaker nouns, first names. */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/))

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

export const DAYS = words('monday tuesday wednesday thursday friday saturday sunday')
export const MONTHS = words(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`)

/** Words naming a time: "on Monday", "this month", "for months", "last week". */
export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night nights week weeks
  weekend weekends month months year years day days hour hours today yesterday tonight tomorrow decade decades
  january february march april may june july august september october november december spring summer autumn
  fall winter time times minute minutes
`)
/** Words that introduce a time expression. */
export const TIME_PRECEDERS = words(
  'this last next on late early earlier later for in at by during past same each every the of',
)

/** Titles and offices stripped off the front of a person's name ("Foreign Minister Wang Yi"). */
export const TITLE_WORDS = words(`
  president vice prime minister secretary foreign defense defence state commerce treasury finance interior home
  trade education health energy transport transportation justice attorney general senator sen. representative
  rep. governor gov. mayor judge chief executive officer ceo cfo coo cto chairman chairwoman chairperson chair
  director ambassador envoy spokesman spokeswoman spokesperson deputy assistant acting former lt. gen. col.
  capt. maj. sgt. adm. dr. mr. mrs. ms. mx. miss prof. professor sir dame lord lady king queen prince princess
  pope rev. reverend father coach captain commissioner chancellor premier speaker leader sheikh emir crown
  supreme senior national security adviser advisor inspector detective constable sergeant superintendent
  lieutenant colonel admiral corporal congressman congresswoman councillor councilman councilwoman commander
  marshal rabbi imam bishop archbishop cardinal manager head founder co-founder president-elect chief-executive
  clerk registrar treasurer editor publisher producer inspector-general
  administrator mp mep msp mla cllr sheriff alderman alderwoman assemblyman assemblywoman assemblymember
  councilmember delegate magistrate supervisor trustee pastor chef boss skipper
  mr mrs ms dr prof gen lt col capt sgt maj adm sen rep gov rev
  us u.s. uk u.k. eu e.u. un u.n.
`)

/** Nationality adjectives stripped off the front of a name ("Chinese President Xi Jinping"). */
export const DEMONYMS = words(`
  american chinese british russian french german japanese indian israeli palestinian iranian ukrainian korean
  european canadian australian mexican brazilian italian spanish turkish saudi egyptian syrian iraqi afghan
  pakistani taiwanese vietnamese thai indonesian filipino nigerian kenyan african polish dutch swiss swedish
  norwegian danish finnish irish scottish welsh greek hungarian czech belgian austrian portuguese argentine
  chilean colombian venezuelan cuban lebanese jordanian qatari emirati yemeni sudanese ethiopian malaysian
  singaporean bangladeshi nepali mongolian kazakh belarusian georgian armenian azerbaijani serbian croatian
  romanian bulgarian slovak lithuanian latvian estonian north south east west western eastern northern southern
`)

/** Places that, as speakers, stand for a government ("China said ..."). */
export const COUNTRIES = new Set([
  ...words(`
    china america russia ukraine japan india britain france germany iran israel taiwan canada australia mexico
    brazil italy spain turkey egypt syria iraq afghanistan pakistan vietnam thailand indonesia philippines
    nigeria kenya poland netherlands switzerland sweden norway denmark finland ireland greece hungary belgium
    austria portugal argentina chile colombia venezuela cuba lebanon jordan qatar yemen sudan ethiopia malaysia
    singapore bangladesh nato eu us u.s. uk u.k. beijing washington moscow kyiv tokyo london paris berlin
    brussels seoul pyongyang taipei tehran jerusalem
  `),
  'united states',
  'united kingdom',
  'north korea',
  'south korea',
  'saudi arabia',
  'south africa',
  'european union',
  'new zealand',
  'united nations',
])

/** Capitalised words that make a name an organisation ("State Department", "Acme Inc."). */
export const ORG_WORDS = words(`
  department ministry agency company inc inc. corp corp. corporation co co. ltd ltd. llc plc group bank council cooperative
  commission office university college institute association union party committee court government police army
  navy force forces authority service services bureau foundation organization organisation board news times post
  journal press network fund federation league club assembly parliament congress senate house cabinet
  administration center centre reuters xinhua bloomberg cnn bbc afp ap nasa kremlin pentagon fbi cia airlines
  airways motors holdings partners capital technologies systems labs media tv radio daily herald tribune gazette
  telegraph guardian secretariat tribunal alliance coalition movement front brigade command embassy consulate
  mission delegation exchange reserve institution society trust hospital school ministries agencies
  city united athletic rovers wanderers rangers albion fc afc sc county pictures films studios records
  entertainment festival institute museum gallery theatre theater orchestra library ferries railways
  railway rail shipping logistics industries enterprises ventures solutions foods pharmaceuticals pharma
  steel mining petroleum energy power telecom communications brands stores markets insurance airport port
  road street avenue boulevard square stadium arena plaza river valley island bay
  authority
`)

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

export const PRONOUNS = words('he she they it we i you')

/** Adverbs and auxiliaries that sit between a subject and its cue ("Biden also said", "He has warned"). */
export const ADVERB_SKIP = words(`
  also later earlier previously then now again once both all each separately further repeatedly publicly
  privately recently reportedly similarly meanwhile however too jointly himself herself themselves itself has
  have had will would 've 'd just already first finally ultimately initially subsequently immediately quickly
  directly explicitly often frequently sometimes still yet even only simply clearly openly bluntly flatly
  firmly strongly angrily
`)

/** Words after which a cue is not a speech act ("was said", "to say", "did not say"). */
export const CUE_BLOCKERS = words(`
  to is was were are be been being not never n't didn't don't doesn't won't wouldn't couldn't can't cannot
  could should might may must shall can did does do unsaid the a an
`)

/** Clause-level conjunctions that open a new clause ("..., though he added ..."). */
export const CONJUNCTIONS = words(
  'though although but and while whereas yet so because as since when if after before until or',
)

/** Words that end a noun-phrase content ("hope for more stability as the rival powers met"). */
export const SUBORDINATORS = words(`
  as while when after before because since amid during although though but even despite ahead following
  where until if unless whereas whilst
`)

/** Words that, following a cue, introduce an adjunct rather than content ("said at a news conference"). */
export const ADJUNCT_PREPS = words(`
  in at on during after before from via through with to over by while when as upon following ahead amid
  of about outside inside
`)

/** Nouns naming the occasion of a statement ("in a statement", "at a news conference"). */
export const VENUE_NOUNS = words(`
  statement statements interview interviews speech speeches post posts letter letters email emails briefing
  briefings conference conferences call calls meeting meetings address message messages tweet tweets video
  videos broadcast hearing hearings podcast remarks report note filing memo session appearance rally event
  program programme show op-ed column article blog essay testimony release communique communiqué readout
  summit visit trip ceremony forum panel debate sidelines tv television radio
`)

/** Audiences of "told" ("told reporters", "told lawmakers"). */
export const AUDIENCE_WORDS = words(`
  reporters journalists lawmakers legislators parliament congress senators supporters students investors
  analysts delegates members viewers listeners readers audiences crowds him her them me us you officials
  employees staff workers shareholders voters residents diplomats colleagues police investigators
`)

/** First names with a conventional gender, for "he"/"she" agreement. Small by design. */
export const MALE_NAMES = words(`
  john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony
  antony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason jeffrey
  ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank gregory
  raymond alexander patrick jack dennis jerry tyler aaron jose henry adam douglas nathan peter zachary kyle
  walter harold jeremy ethan carl keith roger gerald christian terry sean arthur austin noah lawrence jesse joe
  bryan billy albert dylan bruce gabriel alan juan logan wayne ralph roy eugene randy vincent russell louis
  philip bobby johnny bradley jake mike bill tom jim bob dan ben sam tony rishi emmanuel vladimir volodymyr
  olaf boris keir narendra recep mohammed muhammad mohammad ahmed ali omar hassan hussein ibrahim abdullah
  khalid sergei sergey dmitry alexei ivan igor pierre jacques francois françois hans klaus karl friedrich
  giuseppe marco luca carlos luis miguel pedro antonio jorge javier diego rafael fernando lionel cristiano
  kylian novak lebron elon jeff warren sundar satya tim jensen lloyd chuck mitch ted bernie mikhail yuri
  andrei antonio lula jair gustavo viktor recep bashar benny yair naftali isaac moshe avi howard marcus
  owen tomas thomas rui paulo samuel bernard declan luis tariq jonah aaron callum alasdair lars hugh hugo
  neil nigel oliver oscar rupert simon stuart toby victor william harry charlie freddie alfie archie
  leo max felix theo finn liam mason lucas elijah james benjamin sebastian julian dominic ian colin craig
  derek duncan gordon graham grant malcolm murray ross angus fraser euan hamish jamie kieran rory seamus
  sean conor cormac fergus niall ahmad yusuf mustafa tariq hamza bilal karim rashid samir walid ziad
  kenji hiroshi takeshi yuki raj ravi arjun vikram amit anil sanjay suresh rahul
`)
export const FEMALE_NAMES = words(`
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra
  ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura
  cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra
  rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
  lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara
  janice alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia
  marie diana brittany natalie isabella charlotte rose alexis kayla gina kamala hillary ursula giorgia jacinda
  marine kristalina nikki kate jill melania serena venus simone greta nadia olena yulia svetlana ngozi
  gretchen kristi marjorie alexandria ilhan rashida karine jen penny priti suella yvette tulsi liz annalena
  sanna mette kaja ingrid ellen vivian helena carla ines rose ruth esther eleanor claire lucy sophie chloe
  zoe ella mia amelia harriet margaret priya sunita dana fatima aisha leila mariam elena irina natalia
  tatiana anastasia ana lucia carmen isabel sofia paula monica veronica silvia beatriz francesca giulia
  chiara anne annie betsy bridget caroline cathy colleen debbie edith eileen elaine emma erin eva faith
  georgia hazel holly irene iris jane janet jenny joan josephine june karen kathy katie laura leah lily
  linda lisa lois lorraine louise lydia mabel maggie marion martha maureen molly nora olive pauline peggy
  phoebe polly rita rosa rosie sally sandra sharon shirley stella sue susan sylvia tina vera wendy yvonne
`)

/** Agent nouns that can describe a speaker: "goalkeeper", "distributor", "historian", "consultant". */
export const AGENTIVE = /^\p{Ll}[\p{Ll}-]{2,}(?:er|ers|or|ors|ist|ists|ian|ians|ant|ants|ent|ents)$/u

/** A lower-cased word that can name what someone is: a title, a speaker noun, an organisation word, an agent noun. */
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
const DIRECTIONS = words('north south east west western eastern northern southern')
/** "the 24-year-old", "the Italian", "the Nigeria international": an epithet for a named person. */
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

/** Person nouns that tell a gender: "a man in a red cap ... he said". */
export const MALE_NOUNS = words('man boy father son husband brother widower grandfather uncle')
export const FEMALE_NOUNS = words('woman girl mother daughter wife sister widow grandmother aunt')
