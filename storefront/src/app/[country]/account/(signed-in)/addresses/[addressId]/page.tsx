import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { AddressForm } from "@/components/checkout/address-form"
import { retrieveCustomer } from "@/lib/data/customer"
import { saveCustomerAddress } from "@/lib/data/account-actions"
import { listCountries } from "@/lib/data/regions"

export const metadata: Metadata = { title: "Edit address", robots: { index: false } }

export default async function EditAddressPage({ params }: { params: Promise<{ country: string; addressId: string }> }) {
  const { country, addressId } = await params
  const [customer, countries] = await Promise.all([retrieveCustomer(), listCountries()])
  const address = customer?.addresses?.find((a) => a.id === addressId)
  if (!address) {
    notFound()
  }
  return (
    <div className="stack">
      <h1>Edit address</h1>
      <AddressForm
        mode="account"
        country={country}
        countries={countries}
        initial={address}
        action={saveCustomerAddress}
        submitLabel="Save address"
        addressId={address.id}
        isDefault={Boolean(address.is_default_shipping)}
      />
    </div>
  )
}
