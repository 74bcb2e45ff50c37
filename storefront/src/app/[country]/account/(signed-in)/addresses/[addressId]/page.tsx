import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { notFound } from "next/navigation"
import { AddressForm } from "@/components/checkout/address-form"
import { retrieveCustomer } from "@/lib/data/customer"
import { saveCustomerAddress } from "@/lib/data/account-actions"
import { listCountries } from "@/lib/data/regions"
import { withPhoneDisplay } from "@/lib/util/phone"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("address"))("editTitle"), robots: { index: false } }
}

export default async function EditAddressPage({ params }: { params: Promise<{ country: string; addressId: string }> }) {
  const { country, addressId } = await params
  const [customer, countries, t] = await Promise.all([retrieveCustomer(), listCountries(), getTranslations("address")])
  const address = customer?.addresses?.find((a) => a.id === addressId)
  if (!address) {
    notFound()
  }
  return (
    <div className="stack">
      <h1>{t("editTitle")}</h1>
      <AddressForm
        mode="account"
        country={country}
        countries={countries}
        initial={withPhoneDisplay(address)}
        action={saveCustomerAddress}
        submitLabel={t("saveAddress")}
        addressId={address.id}
        isDefault={Boolean(address.is_default_shipping)}
      />
    </div>
  )
}
