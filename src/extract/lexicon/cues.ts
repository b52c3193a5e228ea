/** Words of attribution cues: speech verbs, nominal cues, refusals, and what sits between a cue and its content. */
import { words } from './words'

/**
 * Speech verbs by surface form, with flags: N no "that" needed ("Han said he hoped"),
 * I inversion (`"...," said Smith`), O addressee ("told reporters that"), R relay ("Xinhua reported that Han said"),
 * C any complement is the content, object included ("vowed to appeal", "called the plan a mistake").
 */
export const CUE_VERB_TABLE: readonly [string, string][] = [
  ['say said says', 'NI'],
  ['add added adds', 'NI'],
  ['tell told tells', 'NO'],
  ['write wrote writes', 'NIR'],
  ['note noted notes', 'IC'],
  ['warn warned warns', 'NIO'],
  ['stress stressed stresses', 'I'],
  ['argue argued argues', 'NI'],
  ['insist insisted insists', 'NI'],
  ['reported reports', 'R'],
  ['stated', 'N'],
  ['explain explained explains', 'I'],
  ['claim claimed', 'N'],
  ['announce announced announces', 'C'],
  ['declared declares', 'NI'],
  ['asserted asserts', 'I'],
  ['acknowledge acknowledged acknowledges', 'N'],
  ['admit admitted admits', 'NI'],
  ['emphasized emphasizes emphasise emphasised emphasises', 'I'],
  ['pointed', 'I'],
  ['recall recalled recalls', 'NI'],
  ['remarked', 'I'],
  ['replied replies', 'I'],
  ['responded responds', 'I'],
  ['ask asked asks', 'IC'],
  ['predict predicted predicts', 'N'],
  ['suggest suggested suggests', 'N'],
  ['confirm confirmed confirms', ''],
  ['deny denied denies', ''],
  ['tweeted tweets', 'NIR'],
  ['posted', 'R'],
  ['continued continues', 'I'],
  ['concluded concludes', 'I'],
  ['observed observes', 'I'],
  ['conceded concedes', 'I'],
  ['maintained maintains', ''],
  ['vow vowed vows', 'C'],
  ['pledge pledged pledges', 'C'],
  ['promise promised', 'OC'],
  ['threatened threatens', 'C'],
  ['cautioned cautions', 'IO'],
  ['complained complains', 'I'],
  ['countered', 'I'],
  ['contended contends', ''],
  ['estimated', ''],
  ['hinted', ''],
  ['indicated indicates', ''],
  ['revealed reveals', 'C'],
  ['signaled signalled', ''],
  ['testified testifies', ''],
  ['underlined underlines', ''],
  ['underscored underscores', ''],
  ['affirmed affirms', ''],
  ['reiterated reiterates', ''],
  ['reaffirmed reaffirms', ''],
  ['alleged alleges', ''],
  ['boasted boasts', 'I'],
  ['joked', 'I'],
  ['quipped', 'I'],
  ['shouted', 'I'],
  ['exclaimed exclaims', 'I'],
  ['assured assures', 'O'],
  ['reminded reminds', 'O'],
  ['informed informs', 'O'],
  ['disclosed discloses', ''],
  ['recounted recounts', 'I'],
  ['mused', 'I'],
  ['urge urged urges', 'N'],
  ['commented', 'I'],
  ['lamented laments', 'NIC'],
  ['criticized criticised criticizes criticises', 'C'],
  ['derided derides', 'C'],
  ['charged', 'I'],
  ['praised praises', 'C'],
  ['accused accuses', 'C'],
  ['cited cites', 'C'],
  ['proposed proposes', 'C'],
  ['condemned condemns denounced denounces decried decries', 'C'],
  ['questioned', 'C'],
  ['described describes', 'C'],
  ['wondered wonders', 'IC'],
  ['put puts', ''],
  ['answered answers pressed interjected retorted barked surmised', 'I'],
  ['claims', 'N'],
  ['implied implies', ''],
  ['proclaimed proclaims', 'N'],
  ['touted touts slammed slams blasted blasts mocked mocks hailed hails thanked demanded', 'C'],
]

/** Speech verbs that need a particle to be a cue: "pointed out that ...", "called on the council to ...", "as she put it". */
export const CUE_PARTICLES: ReadonlyMap<string, readonly string[]> = new Map([
  ['point', ['out']],
  ['pointed', ['out']],
  ['points', ['out']],
  ['call', ['on', 'for']],
  ['called', ['on', 'for']],
  ['calls', ['on', 'for']],
  ['put', ['it']],
  ['puts', ['it']],
])

/** Flags of particle verbs missing from the verb table: "called for a recount" takes any complement. */
export const PARTICLE_VERB_FLAGS = 'C'

