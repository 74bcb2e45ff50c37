/**
 * A deliberately small template language, Handlebars-compatible in what it
 * accepts, so merchants can override templates without learning a new syntax
 * and without being able to run code:
 *
 *   {{ name }}                       a variable (HTML-escaped in HTML bodies)
 *   {{#if name}} … {{else}} … {{/if}}
 *   {{#unless name}} … {{/unless}}
 *   {{#each items}} {{title}} {{/each}}   item fields first, then outer names
 *
 * Parsing never throws anything but TemplateSyntaxError, whose message names
 * the line and column.
 */

export type Node =
  | { type: "text"; value: string }
  | { type: "var"; path: string; line: number; column: number }
  | {
      type: "if"
      negate: boolean
      path: string
      then: Node[]
      else: Node[]
      line: number
      column: number
    }
  | { type: "each"; path: string; body: Node[]; line: number; column: number }

export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    public readonly line: number,
    public readonly column: number
  ) {
    super(`line ${line}, column ${column}: ${message}`)
    this.name = "TemplateSyntaxError"
  }
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/

type Frame = {
  kind: "root" | "if" | "unless" | "each"
  node?: Extract<Node, { type: "if" | "each" }>
  target: Node[]
  sawElse?: boolean
  open?: string
}

function position(source: string, offset: number) {
  const before = source.slice(0, offset)
  const line = before.split("\n").length
  const column = offset - before.lastIndexOf("\n")
  return { line, column }
}

function checkPath(path: string, tag: string, line: number, column: number) {
  if (!PATH.test(path)) {
    throw new TemplateSyntaxError(
      `\`${tag}\` is not a variable name (use letters, digits, _ and dots, e.g. {{order_number}})`,
      line,
      column
    )
  }
}

export function parseTemplate(source: string): Node[] {
  const root: Frame = { kind: "root", target: [] }
  const stack: Frame[] = [root]
  let offset = 0

  while (offset < source.length) {
    const open = source.indexOf("{{", offset)
    if (open === -1) {
      pushText(stack, source.slice(offset))
      break
    }
    pushText(stack, source.slice(offset, open))
    const { line, column } = position(source, open)
    if (source.startsWith("{{{", open)) {
      throw new TemplateSyntaxError(
        "triple braces {{{ }}} (unescaped output) are not allowed; use {{name}}",
        line,
        column
      )
    }
    const close = source.indexOf("}}", open + 2)
    const nextOpen = source.indexOf("{{", open + 2)
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      throw new TemplateSyntaxError("`{{` is never closed with `}}`", line, column)
    }
    const raw = source.slice(open, close + 2)
    const inner = source.slice(open + 2, close).trim()
    offset = close + 2
    handleTag(stack, inner, raw, line, column)
  }

  if (stack.length > 1) {
    const frame = stack[stack.length - 1]
    const { line, column } = frame.node!
    throw new TemplateSyntaxError(`\`${frame.open}\` is never closed`, line, column)
  }
  return root.target
}

function pushText(stack: Frame[], value: string) {
  if (value) {
    stack[stack.length - 1].target.push({ type: "text", value })
  }
}

function handleTag(stack: Frame[], inner: string, raw: string, line: number, column: number) {
  const top = stack[stack.length - 1]
  if (inner.startsWith("!")) {
    return // comment
  }
  if (inner.startsWith("#")) {
    const [keyword, ...rest] = inner.slice(1).trim().split(/\s+/)
    const path = rest.join(" ")
    if (!["if", "unless", "each"].includes(keyword)) {
      throw new TemplateSyntaxError(
        `unknown block \`${raw}\`; only #if, #unless and #each exist`,
        line,
        column
      )
    }
    if (!path) {
      throw new TemplateSyntaxError(`\`${raw}\` needs a variable name`, line, column)
    }
    checkPath(path, path, line, column)
    if (keyword === "each") {
      const node: Extract<Node, { type: "each" }> = { type: "each", path, body: [], line, column }
      top.target.push(node)
      stack.push({ kind: "each", node, target: node.body, open: raw })
    } else {
      const node: Extract<Node, { type: "if" }> = {
        type: "if",
        negate: keyword === "unless",
        path,
        then: [],
        else: [],
        line,
        column,
      }
      top.target.push(node)
      stack.push({ kind: keyword as "if" | "unless", node, target: node.then, open: raw })
    }
    return
  }
  if (inner.startsWith("/")) {
    const keyword = inner.slice(1).trim()
    if (top.kind === "root") {
      throw new TemplateSyntaxError(`\`${raw}\` closes a block that was never opened`, line, column)
    }
    if (keyword !== top.kind) {
      throw new TemplateSyntaxError(`\`${raw}\` closes \`${top.open}\``, line, column)
    }
    stack.pop()
    return
  }
  if (inner === "else") {
    if (top.kind !== "if" && top.kind !== "unless") {
      throw new TemplateSyntaxError("`{{else}}` outside an #if or #unless block", line, column)
    }
    if (top.sawElse) {
      throw new TemplateSyntaxError("a second `{{else}}` in the same block", line, column)
    }
    top.sawElse = true
    top.target = (top.node as Extract<Node, { type: "if" }>).else
    return
  }
  if (!inner) {
    throw new TemplateSyntaxError("empty `{{}}`", line, column)
  }
  checkPath(inner, raw, line, column)
  top.target.push({ type: "var", path: inner, line, column })
}
