import { backendUrl } from "@/lib/config"

export const dynamic = "force-dynamic"

/** A file name under the backend's /static (the local file module's uploads): no dot-dot, no slashes tricks. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/

/**
 * Product pictures from Medusa's local file module, served from the shop's own
 * origin (see lib/util/media.ts): the browser never talks to the backend.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params
  if (!path.length || !path.every((s) => SEGMENT.test(s) && !s.includes(".."))) {
    return new Response("Not found", { status: 404 })
  }
  let upstream: Response
  try {
    upstream = await fetch(`${backendUrl()}/static/${path.map(encodeURIComponent).join("/")}`, { cache: "no-store" })
  } catch {
    return new Response("The picture is unavailable right now.", { status: 502 })
  }
  if (!upstream.ok || !upstream.body) {
    return new Response("Not found", { status: upstream.status === 404 ? 404 : 502 })
  }
  const headers = new Headers({
    "content-type": upstream.headers.get("content-type") ?? "application/octet-stream",
    // Uploaded files get a new name when they change.
    "cache-control": "public, max-age=86400",
    "x-content-type-options": "nosniff",
  })
  const length = upstream.headers.get("content-length")
  if (length) {
    headers.set("content-length", length)
  }
  // SVGs are drawn with <img>, where scripts never run; this keeps them inert if opened directly too.
  headers.set("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
  return new Response(upstream.body, { status: 200, headers })
}
