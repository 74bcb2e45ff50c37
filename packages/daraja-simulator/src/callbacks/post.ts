import http from "node:http"
import https from "node:https"
import type { Scheduler } from "../scheduler"

export interface PostResult {
  status: number
  body: string
}

const MAX_RESPONSE_CHARS = 2_000

/**
 * POSTs a JSON payload with a fresh connection (no keep-alive agent, so no
 * sockets outlive the simulator) and a hard timeout.
 */
export const postJson = (
  url: string,
  payload: string,
  timeoutMs: number,
  scheduler: Scheduler
): Promise<PostResult> =>
  new Promise((resolve, reject) => {
    const target = new URL(url)
    const transport = target.protocol === "https:" ? https : http
    const request = transport.request(
      target,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
          "user-agent": "daraja-simulator",
        },
      },
      (response) => {
        let body = ""
        response.setEncoding("utf8")
        response.on("data", (chunk: string) => {
          if (body.length < MAX_RESPONSE_CHARS) {
            body += chunk
          }
        })
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: body.slice(0, MAX_RESPONSE_CHARS) })
        )
        response.on("error", reject)
      }
    )
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`timed out after ${timeoutMs} ms`)))
    request.on("error", reject)
    request.on("close", () => reject(new Error("connection closed")))
    scheduler.track(request)
    request.end(payload)
  })
