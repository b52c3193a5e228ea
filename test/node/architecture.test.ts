/** The import rules of ARCHITECTURE.md, checked on the source: no circles, and each layer imports only what it may. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const FOLDERS = ['src', 'scripts', 'bench', 'test']

/** Every TypeScript file under the project's code folders, repo-relative, generated code excluded. */
function sourceFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = join(dir, name)
      if (name === 'node_modules' || name === 'fixtures' || path === join('src', 'generated')) continue
      if (statSync(join(ROOT, path)).isDirectory()) walk(path)
      else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) files.push(path)
    }
  }
  for (const folder of FOLDERS) if (existsSync(join(ROOT, folder))) walk(folder)
  return files
}

// Static imports and re-exports (type-only too: they tie modules together just the same) and dynamic imports.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** The specifiers a file imports: package names as written, relative ones resolved to repo-relative files. */
function importsOf(file: string): { packages: string[]; files: string[] } {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const packages: string[] = []
  const files: string[] = []
  for (const m of text.matchAll(IMPORT)) {
    const spec = (m[1] ?? m[2])!
    if (!spec.startsWith('.')) {
      packages.push(spec)
      continue
    }
    const base = join(dirname(file), spec.replace(/\?raw$/, ''))
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (p) => existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile(),
    )
    if (hit) files.push(hit)
  }
  return { packages, files }
}

const FILES = sourceFiles()
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]))

/** One import circle, as a path of files, or null. */
function findCircle(): string[] | null {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): string[] | null => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of GRAPH.get(file)?.files ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next]
      if (!state.has(next)) {
        const circle = visit(next)
        if (circle) return circle
      }
    }
    stack.pop()
    state.set(file, 'done')
    return null
  }
  for (const file of FILES) {
    if (state.has(file)) continue
    const circle = visit(file)
    if (circle) return circle
  }
  return null
}

