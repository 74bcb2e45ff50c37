import type { DarajaSimulator } from "../index"
import { basic, getToken, post, pushBody, start } from "./helpers/daraja"

const generate = (sim: DarajaSimulator, authorization?: string, grant = "client_credentials") =>
  fetch(`${sim.url}/oauth/v1/generate?grant_type=${grant}`, {
    headers: authorization ? { authorization } : {},
  })

describe("OAuth", () => {
  let sim: DarajaSimulator
  let clock = Date.now()

  beforeAll(async () => {
    sim = await start({ credentials: { goodkey: "goodsecret" }, now: () => clock })
  })
  afterAll(() => sim.stop())
  beforeEach(() => sim.reset())

  it("issues a token with expires_in as the string \"3599\"", async () => {
    const res = await generate(sim, basic("goodkey", "goodsecret"))
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body.expires_in).toBe("3599")
    expect(body.access_token).toMatch(/^[A-Za-z0-9]{28}$/)
  })

  it("answers bad credentials with 400 and an empty body", async () => {
    const res = await generate(sim, basic("goodkey", "wrong"))
    expect(res.status).toBe(400)
    expect(await res.text()).toBe("")
  })

  it.each([
    ["no Authorization header", undefined, "client_credentials", "400.008.01"],
    ["a Bearer header", "Bearer abc", "client_credentials", "400.008.01"],
    ["a wrong grant type", basic("goodkey", "goodsecret"), "password", "400.008.02"],
  ])("rejects %s", async (_name, authorization, grant, code) => {
    const res = await generate(sim, authorization, grant)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errorCode: code, requestId: expect.any(String) })
  })

  it("expires tokens by the injected clock (404.001.03)", async () => {
    const token = await getToken(sim, "goodkey", "goodsecret")
    const body = pushBody("http://127.0.0.1:9", { PhoneNumber: "254711000001", PartyA: "254711000001" })
    expect((await post(sim, "/mpesa/stkpush/v1/processrequest", token, body)).status).toBe(200)
    clock += 3600 * 1000
    const expired = await post(sim, "/mpesa/stkpushquery/v1/query", token, {})
    expect(expired.status).toBe(404)
    expect(expired.body).toMatchObject({ errorCode: "404.001.03", errorMessage: "Invalid Access Token" })
  })

  it.each([
    ["an unknown token", { authorization: "Bearer nope" }],
    ["a missing header", {}],
    ["a token without the Bearer prefix", { authorization: "sometoken" }],
  ])("rejects %s with 404.001.03", async (_name, headers) => {
    const res = await post(sim, "/mpesa/stkpush/v1/processrequest", undefined, {}, headers)
    expect(res.status).toBe(404)
    expect(res.body.errorCode).toBe("404.001.03")
  })

  it("keeps old tokens valid by default and revokes them when asked", async () => {
    const first = await getToken(sim, "goodkey", "goodsecret")
    await getToken(sim, "goodkey", "goodsecret")
    const stillValid = await post(sim, "/mpesa/stkpushquery/v1/query", first, {})
    expect(stillValid.body.errorCode).not.toBe("404.001.03")

    sim.updateSettings({ revokeOldTokens: true })
    const older = await getToken(sim, "goodkey", "goodsecret")
    const newer = await getToken(sim, "goodkey", "goodsecret")
    expect((await post(sim, "/mpesa/stkpushquery/v1/query", older, {})).body.errorCode).toBe("404.001.03")
    expect((await post(sim, "/mpesa/stkpushquery/v1/query", newer, {})).body.errorCode).not.toBe("404.001.03")
  })

  it("reports a configured TTL minus one second", async () => {
    sim.updateSettings({ tokenTtlSeconds: 60 })
    const res = await generate(sim, basic("goodkey", "goodsecret"))
    expect(((await res.json()) as Record<string, unknown>).expires_in).toBe("59")
  })

  it("accepts any credentials when none are configured", async () => {
    const open = await start()
    try {
      expect(await getToken(open, "anything", "goes")).toHaveLength(28)
    } finally {
      await open.stop()
    }
  })
})
