/**
 * Where OAuth tokens are cached. Daraja may invalidate the previous token
 * whenever a new one is issued, so every caller using one consumer key should
 * share one token: in-process by default, and across Medusa instances with a
 * shared store (e.g. Redis) implementing this interface.
 */

export interface CachedToken {
  accessToken: string
  /** Epoch milliseconds at which Daraja stops accepting the token. */
  expiresAt: number
  /** Epoch milliseconds after which callers should fetch a new one (expiry minus the margin). */
  refreshAt: number
}

export interface TokenStore {
  get(key: string): Promise<CachedToken | undefined> | CachedToken | undefined
  set(key: string, token: CachedToken): Promise<void> | void
  /**
   * Forget the token under `key`, but only if it is still `accessToken`:
   * another instance may already have stored a fresh one.
   */
  delete(key: string, accessToken: string): Promise<void> | void
  /**
   * Optional: lets one fetch of a new token happen across processes, others
   * wait for it. Daraja may revoke the old token when a new one is issued.
   */
  coordinate?(key: string, fetchToken: () => Promise<string>): Promise<string>
}

export class InMemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, CachedToken>()

  get(key: string): CachedToken | undefined {
    return this.tokens.get(key)
  }

  set(key: string, token: CachedToken): void {
    this.tokens.set(key, token)
  }

  delete(key: string, accessToken: string): void {
    if (this.tokens.get(key)?.accessToken === accessToken) {
      this.tokens.delete(key)
    }
  }
}
