import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"
import { redirect } from "next/navigation"
import { RegisterForm } from "@/components/account/auth-forms"
import { retrieveCustomer } from "@/lib/data/customer"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("createAccount"), robots: { index: false } }
}

type Props = { params: Promise<{ country: string }>; searchParams: Promise<{ next?: string }> }

export default async function RegisterPage({ params, searchParams }: Props) {
  const { country } = await params
  const { next } = await searchParams
  if (await retrieveCustomer().catch(() => null)) {
    redirect(`/${country}/account`)
  }
  const t = await getTranslations("auth")
  return (
    <div className="container page">
      <div className="auth-card">
        <h1>{t("createAccount")}</h1>
        <RegisterForm country={country} next={next} />
        <p style={{ marginTop: 16 }}>
          {t.rich("haveAccount", { link: (chunks) => <Link href={`/${country}/account/login`}>{chunks}</Link> })}
        </p>
      </div>
    </div>
  )
}
