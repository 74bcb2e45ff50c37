/**
 * A local Stripe: the parts of its API Medusa's Stripe provider uses, with
 * signed webhooks. The HTTP server is the provider fakes' core; this class is
 * the handle tests hold, and each resource lives in its own module.
 */
import { startFakeServer, type FakeServer } from "@soko/provider-fakes"
import { StripeApi } from "./api"
import { control, CONTROL_PREFIX } from "./control"
import { completeAction } from "./resources/payment-intent-flow"
import { StripeStore } from "./store"
import type {
  Delivery,
  InjectedError,
  Json,
  PaymentIntent,
  Refund,
  RequestRecord,
  StripeEvent,
  StripeFakeOptions,
} from "./types"
import { API_VERSION, type DeliverOptions, Webhooks } from "./webhooks"

export { API_VERSION, CONTROL_PREFIX }
export type * from "./types"

export class StripeFake {
  private readonly webhooks: Webhooks
  private readonly store: StripeStore
  private readonly api: StripeApi
  private server?: FakeServer<never>

  constructor(options: StripeFakeOptions = {}) {
    const now = options.now ?? Date.now
    this.webhooks = new Webhooks(options.webhooks ?? [], options.delivery ?? "auto", now)
    this.store = new StripeStore(now, (type, object, request) => this.webhooks.record(type, object, request))
    this.api = new StripeApi(this.store, options.secretKeys)
  }

  get intents(): Map<string, PaymentIntent> {
    return this.store.intents
  }

  get refunds(): Map<string, Refund> {
    return this.store.refunds
  }

  get customers(): Map<string, Json> {
    return this.store.customers
  }

  get events(): StripeEvent[] {
    return this.webhooks.events
  }

  get deliveries(): Delivery[] {
    return this.webhooks.deliveries
  }

  get url(): string {
    return this.store.url
  }

  get port(): number {
    return Number(new URL(this.url).port)
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<void> {
    const api = this.api
    this.server = await startFakeServer<never>(
      {
        name: "stripe",
        handle: (req) => api.handle(req),
        faultReply: (status) => api.faultReply(status),
        control: { prefix: CONTROL_PREFIX, handle: (req) => control(this, req) },
      },
      { port, host }
    )
    this.store.url = this.server.url
  }

  async stop(): Promise<void> {
    await this.webhooks.settled(false)
    const server = this.server
    this.server = undefined
    await server?.stop()
  }

  /** Forgets every object, event, request and idempotency key; keeps endpoints and delivery mode. */
  reset(): void {
    this.store.clear()
    this.webhooks.clear()
    this.api.clear()
    this.server?.reset()
  }

  addWebhookEndpoint(url: string, secret: string): void {
    this.webhooks.endpoints.push({ url, secret })
  }

  setDelivery(mode: "auto" | "manual"): void {
    this.webhooks.mode = mode
  }

  /** The next `times` requests matching `match` fail with this Stripe error. */
  injectError(error: Omit<InjectedError, "times"> & { times?: number }): void {
    this.api.inject({ times: 1, ...error })
  }

  requests(filter: { method?: string; path?: RegExp; executedOnly?: boolean } = {}): RequestRecord[] {
    return this.api.log.filter(
      (r) =>
        (!filter.method || r.method === filter.method) &&
        (!filter.path || filter.path.test(r.path)) &&
        (!filter.executedOnly || !r.replayed)
    )
  }

  listEvents(filter: { type?: string; paymentIntent?: string } = {}): StripeEvent[] {
    return this.webhooks.list(filter)
  }

  paymentIntent(id: string): PaymentIntent | undefined {
    const pi = this.store.intents.get(id)
    return pi && structuredClone(pi)
  }

  /** The intent whose metadata.session_id is the Medusa payment session id. */
  paymentIntentForSession(sessionId: string): PaymentIntent | undefined {
    const pi = [...this.store.intents.values()].find((p) => p.metadata.session_id === sessionId)
    return pi && structuredClone(pi)
  }

  /** The shopper finishes (or fails) the 3-D Secure challenge of an intent in requires_action. */
  completeAction(id: string, outcome: "succeed" | "fail"): PaymentIntent {
    return completeAction(this.store, id, outcome)
  }

  /**
   * Delivers an event to every endpoint (or `url`), `times` copies, all at
   * once when `concurrent`. Resolves with the HTTP status of each delivery.
   */
  deliver(eventId: string, options: DeliverOptions = {}): Promise<(number | "error")[]> {
    return this.webhooks.deliver(eventId, options)
  }

  /** Signs a payload as Stripe would, with this fake's clock unless a timestamp is given. */
  sign(payload: string, secret: string, timestamp?: number): string {
    return this.webhooks.sign(payload, secret, timestamp)
  }

  /** Waits for every automatic delivery started so far. */
  settled(): Promise<void> {
    return this.webhooks.settled()
  }
}

export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const fake = new StripeFake(options)
  await fake.listen(options.port ?? 0, options.host ?? "127.0.0.1")
  return fake
}
