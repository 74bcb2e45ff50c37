import { readSokoEnv, SokoConfigError } from "../env"
import { infrastructureModules } from "../modules"

const STRONG = "x".repeat(32)
const PROD = { NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db/shop", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG }

describe("readSokoEnv", () => {
  it("runs the embedded default when nothing is set", () => {
    const env = readSokoEnv({})
    expect(env).toEqual(
      expect.objectContaining({
        production: false,
        embedded: true,
        databaseUrl: "postgres://postgres:postgres@127.0.0.1:54320/soko",
        workerMode: "shared",
        redisUrl: undefined,
        storeCors: "http://localhost:8000",
        disableAdmin: false,
      })
    )
    // One process: Medusa's in-memory defaults, plus its caching module in memory.
    expect(infrastructureModules(env).map((m) => m.resolve)).toEqual(["@medusajs/medusa/caching"])
  })

  it("moves the embedded database with SOKO_PG_PORT", () => {
    expect(readSokoEnv({ SOKO_PG_PORT: "6000" }).databaseUrl).toContain("127.0.0.1:6000/soko")
  })

  it("uses DATABASE_URL when given", () => {
    const env = readSokoEnv({ DATABASE_URL: "postgres://u:p@db:5432/shop" })
    expect(env.embedded).toBe(false)
    expect(env.databaseUrl).toBe("postgres://u:p@db:5432/shop")
  })

  it("has shop-sized request limits and trusts one proxy hop by default, each overridable", () => {
    const env = readSokoEnv({})
    expect(env.trustedProxies).toBe(1)
    expect(env.rateLimits).toEqual({
      login_address: { points: 30, windowSeconds: 900 },
      login_identifier: { points: 10, windowSeconds: 900 },
      signup_address: { points: 20, windowSeconds: 3600 },
      signup_identifier: { points: 5, windowSeconds: 3600 },
      reset_address: { points: 10, windowSeconds: 3600 },
      reset_identifier: { points: 5, windowSeconds: 3600 },
      cart_address: { points: 100, windowSeconds: 3600 },
      store_write_address: { points: 600, windowSeconds: 600 },
    })
    const tuned = readSokoEnv({ SOKO_TRUSTED_PROXIES: "0", SOKO_LIMIT_LOGIN_PER_IDENTIFIER: "3/5m" })
    expect(tuned.trustedProxies).toBe(0)
    expect(tuned.rateLimits.login_identifier).toEqual({ points: 3, windowSeconds: 300 })
  })

  it("shares one Redis prefix between instances, and gives each test app its own", () => {
    expect(readSokoEnv({ REDIS_URL: "redis://r" }).redisPrefix).toBe("soko")
    expect(readSokoEnv({ REDIS_URL: "redis://r", SOKO_REDIS_PREFIX: "shop1" }).redisPrefix).toBe("shop1")
    const a = readSokoEnv({ NODE_ENV: "test" }).redisPrefix
    const b = readSokoEnv({ NODE_ENV: "test" }).redisPrefix
    expect(a).toMatch(/^soko-test-/)
    expect(a).not.toBe(b)
  })

  it("registers every Redis module when REDIS_URL is set", () => {
    const env = readSokoEnv({ REDIS_URL: "redis://127.0.0.1:6379" })
    expect(infrastructureModules(env).map((m) => m.resolve)).toEqual([
      "@medusajs/medusa/event-bus-redis",
      "@medusajs/medusa/workflow-engine-redis",
      "@medusajs/medusa/cache-redis",
      "@medusajs/medusa/locking",
      "@medusajs/medusa/caching",
    ])
  })

  it.each([
    [undefined, 1],
    ["4", 4],
    ["64", 64],
  ])("SOKO_EVENT_CONCURRENCY=%p sets the Redis event bus worker's concurrency to %p", (value, concurrency) => {
    const env = readSokoEnv({ REDIS_URL: "redis://r", SOKO_EVENT_CONCURRENCY: value })
    const bus = infrastructureModules(env).find((m) => m.resolve === "@medusajs/medusa/event-bus-redis")
    expect(bus?.options?.workerOptions).toEqual({ concurrency })
  })

  it.each(["0", "-1", "2.5", "65", "many"])("rejects SOKO_EVENT_CONCURRENCY=%p with a message naming it", (value) => {
    expect(() => readSokoEnv({ SOKO_EVENT_CONCURRENCY: value })).toThrow(/SOKO_EVENT_CONCURRENCY: must be a whole number from 1 to 64/)
  })

  it.each([
    ["development, embedded", {}, true],
    ["development with Redis", { REDIS_URL: "redis://r" }, true],
    ["test", { NODE_ENV: "test" }, true],
    ["production without Redis", PROD, true],
    ["production with Redis", { ...PROD, REDIS_URL: "redis://r" }, true],
    ["SOKO_CACHING=false", { SOKO_CACHING: "false" }, false],
    ["SOKO_CACHING=off in production", { ...PROD, REDIS_URL: "redis://r", SOKO_CACHING: "off" }, false],
    ["SOKO_CACHING=true", { SOKO_CACHING: "true" }, true],
  ] as [string, Record<string, string>, boolean][])("caching in %s: %p", (_, vars, expected) => {
    expect(readSokoEnv(vars).caching).toBe(expected)
  })

  it("adds Medusa's caching module in Redis under the shop's prefix, or in memory for one process, unless SOKO_CACHING=false", () => {
    expect(infrastructureModules(readSokoEnv({ SOKO_CACHING: "false" }))).toEqual([])
    const redis = infrastructureModules(readSokoEnv({ REDIS_URL: "redis://r", SOKO_REDIS_PREFIX: "shop1", SOKO_CACHING: "true" }))
    const caching = redis.find((m) => m.resolve === "@medusajs/medusa/caching")
    expect(caching?.options).toEqual({
      providers: [
        expect.objectContaining({
          resolve: "@medusajs/medusa/caching-redis",
          is_default: true,
          options: { redisUrl: "redis://r", prefix: "shop1:caching:" },
        }),
      ],
    })
    expect(infrastructureModules(readSokoEnv({}))).toEqual([
      { resolve: "@medusajs/medusa/caching", options: { in_memory: { enable: true } } },
    ])
  })

  it.each([
    ["server", false],
    ["worker", true],
    ["shared", false],
  ])("MEDUSA_WORKER_MODE=%s selects the mode (admin disabled: %p)", (mode, adminDisabled) => {
    const env = readSokoEnv({ MEDUSA_WORKER_MODE: mode, REDIS_URL: "redis://localhost:6379" })
    expect(env.workerMode).toBe(mode)
    expect(env.disableAdmin).toBe(adminDisabled)
  })

  it("accepts production with explicit, strong secrets and a database", () => {
    const env = readSokoEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://db/shop",
      JWT_SECRET: STRONG,
      COOKIE_SECRET: STRONG,
    })
    expect(env.production).toBe(true)
    expect(env.jwtSecret).toBe(STRONG)
  })

  it.each<[string, Record<string, string>, string, RegExp]>([
    ["bad DATABASE_URL", { DATABASE_URL: "not a url" }, "DATABASE_URL", /not a valid URL/],
    ["mysql DATABASE_URL", { DATABASE_URL: "mysql://db/x" }, "DATABASE_URL", /postgres:/],
    ["bad REDIS_URL", { REDIS_URL: "http://cache" }, "REDIS_URL", /redis:/],
    ["unknown worker mode", { MEDUSA_WORKER_MODE: "both" }, "MEDUSA_WORKER_MODE", /shared, server, worker/],
    ["worker without Redis", { MEDUSA_WORKER_MODE: "worker" }, "MEDUSA_WORKER_MODE", /REDIS_URL/],
    ["port not a number", { PORT: "90x" }, "PORT", /port number/],
    ["port out of range", { SOKO_PG_PORT: "70000" }, "SOKO_PG_PORT", /must be a port number from 1 to 65535/],
    ["boolean garbage", { DISABLE_ADMIN: "maybe" }, "DISABLE_ADMIN", /true or false/],
    ["proxy hops not a number", { SOKO_TRUSTED_PROXIES: "yes" }, "SOKO_TRUSTED_PROXIES", /whole number of proxy hops from 0 to 10/],
    ["too many proxy hops", { SOKO_TRUSTED_PROXIES: "11" }, "SOKO_TRUSTED_PROXIES", /from 0 to 10/],
    ["limit without a window", { SOKO_LIMIT_LOGIN_PER_ADDRESS: "30" }, "SOKO_LIMIT_LOGIN_PER_ADDRESS", /must look like 30\/15m/],
    ["limit of zero", { SOKO_LIMIT_CARTS_PER_ADDRESS: "0/1h" }, "SOKO_LIMIT_CARTS_PER_ADDRESS", /count must be from 1/],
    ["limit window too long", { SOKO_LIMIT_STORE_WRITES_PER_ADDRESS: "10/7d" }, "SOKO_LIMIT_STORE_WRITES_PER_ADDRESS", /1s to 1d/],
    [
      "production without a database",
      { NODE_ENV: "production", JWT_SECRET: STRONG, COOKIE_SECRET: STRONG },
      "DATABASE_URL",
      /production/,
    ],
    [
      "production without JWT_SECRET",
      { NODE_ENV: "production", DATABASE_URL: "postgres://db/x", COOKIE_SECRET: STRONG },
      "JWT_SECRET",
      /must be set/,
    ],
    [
      "production without COOKIE_SECRET",
      { NODE_ENV: "production", DATABASE_URL: "postgres://db/x", JWT_SECRET: STRONG },
      "COOKIE_SECRET",
      /must be set/,
    ],
    [
      "production with the default secret",
      { NODE_ENV: "production", DATABASE_URL: "postgres://db/x", JWT_SECRET: "supersecret", COOKIE_SECRET: STRONG },
      "JWT_SECRET",
      /too weak/,
    ],
  ])("rejects %s, naming %s", (_case, input, variable, message) => {
    let error: unknown
    try {
      readSokoEnv(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SokoConfigError)
    expect((error as SokoConfigError).variable).toBe(variable)
    expect((error as Error).message).toMatch(new RegExp(`^${variable}: `))
    expect((error as Error).message).toMatch(message)
  })
})
