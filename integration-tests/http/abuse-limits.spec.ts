import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import { failure, placeOrder, setupShop, type Shop } from "../helpers/order-rules-shop"

jest.setTimeout(180_000)

/** A refused request's response, so a loop can collect statuses. */
const statusOf = (error: { response: { status: number } }) => error.response

// Small limits so a brute force is quick to show; the defaults are in the README.
const LIMITS = {
  SOKO_LIMIT_LOGIN_PER_IDENTIFIER: "3/15m",
  SOKO_LIMIT_LOGIN_PER_ADDRESS: "6/15m",
  SOKO_LIMIT_SIGNUP_PER_ADDRESS: "4/1h",
  SOKO_LIMIT_CARTS_PER_ADDRESS: "5/1h",
  SOKO_TRUSTED_PROXIES: "1",
}

appIntegrationTestRunner({
  inApp: true,
  env: LIMITS,
  testSuite: ({ api, getContainer }) => {
    let shop: Shop
    // The test client is the one trusted hop: what it appends is the client address.
    const from = (address: string, extra: Record<string, string> = {}) => ({
      headers: { ...shop.store.headers, "x-forwarded-for": address, ...extra },
    })
    const login = (email: string, password: string, address: string) =>
      api.post("/auth/customer/emailpass", { email, password }, from(address))
    const register = async (email: string, password: string, address: string) => {
      const { data } = await api.post("/auth/customer/emailpass/register", { email, password }, from(address))
      await api.post("/store/customers", { email, first_name: "Test", last_name: "Shopper" }, from(address, { authorization: `Bearer ${data.token}` }))
    }

    beforeAll(async () => {
      shop = await setupShop(getContainer(), api)
      await register("victim@example.com", "correct-horse-1", "198.51.100.1")
      await register("neighbour@example.com", "correct-horse-2", "198.51.100.2")
    })

    describe("sign-in brute force", () => {
      it("locks the attacker out per account with 429 + Retry-After, while another account and address still sign in", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 3; i++) {
          statuses.push((await failure(login("victim@example.com", `guess-${i}`, "203.0.113.50"))).status)
        }
        expect(statuses).toEqual([401, 401, 401])

        const locked = await failure(login("victim@example.com", "guess-3", "203.0.113.50"))
        expect(locked.status).toBe(429)
        const retryAfter = Number(locked.headers?.["retry-after"])
        expect(retryAfter).toBeGreaterThan(800)
        expect(retryAfter).toBeLessThanOrEqual(900)
        expect(locked.data.message).toBe("Too many failed sign-ins for this account. Try again in 15 minutes.")
        // Changing address does not reopen the account to guessing.
        expect((await failure(login("victim@example.com", "guess-4", "203.0.113.51"))).status).toBe(429)

        // Another shopper, elsewhere, is unaffected.
        const other = await login("neighbour@example.com", "correct-horse-2", "198.51.100.2")
        expect(other.status).toBe(200)
        expect(typeof other.data.token).toBe("string")
      })

      it("locks one address out after too many attempts on any accounts (credential stuffing)", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 7; i++) {
          const res = await login(`stuffed${i}@example.com`, "password", "203.0.113.60").catch(statusOf)
          statuses.push(res.status)
        }
        expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429])
        const locked = await failure(login("neighbour@example.com", "correct-horse-2", "203.0.113.60"))
        expect(locked.status).toBe(429)
        expect(Number(locked.headers?.["retry-after"])).toBeGreaterThan(0)
        expect(locked.data.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes\.$/)
        // A caller-written x-forwarded-for entry (left of the trusted hop's) changes nothing.
        expect((await failure(login("neighbour@example.com", "correct-horse-2", "10.9.9.9, 203.0.113.60"))).status).toBe(429)
        // The same account from its own address still signs in.
        expect((await login("neighbour@example.com", "correct-horse-2", "198.51.100.2")).status).toBe(200)
      })

      it("a successful sign-in clears the account's failed attempts", async () => {
        await register("forgetful@example.com", "correct-horse-3", "198.51.100.3")
        for (let i = 0; i < 2; i++) {
          expect((await failure(login("forgetful@example.com", "nope", "198.51.100.3"))).status).toBe(401)
        }
        expect((await login("forgetful@example.com", "correct-horse-3", "198.51.100.3")).status).toBe(200)
        for (let i = 0; i < 3; i++) {
          expect((await failure(login("forgetful@example.com", "nope", "198.51.100.4"))).status).toBe(401)
        }
        expect((await failure(login("forgetful@example.com", "nope", "198.51.100.4"))).status).toBe(429)
      })
    })

    describe("account and cart creation", () => {
      it("limits new accounts per address", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 5; i++) {
          const res = await api
            .post("/auth/customer/emailpass/register", { email: `bulk${i}@example.com`, password: "password-123" }, from("203.0.113.70"))
            .catch(statusOf)
          statuses.push(res.status)
        }
        expect(statuses).toEqual([200, 200, 200, 200, 429])
        const locked = await failure(
          api.post("/auth/customer/emailpass/register", { email: "bulk9@example.com", password: "password-123" }, from("203.0.113.70"))
        )
        expect(Number(locked.headers?.["retry-after"])).toBeGreaterThan(3500)
        expect(locked.data.message).toBe("Too many new accounts. Try again in 1 hour.")
        // Creating the customer record counts too.
        expect((await failure(api.post("/store/customers", { email: "bulk0@example.com" }, from("203.0.113.70")))).status).toBe(429)
        // Someone else signs up.
        const other = await api.post("/auth/customer/emailpass/register", { email: "fresh@example.com", password: "password-123" }, from("198.51.100.5"))
        expect(other.status).toBe(200)
      })

      it("limits new carts per address", async () => {
        const statuses: number[] = []
        for (let i = 0; i < 6; i++) {
          const res = await api.post("/store/carts", { region_id: shop.regionId }, from("203.0.113.80")).catch(statusOf)
          statuses.push(res.status)
        }
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
        const locked = await failure(api.post("/store/carts", { region_id: shop.regionId }, from("203.0.113.80")))
        expect(locked.data).toEqual({ type: "too_many_requests", message: "Too many new carts. Try again in 1 hour." })
        expect(Number(locked.headers?.["retry-after"])).toBeGreaterThan(3500)
        // Reading and other shoppers' carts are unaffected.
        expect((await api.get(`/store/regions/${shop.regionId}`, from("203.0.113.80"))).status).toBe(200)
        expect((await api.post("/store/carts", { region_id: shop.regionId }, from("198.51.100.6"))).status).toBe(200)
      })
    })

    describe("guest order tracking", () => {
      it("a stranger's wrong guesses lock the stranger out, and the order's owner still tracks it", async () => {
        const order = await placeOrder(api, shop, { email: "owner@example.com" })
        const track = (email: string, address: string) =>
          api.post("/store/order-tracking", { display_id: order.display_id, email }, from(address))
        const statuses: number[] = []
        for (let i = 0; i < 12; i++) {
          statuses.push((await failure(track(`guess${i}@example.com`, "203.0.113.90"))).status)
        }
        expect(statuses).toEqual([...Array(10).fill(404), 429, 429])
        const owner = await track("owner@example.com", "198.51.100.7")
        expect(owner.status).toBe(200)
        expect(owner.data.order_tracking.display_id).toBe(order.display_id)
      })
    })

    describe("readiness", () => {
      it("GET /health/ready answers 200 with each backing service checked, and /health stays liveness", async () => {
        const ready = await api.get("/health/ready")
        expect(ready.status).toBe(200)
        expect(ready.data.status).toBe("ready")
        expect(ready.data.checks.postgres.ok).toBe(true)
        expect(ready.headers?.["cache-control"]).toBe("no-store")
        expect((await api.get("/health")).status).toBe(200)
      })
    })
  },
})
