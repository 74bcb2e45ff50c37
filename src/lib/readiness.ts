/**
 * Readiness for load balancers: GET /health/ready answers 200 only while every
 * backing service this instance needs answers (PostgreSQL always, Redis when
 * REDIS_URL is set), else 503 so traffic goes to another instance. Medusa's
 * own GET /health stays the liveness check (the process is up).
 */

export type ProbeResult = { name: string; ok: boolean; ms: number; error?: string }

export const PROBE_TIMEOUT_MS = 2000

/** Runs one probe with a timeout; a throw, a rejection or a timeout is a failure, never an exception. */
export async function runProbe(name: string, probe: () => Promise<unknown>, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeResult> {
  const started = Date.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      Promise.resolve().then(probe),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
      }),
    ])
    return { name, ok: true, ms: Date.now() - started }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { name, ok: false, ms: Date.now() - started, error: message.slice(0, 200) || "failed" }
  } finally {
    clearTimeout(timer)
  }
}

export type Readiness = {
  status: 200 | 503
  body: { status: "ready" | "unavailable"; checks: Record<string, { ok: boolean; ms: number; error?: string }> }
}

/** 200 when every probe passed (and there was at least one), else 503. */
export function readiness(results: ProbeResult[]): Readiness {
  const ready = results.length > 0 && results.every((r) => r.ok)
  return {
    status: ready ? 200 : 503,
    body: {
      status: ready ? "ready" : "unavailable",
      checks: Object.fromEntries(results.map(({ name, ...rest }) => [name, rest])),
    },
  }
}
