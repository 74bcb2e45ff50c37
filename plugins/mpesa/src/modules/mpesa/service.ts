import { MedusaService } from "@medusajs/framework/utils"
import { CallbackLog } from "./models/callback-log"
import { PushAttempt } from "./models/push-attempt"
import { Reversal } from "./models/reversal"
import { StkRequest } from "./models/stk-request"

export default class MpesaModuleService extends MedusaService({
  StkRequest,
  CallbackLog,
  PushAttempt,
  Reversal,
}) {}
