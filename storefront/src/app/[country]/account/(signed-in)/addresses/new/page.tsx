import type { Metadata } from "next"
import { AddressForm } from "@/components/checkout/address-form"
import { retrieveCustomer } from "@/lib/data/customer"
import { saveCustomerAddress } from "@/lib/data/account-actions"
import { listCountries } from "@/lib/data/regions"

export const metadata: Metadata = { title: "New address", robots: { index: false } }

export default async function NewAddressPage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const [customer, countries] = await Promise.all([retrieveCustomer(), listCountries()])
  return (
    <div className="stack">
      <h1>New address</h1>
      <AddressForm
        mode="account"
        country={country}
        countries={countries}
        initial={{ first_name: customer?.first_name, last_name: customer?.last_name, phone: customer?.phone, country_code: country }}
        action={saveCustomerAddress}
        submitLabel="Save address"
        isDefault={!(customer?.addresses ?? []).length}
      />
    </div>
  )
}
