import { notFound } from "next/navigation"
import { Suspense } from "react"
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
        {/*
          The page streams in inside its own Suspense boundary, and React hydrates a boundary only
          once its HTML is complete. Without it the page was part of the shell, and when the
          scripts came from the cache React could start hydrating a long page (the catalog) before
          the browser had parsed all of it: hydration error #418 and a client re-render, in about
          one page load in twenty in the browser tests.
        */}
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </main>
      <Footer country={country} />
    </>
  )
}

/** What shows while a page streams in on a first visit: its rough shape, so nothing jumps. */
function PageSkeleton() {
  return (
    <div className="container page" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading…
      </p>
      <div className="skeleton skeleton--line" style={{ width: "45%", height: "2rem" }} />
      <div className="skeleton skeleton--line" style={{ width: "70%" }} />
      <div className="skeleton" style={{ height: 240, marginTop: 20 }} />
    </div>
  )
}
