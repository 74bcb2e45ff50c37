/**
 * The multi-instance abuse-limit phase (issue 18), run by ./run.ts: failed
 * sign-ins for one account are counted in Redis, so an attacker who spreads
 * guesses over both servers is locked out after the same number as on one,
 * while another account from the same address still gets an honest answer.
 */
import { SHARED_LOGIN_LIMIT } from "./cluster"
import type { PhaseTools } from "./refund-phases"

async function signIn(server: string, email: string, password: string) {
  const res = await fetch(`${server}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  })
  return { status: res.status, retryAfter: res.headers.get("retry-after") }
}

export async function sharedLimitsPhase(t: Pick<PhaseTools, "cluster" | "check" | "say">) {
  const { cluster, check, say } = t
  const [serverA, serverB] = cluster.servers
  const allowed = Number(SHARED_LOGIN_LIMIT.split("/")[0])
  const victim = `limits-${Date.now()}@example.com`

  // Wrong passwords, alternating servers: A, B, A, B, …
  const answers: number[] = []
  for (let i = 0; i < allowed; i++) {
    answers.push((await signIn(i % 2 === 0 ? serverA : serverB, victim, `wrong-${i}`)).status)
  }
  const next = await signIn(allowed % 2 === 0 ? serverA : serverB, victim, "wrong-again")
  const onOther = await signIn(allowed % 2 === 0 ? serverB : serverA, victim, "wrong-again")
  const bystander = await signIn(serverA, `other-${Date.now()}@example.com`, "wrong")
  say(`shared limits: ${allowed} failed sign-ins spread over both servers → ${answers.join(",")}; then ${next.status} (Retry-After ${next.retryAfter}) and ${onOther.status} on the other server; another account ${bystander.status}`)

  check(
    `${allowed} failed sign-ins for one account spread over both servers are each answered 401`,
    answers.every((status) => status === 401),
    answers.join(",")
  )
  check(
    "the next attempt is refused with 429 and Retry-After on whichever server it reaches (the count is shared)",
    next.status === 429 && !!next.retryAfter && onOther.status === 429,
    `${next.status} retry-after=${next.retryAfter}, other server ${onOther.status}`
  )
  check("another account signing in from the same address is not locked out", bystander.status === 401, String(bystander.status))
}
