/**
 * Product pictures are drawn at seed time and stored by the file module, so the
 * shop needs no remote image host and no binary files in the repository.
 */

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function productImageSvg(title: string, hue: number, variant = 0): string {
  const background = `hsl(${hue}, 55%, ${variant ? 88 : 92}%)`
  const shape = `hsl(${hue}, 60%, 42%)`
  const accent = `hsl(${(hue + 40) % 360}, 65%, 55%)`
  const label = escapeXml(title)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800" role="img" aria-label="${label}">`,
    `<rect width="800" height="800" fill="${background}"/>`,
    variant
      ? `<rect x="230" y="210" width="340" height="340" rx="48" fill="${shape}"/>`
      : `<circle cx="400" cy="360" r="190" fill="${shape}"/>`,
    `<circle cx="${variant ? 520 : 470}" cy="${variant ? 260 : 290}" r="56" fill="${accent}"/>`,
    `<text x="400" y="690" font-family="Helvetica, Arial, sans-serif" font-size="44" font-weight="600" text-anchor="middle" fill="hsl(${hue}, 40%, 20%)">${label}</text>`,
    `</svg>`,
  ].join("")
}
