import { startAfricasTalkingFake } from "./africastalking"
import { startSendgridFake } from "./sendgrid"
import { startTwilioFake } from "./twilio"

/**
 * Starts the three fakes and prints the environment that points Soko at them:
 *   provider-fakes [--sendgrid-port n] [--at-port n] [--twilio-port n] [--host h]
 */
async function main(argv: string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`)
    return i === -1 ? undefined : argv[i + 1]
  }
  const port = (name: string) => {
    const value = arg(name)
    if (value === undefined) {
      return 0
    }
    if (!/^\d+$/.test(value) || Number(value) > 65535) {
      throw new Error(`--${name} must be a port number (got "${value}")`)
    }
    return Number(value)
  }
  const host = arg("host") ?? "127.0.0.1"
  const fakes = await Promise.all([
    startSendgridFake({ port: port("sendgrid-port"), host }),
    startAfricasTalkingFake({ port: port("at-port"), host }),
    startTwilioFake({ port: port("twilio-port"), host }),
  ])
  const [sendgrid, at, twilio] = fakes
  process.stdout.write(
    [
      `SENDGRID_BASE_URL=${sendgrid.url}`,
      `SMS_AT_BASE_URL=${at.url}`,
      `SMS_TWILIO_BASE_URL=${twilio.url}`,
      `# control: GET <url>/__fake/messages, POST <url>/__fake/faults {"failureRate":0.5}, POST <url>/__fake/reset`,
      "",
    ].join("\n")
  )
  const stop = async () => {
    await Promise.all(fakes.map((f) => f.stop()))
    process.exit(0)
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`provider-fakes: ${error.message}\n`)
  process.exit(1)
})
