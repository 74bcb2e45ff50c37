import { redirect } from "next/navigation"

/** The order link in Soko's emails (/account/orders/details/:id) opens the order's own page, which guests can see too. */
export default async function OrderLink({ params }: { params: Promise<{ country: string; id: string }> }) {
  const { country, id } = await params
  redirect(`/${country}/order/${encodeURIComponent(id)}/confirmed`)
}
