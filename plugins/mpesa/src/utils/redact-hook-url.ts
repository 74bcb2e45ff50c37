/**
 * The callback secret travels in the hook URL (Daraja signs nothing), and
 * Medusa's HTTP access log writes the URL (morgan's `:url`, read when the
 * response ends). The hook replaces the secret segment before answering.
 */
// C2B hooks have one more segment (/hooks/daraja/c2b/confirmation/<secret>).
const HOOK_PATH = /^(\/hooks\/daraja\/(?:c2b\/)?[^/?#]+\/)[^/?#]*/

export function redactHookUrl(url: string): string {
  return url.replace(HOOK_PATH, "$1[redacted]")
}
