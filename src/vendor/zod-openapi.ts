/**
 * `@hono/zod-openapi` as the Worker runs it: route registration with validation, without the OpenAPI
 * registry and generator.
 *
 * The OpenAPI document is generated at build time (scripts/build-openapi.ts, with the real
 * @hono/zod-openapi in Node) and served as it is, so the Worker never generates one. The real
 * package would still bring @asteasolutions/zod-to-openapi's generator (30 KB) and, because it
 * passes zod's `z` namespace as a value (`extendZodWithOpenApi(z)`), every export of zod (its JSON
 * Schema converters, its compiler, 63 locales: 95 KB more, minified). wrangler.toml aliases
 * `@hono/zod-openapi` to this module for the Worker bundle; Node, the type checker and the build
 * script see the real package. The workers tests run through this module (vitest.config.ts), the
 * Node tests (the API contract among them) through the real one, over the same routes.
 *
 * What follows is the request half of @hono/zod-openapi 1.6's `OpenAPIHono.openapi` and
 * `createRoute` (node_modules/@hono/zod-openapi/dist/index.mjs), unchanged but for the registry.
 */
import type * as Real from '@hono/zod-openapi'
import { zValidator } from '@hono/zod-validator'
import { type Context, Hono, type MiddlewareHandler, type Next } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ZodType } from 'zod'

// Route schemas call `.openapi(…)` for the document's metadata; here it only has to keep the schema.
// Assigned, as zod-to-openapi does: zod copies a constructor's enumerable prototype members onto each instance.
ZodType.prototype.openapi = function openapi(this: ZodType) {
  return this
} as never

// biome-ignore lint/suspicious/noExplicitAny: route configs are checked against the real package's types.
type AnyRoute = Record<string, any>
// biome-ignore lint/suspicious/noExplicitAny: as in @hono/zod-openapi, a hook sees any validation result.
type AnyHook = (result: any, c: Context) => unknown

class RuntimeOpenAPIHono extends Hono {
  defaultHook: AnyHook | undefined
  #parentApp: RuntimeOpenAPIHono | undefined

  constructor(init?: ConstructorParameters<typeof Hono>[0] & { defaultHook?: AnyHook }) {
    super(init)
    this.defaultHook = init?.defaultHook
  }

  #resolveDefaultHook(): AnyHook | undefined {
    if (this.defaultHook) return this.defaultHook
    const seen = new Set<RuntimeOpenAPIHono>([this])
    let parent = this.#parentApp
    while (parent && !seen.has(parent)) {
      if (parent.defaultHook) return parent.defaultHook
      seen.add(parent)
      parent = parent.#parentApp
    }
    return undefined
  }

  openapi = ({ middleware: routeMiddleware, hide: _hide, ...route }: AnyRoute, handler: unknown, hook?: AnyHook) => {
    const effectiveHook: AnyHook =
      hook ??
      ((result, c) => {
        const resolved = this.#resolveDefaultHook()
        return resolved ? resolved(result, c) : undefined
      })
    const validators: MiddlewareHandler[] = []
    const hookFor = effectiveHook as never
    if (route.request?.query) validators.push(zValidator('query', route.request.query, hookFor))
    if (route.request?.params) validators.push(zValidator('param', route.request.params, hookFor))
    if (route.request?.headers) validators.push(zValidator('header', route.request.headers, hookFor))
    if (route.request?.cookies) validators.push(zValidator('cookie', route.request.cookies, hookFor))
    const bodyContent = route.request?.body?.content as Record<string, { schema?: unknown }> | undefined
    if (bodyContent) {
      const declaredMediaTypes = Object.keys(bodyContent)
      if (
        declaredMediaTypes.some(
          (mediaType) =>
            isZod(bodyContent[mediaType]?.schema) && (isJSONContentType(mediaType) || isFormContentType(mediaType)),
        )
      ) {
        validators.push(async (c, next) => {
          const contentType = c.req.header('content-type')
          if (contentType) {
            if (!declaredMediaTypes.some((mediaType) => matchesMediaType(contentType, mediaType))) {
              throw new HTTPException(415, { message: 'Unsupported Media Type' })
            }
          } else if (await hasRequestBody(c)) throw new HTTPException(415, { message: 'Unsupported Media Type' })
          await next()
        })
      }
      for (const mediaType of declaredMediaTypes) {
        const schema = bodyContent[mediaType]?.schema
        if (!isZod(schema)) continue
        for (const [target, matches] of [
          ['json', isJSONContentType],
          ['form', isFormContentType],
        ] as const) {
          if (!matches(mediaType)) continue
          const validator = zValidator(target, schema, hookFor)
          if (route.request?.body?.required) validators.push(validator)
          else {
            validators.push(async (c: Context, next: Next) => {
              const contentType = c.req.header('content-type')
              if (contentType && matches(contentType)) return await validator(c, next)
              c.req.addValidatedData(target, {})
              await next()
            })
          }
        }
      }
    }
    const middleware = routeMiddleware ? (Array.isArray(routeMiddleware) ? routeMiddleware : [routeMiddleware]) : []
    this.on(
      [route.method],
      [String(route.path).replaceAll(/\/{(.+?)}/g, '/:$1')],
      ...middleware,
      ...validators,
      handler as MiddlewareHandler,
    )
    return this
  }

  // biome-ignore lint/suspicious/noExplicitAny: Hono's own signature.
  override route(path: string, app: Hono<any, any, any>) {
    super.route(path, app)
    if (app instanceof RuntimeOpenAPIHono) app.#parentApp ??= this
    return this
  }
}

