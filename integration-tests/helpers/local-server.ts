/**
 * A local stand-in for an external service (Daraja, S3…) for one spec file:
 * started before the app boots, its address put in the environment the app
 * reads, stopped and the environment restored after. Call at the top of a
 * spec, before medusaIntegrationTestRunner (which reads medusa-config in its
 * own beforeAll).
 */

// Jest gives each spec file its own module registry, so this holds one file's servers.
const running = new Set<() => Promise<void>>()

/**
 * Stops every local server of this spec file now. The app runner calls it
 * before the app shuts down: a stand-in that still sends callbacks (the Daraja
 * simulator's delayed results) would otherwise start work in an app that is
 * closing its Redis connections.
 */
export async function stopLocalServers(): Promise<void> {
  await Promise.all([...running].map((stop) => stop()))
}

export function useLocalServer<T extends { stop: () => Promise<void> }>(
  what: string,
  start: () => Promise<{ server: T; env: Record<string, string> }>
): () => T {
  let server: T | undefined
  let stopping: Promise<void> | undefined
  const stop = () => (stopping ??= server?.stop() ?? Promise.resolve())
  const saved: Record<string, string | undefined> = {}
  beforeAll(async () => {
    const started = await start()
    server = started.server
    running.add(stop)
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
    await stop()
    running.delete(stop)
  })
  return () => {
    if (!server) {
      throw new Error(`the ${what} is not running yet`)
    }
    return server
  }
}
