import type { Metadata } from "next"
import Link from "next/link"
import { ResetPasswordForm, ResetRequestForm } from "@/components/account/auth-forms"

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } }

type Props = { params: Promise<{ country: string }>; searchParams: Promise<{ token?: string; email?: string }> }

/** Asks for a reset link; the link in the email (…/reset-password?token=…&email=…) opens the new-password form. */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { country } = await params
  const { token, email } = await searchParams
  return (
    <div className="container page">
      <div className="auth-card">
        <h1>{token ? "Choose a new password" : "Reset your password"}</h1>
        {token ? (
          <ResetPasswordForm country={country} token={token} email={email ?? ""} />
        ) : (
          <>
            <p className="muted">Enter the email of your account and we&apos;ll send you a link to choose a new password.</p>
            <ResetRequestForm />
          </>
        )}
        <p style={{ marginTop: 16 }}>
          <Link href={`/${country}/account/login`}>Back to sign in</Link>
        </p>
      </div>
    </div>
  )
}
