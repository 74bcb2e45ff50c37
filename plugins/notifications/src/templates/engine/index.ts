import { LiquidError, Template } from "liquidjs"
import { checkMarkup } from "./check-markup"
import { checkVariables, VariableSpec } from "./check-variables"
import { LIQUID, MAX_TEMPLATE_LENGTH, RenderMode } from "./liquid"
import { TemplateData, templateScope } from "./template-data"

export type { VariableSpec } from "./check-variables"
export type { RenderMode } from "./liquid"
export type { TemplateData } from "./template-data"
export { escapeHtml } from "./escape"
export { ALLOWED_TAGS, MAX_TEMPLATE_LENGTH } from "./liquid"

export type CompileOptions = {
  /** Variables the template may use. */
  variables: VariableSpec
  /** Check the markup too (email HTML bodies). */
  html?: boolean
}

export type TemplateProblem = { message: string; line: number; column: number }

/**
 * Replaces Liquid tags with neutral text so the HTML around them can be
 * checked: liquidjs parses Liquid, not the HTML between the tags, so the
 * markup check (ours, engine/check-markup.ts) stays.
 */
function stripTags(source: string): string {
  return source
    .replace(/\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g, "")
    .replace(/\{%[\s\S]*?%\}/g, "")
    .replace(/\{\{[\s\S]*?\}\}/g, "x")
}

/** A liquidjs error as a problem: its message without the ", line:1, col:2" it appends. */
function fromLiquidError(error: unknown): TemplateProblem {
  if (!(error instanceof LiquidError)) {
    throw error
  }
  const [line, column] = error.token ? error.token.getPosition() : [1, 1]
  return { message: error.message.replace(/, line:\d+, col:\d+$/, ""), line, column }
}

function parse(source: string, mode: RenderMode): Template[] {
  return LIQUID[mode].parse(source)
}

/** Every problem with a template source: size, syntax, unknown variables, broken markup. */
export function findTemplateProblems(source: string, options: CompileOptions): TemplateProblem[] {
  if (source.length > MAX_TEMPLATE_LENGTH) {
    return [{ message: `is ${source.length} characters long; the limit is ${MAX_TEMPLATE_LENGTH}`, line: 1, column: 1 }]
  }
  let templates: Template[]
  try {
    templates = parse(source, "text")
  } catch (error) {
    return [fromLiquidError(error)]
  }
  const problems = checkVariables(LIQUID.text, templates, source, options.variables)
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

/** A template that passed the checks failed while rendering (a limit was hit). */
export class TemplateRenderError extends Error {
  constructor(label: string, problem: TemplateProblem) {
    super(`${label}: line ${problem.line}, column ${problem.column}: ${problem.message}`)
    this.name = "TemplateRenderError"
  }
}

export type CompiledTemplate = { render: (data: TemplateData, mode: RenderMode) => string }

/**
 * Parses and checks a template; throws InvalidTemplateError naming `label`
 * and every problem. Rendering throws TemplateRenderError when a limit stops it.
 */
export function compileTemplate(
  source: string,
  options: CompileOptions,
  label: string
): CompiledTemplate {
  const problems = findTemplateProblems(source, options)
  if (problems.length) {
    throw new InvalidTemplateError(label, problems)
  }
  const parsed: Partial<Record<RenderMode, Template[]>> = {}
  return {
    render: (data, mode) => {
      const templates = (parsed[mode] ??= parse(source, mode))
      try {
        return String(LIQUID[mode].renderSync(templates, templateScope(data, options.variables)))
      } catch (error) {
        throw new TemplateRenderError(label, fromLiquidError(error))
      }
    },
  }
}
