import { describeNetworkError, isRetryableStatus, providerError } from "./errors"

export type HttpAnswer = { status: number; text: string; json?: unknown }

/**
 * POSTs a form and reads the answer. Only a network failure or timeout
 * throws (a temporary provider error); every HTTP status is returned for the
 * provider to interpret.
 */
export async function postForm(
  provider: string,
  url: string,
  form: Record<string, string | undefined>,
  headers: Record<string, string>,
  timeoutMs: number
): Promise<HttpAnswer> {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(form)) {
    if (value !== undefined && value !== "") {
      body.set(key, value)
    }
  }
  let response: Response
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", ...headers },
      body: body.toString(),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    throw providerError("temporary", `${provider} could not be reached: ${describeNetworkError(error)}`)
  }
  let text = ""
  try {
    text = await response.text()
  } catch (error) {
    throw providerError("temporary", `${provider} answer was cut off: ${describeNetworkError(error)}`)
  }
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, text, json }
}

/** The error for an HTTP status the provider did not answer with success. */
export function statusError(provider: string, status: number, detail: string) {
  return providerError(
    isRetryableStatus(status) ? "temporary" : "permanent",
    `${provider} answered ${status}: ${detail.slice(0, 300) || "(no body)"}`
  )
}
