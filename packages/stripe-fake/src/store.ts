import crypto from "node:crypto"
import type { FormObject } from "./form"
import type { Json, PaymentIntent, Refund, RequestContext } from "./types"

export function rand(n: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
  const bytes = crypto.randomBytes(n)
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("")
}

type EventSink = (type: string, object: Json | PaymentIntent, request: RequestContext | undefined) => void

/** The objects the fake account holds, and what every resource needs to change them. */
export class StripeStore {
  readonly intents = new Map<string, PaymentIntent>()
  readonly refunds = new Map<string, Refund>()
  readonly customers = new Map<string, Json>()
  currentRequest?: RequestContext
  url = ""

  constructor(
    readonly now: () => number,
    private readonly sink: EventSink
  ) {}

  emit(type: string, object: Json | PaymentIntent): void {
    this.sink(type, object, this.currentRequest)
  }

  secs(): number {
    return Math.floor(this.now() / 1000)
  }

  refunded(paymentIntentId: string): number {
    return [...this.refunds.values()]
      .filter((r) => r.payment_intent === paymentIntentId)
      .reduce((sum, r) => sum + r.amount, 0)
  }

  clear(): void {
    this.intents.clear()
    this.refunds.clear()
    this.customers.clear()
  }
}

/** One API call, as a resource sees it. */
export type ResourceRequest = {
  store: StripeStore
  method: string
  path: string
  id?: string
  action?: string
  params: FormObject
  expand: string[]
}

export const list = (data: unknown[], url: string): Json => ({ object: "list", data, has_more: false, url })
