import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"
import { ProfileForm } from "@/components/account/profile-form"
import { retrieveCustomer } from "@/lib/data/customer"
import { displayKenyanPhone } from "@/lib/util/phone"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("profile"))("title"), robots: { index: false } }
}

export default async function ProfilePage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const [customer, t] = await Promise.all([retrieveCustomer(), getTranslations("profile")])
  if (!customer) {
    return null
  }
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <ProfileForm firstName={customer.first_name ?? ""} lastName={customer.last_name ?? ""} phone={displayKenyanPhone(customer.phone)} email={customer.email} />
      <section className="panel" aria-labelledby="password">
        <h2 id="password" className="h3">
          {t("password")}
        </h2>
        <p className="muted">{t("passwordText")}</p>
        <Link href={`/${country}/reset-password`}>{t("changePassword")}</Link>
      </section>
    </div>
  )
}
