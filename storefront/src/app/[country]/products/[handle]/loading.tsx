/** The product page's shape while it loads. */
export default function Loading() {
  return (
    <div className="container page" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading…
      </p>
      <div className="skeleton skeleton--line" style={{ width: "40%" }} />
      <div className="product" style={{ marginTop: 12 }}>
        <div className="skeleton skeleton--square" />
        <div>
          <div className="skeleton skeleton--line" style={{ width: "80%", height: "2rem" }} />
          <div className="skeleton skeleton--line" style={{ width: "40%" }} />
          <div className="skeleton skeleton--line" style={{ width: "30%", height: "1.6rem", marginTop: 16 }} />
          <div className="skeleton" style={{ height: 48, marginTop: 24 }} />
        </div>
      </div>
    </div>
  )
}
