import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { AddressForm } from "@/components/checkout/address-form"
import { retrieveCustomer } from "@/lib/data/customer"
import { saveCustomerAddress } from "@/lib/data/account-actions"
import { listCountries } from "@/lib/data/regions"
import { withPhoneDisplay } from "@/lib/util/phone"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("address"))("newTitle"), robots: { index: false } }
}

export default async function NewAddressPage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const [customer, countries, t] = await Promise.all([retrieveCustomer(), listCountries(), getTranslations("address")])
  return (
    <div className="stack">
      <h1>{t("newTitle")}</h1>
      <AddressForm
        mode="account"
        country={country}
        countries={countries}
        initial={withPhoneDisplay({ first_name: customer?.first_name, last_name: customer?.last_name, phone: customer?.phone, country_code: country })}
        action={saveCustomerAddress}
        submitLabel={t("saveAddress")}
        isDefault={!(customer?.addresses ?? []).length}
      />
    </div>
  )
}
