/** Words in and around names: titles, nationalities, countries, organisation words, honorifics, first names. */
import { words } from './words'

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

/**
 * Capitalised words that make a name an organisation ("State Department", "Acme Inc."). Proper names belong in the
 * registry; reuters, bloomberg, cnn, bbc, afp, ap, kremlin, pentagon and fbi stay here for now because as registry
 * entities they would also count as entities named in statement content, which changes the extractor's output.
 */
export const ORG_WORDS = words(`
  department ministry agency company inc inc. corp corp. corporation co co. ltd ltd. llc plc group bank council cooperative
  commission office university college institute association union party committee court government police army
  navy force forces authority service services bureau foundation organization organisation board news times post
  journal press network fund federation league club assembly parliament congress senate house cabinet
  administration center centre reuters bloomberg cnn bbc afp ap kremlin pentagon fbi airlines
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

/** Suffixes that end a company's name and make it an organisation: "Halden & Co.", "Kestrel Robotics Inc.". */
export const CORPORATE_SUFFIXES = words('inc inc. ltd ltd. corp corp. llc plc co. gmbh ag sa s.a. n.v. llp lp')

/** Lower-case words inside a name, between capitalised ones: "Ministry of Water", "Ursula von der Leyen". */
export const NAME_CONNECTORS = words('of de da del der den van von bin al la le du y &')

/** Honorifics that tell a man: "Mr. Chen" is not Vivian Chen. */
export const HONORIFIC_MALE = words('mr mr. sir lord king prince father')

/** Honorifics that tell a woman: "Ms. Chen", "Dame Judi". */
export const HONORIFIC_FEMALE = words('mrs mrs. ms ms. miss dame lady queen princess')

/** Honorifics that tell no gender but still mark the same person: "Dr. Chen said". */
export const HONORIFIC_OTHER = words('dr dr. prof prof. mx mx.')

/** Prepositions of place: "at Kilbrannan", "in Guelph" make a lone unknown name a place, not a person. */
export const LOCATIVES = words('at in near outside inside across into throughout across')

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

/** First names conventionally female, for "she" agreement: "Ruth Adeyemi ... she said". */
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

/** Transcript labels that name nobody: "Q: What now?" / "A: We wait.". */
export const ANONYMOUS_LABELS = words('Q A QUESTION ANSWER INTERVIEWER')

/** Mixed-case "Word:" line openers that are page furniture, not speakers: "Related: ...", "Photo: ...". */
export const LABEL_FURNITURE = words(`
  related read more watch listen photo photos image images caption source sources note update updated
  correction editor topics tags share advertisement credit credits see also video audio live breaking key scorers
  possession shots attendance ft ht full half time location date dateline filed contact follow subscribe
`)
