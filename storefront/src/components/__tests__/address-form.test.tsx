// @vitest-environment jsdom
import { screen } from "@testing-library/react"
import { describe, expect, it, vi } from "vitest"
import { renderIntl as render } from "../../../test/intl"
import { AddressForm } from "../checkout/address-form"

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn() }) }))
vi.mock("@/lib/data/checkout-actions", () => ({ saveAddress: vi.fn(async () => ({})) }))

describe("AddressForm", () => {
  it("renders its lists without React warnings", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined)
    render(
      <AddressForm
        country="ke"
        countries={[
          { code: "ke", name: "Kenya" },
          { code: "us", name: "United States" },
        ]}
        initial={{ first_name: "Wanjiru" }}
        saved={[
          { id: "addr_1", address_1: "Moi Avenue", city: "Nairobi", province: "nairobi" },
          { id: "addr_2", address_1: "Kenyatta Road", city: "Nakuru", province: "nakuru" },
        ]}
        signedInEmail="wanjiru@example.com"
      />
    )
    expect(screen.getByTestId("address-form")).toBeInTheDocument()
    expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([])
  })
})
