import type { Metadata } from "next"
import { TrackForm } from "@/components/order/track-form"

export const metadata: Metadata = { title: "Track your order" }

type Props = { searchParams: Promise<{ order?: string; email?: string }> }

export default async function TrackPage({ searchParams }: Props) {
  const { order, email } = await searchParams
  return (
    <div className="container page" style={{ maxWidth: 760 }}>
      <h1>Track your order</h1>
      <p className="muted">Enter your order number and the email you used at checkout. No account needed.</p>
      <TrackForm order={order?.replace(/\D/g, "")} email={email} />
    </div>
  )
}
