import type { FakeReply, FakeRequest } from "@soko/provider-fakes"
import type { StripeFake } from "./server"
import type { Json } from "./types"

export const CONTROL_PREFIX = "/__control"

/** The fake's own control API, for dev mode and other processes; every answer is 200. */
export async function control(fake: StripeFake, req: FakeRequest): Promise<FakeReply> {
  return { status: 200, body: await answer(fake, req.method.toUpperCase(), req.path, req.body) }
}

async function answer(fake: StripeFake, method: string, path: string, body: string): Promise<unknown> {
  const input = body ? (JSON.parse(body) as Json) : {}
  if (method === "POST" && path === "/reset") {
    fake.reset()
    return { ok: true }
  }
  if (method === "GET" && path === "/events") {
    return { events: fake.listEvents() }
  }
  if (method === "GET" && path === "/requests") {
    return { requests: fake.requests() }
  }
  if (method === "GET" && path === "/payment_intents") {
    return { payment_intents: [...fake.intents.values()] }
  }
  const action = /^\/payment_intents\/([^/]+)\/action$/.exec(path)
  if (method === "POST" && action) {
    return fake.completeAction(action[1], input.outcome === "fail" ? "fail" : "succeed")
  }
  const deliver = /^\/events\/([^/]+)\/deliver$/.exec(path)
  if (method === "POST" && deliver) {
    const statuses = await fake.deliver(deliver[1], { times: Number(input.times ?? 1), concurrent: !!input.concurrent })
    return { statuses }
  }
  if (method === "POST" && path === "/webhook_endpoints") {
    fake.addWebhookEndpoint(String(input.url), String(input.secret))
    return { ok: true }
  }
  return { error: `unknown control route ${method} ${path}` }
}
