import fs from "node:fs"
import path from "node:path"
import { appIntegrationTestRunner } from "../helpers/app-test-runner"
import {
  DEMO_PHONE,
  eventually,
  logged,
  LoggedMessage,
  placeOrder,
  seedAndSettle,
  useProviderFakes,
} from "../helpers/notifications"

jest.setTimeout(900_000)

const ORDERS = Number(process.env.SOKO_NOTIFICATIONS_BENCH_ORDERS ?? 10)
const ARTIFACT = path.join(__dirname, "..", "artifacts", "notifications-metrics.json")

const fakes = useProviderFakes(
  { email: "sendgrid", sms: "africastalking" },
  {
    SOKO_MERCHANT_EMAIL: "merchant@soko.test",
    SOKO_MERCHANT_PHONE: "+254700000001",
    SOKO_NOTIFICATIONS_OPTIONS: JSON.stringify({
      retry: { maxAttempts: 5, initialDelayMs: 100, maxDelayMs: 1_600, jitter: true },
    }),
  }
)

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN
}

const stats = (ms: number[]) => ({ n: ms.length, median_ms: quantile(ms, 0.5), p95_ms: quantile(ms, 0.95), max_ms: Math.max(...ms) })

/** Event emitted → provider accepted; split at the moment the message was recorded. */
function latencies(messages: LoggedMessage[]) {
  const sent = messages.filter((m) => m.status === "sent" && m.event_at && m.sent_at)
  const t = (d: Date | string | null) => new Date(d!).getTime()
  return {
    event_to_sent: stats(sent.map((m) => t(m.sent_at) - t(m.event_at))),
    event_to_recorded: stats(sent.map((m) => t(m.created_at) - t(m.event_at))),
    recorded_to_sent: stats(sent.map((m) => t(m.sent_at) - t(m.created_at))),
  }
}

async function allFinal(container: Parameters<typeof logged>[0], orderIds: string[]) {
  return eventually(
    async () => {
      const rows = (await logged(container)).filter((m) => m.order_id && orderIds.includes(m.order_id))
      const open = rows.filter((m) => !["sent", "failed", "skipped"].includes(m.status))
      if (rows.length < orderIds.length * 4 || open.length) {
        throw new Error(`${rows.length} messages, ${open.length} still open`)
      }
      return rows
    },
    { timeoutMs: 300_000, intervalMs: 500 }
  )
}

/**
 * Measures what the closing note reports: latency after the triggering event
 * with healthy providers, and the delivery rate when both providers fail
 * half their requests. Only robust properties are asserted (no duplicates,
 * a high delivery rate); the figures go to integration-tests/artifacts/.
 */
appIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    it("latency with healthy providers, delivery rate with providers failing half their requests", async () => {
      const container = getContainer()
      await seedAndSettle(container)
      const healthyOrders: string[] = []
      for (let i = 0; i < ORDERS; i++) {
        healthyOrders.push((await placeOrder(api, container, { email: `healthy${i}@example.com` })).order.id)
      }
      const healthy = await allFinal(container, healthyOrders)
      expect(healthy.every((m) => m.status === "sent")).toBe(true)

      fakes.sendgrid!.reset()
      fakes.at!.reset()
      fakes.sendgrid!.setFaults({ failureRate: 0.5, seed: 7 })
      fakes.at!.setFaults({ failureRate: 0.5, seed: 11 })
      const flakyOrders: string[] = []
      for (let i = 0; i < ORDERS; i++) {
        flakyOrders.push((await placeOrder(api, container, { email: `flaky${i}@example.com` })).order.id)
      }
      const flaky = await allFinal(container, flakyOrders)
      const sent = flaky.filter((m) => m.status === "sent")
      const failed = flaky.filter((m) => m.status === "failed")
      const requests = [...fakes.sendgrid!.requests(), ...fakes.at!.requests()]
      const wire = [
        ...fakes.sendgrid!.messages().map((m) => `${m.to[0]}|${m.subject}`),
        ...fakes.at!.messages().filter((m) => m.to !== DEMO_PHONE).map((m) => `${m.to}|${m.text}`),
      ]

      const metrics = {
        measured_at: new Date().toISOString(),
        orders_per_phase: ORDERS,
        messages_per_order: 4,
        healthy: { messages: healthy.length, latency: latencies(healthy) },
        half_failing: {
          messages: flaky.length,
          sent: sent.length,
          failed: failed.length,
          delivery_rate: sent.length / flaky.length,
          expected_rate_with_5_attempts: 1 - 0.5 ** 5,
          provider_requests: requests.length,
          injected_failures: requests.filter((r) => r.fault).length,
          attempts_histogram: sent.reduce<Record<number, number>>((h, m) => ({ ...h, [m.attempts]: (h[m.attempts] ?? 0) + 1 }), {}),
          latency_of_sent: latencies(flaky),
          failure_reasons: [...new Set(failed.map((m) => m.last_error))],
        },
      }
      fs.mkdirSync(path.dirname(ARTIFACT), { recursive: true })
      fs.writeFileSync(ARTIFACT, JSON.stringify(metrics, null, 2))
      process.stdout.write(`notifications metrics: ${JSON.stringify(metrics)}\n`)

      // Exactly once on the wire: every accepted provider request is a distinct sent message.
      expect(new Set(wire).size).toBe(wire.length)
      expect(wire.length).toBe(sent.length)
      expect(metrics.half_failing.delivery_rate).toBeGreaterThanOrEqual(0.85)
      expect(failed.every((m) => m.attempts === 5 && m.last_error)).toBe(true)
    })
  },
})
