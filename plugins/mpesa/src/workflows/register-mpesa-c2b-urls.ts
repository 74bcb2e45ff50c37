import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { registerC2bPull } from "../lib/c2b-sync"
import { mpesaProviderOptions } from "../lib/provider-options"
import { MPESA_MODULE } from "../modules/mpesa"
import type MpesaModuleService from "../modules/mpesa/service"
import { c2bConfirmationUrl, c2bValidationUrl } from "../providers/mpesa/callback-urls"
import { registerC2bUrls } from "../providers/mpesa/c2b-client"
import { DarajaError } from "../providers/mpesa/errors"
import { sharedDarajaClient } from "../providers/mpesa/shared-client"
import { redactHookUrl } from "../utils/redact-hook-url"

export type RegisterMpesaC2bUrlsWorkflowInput = { requested_by: "admin" | "startup" }

export type C2bRegistrationOutcome = {
  ok: boolean
  /** The URLs cannot be registered as configured (a word Daraja refuses): the merchant must change config. */
  config_error: boolean
  shortcode?: string
  detail: string
}

export const registerMpesaC2bUrlsWorkflowId = "register-mpesa-c2b-urls"

const RESPONSE_TYPE = "Completed" as const

/** Pull Transactions is registered with the URLs; its failure is reported, not thrown (the URLs still work). */
async function pullRegistration(container: MedusaContainer): Promise<string> {
  try {
    await registerC2bPull(container)
    return "Pull Transactions registered"
  } catch (error) {
    const reason = error instanceof DarajaError ? `Daraja answered ${error.errorCode}: ${error.errorMessage}` : (error as Error).message
    return `Pull Transactions not registered (${reason})`
  }
}

/**
 * Asks Daraja to register the shop's C2B URLs. Never throws for Daraja's
 * own refusal or absence: the outcome says what happened, so start-up
 * carries on and the admin shows it. "Already registered" is success.
 */
const sendC2bRegistrationStep = createStep("send-mpesa-c2b-registration", async (_: RegisterMpesaC2bUrlsWorkflowInput, { container }) => {
  const options = mpesaProviderOptions(container)
  if (!options.c2b) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Paybill/till payments are off: set MPESA_C2B_SHORTCODE (option `c2bShortcode`) first")
  }
  try {
    const done = await registerC2bUrls(sharedDarajaClient(options), {
      shortcode: options.c2b.shortcode,
      confirmationUrl: c2bConfirmationUrl(options),
      validationUrl: c2bValidationUrl(options),
      responseType: RESPONSE_TYPE,
    })
    const detail = done.already ? `Already registered (${done.description})` : `Registered (${done.description})`
    return new StepResponse<C2bRegistrationOutcome>({
      ok: true,
      config_error: false,
      shortcode: options.c2b.shortcode,
      detail: options.c2b.pullTransactions ? `${detail}; ${await pullRegistration(container)}` : detail,
    })
  } catch (error) {
    const config = error instanceof MedusaError && error.type === MedusaError.Types.INVALID_DATA
    const detail = error instanceof DarajaError ? `Daraja answered ${error.errorCode}: ${error.errorMessage}` : (error as Error).message
    return new StepResponse<C2bRegistrationOutcome>({ ok: false, config_error: config, shortcode: options.c2b.shortcode, detail })
  }
})

/** Keeps the attempt as the shortcode's registration status (one row per shortcode, shared by every instance). */
const saveC2bRegistrationStep = createStep(
  "save-mpesa-c2b-registration",
  async ({ outcome, requested_by }: { outcome: C2bRegistrationOutcome; requested_by: string }, { container }) => {
    const options = mpesaProviderOptions(container)
    await container.resolve<MpesaModuleService>(MPESA_MODULE).saveC2bRegistration({
      shortcode: outcome.shortcode!,
      status: outcome.ok ? "registered" : "failed",
      registered: outcome.ok,
      detail: outcome.detail.slice(0, 300),
      confirmation_url: redactHookUrl(new URL(c2bConfirmationUrl(options)).pathname),
      response_type: RESPONSE_TYPE,
      requested_by,
    })
    return new StepResponse(outcome)
  }
)

/** Registers the C2B URLs with Daraja and records the outcome as the registration status. */
export const registerMpesaC2bUrlsWorkflow = createWorkflow(registerMpesaC2bUrlsWorkflowId, (input: RegisterMpesaC2bUrlsWorkflowInput) => {
  const outcome = sendC2bRegistrationStep(input)
  return new WorkflowResponse(saveC2bRegistrationStep({ outcome, requested_by: input.requested_by }))
})
