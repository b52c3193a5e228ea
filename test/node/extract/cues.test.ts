import { describe, expect, it } from 'vitest'
import { CUE_VERBS, matchCue } from '../../../src/extract/cues'
import { tokenize } from '../../../src/extract/tokens'

/** The cue found at the first token where one matches, as [kind, phrase]. */
function firstCue(text: string): [string, string] | null {
  const tokens = tokenize(text)
  for (let i = 0; i < tokens.length; i++) {
    const c = matchCue(tokens, i, tokens.length)
    if (c !== null) return [c.kind, c.phrase]
  }
  return null
}

describe('CUE_VERBS', () => {
  it.each([
    'said',
    'says',
    'added',
    'told',
    'warned',
    'stressed',
    'noted',
    'argued',
    'insisted',
    'reported',
    'wrote',
    'asked',
  ])('knows %s', (verb) => {
    expect(CUE_VERBS.has(verb)).toBe(true)
  })

  it("marks the verbs that relay other people's words", () => {
    expect(CUE_VERBS.get('reported')?.relay).toBe(true)
    expect(CUE_VERBS.get('said')?.relay).toBe(false)
  })
})

describe('matchCue', () => {
  it.each([
    ['Ruiz said the port was shut.', 'verb', 'said'],
    ['Ruiz pointed out that fees rose.', 'verb', 'pointed out'],
    ['Ruiz expressed hopes that talks resume.', 'nominal', 'expressed hopes'],
    ['Ruiz expressed deep concern that fees rose.', 'nominal', 'expressed concern'],
    ['Ruiz voiced hope for calm.', 'nominal', 'voiced hope'],
    ['Ruiz expressed disappointment that nobody came.', 'nominal', 'expressed disappointment'],
    ['According to Ruiz, the port was shut.', 'according', 'according to'],
    ['The firm declined to comment.', 'decline', 'declined to comment'],
    ['The firm did not respond to a request for comment.', 'decline', 'did not respond to a request for comment'],
    ["Critics doubted Ruiz's warning that fees would rise.", 'possessive', 'warning'],
    ['Fees rose, adding pressure.', 'participle', 'adding'],
  ])('finds the cue in %j', (text, kind, phrase) => {
    expect(firstCue(text)).toEqual([kind, phrase])
  })

  it.each([
    ['a passive', 'The port is said to be shut.'],
    ['an infinitive', 'Ruiz wanted to say more.'],
    ['a negation', 'Ruiz did not say when.'],
    ['a capitalised word', 'Said Ruiz took the stand.'],
    ['a noun after an article', 'The report was late.'],
  ])('does not take %s for a cue', (_what, text) => {
    expect(firstCue(text)).toBeNull()
  })

  it('ignores cue words inside quotations', () => {
    const text = '"I said no," Ruiz recalled.'
    const tokens = tokenize(text)
    tokens.forEach((t, i) => {
      if (i > 0 && i < 5) t.quote = 0
    })
    const found = tokens.map((_, i) => matchCue(tokens, i, tokens.length)?.phrase).filter(Boolean)
    expect(found).toEqual(['recalled'])
  })
})
