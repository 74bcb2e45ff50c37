/**
 * What a handler answers. Handlers return data instead of writing to the
 * socket so they stay testable and so fault injection can replace a reply.
 */
export interface Reply {
  status: number
  /** JSON body; ignored when `raw` is set. */
  body?: unknown
  /** A verbatim body, for Daraja's non-JSON answers (empty 400, HTML pages, numbers with decimals). */
  raw?: string
  contentType?: string
}

export const json = (status: number, body: unknown): Reply => ({ status, body })

export const raw = (status: number, text: string, contentType = "text/plain"): Reply => ({
  status,
  raw: text,
  contentType,
})
