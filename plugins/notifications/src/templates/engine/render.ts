import type { Node } from "./parse"

export type RenderMode = "html" | "text"

export type TemplateData = Record<string, unknown>

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
}

function lookup(scopes: TemplateData[], path: string): unknown {
  const [head, ...rest] = path.split(".")
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]
    if (scope && Object.prototype.hasOwnProperty.call(scope, head)) {
      let value: unknown = scope[head]
      for (const key of rest) {
        value =
          value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined
      }
      return value
    }
  }
  return undefined
}

function truthy(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.length > 0
  }
  return Boolean(value)
}

function toText(value: unknown): string {
  if (value === undefined || value === null) {
    return ""
  }
  if (typeof value === "string") {
    return value
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return String(value)
  }
  return ""
}

export function renderNodes(nodes: Node[], data: TemplateData, mode: RenderMode): string {
  return renderScoped(nodes, [data], mode)
}

function renderScoped(nodes: Node[], scopes: TemplateData[], mode: RenderMode): string {
  let out = ""
  for (const node of nodes) {
    switch (node.type) {
      case "text":
        out += node.value
        break
      case "var": {
        const text = toText(lookup(scopes, node.path))
        out += mode === "html" ? escapeHtml(text) : text
        break
      }
      case "if": {
        const condition = truthy(lookup(scopes, node.path)) !== node.negate
        out += renderScoped(condition ? node.then : node.else, scopes, mode)
        break
      }
      case "each": {
        const list = lookup(scopes, node.path)
        if (Array.isArray(list)) {
          for (const item of list) {
            const scope = item && typeof item === "object" ? (item as TemplateData) : {}
            out += renderScoped(node.body, [...scopes, scope], mode)
          }
        }
        break
      }
    }
  }
  return out
}
