import { createHash } from "node:crypto"
import { DarajaError, darajaErrorFromFetchFailure, darajaErrorFromResponse } from "./errors"
import { CachedToken, InMemoryTokenStore, TokenStore } from "./token-store"
import { DARAJA_PATHS } from "./types"
import type { DarajaClientDeps, DarajaClientOptions } from "./client-types"

export type Json = Record<string, unknown>

// Daraja tokens live an hour; used when expires_in is missing or garbled.
const DEFAULT_TOKEN_SECONDS = 3599

export const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value)

export const str = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined

export function invalidResponse(endpoint: string, what: string, indeterminate: boolean) {
  return new DarajaError({
    endpoint,
    kind: "invalid_response",
    errorCode: "INVALID_RESPONSE",
    errorMessage: `Unexpected Daraja answer: ${what}`,
    transient: false,
    indeterminate,
  })
}

type TransportOptions = Pick<DarajaClientOptions, "baseUrl" | "consumerKey" | "consumerSecret" | "tokenRefreshMarginSeconds" | "requestTimeoutMs">

/**
 * Daraja's wire: the OAuth token (cached in the token store, one fetch at a
 * time however many callers want it) and JSON POSTs with it, retried once
 * with a fresh token when Daraja says the token is invalid (404.001.03).
 * DarajaClient builds each API's payload on top of it.
 */
export class DarajaTransport {
  private readonly options: TransportOptions
  private readonly fetchImpl: typeof fetch
  private readonly now: () => number
  private readonly tokenStore: TokenStore
  private readonly tokenKey: string
  private inflightToken?: Promise<string>

  constructor(options: TransportOptions, deps: DarajaClientDeps = {}) {
    this.options = { ...options, baseUrl: options.baseUrl.replace(/\/+$/, "") }
    this.fetchImpl = deps.fetch ?? ((input, init) => fetch(input, init))
    this.now = deps.now ?? Date.now
    this.tokenStore = deps.tokenStore ?? new InMemoryTokenStore()
    // Hashed so a shared store (Redis) never holds the consumer key in clear.
    this.tokenKey =
      "daraja:token:" +
      createHash("sha256").update(`${this.options.baseUrl}\n${options.consumerKey}`).digest("hex").slice(0, 32)
  }

  /**
   * A valid access token: the cached one until `tokenRefreshMarginSeconds`
   * before expiry, else a new one. Concurrent callers share one OAuth call.
   */
  async getToken(): Promise<string> {
    const cached = await this.tokenStore.get(this.tokenKey)
    if (cached && this.now() < cached.refreshAt) {
      return cached.accessToken
    }
    return this.fetchTokenOnce()
  }

  private fetchTokenOnce(): Promise<string> {
    if (!this.inflightToken) {
      const fetch = () => this.fetchToken()
      const coordinated = this.tokenStore.coordinate ? this.tokenStore.coordinate(this.tokenKey, fetch) : fetch()
      this.inflightToken = coordinated.finally(() => {
        this.inflightToken = undefined
      })
    }
    return this.inflightToken
  }

  /**
   * After 404.001.03 for `staleToken`: reuse a refresh already under way or a
   * newer token someone else stored, and only otherwise fetch. Without this,
   * N concurrent rejections would fetch N tokens, each killing the previous.
   */
  private async tokenAfterRejection(staleToken: string): Promise<string> {
    if (this.inflightToken) {
      return this.inflightToken
    }
    const current = await this.tokenStore.get(this.tokenKey)
    if (current && current.accessToken !== staleToken && this.now() < current.refreshAt) {
      return current.accessToken
    }
    await this.tokenStore.delete(this.tokenKey, staleToken)
    return this.fetchTokenOnce()
  }

  private async fetchToken(): Promise<string> {
    const { baseUrl, consumerKey, consumerSecret } = this.options
    const basic = Buffer.from(`${consumerKey}:${consumerSecret}`).toString("base64")
    const { status, ok, body } = await this.send("oauth", `${baseUrl}${DARAJA_PATHS.oauth}`, {
      method: "GET",
      headers: { Authorization: `Basic ${basic}`, Accept: "application/json" },
    })
    if (!ok) {
      if (status === 400 || status === 401) {
        const envelope = darajaErrorFromResponse("oauth", status, body)
        throw new DarajaError({
          endpoint: "oauth",
          kind: "auth_failed",
          // Daraja answers bad credentials with 400 and an empty body.
          errorCode: isRecord(body) ? envelope.errorCode : "OAUTH_REJECTED",
          errorMessage: isRecord(body)
            ? envelope.errorMessage
            : "Daraja refused the consumer key/secret: check the consumerKey, consumerSecret and environment options",
          httpStatus: status,
          requestId: envelope.requestId,
          transient: false,
        })
      }
      throw darajaErrorFromResponse("oauth", status, body)
    }
    const accessToken = isRecord(body) ? str(body.access_token) : undefined
    if (!accessToken) {
      throw invalidResponse("oauth", "no access_token", false)
    }
    // "3599" in old answers, 3599 in v3.
    const seconds = Number.parseInt(String(isRecord(body) ? body.expires_in : ""), 10)
    const lifetimeMs = (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TOKEN_SECONDS) * 1000
    const issuedAt = this.now()
    // Never let the margin swallow a short-lived token entirely.
    const marginMs = Math.min(this.options.tokenRefreshMarginSeconds * 1000, lifetimeMs / 2)
    const token: CachedToken = {
      accessToken,
      expiresAt: issuedAt + lifetimeMs,
      refreshAt: issuedAt + lifetimeMs - marginMs,
    }
    await this.tokenStore.set(this.tokenKey, token)
    return accessToken
  }

  /** POST with the bearer token; once more with a fresh token on 404.001.03. */
  async call(endpoint: string, path: string, payload: Json): Promise<Json> {
    const token = await this.getToken()
    try {
      return await this.postJson(endpoint, path, payload, token)
    } catch (error) {
      if (!(error instanceof DarajaError) || error.kind !== "invalid_token") {
        throw error
      }
      const fresh = await this.tokenAfterRejection(token)
      return this.postJson(endpoint, path, payload, fresh)
    }
  }

  private async postJson(endpoint: string, path: string, payload: Json, token: string): Promise<Json> {
    const { status, ok, body } = await this.send(endpoint, `${this.options.baseUrl}${path}`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${token}`,
        // Without it Daraja answers "Invalid BusinessShortCode".
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify(payload),
    })
    if (!ok) {
      throw darajaErrorFromResponse(endpoint, status, body)
    }
    if (!isRecord(body)) {
      throw invalidResponse(endpoint, "not a JSON object", true)
    }
    return body
  }

  private async send(
    endpoint: string,
    url: string,
    init: RequestInit
  ): Promise<{ status: number; ok: boolean; body: unknown }> {
    try {
      const response = await this.fetchImpl(url, {
        ...init,
        signal: AbortSignal.timeout(this.options.requestTimeoutMs),
      })
      const text = await response.text()
      let body: unknown
      try {
        body = text.length > 0 ? JSON.parse(text) : undefined
      } catch {
        body = undefined
      }
      return { status: response.status, ok: response.ok, body }
    } catch (error) {
      throw darajaErrorFromFetchFailure(endpoint, error)
    }
  }
}
