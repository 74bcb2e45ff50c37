import fs from "node:fs"
import path from "node:path"
import { describe, expect, it } from "vitest"
import en from "../../../messages/en.json"
import { clientMessages, SERVER_ONLY_NAMESPACES } from "../client-messages"

/** Every source file under src/, with its text. */
function sources(dir = path.resolve(__dirname, "../..")): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" ? [] : sources(full)
    }
    return /\.tsx?$/.test(entry.name) ? [{ file: full, text: fs.readFileSync(full, "utf8") }] : []
  })
}

describe("client messages", () => {
  it("leave out the server-only namespaces and keep the rest", () => {
    const kept = Object.keys(clientMessages(en))
    expect(kept.some((n) => (SERVER_ONLY_NAMESPACES as readonly string[]).includes(n))).toBe(false)
    expect(kept.length + SERVER_ONLY_NAMESPACES.length).toBe(Object.keys(en).length)
  })

  it("no client component reads a server-only namespace", () => {
    const client = sources().filter((s) => /^["']use client["']/.test(s.text))
    const offending = client.flatMap(({ file, text }) =>
      [...text.matchAll(/useTranslations\("(\w+)"\)/g)]
        .map((m) => m[1]!)
        .filter((n) => (SERVER_ONLY_NAMESPACES as readonly string[]).includes(n))
        .map((n) => `${path.basename(file)}: ${n}`)
    )
    expect(offending).toEqual([])
  })
})
