import { newAccessToken } from "../ids"

const MAX_TOKENS = 100_000

interface IssuedToken {
  consumerKey: string
  expiresAt: number
}

/** OAuth access tokens: expiry by the injected clock, optional "newest token wins". */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>()
  private readonly latestByKey = new Map<string, string>()
  private issuedSinceSweep = 0

  issue(consumerKey: string, now: number, ttlSeconds: number, revokeOld: boolean): string {
    this.sweep(now)
    if (revokeOld) {
      const previous = this.latestByKey.get(consumerKey)
      if (previous) {
        this.tokens.delete(previous)
      }
    }
    const token = newAccessToken()
    this.tokens.set(token, { consumerKey, expiresAt: now + ttlSeconds * 1000 })
    this.latestByKey.set(consumerKey, token)
    return token
  }

  isValid(token: string, now: number): boolean {
    const issued = this.tokens.get(token)
    return issued !== undefined && issued.expiresAt > now
  }

  clear(): void {
    this.tokens.clear()
    this.latestByKey.clear()
  }

  // Without revocation every fetch adds a token. Sweeping expired ones (and,
  // past a cap, the oldest) every few thousand issues keeps memory flat in
  // long dev sessions and benchmarks without an O(n) cost per request.
  private sweep(now: number): void {
    if (++this.issuedSinceSweep < 5_000) {
      return
    }
    this.issuedSinceSweep = 0
    for (const [token, issued] of this.tokens) {
      if (issued.expiresAt <= now || this.tokens.size > MAX_TOKENS) {
        this.tokens.delete(token)
      }
    }
  }
}
