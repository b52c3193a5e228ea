/**
 * `zod` without its 63 locale bundles, which the app never uses (errors stay in English).
 *
 * zod's entry exports `z` as a namespace that also holds `z.locales` and `z.core.locales`;
 * @hono/zod-openapi passes `z` as a value (`extendZodWithOpenApi(z)`), so the bundler must keep
 * every locale. wrangler.toml aliases `zod` to this module for the Worker bundle only; English,
 * the default, is still set by zod's schemas module itself. Node and the type checker see real zod.
 */
// As zod's own entry: every export, and `z`, the namespace of them all.
import * as z from './zod-classic'

export * from './zod-classic'
export { z, z as default }
