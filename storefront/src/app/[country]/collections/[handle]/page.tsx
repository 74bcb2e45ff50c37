import { redirect } from "next/navigation"

export default async function CollectionPage({ params }: { params: Promise<{ country: string; handle: string }> }) {
  const { country, handle } = await params
  redirect(`/${country}/store?collection=${encodeURIComponent(handle)}`)
}
