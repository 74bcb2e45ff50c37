import type { IncomingHttpHeaders } from "node:http"
import type { Sim } from "../context"
import type { Reply } from "../http/reply"
import type { Override } from "../state/overrides"

export interface DarajaRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  /** Parsed JSON when the Content-Type is JSON and the body parsed; otherwise undefined. */
  body: unknown
  bodyProblem?: "invalid-json" | "too-large"
  isJson: boolean
}

export interface EndpointContext {
  /** The control-API override this request consumed, if any. */
  override?: Override
}

/**
 * Endpoints make their state changes synchronously, in one tick, so concurrent
 * requests cannot interleave. Only work without shared state (drawing a QR
 * code) may be awaited, and its state is written after it, in one go.
 */
export type EndpointHandler = (sim: Sim, req: DarajaRequest, ctx: EndpointContext) => Reply | Promise<Reply>
