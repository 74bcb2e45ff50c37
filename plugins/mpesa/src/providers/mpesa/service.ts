import {
  AbstractPaymentProvider,
  MedusaError,
  PaymentActions,
  PaymentSessionStatus,
} from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  Logger,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { toMpesaAmount } from "../../utils/amount"
import { normalizeKenyanPhone } from "../../utils/phone"
import { stkCallbackUrl } from "./callback-urls"
import type { DarajaClient } from "./client"
import { DarajaError } from "./errors"
import { takeConfirmedRefund, type MpesaPaymentData } from "./refund-records"
import { validateMpesaOptions } from "./options"
import { redactCheckoutId } from "../../utils/checkout-id"
import { mpesaMetrics, withSpan } from "../../utils/telemetry"
import { openPhone, phoneSealKey, sealPhone, sealRef } from "./phone-seal"
import {
  maskMsisdn,
  PAID_MESSAGE,
  payAnotherWay,
  PENDING_MESSAGE,
  type MpesaSessionData,
} from "./session-data"
import { sharedDarajaClient } from "./shared-client"
import type { MpesaOptions, ResolvedMpesaOptions } from "./types"

type InjectedDependencies = { logger: Logger }

/**
 * M-Pesa STK Push as a Medusa payment provider (`pp_mpesa_<id>`). A session
 * pushes a prompt; the order can be placed while the shopper approves it
 * (pending_authorization), and Daraja's answer, confirmed by STK Query,
 * captures it.
 */
export class MpesaProviderService extends AbstractPaymentProvider<MpesaOptions> {
  static identifier = "mpesa"

  protected readonly logger_: Logger
  protected readonly options_: ResolvedMpesaOptions
  protected readonly client_: DarajaClient
  protected readonly phoneKey_: Buffer

  static validateOptions(options: Record<string, unknown>): void {
    validateMpesaOptions(options, { nodeEnv: process.env.NODE_ENV })
  }

  constructor(container: InjectedDependencies, options: MpesaOptions) {
    super(container, options)
    this.logger_ = container.logger
    this.options_ = validateMpesaOptions(options, { nodeEnv: process.env.NODE_ENV })
    this.client_ = sharedDarajaClient(this.options_)
    this.phoneKey_ = phoneSealKey(this.options_)
  }

  async initiatePayment({ amount, currency_code, data }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const pushed = await this.push(amount, currency_code, (data ?? {}) as MpesaSessionData)
    const another = payAnotherWay(this.options_.c2b)
    return { id: pushed.checkout_ref!, data: another ? { ...pushed, pay_another_way: another } : pushed, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const current = (data ?? {}) as MpesaSessionData
    if (!current.new_push || current.status === "paid") {
      const { new_push: _ignored, ...rest } = current
      return { data: rest }
    }
    const pushed = await this.push(amount, currency_code, current)
    return { data: pushed, status: PaymentSessionStatus.PENDING }
  }

  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const { status, data: next } = await this.currentStatus((data ?? {}) as MpesaSessionData)
    return { status, data: next }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return this.currentStatus((data ?? {}) as MpesaSessionData)
  }

