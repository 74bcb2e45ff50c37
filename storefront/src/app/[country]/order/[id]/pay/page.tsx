import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { notFound, redirect } from "next/navigation"
import { MpesaStatusPanel } from "@/components/order/mpesa-status"
import { mpesaStatus, orderTokenFor } from "@/lib/data/mpesa"
import { c2bInstructions } from "@/lib/data/mpesa-c2b"
import { retrieveOrder } from "@/lib/data/orders"
import { type MpesaStatus, orderPagePath } from "@/lib/mpesa"
import type { C2bInstructions } from "@/lib/pay-another-way"

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mpesa"))("metaTitle"), robots: { index: false } }
}

type Props = { params: Promise<{ country: string; id: string }>; searchParams: Promise<{ token?: string | string[] }> }

export default async function PayPage({ params, searchParams }: Props) {
  const { country, id } = await params
  const order = await retrieveOrder(id)
  if (!order) {
    notFound()
  }
  // The guest's proof of the order: from the link the checkout sent them to, or kept in this browser.
  const token = await orderTokenFor(order.id, (await searchParams).token)
  let status: MpesaStatus
  try {
    status = await mpesaStatus({ order_id: order.id, token })
  } catch {
    status = {
      status: "pending",
      shopper_message: (await getTranslations("mpesa"))("checking"),
      can_retry: false,
    }
  }
  // Paybill/till instructions: a page without them still works (no "Pay another way").
  const c2b: C2bInstructions | undefined = await c2bInstructions({ order_id: order.id, token }).catch(() => undefined)
  if (status.status === "paid" || (c2b?.available && c2b.status === "paid")) {
    redirect(orderPagePath(country, order.id, "confirmed", token))
  }
  return (
    <div className="container page">
      <MpesaStatusPanel
        orderId={order.id}
        token={token}
        country={country}
        initial={status}
        displayId={order.display_id}
        total={order.total}
        currency={order.currency_code}
        c2b={c2b}
      />
    </div>
  )
}
