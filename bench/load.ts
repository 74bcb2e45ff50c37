/**
 * The bench's load generator: a separate process (forked by bench/run.ts, so
 * the load never shares the server's event loop) that runs one scenario with N
 * concurrent keep-alive connections on loopback for a given time and reports
 * per-iteration latencies. A scenario iteration is what a shopper waits for:
 * one GET, or a sequence of calls (cart + line item, a whole checkout).
 */
import { HttpError, counter, readyCart, store, call, type BenchContext, type Counter, type Json } from "./client"
import { prepareAdminOrders } from "./orders"
import { SCENARIOS } from "./scenarios"

export type LoadRequest = {
  scenario: string
  ctx: BenchContext
  durationMs: number
  connections: number
}

export type LoadResult = {
  scenario: string
  iterations: number
  requests: number
  /** Response body bytes of the store calls (uncompressed: the bench asks for no encoding). */
  bytes: number
  errors: number
  firstError?: string
  elapsedMs: number
  latenciesMs: number[]
}

export async function runLoad(req: LoadRequest): Promise<LoadResult> {
  const scenario = SCENARIOS[req.scenario]
  if (!scenario) {
    throw new Error(`unknown scenario ${req.scenario}`)
  }
  const counted: Counter = counter()
  const latencies: number[] = []
  let errors = 0
  let firstError: string | undefined
  const started = performance.now()
  const end = started + req.durationMs
  const worker = async (w: number) => {
    while (performance.now() < end) {
      const t0 = performance.now()
      try {
        await scenario.run(req.ctx, counted, w)
        latencies.push(performance.now() - t0)
      } catch (e) {
        errors += 1
        firstError ??= (e as Error).message
        if (!(e instanceof HttpError)) {
          await new Promise((r) => setTimeout(r, 100))
        }
      }
    }
  }
  await Promise.all(Array.from({ length: req.connections }, (_, w) => worker(w)))
  return {
    scenario: req.scenario,
    iterations: latencies.length,
    requests: counted.requests,
    bytes: counted.bytes,
    errors,
    firstError,
    elapsedMs: performance.now() - started,
    latenciesMs: latencies,
  }
}

/** Requests each of the scenario's distinct GETs once (see Scenario.prime). */
export async function prime(req: LoadRequest): Promise<number> {
  const paths = SCENARIOS[req.scenario]?.prime?.(req.ctx) ?? []
  const n = counter()
  const queue = [...paths]
  await Promise.all(
    Array.from({ length: req.connections }, async () => {
      for (let path = queue.shift(); path; path = queue.shift()) {
        await store(req.ctx, n).get(path)
      }
    })
  )
  return paths.length
}

/** Prepares what scenarios need from the running server (admin token, carts). */
export async function prepare(ctx: BenchContext, admin: { email: string; password: string }) {
  const login = await call(ctx, "POST", "/auth/user/emailpass", admin)
  const n = counter()
  const carts = await Promise.all(Array.from({ length: 10 }, () => readyCart(ctx, n)))
  const adminToken = (login.body as Json).token as string
  return { adminToken, shippingCarts: carts, adminOrders: await prepareAdminOrders({ ...ctx, adminToken }) }
}

if (require.main === module && process.send) {
  process.on("message", async (msg: { type: string; req?: LoadRequest; ctx?: BenchContext; admin?: { email: string; password: string } }) => {
    try {
      if (msg.type === "prime" && msg.req) {
        process.send!({ ok: true, result: await prime(msg.req) })
      } else if (msg.type === "run" && msg.req) {
        process.send!({ ok: true, result: await runLoad(msg.req) })
      } else if (msg.type === "prepare" && msg.ctx && msg.admin) {
        process.send!({ ok: true, result: await prepare(msg.ctx, msg.admin) })
      } else if (msg.type === "exit") {
        // The harness is done with this load process (not a test: the bench has no test cases).
        process.exit(0)
      }
    } catch (e) {
      process.send!({ ok: false, error: (e as Error).message })
    }
  })
  process.send({ ready: true })
}
