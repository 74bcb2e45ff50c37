/**
 * Shared abuse limits (issue 18): failed sign-ins for one account are
 * counted in Redis, so an attacker who spreads guesses over both servers is
 * locked out after the same number as on one, while another account from the
 * same address still gets an honest answer.
 */
import { SHARED_LOGIN_LIMIT } from "./cluster-types"
import { describeMulti, multi, PHASE_TIMEOUT_MS, say } from "./context"

async function signIn(server: string, email: string, password: string) {
  const res = await fetch(`${server}/auth/customer/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(30_000),
  })
  return { status: res.status, retryAfter: res.headers.get("retry-after") }
}

describeMulti("failed sign-ins are limited across servers", () => {
  const allowed = Number(SHARED_LOGIN_LIMIT.split("/")[0])
  const victim = `limits-${Date.now()}@example.com`

  it(`${allowed} failed sign-ins for one account spread over both servers are each answered 401; the next is refused with 429 and Retry-After on either server`, async () => {
    const [serverA, serverB] = multi().cluster.servers
    const answers: number[] = []
    for (let i = 0; i < allowed; i++) {
      answers.push((await signIn(i % 2 === 0 ? serverA : serverB, victim, `wrong-${i}`)).status)
    }
    const next = await signIn(allowed % 2 === 0 ? serverA : serverB, victim, "wrong-again")
    const onOther = await signIn(allowed % 2 === 0 ? serverB : serverA, victim, "wrong-again")
    say(`shared limits: ${allowed} failed sign-ins over both servers → ${answers.join(",")}; then ${next.status} (Retry-After ${next.retryAfter}) and ${onOther.status} on the other server`)
    expect(answers).toEqual(Array(allowed).fill(401))
    expect(next.status).toBe(429)
    expect(next.retryAfter).toBeTruthy()
    expect(onOther.status).toBe(429)
  }, PHASE_TIMEOUT_MS)

  it("another account signing in from the same address is not locked out", async () => {
    const bystander = await signIn(multi().cluster.servers[0], `other-${Date.now()}@example.com`, "wrong")
    expect(bystander.status).toBe(401)
  }, PHASE_TIMEOUT_MS)
})
