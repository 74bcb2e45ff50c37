import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { RegisterForm } from "@/components/account/auth-forms"
import { retrieveCustomer } from "@/lib/data/customer"

export const metadata: Metadata = { title: "Create an account", robots: { index: false } }

type Props = { params: Promise<{ country: string }>; searchParams: Promise<{ next?: string }> }

export default async function RegisterPage({ params, searchParams }: Props) {
  const { country } = await params
  const { next } = await searchParams
  if (await retrieveCustomer().catch(() => null)) {
    redirect(`/${country}/account`)
  }
  return (
    <div className="container page">
      <div className="auth-card">
        <h1>Create an account</h1>
        <RegisterForm country={country} next={next} />
        <p style={{ marginTop: 16 }}>
          Already have an account? <Link href={`/${country}/account/login`}>Sign in</Link>
        </p>
      </div>
    </div>
  )
}
