import type { C2bRegisterRequest } from "../validation/c2b"

export interface C2bRegistration extends C2bRegisterRequest {
  registeredAt: number
}

/** Confirmation and validation URLs per shortcode. */
export class C2bRegistry {
  private readonly byShortcode = new Map<string, C2bRegistration>()

  get(shortCode: string): C2bRegistration | undefined {
    return this.byShortcode.get(shortCode)
  }

  set(registration: C2bRegistration): void {
    this.byShortcode.set(registration.shortCode, registration)
  }

  list(): C2bRegistration[] {
    return [...this.byShortcode.values()]
  }

  clear(): void {
    this.byShortcode.clear()
  }
}
