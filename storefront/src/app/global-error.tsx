"use client"

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: 24 }}>
        <h1>Something went wrong</h1>
        <p>We can&apos;t reach the shop right now. Please try again in a moment.</p>
        <button type="button" onClick={reset} style={{ minHeight: 48, padding: "0 20px" }}>
          Try again
        </button>
      </body>
    </html>
  )
}
