/** A bound on how long a call to something outside the isolate (D1, another Worker) may take. */

/**
 * `work`, or a rejection with `onTimeout()` when it has not settled within `ms`; the timer is
 * cleared either way.
 *
 * @example await withTimeout(db.batch(statements), 5000, () => new Error('no answer within 5000 ms'))
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    if (timer !== undefined) clearTimeout(timer)
  }
}
