import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { MpesaStatusPanel } from "@/components/order/mpesa-status"
import { mpesaStatus } from "@/lib/data/mpesa"
import { retrieveOrder } from "@/lib/data/orders"
import { type MpesaStatus, orderPagePath, orderTokenOf } from "@/lib/mpesa"

export const metadata: Metadata = { title: "Pay with M-Pesa", robots: { index: false } }

type Props = { params: Promise<{ country: string; id: string }>; searchParams: Promise<{ token?: string | string[] }> }

export default async function PayPage({ params, searchParams }: Props) {
  const { country, id } = await params
  // The guest's proof of the order, from the link the checkout sent them to.
  const token = orderTokenOf((await searchParams).token)
  const order = await retrieveOrder(id)
  if (!order) {
    notFound()
  }
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
