/** Launcher output: one line per step, so a newcomer can follow start-up. */

const useColor = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: number, text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text)

export const log = {
  step(message: string) {
    console.log(`${paint(36, "›")} ${message}`)
  },
  ok(message: string) {
    console.log(`${paint(32, "✓")} ${message}`)
  },
  warn(message: string) {
    console.warn(`${paint(33, "!")} ${message}`)
  },
  error(message: string) {
    console.error(`${paint(31, "✗")} ${message}`)
  },
  bold: (text: string) => paint(1, text),
}

export class LauncherError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "LauncherError"
  }
}

export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now()
  log.step(`${label}…`)
  const result = await fn()
  log.ok(`${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return result
}
