import { redirect } from "next/navigation"
import { AccountNav } from "@/components/account/account-nav"
import { ClientIntl } from "@/components/client-intl"
import { retrieveCustomer } from "@/lib/data/customer"

export default async function AccountLayout({ children, params }: { children: React.ReactNode; params: Promise<{ country: string }> }) {
  const { country } = await params
  const customer = await retrieveCustomer()
  if (!customer) {
    redirect(`/${country}/account/login?next=/${country}/account`)
  }
  // The account's forms translate and format in the browser: next-intl's provider (components/client-intl.tsx).
  return (
    <ClientIntl>
      <div className="container page">
        <div className="account">
          <AccountNav country={country} />
          <div>{children}</div>
        </div>
      </div>
    </ClientIntl>
  )
}
