import "server-only"

/**
 * Reads the environment at run time. Names are passed as variables on purpose:
 * Next inlines `process.env.NEXT_PUBLIC_*` at build time, and one build must run
 * against any backend (the launcher and the browser tests pick ports at start).
 */
export function readEnv(name: string): string | undefined {
  const value = process.env[name]
  return value && value.trim() ? value.trim() : undefined
}

export function backendUrl(): string {
  return (readEnv("MEDUSA_BACKEND_URL") ?? readEnv("NEXT_PUBLIC_MEDUSA_BACKEND_URL") ?? "http://localhost:9000").replace(/\/$/, "")
}

export function publishableKey(): string {
  return readEnv("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY") ?? readEnv("MEDUSA_PUBLISHABLE_KEY") ?? ""
}

/** Stripe's publishable key; cards are offered only when it and the provider exist. */
export function stripePublishableKey(): string | undefined {
  return readEnv("NEXT_PUBLIC_STRIPE_KEY") ?? readEnv("STRIPE_PUBLISHABLE_KEY")
}

/** Cookies are `Secure` when the shop is served over HTTPS (set SOKO_SECURE_COOKIES=true behind a proxy). */
export function secureCookies(): boolean {
  const flag = readEnv("SOKO_SECURE_COOKIES")
  if (flag) {
    return flag === "true"
  }
  return (readEnv("NEXT_PUBLIC_BASE_URL") ?? "").startsWith("https://")
}
