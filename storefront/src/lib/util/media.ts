/**
 * Product pictures stored by Medusa's local file module have absolute URLs on the
 * backend (`http://localhost:9000/static/…`, whatever port the seed saw). The
 * storefront serves them from its own origin through `/static/[...path]`, so
 * they load on a phone on the LAN, on any backend port, with one connection.
 * Pictures on other hosts (a CDN, S3) are left alone.
 */
export function mediaUrl(url: string | null | undefined): string | null {
  if (!url) {
    return null
  }
  try {
    const parsed = new URL(url)
    if (parsed.pathname.startsWith("/static/") && isLocalHost(parsed.hostname)) {
      return `${parsed.pathname}${parsed.search}`
    }
    return url
  } catch {
    return url.startsWith("/") ? url : null
  }
}

function isLocalHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]" || hostname.endsWith(".localhost")
}