const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`)
const inLayer = (folder: string) => FILES.filter(under(folder))

describe('imports', () => {
  it('form no circle', () => {
    expect(findCircle()).toBeNull()
  })

  it('never reach into test/ from src/, scripts/ or bench/', () => {
    const offenders = FILES.filter((f) => !under('test')(f)).flatMap((f) =>
      GRAPH.get(f)!
        .files.filter(under('test'))
        .map((t) => `${f} → ${t}`),
    )
    expect(offenders).toEqual([])
  })

  it('never reach the sibling checkout of shared material beside the repository', () => {
    // Spelled in parts, so this file does not itself contain the path it looks for.
    const SIBLING = new RegExp(`\\.\\./${'sha'}red\\b`)
    // An import that resolves inside the repository is fine, whatever the module is called.
    const insideRepo = (file: string, line: string) => {
      const spec = /from\s*['"](\.[^'"]+)['"]/.exec(line)?.[1]
      return spec !== undefined && !relative(ROOT, join(ROOT, dirname(file), spec)).startsWith('..')
    }
    const offenders = FILES.filter((f) =>
      readFileSync(join(ROOT, f), 'utf8')
        .split('\n')
        .some((line) => SIBLING.test(line) && !insideRepo(f, line)),
    )
    expect(offenders).toEqual([])
  })
})

// Which project files and packages each layer may import. The extractor and the search core are pure:
// no I/O, no Hono; the Worker code never imports the build scripts. `except` names the one file of a
// layer allowed a further import.
const RULES: { layer: string; files: RegExp; packages: RegExp; except?: { file: string; imports: string } }[] = [
  { layer: 'src/extract', files: /^src\/(extract\/|types\.ts$)/, packages: /^$/ },
  { layer: 'src/search', files: /^src\/(search\/|types\.ts$)/, packages: /^minisearch$/ },
  { layer: 'src/eval', files: /^src\/(eval\/|search\/|types\.ts$)/, packages: /^$/ },
  {
    layer: 'src/routes',
    files: /^src\/(routes\/|search\/|types\.ts$|errors\.ts$|rate-limits\.ts$)/,
    packages: /^(hono|@hono\/|zod$)/,
  },
  { layer: 'src/ui', files: /^src\/(ui\/|search\/|types\.ts$)/, packages: /^hono(\/|$)/ },
  { layer: 'src/middleware', files: /^src\/(routes\/|errors\.ts$|rate-limits\.ts$)/, packages: /^hono(\/|$)/ },
]

describe.each(RULES)('$layer', ({ layer, files, packages, except }) => {
  it('imports only what its layer may', () => {
    const offenders = inLayer(layer).flatMap((f) => {
      const { files: deps, packages: pkgs } = GRAPH.get(f)!
      return [
        ...deps
          .filter((d) => !files.test(d) && !(f === except?.file && d === except.imports))
          .map((d) => `${f} → ${d}`),
        ...pkgs.filter((p) => !packages.test(p)).map((p) => `${f} → ${p}`),
      ]
    })
    expect(offenders).toEqual([])
  })
})

describe.each(['src/types.ts', 'src/errors.ts', 'src/rate-limits.ts'])('%s', (file) => {
  it('imports nothing: every layer may build on it', () => {
    expect(GRAPH.get(file)).toEqual({ packages: [], files: [] })
  })
})

describe('src/api.ts', () => {
  // Front ends type-check AppType from src/api.ts under their own tsconfig, without JSX: its import
  // graph must never reach a page.
  it('never reaches the web pages (src/ui) or any .tsx file, type-only imports included', () => {
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      for (const next of GRAPH.get(file)?.files ?? []) visit(next)
    }
    visit('src/api.ts')
    expect([...seen].filter((f) => f.startsWith('src/ui/') || f.endsWith('.tsx'))).toEqual([])
  })
})

/** Every file `entry` reaches through imports, type-only ones included. */
function reachedFrom(entry: string): string[] {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const next of GRAPH.get(file)?.files ?? []) visit(next)
  }
  visit(entry)
  return [...seen]
}

describe('the two Workers', () => {
  // POST /v1/extract calls the extraction Worker over its EXTRACTOR binding, so the extractor, most of
  // the code, stays out of the search Worker's bundle and cold start (docs/SCALING.md "Worker code").
  it('the search Worker (src/index.ts) never reaches the extractor (src/extract/)', () => {
    expect(reachedFrom('src/index.ts').filter(under('src/extract'))).toEqual([])
  })

  // The d1 environment has its own entry (src/index-d1.ts) that adds the d1 backend; the default
  // Worker reaches only its binding's types.
  it('the default entry (src/index.ts) never reaches the d1 backend; src/index-d1.ts does', () => {
    const d1 = (entry: string) =>
      reachedFrom(entry).filter((f) => under('src/search/d1')(f) && f !== 'src/search/d1/types.ts')
    expect(d1('src/index.ts')).toEqual([])
    expect(d1('src/index-d1.ts')).toContain('src/search/d1/backend.ts')
  })

  it('the extraction Worker (src/extract-worker.ts) reaches only the extractor and src/types.ts', () => {
    const reached = reachedFrom('src/extract-worker.ts').filter((f) => f !== 'src/extract-worker.ts')
    expect(reached.filter((f) => !under('src/extract')(f) && f !== 'src/types.ts')).toEqual([])
    expect(GRAPH.get('src/extract-worker.ts')!.packages).toEqual(['cloudflare:workers'])
  })
})

describe('src/', () => {
  // zod's `z` passed around as a value (as @hono/zod-openapi's own `z` is) makes the bundler keep every
  // export of zod; imported as a namespace, the Worker keeps only the schemas it builds.
  it('imports zod as a namespace, never the `z` value', () => {
    const named = inLayer('src').filter((f) =>
      /import\s*(type\s*)?\{[^}]*\bz\b[^}]*\}\s*from\s*'(zod|@hono\/zod-openapi)'/.test(
        readFileSync(join(ROOT, f), 'utf8'),
      ),
    )
    expect(named).toEqual([])
  })

  it('holds no file over 400 lines', () => {
    const long = inLayer('src')
      .map((f) => [f, readFileSync(join(ROOT, f), 'utf8').replace(/\n$/, '').split('\n').length] as const)
      .filter(([, n]) => n > 400)
    expect(long).toEqual([])
  })
})
