import { describeReviewFlag } from "./review-actions"

/**
 * What the merchant's admin feed says when a payment goes to review: enough
 * to recognise the payment (amount, masked phone, receipt), never the full
 * phone number.
 */
export function reviewAlert(request: {
  amount_kes: number
  flag: string | null
  phone_masked: string
  receipt?: string | null
}): { title: string; description: string } {
  const receipt = request.receipt ? `, receipt ${request.receipt}` : ""
  return {
    title: "M-Pesa payment needs review",
    description:
      `KES ${request.amount_kes.toLocaleString("en-KE")} from ${request.phone_masked}${receipt}: ` +
      `${describeReviewFlag(request.flag)}. Attach it to an order or refund it in M-Pesa → Review.`,
  }
}
