import { mediaUrl } from "@/lib/util/media"

type Props = {
  src: string | null | undefined
  alt: string
  size: number
  /** The first pictures on a page load eagerly with high priority (they are the LCP). */
  priority?: boolean
  className?: string
}

/**
 * A sized product picture. Width and height are always set (no layout shift);
 * a missing picture keeps its square as a neutral placeholder.
 */
export function MediaImage({ src, alt, size, priority = false, className }: Props) {
  const url = mediaUrl(src)
  if (!url) {
    return <div className={className} role="img" aria-label={alt} style={{ aspectRatio: "1 / 1", background: "var(--soft)" }} />
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- SVG/remote pictures from the file module, sized explicitly
    <img
      src={url}
      alt={alt}
      width={size}
      height={size}
      className={className}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority ? "high" : "auto"}
      decoding="async"
    />
  )
}
