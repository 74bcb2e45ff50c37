import { redirect } from "next/navigation"

export default async function CategoryPage({ params }: { params: Promise<{ country: string; handle: string }> }) {
  const { country, handle } = await params
  redirect(`/${country}/store?category=${encodeURIComponent(handle)}`)
}
