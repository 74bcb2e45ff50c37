import { signStripePayload } from "./signature"
import { rand } from "./store"
import type { Delivery, Json, PaymentIntent, RequestContext, StripeEvent, WebhookEndpoint } from "./types"

export const API_VERSION = "2024-04-10"

export type DeliverOptions = { times?: number; concurrent?: boolean; url?: string; secret?: string; timestamp?: number }

/** Events, the endpoints they go to, and every delivery attempt. */
export class Webhooks {
  readonly events: StripeEvent[] = []
  readonly deliveries: Delivery[] = []
  readonly endpoints: WebhookEndpoint[]
  private readonly inflight = new Set<Promise<unknown>>()

  constructor(
    endpoints: WebhookEndpoint[],
    public mode: "auto" | "manual",
    private readonly now: () => number
  ) {
    this.endpoints = [...endpoints]
  }

  record(type: string, object: Json | PaymentIntent, request: RequestContext | undefined): void {
    const event: StripeEvent = {
      id: `evt_${rand(24)}`,
      object: "event",
      api_version: API_VERSION,
      created: Math.floor(this.now() / 1000),
      data: { object: structuredClone(object) as Json },
      livemode: false,
      pending_webhooks: this.endpoints.length,
      request: { id: request?.requestId ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type,
    }
    this.events.push(event)
    if (this.mode === "auto" && this.endpoints.length) {
      // After the reply, as Stripe does: the API call never waits for webhooks.
      const p = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.deliver(event.id))
        .catch(() => undefined)
      this.inflight.add(p)
      void p.finally(() => this.inflight.delete(p))
    }
  }

  list(filter: { type?: string; paymentIntent?: string } = {}): StripeEvent[] {
    return this.events.filter(
      (e) =>
        (!filter.type || e.type === filter.type) &&
        (!filter.paymentIntent ||
          e.data.object.id === filter.paymentIntent ||
          e.data.object.payment_intent === filter.paymentIntent)
    )
  }

  async deliver(eventId: string, options: DeliverOptions = {}): Promise<(number | "error")[]> {
    const event = this.events.find((e) => e.id === eventId)
    if (!event) {
      throw new Error(`no event ${eventId}`)
    }
    const targets = options.url
      ? [{ url: options.url, secret: options.secret ?? this.endpoints[0]?.secret ?? "" }]
      : this.endpoints.map((e) => ({ ...e, secret: options.secret ?? e.secret }))
    const times = options.times ?? 1
    const statuses: (number | "error")[] = []
    for (const target of targets) {
      const sends = Array.from({ length: times }, () => () => this.post(event, target, options.timestamp))
      if (options.concurrent) {
        statuses.push(...(await Promise.all(sends.map((s) => s()))))
      } else {
        for (const s of sends) {
          statuses.push(await s())
        }
      }
    }
    return statuses
  }

  sign(payload: string, secret: string, timestamp?: number): string {
    return signStripePayload(payload, secret, timestamp ?? Math.floor(this.now() / 1000))
  }

  /** Waits for the automatic deliveries started so far (`all`: and those they start). */
  async settled(all = true): Promise<void> {
    do {
      await Promise.allSettled([...this.inflight])
    } while (all && this.inflight.size)
  }

  clear(): void {
    this.events.length = 0
    this.deliveries.length = 0
  }

  private async post(event: StripeEvent, target: WebhookEndpoint, timestamp?: number): Promise<number | "error"> {
    const payload = JSON.stringify(event, null, 2)
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "stripe-signature": this.sign(payload, target.secret, timestamp),
        },
        body: payload,
      })
      const body = await res.text()
      this.deliveries.push({ eventId: event.id, url: target.url, status: res.status, body })
      return res.status
    } catch (e) {
      this.deliveries.push({ eventId: event.id, url: target.url, status: "error", body: String(e) })
      return "error"
    }
  }
}
