import type { ModuleExports } from "@medusajs/framework/types"
import { Module } from "@medusajs/framework/utils"
import MpesaModuleService from "./service"

export const MPESA_MODULE = "mpesa"

/**
 * Typed by hand: with five models, the type Module() infers for `linkable`
 * is too deep for the declaration emit of `medusa plugin:build` (TS2589).
 * Nothing links to the ledger's models from outside, so `linkable` stays untyped.
 */
const MpesaModule: ModuleExports<typeof MpesaModuleService> & { linkable: Record<string, unknown> } = Module(MPESA_MODULE, {
  service: MpesaModuleService,
})

export default MpesaModule

export { MpesaModuleService }
