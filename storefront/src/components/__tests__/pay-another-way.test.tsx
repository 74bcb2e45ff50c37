// @vitest-environment jsdom
import { act, fireEvent, screen } from "@testing-library/react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { renderIntl as render } from "../../../test/intl"
import type { MpesaStatus } from "@/lib/mpesa"
import type { AvailableC2b, C2bInstructions } from "@/lib/pay-another-way"
import { MpesaStatusPanel } from "../order/mpesa-status"

const replace = vi.fn()
vi.mock("next/navigation", () => ({ useRouter: () => ({ replace }) }))
vi.mock("@/lib/data/mpesa-actions", () => ({ retryMpesaPayment: async () => ({}) }))

const pending: MpesaStatus = { status: "pending", shopper_message: "Check your phone.", amount_kes: 740, phone_masked: "0708***149", can_retry: false }
const unreachable: MpesaStatus = {
  status: "expired",
  shopper_message: "We could not reach your phone.",
  reason: "The phone could not be reached (DS timeout)",
  amount_kes: 740,
  can_retry: true,
}
const paybill: AvailableC2b = { available: true, type: "paybill", number: "600984", account: "7", amount_kes: 740, status: "awaiting", payments: [] }

function answer(body: unknown) {
  return { ok: true, json: async () => body } as Response
}

/** fetch that answers the panel's and the status page's own routes. */
function backend(c2bAnswers: C2bInstructions[], status: MpesaStatus = pending) {
  const c2b = [...c2bAnswers]
  const fn = vi.fn(async (url: string) => (url.startsWith("/api/mpesa/c2b") ? answer(c2b.length > 1 ? c2b.shift() : c2b[0]) : answer(status)))
  vi.stubGlobal("fetch", fn)
  return fn
}

const show = (initial: MpesaStatus, c2b?: C2bInstructions) =>
  render(<MpesaStatusPanel orderId="order_1" country="ke" initial={initial} displayId={7} total={740} currency="kes" c2b={c2b} />)

const tick = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms)
  })

describe("Pay another way", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    replace.mockReset()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it("opens by itself when the prompt could not reach the phone (1037), with number, account and exact amount", () => {
    backend([paybill], unreachable)
    show(unreachable, paybill)
    expect(screen.getByTestId("pay-another-way")).toBeInTheDocument()
    expect(screen.getByTestId("c2b-number").textContent).toBe("600984")
    expect(screen.getByTestId("c2b-account").textContent).toBe("7")
    expect(screen.getByTestId("c2b-amount").textContent).toBe("KES 740")
    expect(screen.getByTestId("c2b-amount").getAttribute("data-value")).toBe("740")
    expect(screen.getByTestId("c2b-steps").textContent).toContain("Lipa na M-Pesa → Paybill")
    expect(screen.queryByTestId("pay-another-way-button")).toBeNull()
    // Phones fetch no QR code: the only source is for wide screens.
    const source = screen.getByTestId("c2b-qr").querySelector("source")!
    expect(source.getAttribute("media")).toBe("(min-width: 760px)")
    expect(source.getAttribute("srcset")).toBe("/api/mpesa/c2b/qr?order_id=order_1&amount=740")
    expect(screen.getByTestId("c2b-qr").querySelector("img")!.getAttribute("src")).toMatch(/^data:image\/gif/)
  })

  it("opens by itself when Daraja could not send the prompt (1025)", () => {
    const notSent = { ...unreachable, status: "failed" as const, reason: "Daraja could not send the prompt (1025; the prompt text may be too long)" }
    backend([paybill], notSent)
    show(notSent, paybill)
    expect(screen.getByTestId("pay-another-way")).toBeInTheDocument()
  })

  it.each<[string, MpesaStatus]>([
    ["while the prompt is on the phone", pending],
    ["after a cancel", { ...unreachable, status: "cancelled", reason: "Cancelled by the customer" }],
  ])("stays closed %s, and opens on request", async (_name, status) => {
    backend([paybill], status)
    show(status, paybill)
    expect(screen.queryByTestId("pay-another-way")).toBeNull()
    fireEvent.click(screen.getByTestId("pay-another-way-button"))
    expect(screen.getByTestId("pay-another-way")).toBeInTheDocument()
    expect(screen.getByRole("heading", { name: "Pay another way" })).toBeInTheDocument()
  })

  it.each<[string, C2bInstructions | undefined]>([
    ["the backend says unavailable", { available: false, reason: "This shop does not take paybill or till payments" }],
    ["the backend said nothing", undefined],
  ])("is hidden when %s", (_name, c2b) => {
    backend([paybill], unreachable)
    show(unreachable, c2b)
    expect(screen.queryByTestId("pay-another-way")).toBeNull()
    expect(screen.queryByTestId("pay-another-way-button")).toBeNull()
  })

  it("keeps checking; a short payment shows what is left, the rest turns the page paid", async () => {
    const fetchMock = backend(
      [
        paybill,
        { ...paybill, status: "partial", amount_kes: 240, payments: [{ amount_kes: 500, state: "partial", received_at: "2026-12-06T10:00:00Z" }] },
        { ...paybill, status: "paid", amount_kes: 0 },
      ],
      unreachable
    )
    show(unreachable, paybill)
    await tick(4_100)
    expect(fetchMock).toHaveBeenCalledWith("/api/mpesa/c2b?order_id=order_1", { cache: "no-store" })
    await tick(4_100)
    expect(screen.getByTestId("c2b-partial").textContent).toBe("We received part of your payment: KES 240 still to pay. Pay the rest the same way.")
    expect(screen.getByTestId("c2b-amount").textContent).toBe("KES 240")
    expect(screen.getByTestId("c2b-qr").querySelector("source")!.getAttribute("srcset")).toMatch(/amount=240$/)
    await tick(4_100)
    expect(screen.getByTestId("mpesa-status").getAttribute("data-status")).toBe("paid")
    await tick(1_300)
    expect(replace).toHaveBeenCalledWith("/ke/order/order_1/confirmed")
  })

  it("hides itself when the backend stops offering it", async () => {
    backend([paybill, { available: false, reason: "This order cannot be paid by M-Pesa" }], unreachable)
    show(unreachable, paybill)
    await tick(4_100)
    await tick(4_100)
    expect(screen.queryByTestId("pay-another-way")).toBeNull()
  })

  it("copies the values with labelled buttons", async () => {
    backend([paybill], unreachable)
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true })
    show(unreachable, paybill)
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy account number 7" }))
    })
    expect(writeText).toHaveBeenCalledWith("7")
    expect(screen.getByTestId("copy-account").textContent).toBe("Copied")
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Copy business number 600984" }))
      fireEvent.click(screen.getByRole("button", { name: "Copy amount 740" }))
    })
    expect(writeText).toHaveBeenCalledWith("600984")
    expect(writeText).toHaveBeenLastCalledWith("740")
  })

  it("a till: till number and amount, no account", () => {
    const till: AvailableC2b = { ...paybill, type: "till", number: "174380", account: null }
    backend([till], unreachable)
    show(unreachable, till)
    expect(screen.getByText("Till number")).toBeInTheDocument()
    expect(screen.queryByTestId("c2b-account")).toBeNull()
    expect(screen.getByTestId("c2b-steps").textContent).toContain("Buy Goods and Services")
  })
})
