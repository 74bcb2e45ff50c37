import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"
import { redirect } from "next/navigation"
import { LoginForm } from "@/components/account/auth-forms"
import { retrieveCustomer } from "@/lib/data/customer"
import { safeNextPath } from "@/lib/util/redirect"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn"), robots: { index: false } }
}

type Props = { params: Promise<{ country: string }>; searchParams: Promise<{ next?: string; reset?: string }> }

export default async function LoginPage({ params, searchParams }: Props) {
  const { country } = await params
  const { next, reset } = await searchParams
  if (await retrieveCustomer().catch(() => null)) {
    redirect(safeNextPath(next, `/${country}/account`))
  }
  const t = await getTranslations("auth")
  return (
    <div className="container page">
      <div className="auth-card">
        <h1>{t("signIn")}</h1>
        {reset ? <p className="notice notice--success">{t("passwordChanged")}</p> : null}
        <LoginForm country={country} next={next} />
        <hr style={{ margin: "24px 0", border: 0, borderTop: "1px solid var(--line)" }} />
        <h2 className="h3">{t("newToSoko")}</h2>
        <p className="muted">{t("whyAccount")}</p>
        <Link className="btn btn--secondary btn--block" href={`/${country}/account/register${next ? `?next=${encodeURIComponent(next)}` : ""}`}>
          {t("createAccount")}
        </Link>
      </div>
    </div>
  )
}
