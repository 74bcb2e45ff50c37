import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isLocale, isTemplateId, TEMPLATE_PARTS, TemplatePart } from "../../templates/catalog"
import { checkOverridePart } from "../../templates/overrides"

export type TemplateOverrideInput = {
  template: string
  locale: string
  parts: Partial<Record<TemplatePart, string | null>>
}

export const validateTemplateOverrideStepId = "soko-validate-template-override"

/**
 * Refuses unknown templates or locales, unknown variables and broken markup,
 * listing every problem by part, line and column.
 */
export const validateTemplateOverrideStep = createStep(
  validateTemplateOverrideStepId,
  async (input: TemplateOverrideInput) => {
    if (!isTemplateId(input.template)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `There is no notification template "${input.template}"`)
    }
    if (!isLocale(input.locale)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Locale must be en or sw (got "${input.locale}")`)
    }
    const problems: string[] = []
    for (const part of TEMPLATE_PARTS) {
      const source = input.parts[part]
      if (typeof source === "string") {
        for (const p of checkOverridePart(input.template, part, source)) {
          problems.push(`${part}: line ${p.line}, column ${p.column}: ${p.message}`)
        }
      }
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The template override was not saved. ${problems.join("; ")}`)
    }
    return new StepResponse(undefined)
  }
)
