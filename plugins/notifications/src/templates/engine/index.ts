import { checkMarkup } from "./check-markup"
import { checkVariables, VariableSpec } from "./check-variables"
import { Node, parseTemplate, TemplateSyntaxError } from "./parse"
import { renderNodes, RenderMode, TemplateData } from "./render"

export type { Node } from "./parse"
export type { VariableSpec } from "./check-variables"
export type { RenderMode, TemplateData } from "./render"
export { escapeHtml } from "./render"
export { TemplateSyntaxError } from "./parse"

export type CompileOptions = {
  /** Variables the template may use. */
  variables: VariableSpec
  /** Check the markup too (email HTML bodies). */
  html?: boolean
}

export type TemplateProblem = { message: string; line: number; column: number }

/** Replaces template tags with neutral text so the HTML around them can be checked. */
function stripTags(source: string): string {
  return source.replace(/\{\{[^}]*\}\}/g, (tag) =>
    /^\{\{\s*[#/!]|^\{\{\s*else\s*\}\}$/.test(tag) ? "" : "x"
  )
}

/** Every problem with a template source: syntax, unknown variables, broken markup. */
export function findTemplateProblems(source: string, options: CompileOptions): TemplateProblem[] {
  let nodes: Node[]
  try {
    nodes = parseTemplate(source)
  } catch (error) {
    if (error instanceof TemplateSyntaxError) {
      return [{ message: error.message.replace(/^line \d+, column \d+: /, ""), line: error.line, column: error.column }]
    }
    throw error
  }
  const problems: TemplateProblem[] = checkVariables(nodes, options.variables)
  if (options.html) {
    const markup = checkMarkup(stripTags(source))
    if (markup) {
      problems.push({ ...markup, message: `broken markup: ${markup.message}` })
    }
  }
  return problems
}

export class InvalidTemplateError extends Error {
  constructor(
    public readonly label: string,
    public readonly problems: TemplateProblem[]
  ) {
    super(
      `${label}: ${problems.map((p) => `line ${p.line}, column ${p.column}: ${p.message}`).join("; ")}`
    )
    this.name = "InvalidTemplateError"
  }
}

export type CompiledTemplate = { render: (data: TemplateData, mode: RenderMode) => string }

/** Parses and checks a template; throws InvalidTemplateError naming `label` and every problem. */
export function compileTemplate(
  source: string,
  options: CompileOptions,
  label: string
): CompiledTemplate {
  const problems = findTemplateProblems(source, options)
  if (problems.length) {
    throw new InvalidTemplateError(label, problems)
  }
  const nodes = parseTemplate(source)
  return { render: (data, mode) => renderNodes(nodes, data, mode) }
}
