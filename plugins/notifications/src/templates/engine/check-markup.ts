/**
 * A strict well-formedness check for email HTML written by merchants: every
 * tag is closed in order, tags and attribute quotes are terminated, and no
 * script runs. It does not try to be an HTML parser; it only refuses markup
 * that mail clients would render as something other than what was meant.
 * Template tags ({{…}}) must be replaced by plain text before calling it.
 */

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
])

export type MarkupProblem = { message: string; line: number; column: number }

function position(source: string, offset: number) {
  const before = source.slice(0, offset)
  return { line: before.split("\n").length, column: offset - before.lastIndexOf("\n") }
}

export function checkMarkup(source: string): MarkupProblem | undefined {
  const open: { name: string; offset: number }[] = []
  let i = 0
  while (i < source.length) {
    const lt = source.indexOf("<", i)
    if (lt === -1) {
      break
    }
    if (source.startsWith("<!--", lt)) {
      const end = source.indexOf("-->", lt + 4)
      if (end === -1) {
        return { message: "an HTML comment `<!--` is never closed", ...position(source, lt) }
      }
      i = end + 3
      continue
    }
    if (source.startsWith("<!", lt)) {
      const end = source.indexOf(">", lt)
      if (end === -1) {
        return { message: "`<!` is never closed with `>`", ...position(source, lt) }
      }
      i = end + 1
      continue
    }
    const match = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(source.slice(lt, lt + 64))
    if (!match) {
      // A lone "<" in text ("a < b") is tolerated by every client.
      i = lt + 1
      continue
    }
    const closing = match[1] === "/"
    const name = match[2].toLowerCase()
    const end = findTagEnd(source, lt + match[0].length)
    if (end.error) {
      return { message: `${end.error} in <${closing ? "/" : ""}${name}>`, ...position(source, lt) }
    }
    const body = source.slice(lt, end.offset + 1)
    i = end.offset + 1
    if (name === "script" || /\son[a-z]+\s*=/i.test(body) || /javascript:/i.test(body)) {
      return {
        message: "scripts and event handlers are not allowed in email templates",
        ...position(source, lt),
      }
    }
    if (closing) {
      const top = open.pop()
      if (!top) {
        return { message: `</${name}> closes a tag that was never opened`, ...position(source, lt) }
      }
      if (top.name !== name) {
        const opened = position(source, top.offset)
        return {
          message: `</${name}> closes <${top.name}> opened at line ${opened.line}, column ${opened.column}`,
          ...position(source, lt),
        }
      }
      continue
    }
    if (VOID.has(name) || body.endsWith("/>")) {
      continue
    }
    open.push({ name, offset: lt })
  }
  const unclosed = open.pop()
  if (unclosed) {
    return { message: `<${unclosed.name}> is never closed`, ...position(source, unclosed.offset) }
  }
  return undefined
}

function findTagEnd(source: string, from: number): { offset: number; error?: string } {
  let quote: string | undefined
  for (let j = from; j < source.length; j++) {
    const c = source[j]
    if (quote) {
      if (c === quote) {
        quote = undefined
      }
      continue
    }
    if (c === '"' || c === "'") {
      quote = c
    } else if (c === ">") {
      return { offset: j }
    } else if (c === "<") {
      return { offset: j, error: "a tag is not closed with `>`" }
    }
  }
  return {
    offset: source.length,
    error: quote ? `an attribute quote (${quote}) is never closed` : "a tag is not closed with `>`",
  }
}
