import { ForTag, Template, Variable } from "liquidjs"
import type { Liquid } from "liquidjs"

/** What a template may use: plain values, and lists of records for `{% for %}`. */
export type VariableSpec = Record<string, "value" | { list: Record<string, "value"> }>

export type VariableProblem = { message: string; line: number; column: number }

type ItemSpec = Record<string, "value">

/** Loops in a parsed template: loop variable → item fields, and where each collection is named. */
type Loops = { items: Map<string, ItemSpec>; collections: Set<string>; problems: VariableProblem[] }

const at = (row: number, col: number) => `${row}:${col}`

/** `{{` or `{%` that opens the tag a position is in, so problems point at the tag as before. */
function tagStart(source: string, row: number, col: number): { line: number; column: number } {
  const line = source.split("\n")[row - 1] ?? ""
  const before = line.slice(0, col - 1)
  const open = Math.max(before.lastIndexOf("{{"), before.lastIndexOf("{%"))
  return { line: row, column: open === -1 ? col : open + 1 }
}

function children(template: Template): Template[] {
  if (!template.children) {
    return []
  }
  const run = template.children(false, true)
  let step = run.next()
  while (!step.done) {
    step = run.next(step.value)
  }
  return step.value
}

function findLoops(templates: Template[], spec: VariableSpec, source: string, loops: Loops) {
  for (const template of templates) {
    if (template instanceof ForTag) {
      const name = template.collection.getText().trim()
      const kind = Object.prototype.hasOwnProperty.call(spec, name) ? spec[name] : undefined
      const [row, col] = template.collection.getPosition()
      loops.collections.add(at(row, col))
      if (kind === "value") {
        const [line, column] = template.token.getPosition()
        loops.problems.push({ message: `{% for ${template.variable} in ${name} %}: ${name} is not a list`, line, column })
      } else if (typeof kind === "object") {
        loops.items.set(template.variable, kind.list)
      }
    }
    findLoops(children(template), spec, source, loops)
  }
}

const names = (record: Record<string, unknown>) => Object.keys(record).sort().join(", ")

function checkGlobal(path: string, segments: string[], spec: VariableSpec, isCollection: boolean): string | undefined {
  const [root, ...rest] = segments
  const kind = Object.prototype.hasOwnProperty.call(spec, root) ? spec[root] : undefined
  if (kind === undefined) {
    return `unknown variable {{${path}}}; this template knows ${names(spec)}`
  }
  if (kind === "value") {
    return rest.length ? `{{${path}}}: nested names are not available; use one of ${names(spec)}` : undefined
  }
  if (rest.length === 1 && rest[0] === "size") {
    return undefined
  }
  if (rest.length) {
    return `{{${path}}}: nested names are not available; loop with {% for item in ${root} %} and use item.${Object.keys(kind.list)[0]}`
  }
  return isCollection
    ? undefined
    : `{{${root}}} is a list; show it with {% for item in ${root} %} … {% endfor %} (test it with ${root}.size > 0)`
}

function checkLoopItem(path: string, segments: string[], fields: ItemSpec): string | undefined {
  const [root, field, ...rest] = segments
  if (field === undefined || rest.length || !Object.prototype.hasOwnProperty.call(fields, field)) {
    return `unknown variable {{${path}}}; ${root} has ${Object.keys(fields)
      .sort()
      .map((f) => `${root}.${f}`)
      .join(", ")}`
  }
  return undefined
}

/**
 * Every variable a template uses must be one the template receives; a typo
 * such as {{ order_numbr }} would otherwise fail every send (strict variables).
 * liquidjs's static analysis finds the variables and which are in scope; this
 * adds what it cannot know: the names and fields our data has.
 */
export function checkVariables(
  liquid: Liquid,
  templates: Template[],
  source: string,
  spec: VariableSpec
): VariableProblem[] {
  const loops: Loops = { items: new Map(), collections: new Set(), problems: [] }
  findLoops(templates, spec, source, loops)
  const analysis = liquid.analyzeSync(templates, { partials: false })
  const globals = new Set(
    Object.values(analysis.globals)
      .flat()
      .map((v) => at(v.location.row, v.location.col))
  )
  const problems = [...loops.problems]
  for (const variable of Object.values(analysis.variables).flat()) {
    const message = checkOne(variable, spec, loops, globals)
    if (message) {
      problems.push({ message, ...tagStart(source, variable.location.row, variable.location.col) })
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column)
}

function checkOne(variable: Variable, spec: VariableSpec, loops: Loops, globals: Set<string>) {
  const path = variable.toString()
  const key = at(variable.location.row, variable.location.col)
  if (variable.segments.some((s) => typeof s !== "string")) {
    return `{{${path}}}: use plain names (a.b), not computed lookups`
  }
  const segments = variable.segments as string[]
  if (globals.has(key)) {
    return checkGlobal(path, segments, spec, loops.collections.has(key))
  }
  const fields = loops.items.get(segments[0])
  return fields ? checkLoopItem(path, segments, fields) : undefined
}
