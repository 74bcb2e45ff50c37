import { randomBytes } from "node:crypto"
import { FakeReply, FakeServer, ProviderAdapter, startFakeServer, StartOptions } from "./core/server"
import { smsParts } from "./core/sms-parts"

/**
 * Africa's Talking's bulk SMS API (POST /version1/messaging): `apiKey`
 * header, form-encoded username/to/message/from, 201 with SMSMessageData and
 * one entry per recipient carrying AT's statusCode (101 Success, 403
 * InvalidPhoneNumber, 402 InvalidSenderId, 405 InsufficientBalance, 406
 * UserInBlacklist); a bad key gets 401 with a plain-text body.
 */

export type AfricasTalkingMessage = {
  id: string
  at: number
  username: string
  to: string
  from?: string
  text: string
  encoding: "GSM-7" | "UCS-2"
  parts: number
  cost: string
}

export type AfricasTalkingFakeOptions = StartOptions & {
  /** Accepted username → API key; by default any non-empty pair. */
  credentials?: Record<string, string>
  /** Registered sender ids / short codes; by default any. */
  senderIds?: string[]
  /** Numbers that have blocked promotional messages (406 UserInBlacklist). */
  blacklist?: string[]
  /** Answer every recipient with 405 InsufficientBalance. */
  insufficientBalance?: boolean
  /** Price of one part, in KES (0.8 like Safaricom's bulk rate). */
  pricePerPart?: number
}

const STATUS: Record<number, string> = {
  101: "Success",
  402: "InvalidSenderId",
  403: "InvalidPhoneNumber",
  405: "InsufficientBalance",
  406: "UserInBlacklist",
}

const E164 = /^\+[1-9]\d{7,14}$/

const text = (status: number, body: string): FakeReply => ({ status, body })

export function africasTalkingAdapter(options: AfricasTalkingFakeOptions = {}): ProviderAdapter<AfricasTalkingMessage> {
  const price = options.pricePerPart ?? 0.8
  return {
    name: "africastalking",
    faultReply: (status) =>
      text(status, status === 401 ? "The supplied authentication is invalid" : status >= 500 ? "Service Unavailable" : "Bad Request"),
    handle(req, store) {
      if (req.path !== "/version1/messaging" || req.method !== "POST") {
        return text(404, "Not Found")
      }
      const form = new URLSearchParams(req.body)
      const username = form.get("username") ?? ""
      const apiKey = String(req.headers.apikey ?? "")
      const authorised = options.credentials
        ? options.credentials[username] !== undefined && options.credentials[username] === apiKey
        : username.length > 0 && apiKey.length > 0
      if (!authorised) {
        return text(401, "The supplied authentication is invalid")
      }
      for (const field of ["to", "message"]) {
        if (!form.get(field)) {
          return text(400, `Request is missing required form field '${field}'`)
        }
      }
      const message = form.get("message")!
      const from = form.get("from") || undefined
      const { encoding, parts } = smsParts(message)
      const numbers = form
        .get("to")!
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean)
      let sent = 0
      let total = 0
      const recipients = numbers.map((number) => {
        let statusCode = 101
        if (!E164.test(number)) {
          statusCode = 403
        } else if (from && options.senderIds && !options.senderIds.includes(from)) {
          statusCode = 402
        } else if (options.insufficientBalance) {
          statusCode = 405
        } else if (options.blacklist?.includes(number)) {
          statusCode = 406
        }
        if (statusCode !== 101) {
          return { statusCode, number, status: STATUS[statusCode], cost: "0", messageId: "None" }
        }
        const id = `ATXid_${randomBytes(16).toString("hex")}`
        const cost = parts * price
        sent += 1
        total += cost
        store.add({ id, at: Date.now(), username, to: number, from, text: message, encoding, parts, cost: `KES ${cost.toFixed(4)}` })
        return { statusCode, number, status: STATUS[101], cost: `KES ${cost.toFixed(4)}`, messageId: id }
      })
      return {
        status: 201,
        body: {
          SMSMessageData: {
            Message: `Sent to ${sent}/${numbers.length} Total Cost: ${sent ? `KES ${total.toFixed(4)}` : "0"}`,
            Recipients: recipients,
          },
        },
      }
    },
  }
}

export type AfricasTalkingFake = FakeServer<AfricasTalkingMessage>

/** Starts a fake Africa's Talking; point `SMS_AT_BASE_URL` at `fake.url`. */
export function startAfricasTalkingFake(options: AfricasTalkingFakeOptions = {}): Promise<AfricasTalkingFake> {
  return startFakeServer(africasTalkingAdapter(options), options)
}
