import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { requestMpesaRefundWorkflow } from "../../../../../../workflows/request-mpesa-refund"
import type { AdminMpesaRefundBodyType } from "../../../../mpesa/validators"

const BUSY = "Another refund of this order is being requested right now. Wait a few seconds and look at the order again."

/**
 * POST /admin/orders/:id/mpesa/refund: the whole payment through Reversal, or
 * `amount_kes` of it by B2C. 202 with the refund while Safaricom works on it
 * (recorded in Medusa once confirmed); 502 with Safaricom's reason when it
 * refused; 409 while another refund of the order is being requested.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminMpesaRefundBodyType>, res: MedusaResponse) {
  let result
  try {
    ;({ result } = await requestMpesaRefundWorkflow(req.scope).run({
      input: {
        order_id: req.params.id,
        amount_kes: req.validatedBody?.amount_kes,
        requested_by: req.auth_context?.actor_id,
      },
    }))
  } catch (error) {
    // The locking providers say only that they could not acquire the key (in memory: Error, Redis: CONFLICT).
    if (/acquir(e|ing) lock/i.test(String((error as Error)?.message))) {
      res.status(409).json({ type: "conflict", message: BUSY })
      return
    }
    throw error
  }
  if (result.outcome === "refused") {
    res.status(502).json({
      type: "payment_provider_error",
      message: `Safaricom did not accept the ${result.refund.method === "b2c" ? "B2C refund" : "reversal"}: ${result.message}`,
      refund: result.refund,
    })
    return
  }
  res.status(202).json({
    refund: result.refund,
    ...(result.outcome === "unknown"
      ? {
          message:
            "Safaricom did not answer. The refund is on hold and blocks any other refund of this order until Soko confirms its status with Safaricom.",
        }
      : {}),
  })
}
