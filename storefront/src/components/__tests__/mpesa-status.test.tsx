// @vitest-environment jsdom
import { act, fireEvent, screen } from "@testing-library/react"
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { renderIntl as render } from "../../../test/intl"
import type { MpesaStatus } from "@/lib/mpesa"
import { MpesaStatusPanel } from "../order/mpesa-status"

const replace = vi.fn()
vi.mock("next/navigation", () => ({ useRouter: () => ({ replace }) }))
const retryMpesaPayment = vi.fn(async (): Promise<Record<string, unknown>> => ({}))
vi.mock("@/lib/data/mpesa-actions", () => ({ retryMpesaPayment: () => retryMpesaPayment() }))

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

  it.each<[string, "en" | "sw", Partial<MpesaStatus>, string, string | null]>([
    [
      "English: the shop's sentence for the key, and the reason under it",
      "en",
      { message_key: "code_1032" },
      "You cancelled the M-Pesa prompt. Send a new prompt to pay.",
      "Cancelled by the customer",
    ],
    ["Swahili: the message in Swahili, no English reason", "sw", { message_key: "code_1032" }, "Ulighairi ombi la M-Pesa. Tuma ombi jipya ili ulipe.", null],
    ["Swahili, a key the shop has no message for: the backend's sentence", "sw", { message_key: "code_77" }, "You cancelled the M-Pesa prompt.", null],
    ["English, an older backend without keys: the backend's sentence", "en", {}, "You cancelled the M-Pesa prompt.", "Cancelled by the customer"],
  ])("says the outcome in the shopper's language: %s", (_name, locale, patch, message, reason) => {
    vi.stubGlobal("fetch", vi.fn())
    const cancelled: MpesaStatus = { ...pending, status: "cancelled", shopper_message: "You cancelled the M-Pesa prompt.", reason: "Cancelled by the customer", can_retry: true, ...patch }
    render(<MpesaStatusPanel orderId="order_1" country="ke" initial={cancelled} total={740} currency="kes" />, { locale })
    expect(screen.getByTestId("mpesa-message").textContent).toBe(message)
    expect(screen.queryByTestId("mpesa-reason")?.textContent ?? null).toBe(reason)
  })

  it.each<[string, boolean | undefined, boolean]>([
    ["a guest with the order link: the same phone only, no number field", false, false],
    ["the signed-in customer: may type another number", true, true],
    ["an older backend that does not say: the field stays", undefined, true],
  ])("retry form for %s", (_name, canChange, fieldShown) => {
    vi.stubGlobal("fetch", vi.fn())
    show({ ...pending, status: "failed", shopper_message: "The prompt failed.", can_retry: true, can_change_phone: canChange })
    expect(screen.queryByLabelText(/M-Pesa number/) !== null).toBe(fieldShown)
    expect(screen.queryByTestId("retry-same-phone") !== null).toBe(!fieldShown)
    if (!fieldShown) {
      expect(screen.getByTestId("retry-same-phone").textContent).toContain("0708***149")
    }
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

  it("carries the order-link token in every poll and link, and in the retry form", async () => {
    const token = "a".repeat(43)
    const fetchMock = vi.fn().mockResolvedValue(answer({ ...pending, status: "paid" }))
    vi.stubGlobal("fetch", fetchMock)
    render(<MpesaStatusPanel orderId="order_1" token={token} country="ke" initial={pending} total={740} currency="kes" />)
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2_100)
    })
    expect(fetchMock).toHaveBeenCalledWith(`/api/mpesa/status?order_id=order_1&token=${token}`, { cache: "no-store" })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1_300)
    })
    expect(replace).toHaveBeenCalledWith(`/ke/order/order_1/confirmed?token=${token}`)
  })

  it("after a 429 shows the backend's message and keeps the button off until Retry-After has passed", async () => {
    const failed = { ...pending, status: "failed" as const, shopper_message: "The prompt failed.", can_retry: true }
    render(<MpesaStatusPanel orderId="order_1" token={"b".repeat(43)} country="ke" initial={failed} total={740} currency="kes" />)
    expect((document.querySelector('input[name="token"]') as HTMLInputElement).value).toBe("b".repeat(43))
    retryMpesaPayment.mockResolvedValueOnce({
      error: "Too many M-Pesa prompts were sent to this phone in the last hour (limit 5). Please try again in 2 minutes.",
      retryAt: Date.now() + 90_000,
    })
    await act(async () => {
      fireEvent.click(screen.getByTestId("mpesa-retry-button"))
      await vi.advanceTimersByTimeAsync(10)
    })
    expect(screen.getByTestId("retry-error").textContent).toMatch(/Too many M-Pesa prompts.*You can ask for a new prompt from/)
    expect(screen.getByTestId("mpesa-retry-button")).toBeDisabled()
    await act(async () => {
      await vi.advanceTimersByTimeAsync(91_000)
    })
    expect(screen.getByTestId("mpesa-retry-button")).toBeEnabled()
  })
})
