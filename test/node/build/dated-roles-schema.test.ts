/** The registry schema for roles in time: dated roles validate, and a bad one is reported at its file:line. */
import { describe, expect, it } from 'vitest'
import { EntitiesSchema, parseDataFile } from '../../../scripts/data-schemas'

const entity = (roles: string) =>
  `[\n  {\n    "id": "ilse-varga",\n    "name": "Ilse Varga",\n    "type": "person",\n    "roles": ${roles},\n    "aliases": []\n  }\n]\n`

describe('RegistryEntitySchema roles', () => {
  it('accepts dated roles, open-ended ones included', () => {
    const parsed = parseDataFile(
      'data/entities.json',
      entity(
        '[{ "role": "Finance Minister", "from": "2021-01-01" }, { "role": "Governor", "from": "2014-01-01", "to": "2018-01-01" }]',
      ),
      EntitiesSchema,
    )
    expect(parsed[0]!.roles).toEqual([
      { role: 'Finance Minister', from: '2021-01-01' },
      { role: 'Governor', from: '2014-01-01', to: '2018-01-01' },
    ])
  })

  it.each([
    [
      'an end before the start',
      '[{ "role": "Governor", "from": "2018-01-01", "to": "2014-01-01" }]',
      /\[0\]\.roles\[0\]\.to: must come after "from"/,
    ],
    [
      'a date that is no date',
      '[{ "role": "Governor", "from": "May 2014" }]',
      /\[0\]\.roles\[0\]\.from: must be an ISO date/,
    ],
    ['an empty role', '[{ "role": " ", "from": "2014-01-01" }]', /\[0\]\.roles\[0\]\.role: must not be empty/],
    ['an unknown field', '[{ "role": "Governor", "since": "2014-01-01" }]', /\[0\]\.roles\[0\]/],
  ])('rejects %s, naming file and line', (_, roles, message) => {
    expect(() => parseDataFile('data/entities.json', entity(roles), EntitiesSchema)).toThrow(message)
    expect(() => parseDataFile('data/entities.json', entity(roles), EntitiesSchema)).toThrow(
      /^data\/entities\.json:6:/m,
    )
  })
})