/** The Worker's OpenAPIHono: the real one's type, its routing and validation, no document. */
export const OpenAPIHono = RuntimeOpenAPIHono as unknown as typeof Real.OpenAPIHono

/** As @hono/zod-openapi's `createRoute`. */
export const createRoute: typeof Real.createRoute = (routeConfig) => {
  const route = {
    ...routeConfig,
    getRoutingPath() {
      return routeConfig.path.replaceAll(/\/{(.+?)}/g, '/:$1')
    },
  }
  return Object.defineProperty(route, 'getRoutingPath', { enumerable: false }) as never
}

function isZod(x: unknown): x is ZodType {
  if (typeof x !== 'object' || x === null) return false
  const s = x as Record<string, unknown>
  return (
    typeof s.parse === 'function' &&
    typeof s.safeParse === 'function' &&
    typeof s.parseAsync === 'function' &&
    typeof s.safeParseAsync === 'function'
  )
}

function isJSONContentType(contentType: string) {
  return /^application\/([a-z-.]+\+)?json/i.test(contentType)
}

const jsonRequestRegex = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i
const multipartRequestRegex = /^multipart\/form-data(;\s?boundary=[a-zA-Z0-9'"()+_,\-./:=?]+)?$/i
const urlencodedRequestRegex = /^application\/x-www-form-urlencoded(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i

function matchesMediaType(contentType: string, mediaType: string) {
  if (mediaType === '*/*') return true
  if (isJSONContentType(mediaType)) return jsonRequestRegex.test(contentType)
  if (isFormContentType(mediaType)) {
    return multipartRequestRegex.test(contentType) || urlencodedRequestRegex.test(contentType)
  }
  const essence = contentType.split(';')[0]!.trim().toLowerCase()
  if (mediaType.endsWith('/*')) return essence.startsWith(mediaType.slice(0, -1).toLowerCase())
  return essence === mediaType.toLowerCase()
}

async function hasRequestBody(c: Context) {
  const raw = c.req.raw
  if (raw.body === null) return false
  if (raw.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0
  const body = raw.clone().body
  if (body === null) return false
  const reader = body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return false
      if (value.byteLength > 0) return true
    }
  } finally {
    reader.cancel().catch(() => {})
  }
}

function isFormContentType(contentType: string) {
  const lower = contentType.toLowerCase()
  return lower.startsWith('multipart/form-data') || lower.startsWith('application/x-www-form-urlencoded')
}
