import { PHONE, REDACTED, redactAttributes, redactText, secretsFromEnv } from "../redact"

describe("redactText", () => {
  const cases: [string, string, string[]][] = [
    ["POST /hooks/daraja/stk/3f9a0c1d2e", "POST /hooks/daraja/stk/[redacted]", []],
    ["/hooks/daraja/reversal/abc?x=1", "/hooks/daraja/reversal/[redacted]?x=1", []],
    ["/store/mpesa/status?order_id=order_01&token=AbCdEf0123456789xyz", "/store/mpesa/status?order_id=order_01&token=[redacted]", []],
    ["/x?publishable_key=pk_123&limit=5", "/x?publishable_key=[redacted]&limit=5", []],
    ["/store/regions?country_code=ke", "/store/regions?country_code=ke", []],
    ["paid from 254708374149", `paid from ${PHONE}`, []],
    ["call +254712345678 now", `call ${PHONE} now`, []],
    ["0712345678", PHONE, []],
    ["phone 708374149.", `phone ${PHONE}.`, []],
    ["new range 0110123456", `new range ${PHONE}`, []],
    ["ws_CO_05122026153012345254708374149", "ws_CO_05122026153012345254…", []],
    ["order_01JABC7123456789XYZ", "order_01JABC7123456789XYZ", []],
    ["took 1733412345678 ms", "took 1733412345678 ms", []],
    ["SELECT * FROM cart WHERE id = $1", "SELECT * FROM cart WHERE id = $1", []],
    ["Basic c2VjcmV0LWtleQ== failed", `Basic ${REDACTED} failed`, ["c2VjcmV0LWtleQ=="]],
  ]
  it.each(cases)("%s", (input, expected, secrets) => {
    expect(redactText(input, secrets)).toBe(expected)
  })
})

describe("redactAttributes", () => {
  it("replaces credential headers, masks phones in strings, numbers and arrays, keeps the rest", () => {
    expect(
      redactAttributes(
        {
          authorization: "Bearer eyJhbGci",
          cookie: "connect.sid=s%3Aabc",
          "x-publishable-api-key": "pk_01",
          "stripe-signature": "t=1,v1=abc",
          "http.url": "/hooks/daraja/stk/s3cr3t",
          "http.route": "/hooks/daraja/stk/:token",
          "soko.mpesa.phone": 254708374149,
          "db.statement": "select 1",
          "http.status_code": 200,
          list: ["0712345678", "ok"],
          ok: true,
        },
        []
      )
    ).toEqual({
      authorization: REDACTED,
      cookie: REDACTED,
      "x-publishable-api-key": REDACTED,
      "stripe-signature": REDACTED,
      "http.url": `/hooks/daraja/stk/${REDACTED}`,
      "http.route": "/hooks/daraja/stk/:token",
      "soko.mpesa.phone": PHONE,
      "db.statement": "select 1",
      "http.status_code": 200,
      list: [PHONE, "ok"],
      ok: true,
    })
  })
})

describe("secretsFromEnv", () => {
  it("collects secret variables, URL passwords and OTLP header values, longest first; ignores short and public ones", () => {
    expect(
      secretsFromEnv({
        MPESA_CONSUMER_SECRET: "consumer-secret-value",
        MPESA_PASSKEY: "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
        JWT_SECRET: "short",
        DATABASE_URL: "postgres://soko:db-password-1@db:5432/soko",
        REDIS_URL: "redis://127.0.0.1:6379",
        OTEL_EXPORTER_OTLP_HEADERS: "x-honeycomb-team=hc-api-key-123,x-other=v",
        MPESA_SHORTCODE: "174379",
        NODE_ENV: "production",
      })
    ).toEqual([
      "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
      "consumer-secret-value",
      "hc-api-key-123",
      "db-password-1",
    ])
  })
})
