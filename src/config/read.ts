/**
 * The small readers every part of Soko's configuration uses: each takes the
 * environment and a variable's name and throws a SokoConfigError naming it.
 */

export type Env = Record<string, string | undefined>

export class SokoConfigError extends Error {
  constructor(
    public readonly variable: string,
    message: string
  ) {
    super(`${variable}: ${message}`)
    this.name = "SokoConfigError"
  }
}

export function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value ? value : undefined
}

/** A whole number from 1 to `max`; `what` names it in the error ("a port number"). */
export function readWholeNumber(env: Env, name: string, fallback: number, max: number, what: string): number {
  const raw = nonEmpty(env, name)
  if (raw === undefined) {
    return fallback
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new SokoConfigError(name, `must be ${what} from 1 to ${max} (got "${raw}")`)
  }
  return Number(raw)
}

export function readPort(env: Env, name: string, fallback: number): number {
  return readWholeNumber(env, name, fallback, 65535, "a port number")
}

export function readUrl(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = nonEmpty(env, name)
  if (raw === undefined) {
    return undefined
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new SokoConfigError(
      name,
      `is not a valid URL; expected something like ${protocols[0]}//host:port/...`
    )
  }
  if (!protocols.includes(url.protocol)) {
    throw new SokoConfigError(
      name,
      `must start with ${protocols.join(" or ")} (got "${url.protocol}")`
    )
  }
  return raw
}

export function readBoolean(env: Env, name: string): boolean {
  const raw = nonEmpty(env, name)?.toLowerCase()
  if (raw === undefined) {
    return false
  }
  if (["1", "true", "yes", "on"].includes(raw)) {
    return true
  }
  if (["0", "false", "no", "off"].includes(raw)) {
    return false
  }
  throw new SokoConfigError(name, `must be true or false (got "${raw}")`)
}
