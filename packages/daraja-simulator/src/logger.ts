/** Where the simulator reports what it does. Messages never contain secrets or passkeys. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
}

export const consoleLogger = (prefix = "[daraja-simulator]"): Logger => ({
  info: (m) => console.log(`${prefix} ${m}`),
  warn: (m) => console.warn(`${prefix} ${m}`),
  error: (m) => console.error(`${prefix} ${m}`),
})
