// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import type { MpesaStatus } from "@/lib/mpesa"
import { MpesaStatusPanel } from "../order/mpesa-status"

const replace = vi.fn()
vi.mock("next/navigation", () => ({ useRouter: () => ({ replace }) }))
vi.mock("@/lib/data/mpesa-actions", () => ({ retryMpesaPayment: vi.fn(async () => ({})) }))

const pending: MpesaStatus = {
  status: "pending",
  shopper_message: "Check your phone and enter your M-Pesa PIN.",
  amount_kes: 740,
  phone_masked: "0708***149",
  can_retry: false,
}

function answer(status: MpesaStatus) {
  return { ok: true, json: async () => status } as Response
}

describe("MpesaStatusPanel", () => {
  beforeEach(() => {
    vi.useFakeTimers()
    replace.mockReset()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  const show = (initial = pending) =>
    render(<MpesaStatusPanel orderId="order_1" country="ke" initial={initial} displayId={7} total={740} currency="kes" />)

  it("shows what to do while the prompt is on the phone", () => {
    show()
    expect(screen.getByTestId("mpesa-headline").textContent).toBe("Check your phone")
    expect(screen.getByText("0708***149")).toBeInTheDocument()
    expect(screen.getByText("KES 740")).toBeInTheDocument()
    expect(screen.queryByTestId("mpesa-retry")).toBeNull()
  })

  it("follows the payment to paid and moves on to the confirmation", async () => {
    const fetchMock = vi.fn().mockResolvedValueOnce(answer(pending)).mockResolvedValueOnce(answer({ ...pending, status: "paid", receipt: "TSON5G0NRL" }))
    vi.stubGlobal("fetch", fetchMock)
    show()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_100)
    })
    expect(fetchMock).toHaveBeenCalledWith("/api/mpesa/status?order_id=order_1", { cache: "no-store" })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_100)
    })
    expect(screen.getByTestId("mpesa-status").getAttribute("data-status")).toBe("paid")
    expect(screen.getByTestId("mpesa-receipt").textContent).toBe("TSON5G0NRL")
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_300)
    })
    expect(replace).toHaveBeenCalledWith("/ke/order/order_1/confirmed")
  })

  it("explains a cancelled prompt and offers a new one; stops asking", async () => {
    const fetchMock = vi.fn()
    vi.stubGlobal("fetch", fetchMock)
    show({ ...pending, status: "cancelled", shopper_message: "You cancelled the M-Pesa prompt.", reason: "Cancelled by the customer", can_retry: true })
    expect(screen.getByTestId("mpesa-headline").textContent).toBe("Payment cancelled")
    expect(screen.getByTestId("mpesa-reason").textContent).toBe("Cancelled by the customer")
    expect(screen.getByTestId("mpesa-retry-button")).toBeEnabled()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10_000)
    })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it("says so when the connection drops, and keeps trying", async () => {
    const fetchMock = vi.fn().mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValue(answer(pending))
    vi.stubGlobal("fetch", fetchMock)
    show()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_100)
    })
    expect(screen.getByText(/lost the connection/)).toBeInTheDocument()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_100)
    })
    expect(screen.queryByText(/lost the connection/)).toBeNull()
  })
})
