/**
 * Stripe's request encoding: application/x-www-form-urlencoded with bracket
 * paths (`metadata[session_id]=x`, `expand[0]=payment_method`,
 * `automatic_payment_methods[enabled]=true`). Values stay strings, as Stripe
 * receives them; the endpoints coerce what they need.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue }
export type FormObject = { [key: string]: FormValue }

export function parseForm(body: string): FormObject {
  const root: FormObject = {}
  if (!body) {
    return root
  }
  for (const pair of body.split("&")) {
    if (!pair) {
      continue
    }
    const eq = pair.indexOf("=")
    const rawKey = decode(eq === -1 ? pair : pair.slice(0, eq))
    const value = eq === -1 ? "" : decode(pair.slice(eq + 1))
    const path = keyPath(rawKey)
    let node: FormObject = root
    path.forEach((segment, i) => {
      const key = segment === "" ? String(Object.keys(node).length) : segment
      if (i === path.length - 1) {
        node[key] = value
        return
      }
      const next = node[key]
      if (typeof next !== "object" || next === null || Array.isArray(next)) {
        node[key] = {}
      }
      node = node[key] as FormObject
    })
  }
  return arrayify(root) as FormObject
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "))
  } catch {
    return s
  }
}

function keyPath(key: string): string[] {
  const first = key.indexOf("[")
  if (first === -1) {
    return [key]
  }
  const path = [key.slice(0, first)]
  const re = /\[([^\]]*)\]/g
  let m: RegExpExecArray | null
  while ((m = re.exec(key.slice(first)))) {
    path.push(m[1])
  }
  return path
}

/** Objects keyed 0..n-1 become arrays (`expand[0]=a&expand[1]=b`). */
function arrayify(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) {
    return value
  }
  const keys = Object.keys(value)
  const out: FormObject = {}
  for (const k of keys) {
    out[k] = arrayify(value[k])
  }
  if (keys.length && keys.every((k, i) => k === String(i))) {
    return keys.map((k) => out[k])
  }
  return out
}

/** Canonical form of parameters, for idempotency comparisons. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") {
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`
  }
  const obj = value as Record<string, unknown>
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(",")}}`
}
