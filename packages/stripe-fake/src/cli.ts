/**
 * `stripe-fake [--port 12111] [--webhook-url URL --webhook-secret whsec_…] [--manual]`
 * Runs the fake for dev mode; point the app at it with STRIPE_API_BASE_URL.
 */
import { startStripeFake } from "./server"

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i === -1 ? undefined : process.argv[i + 1]
}

async function main() {
  const url = arg("webhook-url")
  const secret = arg("webhook-secret") ?? process.env.STRIPE_WEBHOOK_SECRET
  const fake = await startStripeFake({
    port: Number(arg("port") ?? process.env.STRIPE_FAKE_PORT ?? 12111),
    host: arg("host") ?? "127.0.0.1",
    webhooks: url && secret ? [{ url, secret }] : [],
    delivery: process.argv.includes("--manual") ? "manual" : "auto",
  })
  process.stdout.write(`stripe-fake listening on ${fake.url}\n`)
  const stop = () => {
    void fake.stop().then(() => process.exit(0))
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
}

void main()
