import http, { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { Fault, FaultSettings, Faults } from "./faults"

export type FakeRequest = {
  method: string
  path: string
  /** The query string without its "?". */
  query: string
  headers: IncomingHttpHeaders
  body: string
}

export type FakeReply = {
  status: number
  headers?: Record<string, string>
  /** Objects are sent as JSON, strings as given. */
  body?: unknown
  contentType?: string
}

/** One request as the fake saw it, including the ones it failed on purpose. */
export type RequestRecord = {
  at: number
  method: string
  path: string
  status: number | "reset"
  fault: boolean
}

export type ProviderAdapter<TMessage> = {
  name: string
  /** Handles a request that was not failed on purpose; may record messages. */
  handle(req: FakeRequest, store: MessageStore<TMessage>): FakeReply | Promise<FakeReply>
  /** The provider's own error reply for an injected status. */
  faultReply(status: number): FakeReply
  /**
   * The provider's own control routes under their own prefix (a fake older
   * than this core keeps the URLs its users already call).
   */
  control?: { prefix: string; handle(req: FakeRequest): FakeReply | Promise<FakeReply> }
}

export class MessageStore<TMessage> {
  private items: TMessage[] = []
  private waiters: { count: number; resolve: () => void }[] = []

  add(message: TMessage): void {
    this.items.push(message)
    this.waiters = this.waiters.filter((w) => {
      if (this.items.length >= w.count) {
        w.resolve()
        return false
      }
      return true
    })
  }

  all(): TMessage[] {
    return [...this.items]
  }

  clear(): void {
    this.items = []
  }

  wait(count: number, timeoutMs: number): Promise<TMessage[]> {
    if (this.items.length >= count) {
      return Promise.resolve(this.all())
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter)
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${count} message(s); got ${this.items.length}`))
      }, timeoutMs)
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer)
          resolve(this.all())
        },
      }
      this.waiters.push(waiter)
    })
  }
}

export type StartOptions = { port?: number; host?: string; maxBodyBytes?: number }

/** A running fake: its base URL, what it received, and the knobs tests turn. */
export interface FakeServer<TMessage> {
  readonly name: string
  readonly url: string
  readonly port: number
  /** Messages the provider accepted, oldest first. */
  messages(): TMessage[]
  /** Resolves once at least `count` messages were accepted. */
  waitForMessages(count: number, options?: { timeoutMs?: number }): Promise<TMessage[]>
  /** Every request, answered or failed. */
  requests(): RequestRecord[]
  /** The next `count` requests fail (default: 503 with the provider's error body). */
  failNext(count?: number, fault?: Fault): void
  /** Rate-based failures and latency. */
  setFaults(settings: FaultSettings): void
  /** Forgets messages, requests and faults. */
  reset(): void
  stop(): Promise<void>
}

export const CONTROL_PREFIX = "/__fake"

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
      }
    })
    const done = () => resolve(Buffer.concat(chunks).toString("utf8"))
    req.on("end", done)
    req.on("error", done)
  })
}

function write(res: ServerResponse, reply: FakeReply): void {
  const isText = typeof reply.body === "string"
  const body = reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body)
  const type = reply.contentType ?? (isText ? "text/plain; charset=utf-8" : "application/json")
  res.writeHead(reply.status, {
    ...(body ? { "content-type": type } : {}),
    "content-length": Buffer.byteLength(body),
    ...reply.headers,
  })
  res.end(body)
}

export async function startFakeServer<TMessage>(
  adapter: ProviderAdapter<TMessage>,
  options: StartOptions = {}
): Promise<FakeServer<TMessage>> {
  const store = new MessageStore<TMessage>()
  const faults = new Faults()
  let requests: RequestRecord[] = []
  const maxBodyBytes = options.maxBodyBytes ?? 30 * 1024 * 1024

  const control = (req: FakeRequest): FakeReply => {
    const action = req.path.slice(CONTROL_PREFIX.length)
    if (req.method === "GET" && action === "/messages") {
      return { status: 200, body: { messages: store.all() } }
    }
    if (req.method === "GET" && action === "/requests") {
      return { status: 200, body: { requests } }
    }
    if (req.method === "POST" && action === "/reset") {
      reset()
      return { status: 200, body: { ok: true } }
    }
    if (req.method === "POST" && action === "/faults") {
      try {
        const settings = JSON.parse(req.body || "{}") as FaultSettings & { failNext?: number; status?: number }
        if (settings.failNext) {
          faults.failNext(settings.failNext, settings.status ? { kind: "status", status: settings.status } : undefined)
        }
        faults.set(settings)
        return { status: 200, body: { ok: true } }
      } catch (error) {
        return { status: 400, body: { error: (error as Error).message } }
      }
    }
    return { status: 404, body: { error: `unknown control route ${req.method} ${req.path}` } }
  }

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://fake")
    const body = await readBody(req, maxBodyBytes)
    const fakeReq: FakeRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.search.slice(1),
      headers: req.headers,
      body,
    }
    if (fakeReq.path.startsWith(CONTROL_PREFIX)) {
      write(res, control(fakeReq))
      return
    }
    if (adapter.control && fakeReq.path.startsWith(adapter.control.prefix)) {
      write(res, await adapter.control.handle({ ...fakeReq, path: fakeReq.path.slice(adapter.control.prefix.length) }))
      return
    }
    const at = Date.now()
    if (faults.latencyMs) {
      await new Promise((r) => setTimeout(r, faults.latencyMs))
    }
    const fault = faults.next()
    if (fault?.kind === "reset") {
      requests.push({ at, method: fakeReq.method, path: fakeReq.path, status: "reset", fault: true })
      req.socket.destroy()
      return
    }
    const reply = fault ? adapter.faultReply(fault.status) : await adapter.handle(fakeReq, store)
    requests.push({ at, method: fakeReq.method, path: fakeReq.path, status: reply.status, fault: Boolean(fault) })
    write(res, reply)
  }
  const server = http.createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        write(res, { status: 500, body: { error: (error as Error)?.message ?? String(error) } })
      } else {
        res.end()
      }
    })
  })
  server.keepAliveTimeout = 1_000

  const host = options.host ?? "127.0.0.1"
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const reset = () => {
    store.clear()
    faults.clear()
    requests = []
  }
  let stopping: Promise<void> | undefined

  return {
    name: adapter.name,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    messages: () => store.all(),
    waitForMessages: (count, opts) => store.wait(count, opts?.timeoutMs ?? 10_000),
    requests: () => [...requests],
    failNext: (count, fault) => faults.failNext(count, fault),
    setFaults: (settings) => faults.set(settings),
    reset,
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return stopping
    },
  }
}
