import type { Node } from "./parse"

/** What a template may use: plain values, and lists of records for #each. */
export type VariableSpec = Record<string, "value" | { list: Record<string, "value"> }>

export type VariableProblem = { message: string; line: number; column: number }

/**
 * Every variable a template uses must be one the template receives; a typo
 * such as {{order_numbr}} would otherwise render as an empty string forever.
 */
export function checkVariables(nodes: Node[], spec: VariableSpec): VariableProblem[] {
  const problems: VariableProblem[] = []
  walk(nodes, [spec], problems)
  return problems
}

function known(scopes: VariableSpec[]): string[] {
  return [...new Set(scopes.flatMap((s) => Object.keys(s)))].sort()
}

function find(scopes: VariableSpec[], name: string) {
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (Object.prototype.hasOwnProperty.call(scopes[i], name)) {
      return scopes[i][name]
    }
  }
  return undefined
}

function walk(nodes: Node[], scopes: VariableSpec[], problems: VariableProblem[]) {
  for (const node of nodes) {
    if (node.type === "text") {
      continue
    }
    if (node.path.includes(".")) {
      problems.push({
        message: `{{${node.path}}}: nested names are not available; use one of ${known(scopes).join(", ")}`,
        line: node.line,
        column: node.column,
      })
      continue
    }
    const kind = find(scopes, node.path)
    if (kind === undefined) {
      problems.push({
        message: `unknown variable {{${node.path}}}; this template knows ${known(scopes).join(", ")}`,
        line: node.line,
        column: node.column,
      })
    }
    if (node.type === "if") {
      walk(node.then, scopes, problems)
      walk(node.else, scopes, problems)
    } else if (node.type === "each") {
      if (kind !== undefined && kind === "value") {
        problems.push({
          message: `{{#each ${node.path}}}: ${node.path} is not a list`,
          line: node.line,
          column: node.column,
        })
        continue
      }
      const itemSpec: VariableSpec = typeof kind === "object" ? kind.list : {}
      walk(node.body, [...scopes, itemSpec], problems)
    } else if (node.type === "var" && typeof kind === "object") {
      problems.push({
        message: `{{${node.path}}} is a list; show it with {{#each ${node.path}}} … {{/each}}`,
        line: node.line,
        column: node.column,
      })
    }
  }
}
