import { EventEmitter } from "node:events"
import { randomUUID } from "node:crypto"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

// Read once per process by the middleware: set before it is loaded. The counting rule is
// what is tested here, on the in-process store; sharing it through Redis is shared-limits'.
delete process.env.REDIS_URL
process.env.SOKO_LIMIT_LOGIN_PER_IDENTIFIER = "3/15m"
process.env.SOKO_LIMIT_LOGIN_PER_ADDRESS = "1000/15m"
const { rateLimit } = require("../middleware") as typeof import("../middleware")

type Answer = 401 | 200 | 500

/** Just what the middleware touches of Medusa's response; `json` ends it, as Express does. */
class FakeResponse extends EventEmitter {
  statusCode = 200
  headers: Record<string, string> = {}
  setHeader(name: string, value: string) {
    this.headers[name] = value
  }
  status(code: number) {
    this.statusCode = code
    return this
  }
  json() {
    this.emit("finish")
    return this
  }
}

/** One sign-in through the middleware, answered by a handler that takes a moment, as Medusa's auth does. */
async function signIn(email: string, answer: Answer): Promise<{ status: number; reachedHandler: boolean }> {
  const res = new FakeResponse()
  const req = {
    method: "POST",
    originalUrl: "/auth/customer/emailpass",
    url: "/auth/customer/emailpass",
    body: { email, password: "guess" },
    ip: "198.51.100.20",
    socket: {},
    scope: { resolve: () => ({ warn: () => undefined }) },
  }
  let reachedHandler = false
  await new Promise<void>((resolve) => {
    res.once("finish", () => resolve())
    const next: MedusaNextFunction = () => {
      reachedHandler = true
      setTimeout(() => res.status(answer).json(), 20)
    }
    void rateLimit(req as unknown as MedusaRequest, res as unknown as MedusaResponse, next)
  })
  return { status: res.statusCode, reachedHandler }
}

const account = () => `shopper-${randomUUID()}@example.com`

describe("failed sign-ins per account (limit 3)", () => {
  it("ten wrong passwords at once: only three reach the sign-in, the rest get 429", async () => {
    const email = account()
    const answers = await Promise.all(Array.from({ length: 10 }, () => signIn(email, 401)))
    expect(answers.filter((a) => a.reachedHandler)).toHaveLength(3)
    expect(answers.map((a) => a.status).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429])
  })

  it.each<[string, Answer[], number[]]>([
    ["three failures, then refused", [401, 401, 401, 401], [401, 401, 401, 429]],
    ["a success clears the failures before it", [401, 401, 200, 401, 401, 401, 401], [401, 401, 200, 401, 401, 401, 429]],
    ["a server error is no wrong password: it does not count", [500, 500, 500, 401, 401, 401, 401], [500, 500, 500, 401, 401, 401, 429]],
  ])("one after another: %s", async (_, sent, expected) => {
    const email = account()
    const statuses: number[] = []
    for (const answer of sent) {
      statuses.push((await signIn(email, answer)).status)
    }
    expect(statuses).toEqual(expected)
  })
})
