import { type NextRequest, NextResponse } from "next/server"
import { backendUrl, secureCookies } from "@/lib/config"
import { backendStaticUrl } from "@/lib/util/media"
import { LOCALE_COOKIE, LOCALE_HEADER, LOCALE_PARAM, PAGE_URL_HEADER, toLocale } from "@/i18n/locales"

const DEFAULT_COUNTRY = "ke"

/**
 * Every shop page lives under a country (/ke/store, /us/products/…), which picks
 * the region, currency and prices. Links without one (/, /store, /account/…,
 * a reset-password link from an email) go to the shopper's remembered country,
 * Kenya by default. The [country] layout 404s countries no region serves.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl
  if (pathname.startsWith("/static/")) {
    return staticFile(request)
  }
  const first = pathname.split("/")[1] ?? ""
  if (/^[a-z]{2}$/.test(first)) {
    return withLanguage(request)
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

/**
 * A page in the shopper's language. `?lang=sw` (from the header's switch or a
 * hreflang link) is remembered in a cookie, so the choice survives navigation
 * to plain links, and passed on as a request header because cookies set here
 * are not visible to this request's render. The page's address goes along too,
 * for its hreflang alternates (layouts are not told the path).
 */
function withLanguage(request: NextRequest) {
  const chosen = toLocale(request.nextUrl.searchParams.get(LOCALE_PARAM))
  const headers = new Headers(request.headers)
  headers.set(PAGE_URL_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`)
  if (chosen) {
    headers.set(LOCALE_HEADER, chosen)
  } else {
    headers.delete(LOCALE_HEADER)
  }
  const response = NextResponse.next({ request: { headers } })
  if (chosen && request.cookies.get(LOCALE_COOKIE)?.value !== chosen) {
    response.cookies.set(LOCALE_COOKIE, chosen, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      secure: secureCookies(),
      maxAge: 60 * 60 * 24 * 365,
    })
  }
  return response
}

/**
 * Product pictures from Medusa's local file module, served from the shop's own
 * origin (see lib/util/media.ts): Next's rewrite proxies them from the backend,
 * so the browser never talks to it. A rewrite here rather than in next.config's
 * rewrites(): those are frozen into the build (routes-manifest.json), and one
 * build must serve any backend (MEDUSA_BACKEND_URL is read at run time).
 */
function staticFile(request: NextRequest) {
  const target = backendStaticUrl(request.nextUrl.pathname, backendUrl())
  if (!target) {
    return new NextResponse("Not found", { status: 404 })
  }
  // The shopper's session cookies are for this shop, not for the backend's file server.
  const headers = new Headers(request.headers)
  headers.delete("cookie")
  headers.delete("authorization")
  // Next's rewrite proxy keeps idle connections to the backend with no time limit, while the backend
  // (Node's server) closes them after 5 s: a picture sent down one it just closed failed with
  // "socket hang up" (a 500, about 1 in 100 catalog loads). One connection per file on loopback is cheap.
  headers.set("connection", "close")
  return NextResponse.rewrite(target, {
    request: { headers },
    // SVGs are drawn with <img>, where scripts never run; this keeps them inert if opened directly too.
    headers: { "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox" },
  })
}

export const config = {
  matcher: ["/static/:path*", "/((?!api/|static/|_next/|favicon\\.ico|icon\\.svg|robots\\.txt|manifest\\.webmanifest).*)"],
}
