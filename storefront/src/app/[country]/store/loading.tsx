/** Shown while a page's data loads: the final layout's shape, so nothing jumps. */
export default function Loading() {
  return (
    <div className="container page" aria-busy="true">
      <p className="visually-hidden" role="status">Loading…</p>
      <div className="skeleton skeleton--line" style={{ width: "40%", height: "2rem" }} />
      <ul className="product-grid product-grid--wide" aria-hidden="true" style={{ marginTop: 20 }}>
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i}>
            <div className="skeleton skeleton--square" />
            <div className="skeleton skeleton--line" style={{ width: "70%" }} />
            <div className="skeleton skeleton--line" style={{ width: "40%" }} />
          </li>
        ))}
      </ul>
    </div>
  )
}
