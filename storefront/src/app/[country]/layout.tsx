import { notFound } from "next/navigation"
import { Footer } from "@/components/footer"
import { Header } from "@/components/header"
import { getRegion } from "@/lib/data/regions"

export default async function CountryLayout({
  children,
  params,
}: {
  children: React.ReactNode
  params: Promise<{ country: string }>
}) {
  const { country } = await params
  const region = await getRegion(country)
  if (!region) {
    notFound()
  }
  return (
    <>
      <Header country={country} />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <Footer country={country} />
    </>
  )
}