  /** M-Pesa takes the money when the shopper approves; there is nothing left to capture. */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data }
  }

  /** An STK prompt cannot be withdrawn; an unpaid one simply expires on the phone. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data }
  }

  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data }
  }

  /**
   * Records a refund Safaricom has already confirmed (refund-records.ts);
   * M-Pesa refunds start from the order's "Refund via M-Pesa" action, because
   * Safaricom settles them later.
   */
  async refundPayment({ amount, data }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const next = takeConfirmedRefund((data ?? {}) as MpesaPaymentData, amount)
    if (next) {
      return { data: next }
    }
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Refund M-Pesa payments with \"Refund via M-Pesa\" in the order's M-Pesa panel: Safaricom confirms " +
        "reversals later, and the refund is recorded here as soon as it does."
    )
  }

  /** Daraja results arrive at Soko's own callback route, not Medusa's payment webhook. */
  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  private async push(amount: unknown, currencyCode: string, data: MpesaSessionData): Promise<MpesaSessionData> {
    const phone = normalizeKenyanPhone(data.phone ?? data.msisdn ?? openPhone(data.phone_sealed, this.phoneKey_))
    if (!phone.ok) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, phone.reason)
    }
    const amountKes = toMpesaAmount(amount as number, currencyCode)
    try {
      const result = await this.tracedPush(phone.msisdn, amountKes)
      const { new_push: _ignored, reason: _reason, receipt_number: _receipt, phone: _phone, msisdn: _msisdn, ...rest } = data
      return {
        ...rest,
        // Medusa merges these over the data the storefront sent: clear its copy of the number.
        phone: undefined,
        msisdn: undefined,
        phone_sealed: sealPhone(result.msisdn, this.phoneKey_),
        phone_masked: maskMsisdn(result.msisdn),
        amount_kes: result.amount,
        checkout_sealed: sealPhone(result.checkoutRequestId, this.phoneKey_),
        checkout_ref: sealRef(result.checkoutRequestId, this.phoneKey_),
        checkout_request_id: undefined,
        merchant_request_id: result.merchantRequestId,
        status: "pending",
        shopper_message: PENDING_MESSAGE,
        pushed_at: new Date().toISOString(),
      }
    } catch (error) {
      throw this.toMedusaError(error)
    }
  }

  /** The STK push to Daraja, as the `mpesa.push` span (no phone, no CheckoutRequestID: its HMAC ref). */
  private tracedPush(msisdn: string, amountKes: number) {
    return withSpan("mpesa.push", { "soko.mpesa.amount_kes": amountKes }, async (setAttributes) => {
      try {
        const result = await this.client_.stkPush({ phone: msisdn, amount: amountKes, callbackUrl: stkCallbackUrl(this.options_) })
        setAttributes({ "soko.mpesa.result": "accepted", "soko.mpesa.checkout_ref": sealRef(result.checkoutRequestId, this.phoneKey_) })
        mpesaMetrics().pushes.add(1, { result: "accepted" })
        return result
      } catch (error) {
        const result = error instanceof DarajaError ? error.kind : "error"
        setAttributes({ "soko.mpesa.result": result, ...(error instanceof DarajaError ? { "soko.mpesa.error_code": error.errorCode } : {}) })
        mpesaMetrics().pushes.add(1, { result })
        throw error
      }
    })
  }

  private async currentStatus(
    data: MpesaSessionData
  ): Promise<{ status: PaymentSessionStatus; data: MpesaSessionData }> {
    if (data.status === "paid") {
      return { status: PaymentSessionStatus.CAPTURED, data }
    }
    if (data.c2b_authorized) {
      // Captured per C2B payment (settle-mpesa-c2b-payment), never all at once here.
      return { status: PaymentSessionStatus.AUTHORIZED, data }
    }
    const checkoutRequestId = data.checkout_request_id ?? openPhone(data.checkout_sealed, this.phoneKey_)
    if (!checkoutRequestId) {
      return { status: PaymentSessionStatus.ERROR, data: { ...data, status: "failed", reason: "No M-Pesa prompt was sent" } }
    }
    try {
      const query = await this.client_.stkQuery(checkoutRequestId)
      if (query.outcome === "paid") {
        return { status: PaymentSessionStatus.CAPTURED, data: { ...data, status: "paid", shopper_message: PAID_MESSAGE } }
      }
      if (query.outcome === "pending") {
        return { status: PaymentSessionStatus.PENDING_AUTHORIZATION, data }
      }
      return {
        status: PaymentSessionStatus.ERROR,
        data: { ...data, status: "failed", reason: query.info.reason, shopper_message: query.info.shopperMessage },
      }
    } catch (error) {
      // Daraja unreachable: the prompt may still be paid; reconciliation settles it later.
      this.logger_.warn(`M-Pesa status check for ${redactCheckoutId(checkoutRequestId)} failed: ${(error as Error).message}`)
      return { status: PaymentSessionStatus.PENDING_AUTHORIZATION, data }
    }
  }

  private toMedusaError(error: unknown): MedusaError {
    if (error instanceof MedusaError) {
      return error
    }
    if (error instanceof DarajaError) {
      this.logger_.warn(`M-Pesa STK push refused: ${error.errorCode} ${error.errorMessage}`)
      if (error.kind === "subscriber_locked") {
        return new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          "An M-Pesa prompt is already open on this phone. Answer or cancel it, then try again."
        )
      }
      if (error.kind === "invalid_field") {
        return new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `M-Pesa refused the payment request (${error.errorMessage}).`
        )
      }
      return new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "M-Pesa could not send the payment prompt right now. Please try again in a minute, or choose another payment method."
      )
    }
    return new MedusaError(MedusaError.Types.UNEXPECTED_STATE, (error as Error).message)
  }
}

export default MpesaProviderService
