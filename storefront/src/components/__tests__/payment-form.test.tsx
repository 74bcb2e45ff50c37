// @vitest-environment jsdom
import { screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import { availablePaymentMethods } from "@/lib/payments"
import { displayKenyanPhone } from "@/lib/util/phone"
import { renderIntl as render } from "../../../test/intl"
import { PaymentForm } from "../checkout/payment-form"

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }))
vi.mock("@/lib/data/checkout-actions", () => ({ savePayment: vi.fn(async () => ({})) }))

describe("PaymentForm", () => {
  it("offers M-Pesa first with the number pre-filled, and cash", () => {
    render(<PaymentForm country="ke" methods={availablePaymentMethods(["pp_system_default", "pp_mpesa_mpesa"], {})} phone={displayKenyanPhone("+254708374149")} />)
    const radios = screen.getAllByRole("radio")
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(["pp_mpesa_mpesa", "pp_system_default"])
    expect(radios[0]).toBeChecked()
    expect(screen.getByLabelText(/M-Pesa number/)).toHaveValue("0708 374 149")
    expect(screen.queryByText("Card")).toBeNull()
  })

  it("hides the M-Pesa number when another method is chosen", async () => {
    render(<PaymentForm country="ke" methods={availablePaymentMethods(["pp_system_default", "pp_mpesa_mpesa"], {})} />)
    await userEvent.click(screen.getByRole("radio", { name: "Cash on delivery" }))
    expect(screen.getByLabelText(/M-Pesa number/, { selector: "input" }).closest("div[hidden]")).not.toBeNull()
  })

  it("shows cards only when Stripe is offered and configured", () => {
    render(<PaymentForm country="us" methods={availablePaymentMethods(["pp_system_default", "pp_stripe_stripe"], { stripeKey: "pk_test" })} />)
    expect(screen.getByRole("radio", { name: "Card" })).toBeChecked()
  })

  it("says when there is no way to pay", () => {
    render(<PaymentForm country="us" methods={[]} />)
    expect(screen.getByRole("alert").textContent).toMatch(/aren't available/)
  })
})
