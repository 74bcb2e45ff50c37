import type { Metadata } from "next"
import { notFound, redirect } from "next/navigation"
import { MpesaStatusPanel } from "@/components/order/mpesa-status"
import { mpesaStatus } from "@/lib/data/mpesa"
import { retrieveOrder } from "@/lib/data/orders"
import type { MpesaStatus } from "@/lib/mpesa"

export const metadata: Metadata = { title: "Pay with M-Pesa", robots: { index: false } }

export default async function PayPage({ params }: { params: Promise<{ country: string; id: string }> }) {
  const { country, id } = await params
  const order = await retrieveOrder(id)
  if (!order) {
    notFound()
  }
  let status: MpesaStatus
  try {
    status = await mpesaStatus({ order_id: order.id })
  } catch {
    status = {
      status: "pending",
      shopper_message: "We're checking your payment. This page updates by itself.",
      can_retry: false,
    }
  }
  if (status.status === "paid") {
    redirect(`/${country}/order/${order.id}/confirmed`)
  }
  return (
    <div className="container page">
      <MpesaStatusPanel
        orderId={order.id}
        country={country}
        initial={status}
        displayId={order.display_id}
        total={order.total}
        currency={order.currency_code}
      />
    </div>
  )
}
