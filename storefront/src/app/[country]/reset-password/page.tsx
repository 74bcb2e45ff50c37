import type { Metadata } from "next"
import Link from "next/link"
import { getTranslations } from "next-intl/server"
import { ResetPasswordForm, ResetRequestForm } from "@/components/account/auth-forms"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("resetTitle"), robots: { index: false } }
}

type Props = { params: Promise<{ country: string }>; searchParams: Promise<{ token?: string; email?: string }> }

/** Asks for a reset link; the link in the email (…/reset-password?token=…&email=…) opens the new-password form. */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { country } = await params
  const { token, email } = await searchParams
  const t = await getTranslations("auth")
  return (
    <div className="container page">
      <div className="auth-card">
        <h1>{token ? t("chooseNew") : t("resetTitle")}</h1>
        {token ? (
          <ResetPasswordForm country={country} token={token} email={email ?? ""} />
        ) : (
          <>
            <p className="muted">{t("resetIntro")}</p>
            <ResetRequestForm />
          </>
        )}
        <p style={{ marginTop: 16 }}>
          <Link href={`/${country}/account/login`}>{t("backToSignIn")}</Link>
        </p>
      </div>
    </div>
  )
}
