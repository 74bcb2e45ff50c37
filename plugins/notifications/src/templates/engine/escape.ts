const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
}

/**
 * HTML escaping for the email layout and for every `{{ }}` in HTML bodies.
 * Ours rather than liquidjs's `escape` filter because that one writes `"` as
 * `&#34;`, which some mail clients' text previews show literally; `&quot;` is
 * what the emails have always contained.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
}
