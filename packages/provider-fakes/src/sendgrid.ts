import { randomBytes } from "node:crypto"
import { FakeReply, FakeServer, ProviderAdapter, startFakeServer, StartOptions } from "./core/server"

/**
 * SendGrid's v3 Mail Send API (POST /v3/mail/send): Bearer auth, JSON body
 * with personalizations, 202 with an X-Message-Id header, and SendGrid's
 * `{ errors: [{ message, field, help }] }` envelope for every error.
 */

export type SendgridMessage = {
  id: string
  at: number
  to: string[]
  cc: string[]
  bcc: string[]
  from: string
  fromName?: string
  replyTo?: string
  subject?: string
  text?: string
  html?: string
  templateId?: string
  dynamicTemplateData?: Record<string, unknown>
  customArgs: Record<string, string>
  headers: Record<string, string>
  categories: string[]
  /** mail_settings.sandbox_mode: validated and answered 200, not delivered. */
  sandbox: boolean
}

export type SendgridFakeOptions = StartOptions & {
  /** Accepted API keys; by default any key that starts with "SG.". */
  apiKeys?: string[]
}

const HELP = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html"

const errors = (status: number, list: { message: string; field?: string | null; help?: string | null }[]): FakeReply => ({
  status,
  body: { errors: list.map((e) => ({ message: e.message, field: e.field ?? null, help: e.help ?? null })) },
})

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/

type Address = { email?: unknown; name?: unknown }
type Personalization = { to?: Address[]; cc?: Address[]; bcc?: Address[]; subject?: unknown }
type MailBody = {
  personalizations?: Personalization[]
  from?: Address
  reply_to?: Address
  subject?: unknown
  content?: { type?: unknown; value?: unknown }[]
  template_id?: unknown
  custom_args?: Record<string, string>
  headers?: Record<string, string>
  categories?: string[]
  mail_settings?: { sandbox_mode?: { enable?: boolean } }
}

function validate(body: MailBody): { message: string; field: string }[] {
  const problems: { message: string; field: string }[] = []
  const personalizations = body.personalizations
  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    problems.push({
      message: "The personalizations field is required and must have at least one personalization.",
      field: "personalizations",
    })
  } else {
    personalizations.forEach((p, i) => {
      if (!Array.isArray(p.to) || p.to.length === 0) {
        problems.push({
          message:
            "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
          field: `personalizations.${i}.to`,
        })
      }
      for (const key of ["to", "cc", "bcc"] as const) {
        ;(p[key] ?? []).forEach((address, j) => {
          if (typeof address?.email !== "string" || !EMAIL.test(address.email)) {
            problems.push({ message: "Does not contain a valid address.", field: `personalizations.${i}.${key}.${j}.email` })
          }
        })
      }
    })
  }
  if (typeof body.from?.email !== "string" || !EMAIL.test(body.from.email)) {
    problems.push({
      message:
        "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.",
      field: "from.email",
    })
  }
  const hasTemplate = typeof body.template_id === "string" && body.template_id.length > 0
  const everyHasSubject =
    Array.isArray(personalizations) && personalizations.length > 0 && personalizations.every((p) => typeof p.subject === "string")
  if (!hasTemplate && !everyHasSubject && (typeof body.subject !== "string" || body.subject.length === 0)) {
    problems.push({
      message:
        "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
      field: "subject",
    })
  }
  const content = body.content ?? []
  if (!hasTemplate && (!Array.isArray(content) || content.length === 0)) {
    problems.push({
      message:
        "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
      field: "content",
    })
  }
  if (Array.isArray(content)) {
    const types = content.map((c) => c?.type)
    const html = types.indexOf("text/html")
    const plain = types.indexOf("text/plain")
    const inOrder = (plain === -1 || plain === 0) && (html === -1 || html === (plain === 0 ? 1 : 0))
    if (!inOrder) {
      problems.push({
        message: "If present, text/plain and text/html may only be provided in this order, followed by any other content.",
        field: "content",
      })
    }
    content.forEach((c, i) => {
      if (typeof c?.value !== "string" || c.value.length === 0) {
        problems.push({ message: "The content value must be a string at least one character in length.", field: `content.${i}.value` })
      }
    })
  }
  return problems
}

const emails = (list: Address[] | undefined) => (list ?? []).map((a) => String(a.email))

export function sendgridAdapter(options: SendgridFakeOptions = {}): ProviderAdapter<SendgridMessage> {
  return {
    name: "sendgrid",
    faultReply: (status) =>
      status === 429
        ? errors(429, [{ message: "too many requests" }])
        : status === 401
          ? errors(401, [{ message: "The provided authorization grant is invalid, expired, or revoked" }])
          : errors(status, [{ message: status >= 500 ? "internal error" : "Bad Request" }]),
    handle(req, store) {
      if (req.path !== "/v3/mail/send") {
        return errors(404, [{ message: "resource not found" }])
      }
      if (req.method !== "POST") {
        return errors(405, [{ message: "method not allowed" }])
      }
      const auth = String(req.headers.authorization ?? "")
      const key = auth.startsWith("Bearer ") ? auth.slice(7) : ""
      const accepted = options.apiKeys ? options.apiKeys.includes(key) : key.startsWith("SG.")
      if (!accepted) {
        return errors(401, [{ message: "The provided authorization grant is invalid, expired, or revoked" }])
      }
      let body: MailBody
      try {
        body = JSON.parse(req.body) as MailBody
      } catch {
        return errors(400, [{ message: "Bad Request", help: HELP }])
      }
      if (!body || typeof body !== "object") {
        return errors(400, [{ message: "Bad Request", help: HELP }])
      }
      const problems = validate(body)
      if (problems.length) {
        return errors(400, problems.map((p) => ({ ...p, help: `${HELP}#message.${p.field.split(".")[0]}` })))
      }
      const sandbox = body.mail_settings?.sandbox_mode?.enable === true
      const id = randomBytes(16).toString("base64url").slice(0, 22)
      const content = body.content ?? []
      const [first] = body.personalizations!
      store.add({
        id,
        at: Date.now(),
        to: body.personalizations!.flatMap((p) => emails(p.to)),
        cc: body.personalizations!.flatMap((p) => emails(p.cc)),
        bcc: body.personalizations!.flatMap((p) => emails(p.bcc)),
        from: String(body.from!.email),
        fromName: typeof body.from!.name === "string" ? body.from!.name : undefined,
        replyTo: typeof body.reply_to?.email === "string" ? body.reply_to.email : undefined,
        subject: typeof first.subject === "string" ? first.subject : (body.subject as string | undefined),
        text: content.find((c) => c.type === "text/plain")?.value as string | undefined,
        html: content.find((c) => c.type === "text/html")?.value as string | undefined,
        templateId: typeof body.template_id === "string" ? body.template_id : undefined,
        dynamicTemplateData: (first as { dynamic_template_data?: Record<string, unknown> }).dynamic_template_data,
        customArgs: body.custom_args ?? {},
        headers: body.headers ?? {},
        categories: body.categories ?? [],
        sandbox,
      })
      return { status: sandbox ? 200 : 202, headers: { "x-message-id": id } }
    },
  }
}

export type SendgridFake = FakeServer<SendgridMessage>

/** Starts a fake SendGrid; point `SENDGRID_BASE_URL` (or the client's baseUrl) at `fake.url`. */
export function startSendgridFake(options: SendgridFakeOptions = {}): Promise<SendgridFake> {
  return startFakeServer(sendgridAdapter(options), options)
}
