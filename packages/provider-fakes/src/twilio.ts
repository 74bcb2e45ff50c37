import { randomBytes } from "node:crypto"
import { FakeReply, FakeServer, ProviderAdapter, startFakeServer, StartOptions } from "./core/server"
import { smsParts } from "./core/sms-parts"

/**
 * Twilio's Programmable Messaging API
 * (POST /2010-04-01/Accounts/{AccountSid}/Messages.json): HTTP Basic auth
 * with the account SID and auth token, form-encoded To/From/Body, 201 with a
 * Message resource (status "queued"), and Twilio's error envelope
 * `{ code, message, more_info, status }` (20003 auth, 21211 bad To, 21602 no
 * Body, 21603/21606 From problems, 20429 rate limit).
 */

export type TwilioMessage = {
  sid: string
  at: number
  accountSid: string
  to: string
  from?: string
  messagingServiceSid?: string
  body: string
  numSegments: number
  encoding: "GSM-7" | "UCS-2"
  statusCallback?: string
}

export type TwilioFakeOptions = StartOptions & {
  /** Accepted account SID → auth token; by default any SID starting with "AC" and any token. */
  credentials?: Record<string, string>
  /** Numbers the account may send from; by default any E.164 number or alphanumeric id. */
  fromNumbers?: string[]
}

const E164 = /^\+[1-9]\d{7,14}$/
const PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/

const error = (status: number, code: number, message: string): FakeReply => ({
  status,
  body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
})

const rfc2822 = (date: Date) => date.toUTCString().replace("GMT", "+0000")

export function twilioAdapter(options: TwilioFakeOptions = {}): ProviderAdapter<TwilioMessage> {
  return {
    name: "twilio",
    faultReply: (status) =>
      status === 429
        ? error(429, 20429, "Too Many Requests")
        : status === 401
          ? error(401, 20003, "Authenticate")
          : status >= 500
            ? error(status, status === 503 ? 20503 : 20500, status === 503 ? "Service Unavailable" : "Internal Server Error")
            : error(status, 20001, "Bad Request"),
    handle(req, store) {
      const match = PATH.exec(req.path)
      if (!match || req.method !== "POST") {
        return error(404, 20404, `The requested resource ${req.path} was not found`)
      }
      const auth = String(req.headers.authorization ?? "")
      const [sid, token] = auth.startsWith("Basic ")
        ? Buffer.from(auth.slice(6), "base64").toString("utf8").split(":")
        : ["", ""]
      const authorised = options.credentials
        ? options.credentials[sid] !== undefined && options.credentials[sid] === token
        : sid?.startsWith("AC") && Boolean(token)
      if (!authorised) {
        return error(401, 20003, "Authenticate")
      }
      if (sid !== match[1]) {
        return error(404, 20404, `The requested resource ${req.path} was not found`)
      }
      const form = new URLSearchParams(req.body)
      const to = form.get("To") ?? ""
      const from = form.get("From") || undefined
      const messagingServiceSid = form.get("MessagingServiceSid") || undefined
      const body = form.get("Body") ?? ""
      if (!to) {
        return error(400, 21604, "A 'To' phone number is required.")
      }
      if (!E164.test(to)) {
        return error(400, 21211, `Invalid 'To' Phone Number: ${to}`)
      }
      if (!from && !messagingServiceSid) {
        return error(400, 21603, "A 'From' phone number is required.")
      }
      if (from && options.fromNumbers && !options.fromNumbers.includes(from)) {
        return error(400, 21606, `The From phone number ${from} is not a valid, SMS-capable inbound phone number or short code for your account.`)
      }
      if (!body) {
        return error(400, 21602, "Message body is required.")
      }
      if ([...body].length > 1600) {
        return error(400, 21617, "The concatenated message body exceeds the 1600 character limit.")
      }
      const messageSid = `SM${randomBytes(16).toString("hex")}`
      const { encoding, parts } = smsParts(body)
      const now = new Date()
      store.add({
        sid: messageSid,
        at: now.getTime(),
        accountSid: sid,
        to,
        from,
        messagingServiceSid,
        body,
        numSegments: parts,
        encoding,
        statusCallback: form.get("StatusCallback") || undefined,
      })
      const uri = `/2010-04-01/Accounts/${sid}/Messages/${messageSid}.json`
      return {
        status: 201,
        body: {
          account_sid: sid,
          api_version: "2010-04-01",
          body,
          date_created: rfc2822(now),
          date_sent: null,
          date_updated: rfc2822(now),
          direction: "outbound-api",
          error_code: null,
          error_message: null,
          from: from ?? null,
          messaging_service_sid: messagingServiceSid ?? null,
          num_media: "0",
          num_segments: String(parts),
          price: null,
          price_unit: "USD",
          sid: messageSid,
          status: "queued",
          subresource_uris: { media: uri.replace(".json", "/Media.json") },
          to,
          uri,
        },
      }
    },
  }
}

export type TwilioFake = FakeServer<TwilioMessage>

/** Starts a fake Twilio; point `SMS_TWILIO_BASE_URL` at `fake.url`. */
export function startTwilioFake(options: TwilioFakeOptions = {}): Promise<TwilioFake> {
  return startFakeServer(twilioAdapter(options), options)
}
