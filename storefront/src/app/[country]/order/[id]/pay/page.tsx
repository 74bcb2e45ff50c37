import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { MpesaStatusPanel } from "@/components/order/mpesa-status"
import { mpesaStatus, orderTokenFor } from "@/lib/data/mpesa"
import { retrieveOrder } from "@/lib/data/orders"
import { type MpesaStatus, orderPagePath } from "@/lib/mpesa"

export const metadata: Metadata = { title: "Pay with M-Pesa", robots: { index: false } }

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
      shopper_message: "We're checking your payment. This page updates by itself.",
      can_retry: false,
    }
  }
  if (status.status === "paid") {
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
      />
    </div>
  )
}
