import type { Metadata } from "next"
import { headers } from "next/headers"
import { notFound } from "next/navigation"
import { Footer } from "@/components/footer"
import { Header } from "@/components/header"
import { languageAlternates } from "@/i18n/alternates"
import { PAGE_URL_HEADER } from "@/i18n/locales"
import { readEnv } from "@/lib/config"
import { getRegion } from "@/lib/data/regions"

/** Every shop page names its English and Swahili addresses (the proxy passes the page's address). */
export async function generateMetadata({ params }: { params: Promise<{ country: string }> }): Promise<Metadata> {
  const { country } = await params
  const request = await headers()
  const page = request.get(PAGE_URL_HEADER) ?? `/${country}`
  // hreflang needs absolute addresses, and Next 16 no longer makes them absolute without a metadataBase:
  // without NEXT_PUBLIC_BASE_URL, the address the shopper asked for.
  const host = request.get("host")
  const base = readEnv("NEXT_PUBLIC_BASE_URL") ?? (host ? `${request.get("x-forwarded-proto") ?? "http"}://${host}` : undefined)
  return {
    ...(base ? { metadataBase: new URL(base) } : {}),
    alternates: { languages: languageAlternates(page) },
  }
}

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
