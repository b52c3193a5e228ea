/** The one map of error codes, and the RFC 9457 problem+json responses built from it. */

/** Every error the API can answer with; clients branch on `code`, never on wording. */
export const ERRORS = {
  invalid_parameter: { status: 400, title: 'Invalid parameter' },
  unknown_parameter: { status: 400, title: 'Unknown parameter' },
  repeated_parameter: { status: 400, title: 'Parameter given more than once' },
  unknown_filter_value: { status: 400, title: 'Unknown filter value' },
  ambiguous_filter_value: { status: 400, title: 'Ambiguous filter value' },
  query_too_long: { status: 400, title: 'Query too long' },
  malformed_request: { status: 400, title: 'Malformed request' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such route' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  uri_too_long: { status: 414, title: 'URI too long' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  rate_limited: { status: 429, title: 'Too many requests' },
  data_unavailable: { status: 503, title: 'Data unavailable' },
  extractor_unavailable: { status: 503, title: 'Extractor unavailable' },
  internal_error: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof ERRORS

/** One offending parameter, with suggestions when a value was unknown and candidates when it was ambiguous. */
export interface ParameterError {
  parameter: string
  message: string
  suggestions?: string[]
  candidates?: { id: string; name: string; count: number }[]
}

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  code: ErrorCode
  instance?: string
  errors?: ParameterError[]
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/** The `type` URI of a code: a URN, since whosaid has no documentation host of its own. */
export function problemType(code: ErrorCode): string {
  return `urn:whosaid:problem:${code.replaceAll('_', '-')}`
}

/**
 * Builds the problem body for a code.
 *
 * @example problem('not_found', 'no statement with id "x"') // { type, title: 'Not found', status: 404, detail, code }
 */
export function problem(
  code: ErrorCode,
  detail: string,
  extra: { instance?: string; errors?: ParameterError[] } = {},
): Problem {
  const { status, title } = ERRORS[code]
  return { type: problemType(code), title, status, detail, code, ...extra }
}

/** A problem+json Response, never stored (an error must not outlive its cause); `headers` adds e.g. `Allow`. */
export function problemResponse(body: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
  })
}

/** Thrown by handlers and helpers; `onError` renders it as problem+json. */
export class ProblemError extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail)
    this.name = 'ProblemError'
  }
}
