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

/** Endpoints are synchronous: state changes happen in one tick, so concurrent requests cannot interleave. */
export type EndpointHandler = (sim: Sim, req: DarajaRequest, ctx: EndpointContext) => Reply
