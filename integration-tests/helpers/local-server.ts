/**
 * A local stand-in for an external service (Daraja, S3…) for one spec file:
 * started before the app boots, its address put in the environment the app
 * reads, stopped and the environment restored after. Call at the top of a
 * spec, before medusaIntegrationTestRunner (which reads medusa-config in its
 * own beforeAll).
 */
export function useLocalServer<T extends { stop: () => Promise<void> }>(
  what: string,
  start: () => Promise<{ server: T; env: Record<string, string> }>
): () => T {
  let server: T | undefined
  const saved: Record<string, string | undefined> = {}
  beforeAll(async () => {
    const started = await start()
    server = started.server
    for (const [name, value] of Object.entries(started.env)) {
      saved[name] = process.env[name]
      process.env[name] = value
    }
  })
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name]
      } else {
        process.env[name] = value
      }
    }
    await server?.stop()
  })
  return () => {
    if (!server) {
      throw new Error(`the ${what} is not running yet`)
    }
    return server
  }
}
