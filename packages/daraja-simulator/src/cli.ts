#!/usr/bin/env node
import { parseCliArgs, USAGE } from "./cli-args"
import { consoleLogger, silentLogger } from "./logger"
import { startDarajaSimulator } from "./simulator"

const main = async (): Promise<void> => {
  let args
  try {
    args = parseCliArgs(process.argv.slice(2))
  } catch (error) {
    console.error(`daraja-simulator: ${(error as Error).message}\n\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (args.help) {
    console.log(USAGE)
    return
  }
  const simulator = await startDarajaSimulator({
    ...args.options,
    logger: args.quiet ? silentLogger : consoleLogger(),
  })
  console.log(`Daraja simulator listening on ${simulator.url}`)
  console.log(`Phone page: ${simulator.phoneUrl}`)
  console.log(`Control API: ${simulator.url}/__simulator`)
  const shutdown = (signal: string): void => {
    console.log(`\n${signal}: stopping`)
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once("SIGINT", () => shutdown("SIGINT"))
  process.once("SIGTERM", () => shutdown("SIGTERM"))
}

main().catch((error: unknown) => {
  console.error(`daraja-simulator: ${(error as Error).message}`)
  process.exit(1)
})
