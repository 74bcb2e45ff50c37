/** Shown while a page's data loads: a neutral shape, so nothing jumps when it arrives. */
export default function Loading() {
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
