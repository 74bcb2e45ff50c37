/**
 * Product pictures stored by Medusa's local file module have absolute URLs on the
 * backend (`http://localhost:9000/static/…`, whatever port the seed saw). The
 * storefront serves them from its own origin: `/static/…` is rewritten to the
 * backend by src/proxy.ts (Next's rewrite proxies the file), so
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

/** A file name under the backend's /static (the local file module's uploads): no dot-dot, no encoded slashes or dots. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/

/**
 * Where the proxy's rewrite sends a `/static/…` request: the same path on
 * the backend, or null (a 404) for anything that is not plain file names, so
 * `/static/%2e%2e/admin` cannot reach other backend routes.
 */
export function backendStaticUrl(pathname: string, backend: string): string | null {
  const segments = pathname.split("/").slice(2)
  if (!pathname.startsWith("/static/") || !segments.every((s) => SEGMENT.test(s) && !s.includes(".."))) {
    return null
  }
  return `${backend.replace(/\/$/, "")}/static/${segments.join("/")}`
}
