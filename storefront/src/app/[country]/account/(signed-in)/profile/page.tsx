import type { Metadata } from "next"
import Link from "next/link"
import { ProfileForm } from "@/components/account/profile-form"
import { retrieveCustomer } from "@/lib/data/customer"

export const metadata: Metadata = { title: "Profile", robots: { index: false } }

export default async function ProfilePage({ params }: { params: Promise<{ country: string }> }) {
  const { country } = await params
  const customer = await retrieveCustomer()
  if (!customer) {
    return null
  }
  return (
    <div className="stack">
      <h1>Profile</h1>
      <ProfileForm firstName={customer.first_name ?? ""} lastName={customer.last_name ?? ""} phone={customer.phone ?? ""} email={customer.email} />
      <section className="panel" aria-labelledby="password">
        <h2 id="password" className="h3">
          Password
        </h2>
        <p className="muted">We&apos;ll email you a link to choose a new one.</p>
        <Link href={`/${country}/reset-password`}>Change your password</Link>
      </section>
    </div>
  )
}
