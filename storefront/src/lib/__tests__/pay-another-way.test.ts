import { createTranslator } from "next-intl"
import { describe, expect, it } from "vitest"
import en from "../../../messages/en.json"
import type { MpesaStatus } from "../mpesa"
import {
  type AvailableC2b,
  c2bPollUrl,
  c2bQrUrl,
  isC2bInstructions,
  kes,
  mayPayAnotherWay,
  offersPayAnotherWay,
  partialNotice,
  payAnotherWaySteps,
} from "../pay-another-way"

const t = createTranslator({ locale: "en-KE", messages: en, namespace: "payAnotherWay" })

const paybill: AvailableC2b = { available: true, type: "paybill", number: "600984", account: "1042", amount_kes: 1450, status: "awaiting", payments: [] }

describe("offersPayAnotherWay: when the panel opens by itself", () => {
  it.each<[string, Pick<MpesaStatus, "status" | "reason" | "message_key">, boolean]>([
    ["1037: the phone could not be reached", { status: "expired", reason: "The phone could not be reached (DS timeout)" }, true],
    ["1019: the prompt expired", { status: "expired", reason: "The prompt expired before the customer answered" }, true],
    ["a timeout with no reason", { status: "expired" }, true],
    ["1025: the prompt was not sent", { status: "failed", reason: "Daraja could not send the prompt (1025; the prompt text may be too long)" }, true],
    ["9999: the prompt was not sent", { status: "failed", reason: "Daraja could not send the prompt (9999)" }, true],
    ["1025 named by the message key, whatever the reason says", { status: "failed", message_key: "code_1025", reason: "Something else" }, true],
    ["9999 named by the message key, no reason", { status: "failed", message_key: "code_9999" }, true],
    ["wrong PIN named by the message key", { status: "failed", message_key: "code_2001", reason: "Wrong M-Pesa PIN" }, false],
    ["cancelled on the phone", { status: "cancelled", reason: "Cancelled by the customer" }, false],
    ["wrong PIN", { status: "failed", reason: "Wrong M-Pesa PIN" }, false],
    ["insufficient funds", { status: "failed", reason: "The balance is insufficient" }, false],
    ["a number that merely contains 1025", { status: "failed", reason: "Declined: limit 10250" }, false],
    ["still waiting for the PIN", { status: "pending" }, false],
    ["paid", { status: "paid" }, false],
  ])("%s → %s", (_name, status, expected) => {
    expect(offersPayAnotherWay(status)).toBe(expected)
  })
})

describe("mayPayAnotherWay: whether it is offered at all", () => {
  it.each<[string, Pick<MpesaStatus, "status" | "shopper_message" | "message_key">, boolean]>([
    ["waiting for the PIN", { status: "pending", shopper_message: "Check your phone." }, true],
    ["expired", { status: "expired", shopper_message: "We could not reach your phone." }, true],
    ["paid", { status: "paid", shopper_message: "We have your payment." }, false],
    [
      "in the shop's review (money may have left the phone)",
      { status: "pending", shopper_message: "We are checking this M-Pesa payment with the shop. Please do not pay again: the shop will confirm your order or refund you." },
      false,
    ],
    ["in review, named by the message key", { status: "pending", shopper_message: "A sentence the plugin reworded.", message_key: "review" }, false],
    ["waiting for the PIN, named by the message key", { status: "pending", shopper_message: "Check your phone.", message_key: "pending" }, true],
  ])("%s → %s", (_name, status, expected) => {
    expect(mayPayAnotherWay(status)).toBe(expected)
  })
})

describe("amounts and notices", () => {
  it.each<[number, string]>([
    [1, "KES 1"],
    [740, "KES 740"],
    [1450, "KES 1,450"],
    [250000, "KES 250,000"],
  ])("kes(%d) → %s", (amount, text) => {
    expect(kes(amount)).toBe(text)
  })

  it.each<[string, Partial<AvailableC2b>, string | null]>([
    ["awaiting: nothing to say", {}, null],
    ["partial: what is left", { status: "partial", amount_kes: 450 }, "We received part of your payment: KES 450 still to pay. Pay the rest the same way."],
    ["partial with thousands", { status: "partial", amount_kes: 1200 }, "We received part of your payment: KES 1,200 still to pay. Pay the rest the same way."],
    ["paid", { status: "paid", amount_kes: 0 }, null],
    ["partial but nothing left (paid in the meantime)", { status: "partial", amount_kes: 0 }, null],
  ])("%s", (_name, patch, expected) => {
    expect(partialNotice({ ...paybill, ...patch }, t)).toBe(expected)
  })
})

describe("payAnotherWaySteps", () => {
  it("paybill: number, account, exact amount", () => {
    expect(payAnotherWaySteps(paybill, t)).toEqual([
      "Open M-Pesa on your phone (or dial *334#).",
      "Choose Lipa na M-Pesa → Paybill.",
      "Enter business number 600984.",
      "Enter account number 1042.",
      "Enter the amount KES 1,450, then your PIN, and confirm.",
    ])
  })

  it("till: no account", () => {
    const steps = payAnotherWaySteps({ ...paybill, type: "till", number: "174380", account: null }, t)
    expect(steps).toContain("Choose Lipa na M-Pesa → Buy Goods and Services.")
    expect(steps).toContain("Enter till number 174380.")
    expect(steps.join(" ")).not.toMatch(/account/i)
  })
})

describe("isC2bInstructions", () => {
  it.each<[string, unknown, boolean]>([
    ["available paybill", paybill, true],
    ["available till", { ...paybill, type: "till", account: null }, true],
    ["unavailable with a reason", { available: false, reason: "This shop does not take paybill or till payments" }, true],
    ["unavailable without a reason", { available: false }, false],
    ["unknown type", { ...paybill, type: "agent" }, false],
    ["amount as text", { ...paybill, amount_kes: "1450" }, false],
    ["unknown status", { ...paybill, status: "done" }, false],
    ["an error body", { message: "Not found" }, false],
    ["null", null, false],
  ])("%s → %s", (_name, value, expected) => {
    expect(isC2bInstructions(value)).toBe(expected)
  })
})

describe("panel URLs", () => {
  it("carry the order id and a well-formed token only", () => {
    const token = "t".repeat(43)
    expect(c2bPollUrl("order_1")).toBe("/api/mpesa/c2b?order_id=order_1")
    expect(c2bPollUrl("order_1", token)).toBe(`/api/mpesa/c2b?order_id=order_1&token=${token}`)
    expect(c2bQrUrl("order_1", token)).toBe(`/api/mpesa/c2b/qr?order_id=order_1&token=${token}`)
    expect(c2bQrUrl("order_1", "bad token!")).toBe("/api/mpesa/c2b/qr?order_id=order_1")
  })
})
