import type { ServerResponse } from "node:http"
import type { Reply } from "./reply"

export const send = (res: ServerResponse, reply: Reply): void => {
  if (res.headersSent || res.destroyed) {
    return
  }
  const text = reply.raw ?? JSON.stringify(reply.body ?? null)
  const contentType = reply.raw !== undefined ? reply.contentType ?? "text/plain" : "application/json"
  res.writeHead(reply.status, {
    "content-type": `${contentType}; charset=utf-8`,
    "content-length": Buffer.byteLength(text),
  })
  res.end(text)
}
