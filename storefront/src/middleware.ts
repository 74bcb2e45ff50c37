import { type NextRequest, NextResponse } from "next/server"

const DEFAULT_COUNTRY = "ke"

/**
 * Every shop page lives under a country (/ke/store, /us/products/…), which picks
 * the region, currency and prices. Links without one (/, /store, /account/…,
 * a reset-password link from an email) go to the shopper's remembered country,
 * Kenya by default. The [country] layout 404s countries no region serves.
 */
export function middleware(request: NextRequest) {
  const { pathname } = request.nextUrl
  const first = pathname.split("/")[1] ?? ""
  if (/^[a-z]{2}$/.test(first)) {
    return NextResponse.next()
  }
  const url = request.nextUrl.clone()
  if (/^[A-Za-z]{2}$/.test(first)) {
    url.pathname = `/${first.toLowerCase()}${pathname.slice(3)}`
    return NextResponse.redirect(url)
  }
  const remembered = request.cookies.get("soko_country")?.value
  const country = remembered && /^[a-z]{2}$/.test(remembered) ? remembered : DEFAULT_COUNTRY
  url.pathname = `/${country}${pathname === "/" ? "" : pathname}`
  return NextResponse.redirect(url)
}

export const config = {
  matcher: ["/((?!api/|static/|_next/|favicon\\.ico|icon\\.svg|robots\\.txt|manifest\\.webmanifest).*)"],
}
