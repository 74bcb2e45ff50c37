/** An order by its display number (#1001), linking to its page in admin. */
export const OrderLink = ({ id, displayId }: { id: string | null; displayId: number | null }) =>
  id ? (
    <a className="text-ui-fg-interactive hover:underline" href={`/app/orders/${id}`}>
      {displayId !== null ? `#${displayId}` : id.slice(-8)}
    </a>
  ) : (
    <span>—</span>
  )
