type Env = Record<string, string | undefined>
type ModuleEntry = { resolve: string; options?: Record<string, unknown> }

/**
 * Notification providers (one per channel). Without any, Medusa's local
 * provider logs notifications on the "feed" channel.
 */
export function notificationModule(_env: Env): ModuleEntry | undefined {
  return undefined
}
