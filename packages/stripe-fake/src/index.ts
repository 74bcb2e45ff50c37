export { API_VERSION, CONTROL_PREFIX, StripeFake, startStripeFake } from "./server"
export type {
  Delivery,
  InjectedError,
  PaymentIntent,
  Refund,
  RequestRecord,
  StripeEvent,
  StripeFakeOptions,
  WebhookEndpoint,
} from "./server"
export { signStripePayload } from "./signature"
export { parseForm } from "./form"
