/** General attribution mechanisms: parenthetical tags, document issuers, British quotes, unnamed sources; sentences written for the tests. */
import { describe, expect, it } from 'vitest'
import { attributed, names } from './helpers'

const said = (text: string) => attributed(text, {}).map((s) => [names(s), s.kind, s.content])

describe('a parenthetical tag after the subject', () => {
  it.each([
    ['Sen. Mia Toll (D-Ore.) said her committee would "not rubber-stamp" the budget.', 'Mia Toll', 'mixed'],
    ['Rep. Lou Hart (R-Tex.) told reporters on Friday that he would vote no.', 'Lou Hart', 'indirect'],
    ['Ravi Nair (pictured) said the harbour needed dredging.', 'Ravi Nair', 'indirect'],
    ['Greta Holm (61) said the bakery would reopen in May.', 'Greta Holm', 'indirect'],
  ])('%s', (text, who, kind) => {
    const [s] = attributed(text, {})
    expect([names(s!), s!.kind]).toEqual([[who], kind])
  })
})

describe('"urged X to ..."', () => {
  it('keeps the addressee and the quoted fragment as mixed content', () => {
    expect(said('Council leader Ana Pike urged residents to "stay off the river paths" until Monday.')).toEqual([
      [['Ana Pike'], 'mixed', 'residents to "stay off the river paths" until Monday'],
    ])
  })
})

describe('names with Arabic particles', () => {
  it('reads a lower-case al-/el- surname as part of the name', () => {
    expect(said('Samir el-Tayeb, a spokesman for the port authority, said the cranes were idle.')).toEqual([
      [['Samir el-Tayeb'], 'indirect', 'the cranes were idle'],
    ])
    expect(said('"We are ready," al-Tayeb told reporters.').map((x) => x[0])).toEqual([['al-Tayeb']])
  })
})

describe('documents speak for their issuers', () => {
  it('takes the issuer of "a release from X" and of "a report released by X"', () => {
    expect(
      said('Two lanes were closed for hours, according to a news release from the Tarrow County Fire Department.').map(
        (x) => x[0],
      ),
    ).toEqual([['Tarrow County Fire Department']])
    expect(
      said('Rents rose 9 percent, according to a study published on Monday by the Ledwick Housing Institute.').map(
        (x) => x[0],
      ),
    ).toEqual([['Ledwick Housing Institute']])
  })

  it('resolves "the statement said" to whoever issued the statement', () => {
    const text =
      'The Fenmore Ministry of Ports said in a statement that the quay would close. The statement said repairs "could take a year".'
    expect(said(text).map((x) => x[0])).toEqual([['Fenmore Ministry of Ports'], ['Fenmore Ministry of Ports']])
  })

  it('keeps "the release" tied to its issuer several sentences on', () => {
    const text =
      'A barn burned down overnight, according to a news release from the Oakvale Fire Department. Nobody was hurt. ' +
      'Crews stayed until dawn. The road was closed. The cause is under investigation, according to the release.'
    expect(said(text).map((x) => x[0])).toEqual([['Oakvale Fire Department'], ['Oakvale Fire Department']])
  })

  it('credits a statement nobody issued as written, as annotators of real news do', () => {
    expect(said('The statement said the vote "will go ahead".').map((x) => x[0])).toEqual([['statement']])
  })
})

describe('bare "police" after the force is named', () => {
  it('resolves to the named police department', () => {
    const text =
      'Officers from the Holbrook Police Department closed the bridge on Sunday. A driver was arrested at the scene, police said.'
    expect(said(text).map((x) => x[0])).toEqual([['Holbrook Police Department']])
  })
})

describe('British single quotation marks', () => {
  it('pairs ‘…’ with apostrophes inside words and nested double marks', () => {
    const text =
      'The bid is ‘a serious one’, analysts said.\n‘It won’t go below four dollars, and they know it,’ said one person familiar with the talks. ‘It’s a “must-win” deal.’'
    const out = said(text)
    // "one person" is written as "a person", the extractor's form for an unnamed source.
    expect(out[1]).toEqual([
      ['a person familiar with the talks'],
      'direct',
      'It won’t go below four dollars, and they know it, It’s a “must-win” deal.',
    ])
  })

  it('closes a quotation after a plural noun', () => {
    const text =
      'Tesk said it was ‘in early discussions’ with Morvale, but warned that ‘no deal is certain’. ‘We’ll see,’ said Ana Roe.'
    expect(said(text)[0]).toEqual([['Tesk'], 'mixed', 'it was ‘in early discussions’ with Morvale'])
  })
})

describe('unnamed sources opening a sentence', () => {
  it('lets "the person said" take up the latest unnamed person', () => {
    const text =
      '"It is done," said a person familiar with the deal. Another person briefed on the process was less sure. "It could still fall apart," the person said.'
    expect(said(text).map((x) => x[0])).toEqual([
      ['a person familiar with the deal'],
      ['another person briefed on the process'],
    ])
  })
})

describe('nonsense speakers', () => {
  it('reads no time zone as a name', () => {
    const text =
      'Mar 3, 2025, 9:00 AM UTC\n\nSummaries run on the phone, the company says.\n\nOrtal co-founder Nika Vos says the feature is free.'
    expect(said(text).flatMap((x) => x[0])).not.toContain('AM UTC')
  })

  it('reads no "whether" as a speaker', () => {
    expect(
      said('Ashby, asked whether he could hold the caucus together, paused before answering.').flatMap((x) => x[0]),
    ).not.toContain('whether')
  })

  it('joins two offices of one person instead of splitting joint speakers', () => {
    expect(said('Ortal co-founder and CEO Nika Vos wrote that "the inbox is dead."').map((x) => x[0])).toEqual([
      ['Nika Vos'],
    ])
  })

  it('treats a name before "spokesperson <Name>" as an organisation for "the company"', () => {
    const text = 'Ortal spokesperson Ben Lutz says the app is safe. The free plan stays, the company says.'
    expect(said(text).map((x) => x[0])).toEqual([['Ben Lutz'], ['Ortal']])
  })
})