/** Verbs whose "went on to ..." form is a cue: "She went on to say the plan was dead." */
export const WENT_ON_VERBS = words('went goes go going')

/** Verbs of nominal cues: "expressed hopes that", "voiced hope for". */
export const NOMINAL_VERBS = words(`
  expressed expresses expressing express voiced voices voicing voice raised raises conveyed conveys reiterated
  reiterates
`)

/** Nouns of nominal cues: "expressed concern that ...", "voiced optimism about ...". */
export const NOMINAL_NOUNS = words(`
  hope hopes concern concerns disappointment confidence optimism pessimism regret
  frustration satisfaction support doubt doubts skepticism scepticism worry worries fear fears surprise anger
  opposition gratitude appreciation condolences sympathy dismay alarm outrage reservations interest willingness
  readiness determination belief wish desire openness solidarity displeasure unhappiness dissatisfaction
  discontent approval disapproval relief sadness sorrow shock caution questions objections
`)

/** Nominal cue nouns that "raised" can take: "raised concerns", but not "raised hopes". */
export const RAISED_NOUNS = words('concern concerns doubts questions fears alarm objections')

/** Words between a nominal cue's verb and noun: "expressed deep concern", "voiced their support". */
export const NOMINAL_MODIFIERS = words(`
  the a an his her its their some deep strong serious grave great cautious renewed repeated growing particular
  firm sincere profound strongest deepest
`)

/** Nouns that quote a possessor: "Smith's warning that ...", "his insistence that ...". */
export const POSSESSIVE_CUE_NOUNS = words(`
  warning warnings claim claims assertion insistence argument statement remark remarks comment comments pledge
  promise vow admission suggestion prediction assurance assurances denial contention allegation announcement
  insistence
`)

/** Participles that continue the previous speaker: "..., adding that ...". */
export const PARTICIPLE_CUES = words(`
  adding saying noting warning arguing insisting stressing explaining claiming telling writing acknowledging
  admitting emphasizing emphasising suggesting predicting asserting declaring pointing reiterating recalling
  complaining cautioning vowing pledging promising conceding stating contending alleging asking urging calling
  accusing describing questioning criticizing criticising praising announcing tweeting
`)

/** Participles whose content may be any complement: "..., asking voters to stay home", "..., describing the delays". */
export const PARTICIPLE_COMPLEMENTS = words(`
  saying adding writing telling asking urging calling accusing describing questioning criticizing criticising
  praising announcing vowing pledging promising suggesting arguing insisting claiming noting predicting tweeting
`)

/** Words that open a question a cue reports: "asked whether the ferry would run", "explained how it works". */
export const WH_OPENERS = words('whether if why how what who when where which')

/** Verbs of a refusal to speak: "The ministry declined to comment." */
export const DECLINE_VERBS = words('declined declines declining refused refuses refusing')

/** What a refusal refuses: "declined to comment", "refused to elaborate". */
export const DECLINE_OBJECTS = words('comment elaborate discuss say answer respond confirm speak specify reply')

/** Words after which a cue is not a speech act ("was said", "to say", "did not say"). */
export const CUE_BLOCKERS = words(`
  to is was were are be been being not never n't didn't don't doesn't won't wouldn't couldn't can't cannot
  could should might may must shall can did does do unsaid the a an
`)

/** Adverbs and auxiliaries that sit between a subject and its cue ("Biden also said", "He has warned"). */
export const ADVERB_SKIP = words(`
  also later earlier previously then now again once both all each separately further repeatedly publicly
  privately recently reportedly similarly meanwhile however too jointly himself herself themselves itself has
  have had will would 've 'd just already first finally ultimately initially subsequently immediately quickly
  directly explicitly often frequently sometimes still yet even only simply clearly openly bluntly flatly
  firmly strongly angrily since long
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
  summit visit trip ceremony forum panel debate sidelines tv television radio twitter facebook instagram youtube
`)

/** Audiences of "told" ("told reporters", "told lawmakers"). */
export const AUDIENCE_WORDS = words(`
  reporters journalists lawmakers legislators parliament congress senators supporters students investors
  analysts delegates members viewers listeners readers audiences crowds him her them me us you officials
  employees staff workers shareholders voters residents diplomats colleagues police investigators
`)

/** Prepositions that open the content of a nominal cue: "voiced hope for more stability". */
export const NOMINAL_PREPS = words('for over about at on regarding with in toward towards concerning that')

/** Nouns of a reporter's gloss after the content: ", a reference to ...", ", in a veiled swipe at ...". */
export const GLOSS_NOUNS = words(`
  reference nod allusion swipe dig jab move sign signal apparent veiled thinly clear rebuke euphemism phrase term
`)
