/**
 * Rides out a backend restart (a deploy, a crash loop, `medusa develop`
 * reloading): a request that could not even connect is sent again, with
 * backoff, for up to `budgetMs`. Reads are also retried on a reset connection
 * or a 502/503/504. Writes are retried only when the connection was refused,
 * so the backend never saw them.
 */
const CONNECT_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"])
const RESET_CODES = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE", "UND_ERR_CLOSED"])

type ErrorWithCause = { cause?: { code?: string; cause?: { code?: string } }; code?: string; status?: number }

function code(error: unknown): string | undefined {
  const e = error as ErrorWithCause
  return e?.cause?.code ?? e?.cause?.cause?.code ?? e?.code
}

export function isRetryable(error: unknown, idempotent: boolean): boolean {
  const c = code(error)
  if (c && CONNECT_CODES.has(c)) {
    return true
  }
  if (!idempotent) {
    return false
  }
  const status = (error as ErrorWithCause)?.status
  return Boolean((c && RESET_CODES.has(c)) || status === 502 || status === 503 || status === 504)
}

export async function withRetry<T>(
  run: () => Promise<T>,
  { idempotent, budgetMs = 20_000, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)) }: { idempotent: boolean; budgetMs?: number; sleep?: (ms: number) => Promise<unknown> }
): Promise<T> {
  const started = Date.now()
  for (let attempt = 0; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      const wait = Math.min(250 * 2 ** attempt, 2_000)
      if (!isRetryable(error, idempotent) || Date.now() - started + wait > budgetMs) {
        throw error
      }
      await sleep(wait)
    }
  }
}
