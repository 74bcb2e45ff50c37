import fs from "node:fs"

/** The fenced shell commands of README's "Quick start" section, in order. */
export function quickStartCommands(readmePath: string): string[] {
  const text = fs.readFileSync(readmePath, "utf8")
  const section = text.split(/^## /m).find((s) => s.startsWith("Quick start"))
  if (!section) {
    throw new Error(`${readmePath} has no "## Quick start" section`)
  }
  return [...section.matchAll(/```(?:sh|bash|shell)?\n([\s\S]*?)```/g)].map((m) => m[1].trim())
}
