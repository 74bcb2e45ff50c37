import type { IncomingMessage } from "node:http"

export interface ReadBody {
  text: string
  tooLarge: boolean
}

/**
 * Reads the body up to `limit` bytes. A larger body is drained and discarded
 * (answering mid-upload makes many clients report a socket error instead of
 * the reply); only an absurd one is cut off.
 */
export const readBody = (req: IncomingMessage, limit: number): Promise<ReadBody> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) {
        chunks.push(chunk)
      } else if (size > limit * 64) {
        req.destroy()
      }
    })
    const finish = (): void =>
      resolve({ text: Buffer.concat(chunks).toString("utf8"), tooLarge: size > limit })
    req.on("end", finish)
    req.on("error", finish)
    req.on("close", finish)
  })

export const isJsonContentType = (header: string | undefined): boolean => {
  const type = header?.split(";")[0].trim().toLowerCase()
  return type === "application/json" || (type?.endsWith("+json") ?? false)
}

/** Parsed JSON, or a marker when the text is not JSON. Empty text parses as undefined. */
export const parseJson = (text: string): { value: unknown; ok: boolean } => {
  if (text.trim() === "") {
    return { value: undefined, ok: true }
  }
  try {
    return { value: JSON.parse(text), ok: true }
  } catch {
    return { value: undefined, ok: false }
  }
}
