/** Zod schemas for the hand-written files in data/, and parsing that reports file:line:column. */
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser'
import { z } from 'zod'
import {
  ATTRIBUTED_KINDS,
  type Correction,
  ENTITY_TYPES,
  type RegistryEntity,
  SPEAKER_TYPES,
  STATEMENT_KINDS,
  type Topic,
} from '../src/types'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const slug = z.string().regex(SLUG, 'must be a lower-case slug (a-z, 0-9, single hyphens)').max(80)
const nonEmpty = z.string().trim().min(1, 'must not be empty')
const isoDate = z.iso.date({ error: 'must be an ISO date (YYYY-MM-DD)' })

export const ArticleMetaSchema = z.strictObject({
  id: slug,
  title: nonEmpty.max(300),
  publisher: nonEmpty.nullable(),
  publisher_note: z.string().nullable().optional(),
  credit: z.string().nullable().optional(),
  event_date: isoDate.nullable().optional(),
  published: isoDate.nullable(),
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .nullable()
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en"')
    .default('en'),
})
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>

/** A role held between two dates (`from` inclusive, `to` exclusive); `to` must come after `from`. */
export const DatedRoleSchema = z
  .strictObject({ role: nonEmpty, from: isoDate.optional(), to: isoDate.optional() })
  .refine((r) => r.from === undefined || r.to === undefined || r.from < r.to, {
    message: 'must come after "from"',
    path: ['to'],
  })

/** An entry of data/entities.json: the input shape; the API's `Entity` (src/routes) adds counts. */
export const RegistryEntitySchema = z.strictObject({
  id: slug,
  name: nonEmpty,
  type: z.enum(ENTITY_TYPES),
  role: nonEmpty.optional(),
  roles: z.array(DatedRoleSchema).optional(),
  affiliation: nonEmpty.optional(),
  aliases: z.array(nonEmpty).default([]),
})
export const EntitiesSchema = z.array(RegistryEntitySchema)

/** An entry of data/topics.json: the input shape; the API's `Topic` (src/routes) adds counts. */
export const TopicRuleSchema = z.strictObject({
  id: slug,
  label: nonEmpty,
  description: z.string().optional(),
  code: z
    .string()
    .regex(/^\d{8}$/, 'must be an 8-digit IPTC Media Topic code')
    .optional(),
  keywords: z.array(nonEmpty).min(1, 'needs at least one keyword'),
  exclude: z.array(nonEmpty).optional(),
})
export const TopicsSchema = z.array(TopicRuleSchema)

// The parsed files are exactly the extractor's input types (src/types.ts); a drift on either side
// fails `npm run typecheck`. The API's Entity and Topic (src/routes) are output shapes with counts.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Assert<T extends true> = T
export type RegistryEntitySchemaIsRegistryEntity = Assert<Same<z.output<typeof RegistryEntitySchema>, RegistryEntity>>
export type TopicRuleSchemaIsTopic = Assert<Same<z.output<typeof TopicRuleSchema>, Topic>>

/** A speaker in a correction: a registry id or name, or a new speaker. */
const CorrectionSpeakerSchema = z.union(
  [
    nonEmpty,
    z.strictObject({
      id: slug.optional(),
      name: nonEmpty,
      type: z.enum(SPEAKER_TYPES),
      role: nonEmpty.optional(),
      affiliation: nonEmpty.optional(),
    }),
  ],
  { error: 'must be a registry id or name, or a speaker object { name, type, role?, affiliation?, id? }' },
)
const correction = {
  article: slug,
  anchor: z.string().trim().min(3, 'must be at least 3 characters of the statement, quoted as written'),
  note: z.string().optional(),
}

/** An entry of data/corrections.json: one editorial fix, by `action`. */
export const CorrectionSchema = z.discriminatedUnion(
  'action',
  [
    z.strictObject({ ...correction, action: z.literal('set_speaker'), speaker: CorrectionSpeakerSchema }),
    z.strictObject({ ...correction, action: z.literal('set_kind'), kind: z.enum(STATEMENT_KINDS) }),
    z.strictObject({ ...correction, action: z.literal('drop') }),
    z.strictObject({
      ...correction,
      action: z.literal('add'),
      speaker: CorrectionSpeakerSchema,
      kind: z.enum(ATTRIBUTED_KINDS),
      cue: nonEmpty.nullable().default(null),
    }),
  ],
  { error: 'action must be one of set_speaker, set_kind, drop, add' },
)
export const CorrectionsSchema = z.array(CorrectionSchema)
export type CorrectionSchemaIsCorrection = Assert<Same<z.output<typeof CorrectionSchema>, Correction>>

export const SynonymsSchema = z.array(z.array(nonEmpty).min(2, 'a synonym group needs at least two forms'))

/** A problem in a data file, located for a human: `data/topics.json:12:7: [2].keywords: needs at least one keyword`. */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`)
    this.name = 'DataError'
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(root)'
}

/** Deepest existing node along `path`, so a missing field points at the object that lacks it. */
function nearestNode(tree: Node, path: readonly PropertyKey[]): Node {
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n) as (string | number)[])
    if (node) {
      // Point at the property name rather than its value when the field itself is wrong.
      return node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node
    }
  }
  return tree
}

/**
 * Parses strict JSON and validates it; every problem is a DataError naming file, line, column and field.
 * Throws the first problem, after collecting all, so the message lists them all.
 */
export function parseDataFile<S extends z.ZodType>(file: string, text: string, schema: S): z.output<S> {
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true })
  if (errors.length > 0 || !tree) {
    const first = errors[0]
    const { line, column } = locate(text, first?.offset ?? 0)
    throw new DataError(file, line, column, `invalid JSON: ${first ? printParseErrorCode(first.error) : 'empty file'}`)
  }
  const value: unknown = JSON.parse(text)
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    const node = nearestNode(tree, issue.path)
    const { line, column } = locate(text, node.offset)
    return new DataError(file, line, column, `${formatPath(issue.path)}: ${issue.message}`)
  })
  throw new DataErrors(problems)
}

/** Several DataErrors at once; the message lists each on its own line. */
export class DataErrors extends Error {
  constructor(readonly errors: DataError[]) {
    super(errors.map((e) => e.message).join('\n'))
    this.name = 'DataErrors'
  }
}

/** A DataError at a JSON path of a data file (`[3].anchor`): the line and column of that field. */
export function errorAt(file: string, text: string, path: readonly (string | number)[], message: string): DataError {
  const tree = parseTree(text)
  const { line, column } = locate(text, tree ? nearestNode(tree, path).offset : 0)
  return new DataError(file, line, column, `${formatPath(path)}: ${message}`)
}

/** Fails on duplicate ids, pointing at the second occurrence. */
export function assertUniqueIds(file: string, text: string, items: readonly { id: string }[]): void {
  const seen = new Set<string>()
  const tree = parseTree(text)
  items.forEach((item, i) => {
    if (seen.has(item.id)) {
      const node = tree ? nearestNode(tree, [i, 'id']) : undefined
      const { line, column } = locate(text, node?.offset ?? 0)
      throw new DataError(file, line, column, `[${i}].id: duplicate id "${item.id}"`)
    }
    seen.add(item.id)
  })
}
