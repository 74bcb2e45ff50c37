// @vitest-environment jsdom
import { screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { describe, expect, it, vi } from "vitest"
import { renderIntl as render } from "../../../test/intl"
import { BuyBox, type BuyBoxProduct } from "../buy-box"

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }))
vi.mock("@/lib/data/cart-actions", () => ({ addToCart: vi.fn(async () => ({ ok: true, message: "Added to your cart." })) }))

const powerBank: BuyBoxProduct = {
  id: "prod_bank",
  title: "Power Bank",
  options: [{ id: "opt_color", title: "Color", values: ["Black", "White"] }],
  variants: [
    {
      id: "var_black",
      title: "Black",
      options: { opt_color: "Black" },
      price: { amount: 2200, original: 2200, currency: "kes", onSale: false },
      stock: { kind: "in" },
      max: 10,
    },
    {
      id: "var_white",
      title: "White",
      options: { opt_color: "White" },
      price: { amount: 2300, original: 2300, currency: "kes", onSale: false },
      stock: { kind: "out" },
      max: 0,
    },
  ],
}

describe("BuyBox", () => {
  it("starts on the first variant in stock with its price and stock", () => {
    render(<BuyBox product={powerBank} country="ke" />)
    expect(screen.getByRole("radio", { name: /Black/ })).toBeChecked()
    expect(screen.getByTestId("variant-price").textContent).toContain("KES 2,200")
    expect(screen.getByTestId("stock-state").textContent).toContain("In stock")
    expect(screen.getByRole("button", { name: "Add to cart" })).toBeEnabled()
    expect((document.querySelector('input[name="variant_id"]') as HTMLInputElement).value).toBe("var_black")
  })

  it("shows a sold-out variant as sold out and won't add it", async () => {
    render(<BuyBox product={powerBank} country="ke" />)
    await userEvent.click(screen.getByRole("radio", { name: /White/ }))
    expect(screen.getByTestId("variant-price").textContent).toContain("KES 2,300")
    expect(screen.getByTestId("stock-state").textContent).toContain("Sold out")
    expect(screen.getByRole("button", { name: "Sold out" })).toBeDisabled()
    expect(screen.getByRole("radio", { name: /White/ }).getAttribute("aria-describedby")).toBeTruthy()
  })

  it("keeps the quantity within stock", async () => {
    const scarce = { ...powerBank, variants: [{ ...powerBank.variants[0]!, max: 2 }] }
    render(<BuyBox product={scarce} country="ke" />)
    const more = screen.getByRole("button", { name: "One more" })
    await userEvent.click(more)
    expect(screen.getByRole("spinbutton", { name: "Quantity" })).toHaveValue(2)
    expect(more).toBeDisabled()
  })

  it("speaks Swahili on a Swahili page, low stock counted", () => {
    const low = { ...powerBank, variants: [{ ...powerBank.variants[0]!, stock: { kind: "low" as const, left: 3 } }] }
    render(<BuyBox product={low} country="ke" />, { locale: "sw" })
    expect(screen.getByTestId("variant-price").textContent).toContain("KES 2,200")
    expect(screen.getByTestId("stock-state").textContent).toContain("Zimebaki 3 tu")
    expect(screen.getByRole("button", { name: "Weka kwenye kikapu" })).toBeEnabled()
  })
})
