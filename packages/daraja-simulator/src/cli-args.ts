import type { DarajaSimulatorOptions } from "./options"

export const USAGE = `Usage: daraja-simulator [options]

A local M-Pesa Daraja sandbox. Point any Daraja client at the printed URL
instead of https://sandbox.safaricom.co.ke.

Options:
  --port <n>              Port to listen on (default 8719; 0 picks a free one)
  --host <host>           Interface to bind (default 127.0.0.1)
  --callback-delay <ms>   Time until a scripted result and its callback (default 1500)
  --prompt-timeout <ms>   An unanswered prompt times out with 1037 (default 60000)
  --auto-approve          Prompts for unscripted numbers pay by themselves
  --no-auto-approve       They wait on the phone page (default)
  --token-ttl <s>         Access token lifetime in seconds (default 3600)
  --revoke-old-tokens     A new token revokes the previous one for that key
  --quiet                 Do not log requests
  --help                  Show this help
`

export const DEFAULT_CLI_PORT = 8719

export interface CliArgs {
  help: boolean
  quiet: boolean
  options: DarajaSimulatorOptions
}

const NUMERIC: Record<string, keyof DarajaSimulatorOptions> = {
  "--port": "port",
  "--callback-delay": "callbackDelayMs",
  "--prompt-timeout": "promptTimeoutMs",
  "--token-ttl": "tokenTtlSeconds",
}

/** Parses argv (without node and the script); throws with a message fit for the terminal. */
export const parseCliArgs = (argv: readonly string[]): CliArgs => {
  const result: CliArgs = { help: false, quiet: false, options: { port: DEFAULT_CLI_PORT } }
  const options = result.options as Record<string, unknown>
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2)
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined) {
        throw new Error(`${flag} needs a value`)
      }
      return v
    }
    if (flag in NUMERIC) {
      const n = Number(value())
      if (!Number.isInteger(n) || n < 0) {
        throw new Error(`${flag} must be a non-negative integer`)
      }
      options[NUMERIC[flag]] = n
    } else if (flag === "--host") {
      options.host = value()
    } else if (flag === "--auto-approve") {
      options.autoApprove = true
    } else if (flag === "--no-auto-approve") {
      options.autoApprove = false
    } else if (flag === "--revoke-old-tokens") {
      options.revokeOldTokens = true
    } else if (flag === "--quiet") {
      result.quiet = true
    } else if (flag === "--help" || flag === "-h") {
      result.help = true
    } else {
      throw new Error(`unknown option ${flag}`)
    }
  }
  return result
}
