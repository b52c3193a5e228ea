/**
 * As much of the D1 binding as the `d1` backend uses: structurally the Workers `D1Database`, declared
 * here so the app's type (which front ends import for their typed client) needs no Workers types.
 */
export interface D1Statement {
  bind(...values: unknown[]): D1Statement
  all<T = Record<string, unknown>>(): Promise<{ results: T[]; meta?: { rows_read?: number } }>
  first<T = Record<string, unknown>>(): Promise<T | null>
  run(): Promise<unknown>
}

export interface D1Like {
  prepare(sql: string): D1Statement
  batch<T = Record<string, unknown>>(
    statements: D1Statement[],
  ): Promise<{ results: T[]; meta?: { rows_read?: number } }[]>
}
