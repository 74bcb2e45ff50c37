import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { LoginForm } from "@/components/account/auth-forms"
import { retrieveCustomer } from "@/lib/data/customer"
import { safeNextPath } from "@/lib/util/redirect"

export const metadata: Metadata = { title: "Sign in", robots: { index: false } }

type Props = { params: Promise<{ country: string }>; searchParams: Promise<{ next?: string; reset?: string }> }

export default async function LoginPage({ params, searchParams }: Props) {
  const { country } = await params
  const { next, reset } = await searchParams
  if (await retrieveCustomer().catch(() => null)) {
    redirect(safeNextPath(next, `/${country}/account`))
  }
  return (
    <div className="container page">
      <div className="auth-card">
        <h1>Sign in</h1>
        {reset ? <p className="notice notice--success">Your password is changed. Sign in with the new one.</p> : null}
        <LoginForm country={country} next={next} />
        <hr style={{ margin: "24px 0", border: 0, borderTop: "1px solid var(--line)" }} />
        <h2 className="h3">New to Soko?</h2>
        <p className="muted">An account keeps your addresses and shows all your orders. You can also check out as a guest.</p>
        <Link className="btn btn--secondary btn--block" href={`/${country}/account/register${next ? `?next=${encodeURIComponent(next)}` : ""}`}>
          Create an account
        </Link>
      </div>
    </div>
  )
}
