import type { C2bRegisterRequest } from "../validation/c2b"
import type { PullRegisterRequest } from "../validation/pull"

/** A shortcode's C2B confirmation and validation URLs. */
export interface C2bRegistration extends C2bRegisterRequest {
  registeredAt: number
}

/** A shortcode registered for Pull Transactions; only those may query. */
export interface PullRegistration extends PullRegisterRequest {
  registeredAt: number
}

/** What Daraja remembers per shortcode for one API (C2B URLs, Pull Transactions): the latest registration wins. */
export class ShortcodeRegistry<T extends { shortCode: string }> {
  private readonly byShortcode = new Map<string, T>()

  get(shortCode: string): T | undefined {
    return this.byShortcode.get(shortCode)
  }

  set(registration: T): void {
    this.byShortcode.set(registration.shortCode, registration)
  }

  list(): T[] {
    return [...this.byShortcode.values()]
  }

  clear(): void {
    this.byShortcode.clear()
  }
}
