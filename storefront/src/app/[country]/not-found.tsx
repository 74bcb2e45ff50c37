import Link from "next/link"

export default function NotFound() {
  return (
    <div className="container page">
      <h1>We couldn&apos;t find that</h1>
      <p>The link may be old, or the product is no longer sold.</p>
      <p>
        <Link className="btn" href="/ke/store">
          Browse the shop
        </Link>
      </p>
    </div>
  )
}
